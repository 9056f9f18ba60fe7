// The class report from a made-up class of known grades: the numbers in class.md, and class.html
// opened in Chromium (self-contained: it asks for nothing over the network; the charts draw).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openChromium } from "../testing/chromium";
import type { ExerciseGrade, SubmissionGrade, TestResult } from "../types";
import { classHtml, classMarkdown, type ClassReportInput } from "./class-report";
import { classStats } from "./class-stats";

const test = (name: string, pass: boolean, message = "expected 0.5 to be close to 0.62"): TestResult => ({ name, file: "activation.test.ts", hidden: false, status: pass ? "pass" : "fail", ...(pass ? {} : { message }), durationMs: 1 });
const exercise = (dir: string, tests: TestResult[]): ExerciseGrade => {
  const passed = tests.filter((t) => t.status === "pass").length;
  const r = { status: passed === tests.length ? ("pass" as const) : passed ? ("partial" as const) : ("fail" as const), score: (10 * passed) / tests.length, passed, total: tests.length, tests, durationMs: 5 };
  return { number: Number(dir.slice(0, 2)), dir, title: dir.slice(3), points: 10, files: [], progressive: r, isolated: r };
};
const learner = (id: string, sigmoidOk: boolean, slopeOk: boolean, message?: string): SubmissionGrade => {
  const ex = exercise("04-activation", [test("sigmoid(0) is 0.5", sigmoidOk, message), test("sigmoidSlope", slopeOk, message), test("logit undoes sigmoid", true)]);
  return { id, source: id, status: "graded", exercises: [ex], totals: { progressive: ex.progressive.score, isolated: ex.progressive.score, max: 10 }, flags: [], notes: [], hash: id, durationMs: 2000 + id.length * 100, cached: false };
};

const grades: SubmissionGrade[] = [
  learner("ada", true, true),
  learner("bob", false, true, "expected 0.5 to be close to 0.62\nmore detail"),
  learner("cy", false, false),
  learner("dee", false, true, "not implemented yet: sigmoid in exercises/04-activation/activation.ts"),
  { ...learner("eve", true, true), flags: [{ kind: "tests-changed", file: "exercises/04-activation/activation.test.ts", line: 3, evidence: "it.skip(", message: "differs from the course's test file from line 3 on" }] },
  { id: "broken.zip", source: "broken.zip", status: "invalid", problem: "the archive will not unpack", exercises: [], totals: { progressive: 0, isolated: 0, max: 10 }, flags: [], notes: [], hash: "", durationMs: 0, cached: false },
];
const input: ClassReportInput = {
  grades,
  mode: "progressive",
  warnings: [],
  durationMs: 12_345,
  similarity: {
    threshold: 0.5,
    compared: 10,
    pairs: [
      { a: "bob", b: "dee", score: 0.9, shared: 27, excerpt: { a: { file: "exercises/05-matrix/matrix.ts", from: 3, to: 4, text: "for (let i = 0; i < n; i++)\n  out[i] = <b>" }, b: { file: "exercises/05-matrix/matrix.ts", from: 7, to: 8, text: "for (let r = 0; r < n; r++)\n  res[r] = x" } } },
      { a: "ada", b: "cy", score: 0.12, shared: 2, excerpt: { a: { file: "f", from: 1, to: 1, text: "" }, b: { file: "f", from: 1, to: 1, text: "" } } },
    ],
  },
};

describe("class report", () => {
  it("counts pass rates and each test's most common failing assertion", () => {
    const s = classStats(grades, "progressive", 12_345);
    expect(s).toMatchObject({ submissions: 6, graded: 5, max: 10, invalid: [{ id: "broken.zip" }] });
    expect(s.exercises).toEqual([{ dir: "04-activation", title: "activation", points: 10, passed: 2, attempted: 5, meanScore: 7.33 }]);
    const sigmoid = s.tests.find((t) => t.name === "sigmoid(0) is 0.5")!;
    expect(sigmoid).toMatchObject({ passed: 2, attempted: 5, commonFailure: { message: "expected 0.5 to be close to 0.62", count: 2, failures: 3 } });
    expect(s.tests.find((t) => t.name === "logit undoes sigmoid")).toMatchObject({ passed: 5, attempted: 5 });
    expect(s.tests.find((t) => t.name === "logit undoes sigmoid")!.commonFailure).toBeUndefined();
    // 10, 6.67, 3.33, 6.67, 10 -> bins 3, 6 (twice), 9 (full marks, twice)
    expect(s.histogram).toEqual([0, 0, 0, 1, 0, 0, 2, 0, 0, 2]);
  });

  it("class.md has the distribution, rates, failures, flags, similar pairs with excerpts and the grading time", () => {
    const md = classMarkdown(input);
    expect(md).toContain("6 submissions: 5 graded, 1 could not be graded");
    expect(md).toContain("mean 7.33, median 6.67 of 10");
    expect(md).toContain("| 04-activation | 2 | 5 | 40% | 7.33 / 10 |");
    expect(md).toContain("| 04-activation | sigmoid(0) is 0.5 | 2/5 (40%) | 2 of 3: `expected 0.5 to be close to 0.62` |");
    expect(md).toContain("| eve | tests-changed | `exercises/04-activation/activation.test.ts:3` |");
    expect(md).toContain("### bob and dee: 0.9 (27 shared fingerprints)");
    expect(md).toContain("Closest pairs below the threshold: ada / cy 0.12.");
    expect(md).toMatch(/grading time: 12\.3 s in all, median 2\.3 s per submission/);
    expect(md).toContain("- broken.zip: the archive will not unpack");
  });

  describe("class.html in Chromium", () => {
    let dir: string;
    let browser: Awaited<ReturnType<typeof openChromium>>;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-class-report-"));
      fs.writeFileSync(path.join(dir, "class.html"), classHtml(input));
      browser = await openChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("is one self-contained page: it loads nothing else, and its charts and excerpts show", async () => {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`file://${path.join(dir, "class.html")}`);
      expect(requests).toEqual([`file://${path.join(dir, "class.html")}`]);
      const charts = await page.locator("svg").evaluateAll((svgs) => svgs.map((s) => ({ label: s.getAttribute("aria-label"), ...s.getBoundingClientRect().toJSON(), bars: s.querySelectorAll("rect").length })));
      expect(charts.map((c) => c.label)).toEqual(["score distribution", "pass rate per exercise"]);
      for (const c of charts) expect(c.width * c.height).toBeGreaterThan(1000);
      expect(charts[0].bars).toBe(10);
      // The excerpt's "<b>" is text, not markup.
      await expect(page.locator(".pair pre").first().textContent()).resolves.toContain("out[i] = <b>");
      expect(await page.locator(".pair pre").count()).toBe(2);
      if (process.env.CLASS_REPORT_SCREENSHOT) await page.screenshot({ path: process.env.CLASS_REPORT_SCREENSHOT, fullPage: true });
    }, 60_000);
  });
});
