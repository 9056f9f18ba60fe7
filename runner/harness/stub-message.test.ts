import { describe, expect, it } from "vitest";
import { isStubError, parseStubMessage, rewriteStubMessage, stubMessage } from "./stubs";

describe("runner/harness/stub-message: what a stub throws, written and read in one place", () => {
  it("the message a stub throws is read back to its function and file, wherever it sits in a text", () => {
    const message = stubMessage("predict", "exercises/01-predictor/predictor.ts");
    expect(message).toBe("not implemented yet: predict in exercises/01-predictor/predictor.ts");
    expect(parseStubMessage(`Error: ${message}\n    at predict (x.ts:1:1)`)).toEqual({ name: "predict", file: "exercises/01-predictor/predictor.ts" });
    expect(parseStubMessage("expected 1, got 2")).toBeUndefined();
    const constructor = stubMessage("NeuralNetwork constructor", "exercises/10-network/network.ts");
    expect(parseStubMessage(constructor)).toEqual({ name: "NeuralNetwork constructor", file: "exercises/10-network/network.ts" });
  });

  it("a stub's error is told apart from any other, and its message can be said another way", () => {
    expect(isStubError(new Error(stubMessage("f", "exercises/02-classifier/classifier.ts")))).toBe(true);
    expect(isStubError(new Error("something else"))).toBe(false);
    expect(isStubError("not implemented yet: f in x.ts")).toBe(false);
    expect(rewriteStubMessage(`  ${stubMessage("f", "a.ts")}`, (name, file) => `${name}@${file}`)).toBe("  f@a.ts");
  });
});
