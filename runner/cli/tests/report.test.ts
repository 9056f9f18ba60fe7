// The failure report: what a learner reads first, and no line too long to read.
import { describe, expect, it } from "vitest";
import type { TestErrorInfo, TestOutcome, RunResult } from "../../harness/driver";
import { loadManifest } from "../../harness/manifest";
import type { Outcome } from "../course";
import { catalogue } from "../i18n";
import { capLines, failureReport, MAX_LINE } from "../report";
import { makeTerm } from "../term";

const matrix = loadManifest().exercises[4];
const ctx = { root: "/course", total: 19, m: catalogue.en, term: makeTerm({ isTTY: false }, {}), mode: "next" as const };

const test = (name: string, error: TestErrorInfo): TestOutcome => ({ file: "exercises/05-matrix/matrix.test.ts", name, fullName: name, state: "failed", errors: [error], durationMs: 1 });
const outcomeOf = (tests: TestOutcome[]): Outcome => {
  const run: RunResult = { status: "finished", files: [{ file: tests[0].file, state: "fail", errors: [], tests }], unhandledErrors: [], running: [], logs: [], stderr: "", exitCode: 1, signal: null, durationMs: 10 };
  return { ex: matrix, kind: "failed", run, missing: [], notReady: [], passed: 0, total: tests.length };
};

describe("the failure report", () => {
  it("failures that explain themselves come first, then the bare expected/got ones, then how many more", () => {
    const plain = (n: number) => test(`plain ${n}`, { message: `expected ${n} to be 0`, expected: "0", actual: String(n) });
    const labelled = test("labelled", { message: "multiply(A, B)\n  expected: 2\n  got:      3" });
    const telling = test("aliasing", { message: "add(A, B) returned one of its inputs (or shares its data): make a new Matrix for the answer" });
    const report = failureReport(ctx, outcomeOf([plain(1), labelled, plain(2), telling, plain(3)]));
    const order = ["✗ aliasing", "✗ plain 1", "✗ labelled"].map((name) => report.indexOf(name));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(report).not.toContain("✗ plain 2");
    expect(report).toContain("... and 2 more failing tests");
    expect(report).toMatch(/Next step: fix the test "aliasing"|Next step: .*aliasing/);
  });

  it("no line is longer than about 300 characters, and a cut line says how much was left out", () => {
    const values = Array.from({ length: 784 }, (_, i) => (i / 784).toFixed(6)).join(", ");
    const report = failureReport(ctx, outcomeOf([test("784 values", { message: `handwriting pixels\n  expected: [${values}]\n  got:      [${values}]` })]));
    const lines = report.split("\n");
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(MAX_LINE);
    expect(report).toMatch(/… \(\d+ more characters\)/);
  });

  it("a short line is left as it is, colours included; a long one is cut to the limit exactly", () => {
    expect(capLines("\x1b[31mshort\x1b[39m", catalogue.en)).toBe("\x1b[31mshort\x1b[39m");
    const cut = capLines("x".repeat(1000), catalogue.en);
    expect(cut.length).toBe(MAX_LINE);
    expect(cut).toMatch(/^x+… \(\d+ more characters\)$/);
    expect(cut.indexOf("…") + Number(/\((\d+) more/.exec(cut)![1])).toBe(1000); // kept + left out = all
  });

  it("an emptied test file points at the test file and how to bring it back, not at the stub", () => {
    const file = "exercises/05-matrix/matrix.test.ts";
    const run: RunResult = { status: "finished", files: [{ file, state: "fail", errors: [{ message: `No test suite found in file /course/${file}` }], tests: [] }], unhandledErrors: [], running: [], logs: [], stderr: "", exitCode: 1, signal: null, durationMs: 10 };
    const report = failureReport(ctx, { ex: matrix, kind: "load-error", run, missing: [], notReady: [], passed: 0, total: 0 });
    expect(report).toContain(`✗ ${file} has no tests in it: the test file was emptied or cut short.`);
    expect(report).toContain("Next step: bring the tests back with npm run reset -- 5");
    expect(report).not.toContain("matrix.ts,");
    expect(report).not.toContain("exercises/05-matrix/matrix.ts");
  });
});
