// TypeScript's errors in the learner's own files are shown even when the tests pass: vitest only
// strips types, so a wrongly typed function can run and pass. They do not block "done" (README).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyCourse, npmRun, removeCourse } from "./course-copy";

let dir: string;
beforeAll(() => {
  dir = copyCourse();
  // Solved, plus a line that runs fine but is wrongly typed.
  const solution = fs.readFileSync(path.join(dir, "solutions/01-predictor/predictor.ts"), "utf8");
  fs.writeFileSync(path.join(dir, "exercises/01-predictor/predictor.ts"), `${solution}\nexport const distance: number = "100 km";\n`);
});
afterAll(() => removeCourse(dir));

describe("type errors beside passing tests", { timeout: 300_000 }, () => {
  it("next names the file, line and TypeScript's message under the pass, and still moves on", async () => {
    const { code, out } = await npmRun(dir, "next");
    expect(code).toBe(0);
    const line = fs.readFileSync(path.join(dir, "exercises/01-predictor/predictor.ts"), "utf8").split("\n").findIndex((l) => l.includes('"100 km"')) + 1;
    expect(out).toMatch(/✓ 01 .* pass/);
    expect(out).toContain("The tests of 01 pass, but TypeScript reports");
    expect(out).toContain(`exercises/01-predictor/predictor.ts:${line}:`);
    expect(out).toContain("Type 'string' is not assignable to type 'number'.");
    expect(out).toMatch(/exercise 02\/\d+/); // done all the same: the next exercise is shown
  });

  it("a remembered check is shown again while nothing changed, and forgotten after an edit", async () => {
    const again = await npmRun(dir, "next", ["01"]);
    expect(again.out).toContain("Type 'string' is not assignable to type 'number'.");
    const file = path.join(dir, "exercises/01-predictor/predictor.ts");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"100 km"', "100"));
    const fixed = await npmRun(dir, "next", ["01"]);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toMatch(/✓ 01 .* pass/);
    expect(fixed.out).not.toContain("TypeScript reports");
  });
});
