// The test kit's messages (solutions/_testkit/check.ts) and the two-language texts (data/lang.ts):
// what a learner reads when a test fails must be short, in their language, and to the point.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pick, pickLines } from "../data/lang";

type Kit = typeof import("../solutions/_testkit/check");

/** The kit as a test run in `lang` loads it (it reads NN_KATA_LANG once, when it loads). */
async function kitIn(lang: "en" | "zh"): Promise<Kit> {
  vi.resetModules();
  vi.stubEnv("NN_KATA_LANG", lang);
  return import("../solutions/_testkit/check");
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a failure");
}

afterEach(() => vi.unstubAllEnvs());

describe("data/lang: 'English | 中文' texts", () => {
  it("picks the half for the language, and leaves one-language text alone", () => {
    expect(pick("adds two matrices | 两个矩阵相加", "en")).toBe("adds two matrices");
    expect(pick("adds two matrices | 两个矩阵相加", "zh")).toBe("两个矩阵相加");
    expect(pick("a|b is bitwise or | a|b 是按位或", "zh")).toBe("a|b 是按位或");
    expect(pick("x | y", "zh")).toBe("x | y");
    expect(pickLines("top | 顶\n  expected: 1 | expected: 一", "zh")).toBe("顶\n  expected: 一");
  });
});

describe("the test kit's failure messages", () => {
  it("a long array is summarised around its first difference: index, a window, counts, no line over 300 characters", async () => {
    const kit = await kitIn("en");
    const expected = Array.from({ length: 784 }, (_, i) => i / 784);
    const got = expected.map((v, i) => (i === 400 || i === 500 ? v + 1 : v));
    const message = messageOf(() => kit.expectCloseNumbers(got, expected, "pixels", 1e-9));
    expect(message).toContain("[400]");
    expect(message).toContain("2 of 784 items differ");
    expect(message).toMatch(/expected: \[\.\.\. .* \.\.\.\]/);
    for (const line of message.split("\n")) expect(line.length).toBeLessThanOrEqual(300);
  });

  it("speaks Chinese when the runner says so, keeping the labels the runner translates", async () => {
    const kit = await kitIn("zh");
    const message = messageOf(() => kit.expectClose(0.5, 0.75, "sigmoid(0) | sigmoid(0)，书中的数", 1e-3));
    expect(message).toBe("sigmoid(0)，书中的数\n  expected: 0.75 （允许误差 0.001）\n  got:      0.5");
    expect(messageOf(() => kit.expectNumbers([1, 2], 3, "xs"))).toContain("3 个数");
    expect(messageOf(() => kit.fail("top | 顶部\n  expected: one | expected: 一"))).toBe("顶部\n  expected: 一");
    expect(messageOf(() => kit.expectClose(51, 50, "predict(0.5, 100) (book 1.2)"))).toContain("predict(0.5, 100) （书中 1.2 节）");
  });

  it("a property's counterexample is a short plain value, with the learner's own error after it", async () => {
    const kit = await kitIn("en");
    const record = fc.record({ a: fc.integer({ min: 5, max: 9 }), b: fc.array(fc.double({ noNaN: true }), { minLength: 300, maxLength: 300 }) }, { noNullPrototype: false });
    const message = messageOf(() =>
      fc.assert(
        fc.property(record, (r) => {
          throw new Error(`your function returned NaN for a = ${r.a}`);
        }),
        kit.propertyOptions(5),
      ),
    );
    expect(message).toMatch(/^Property failed after 1 tests\nCounterexample: \{ a: 5, b: \[.*\(300 items\)\] \}\nyour function returned NaN for a = 5$/);
    expect(message).not.toContain("__proto__");
  });
});
