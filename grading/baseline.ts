// The course's own reference, graded like a submission once per course version: it lists every
// test in file order (so a learner whose file never loaded still gets a line per test), says
// which tests the reference passes (only those score), and how long each exercise takes (the
// default time limits scale with it). Cached in the report folder by the course's fingerprint.
import path from "node:path";
import { type Course } from "./course";
import { runFiles } from "./execute";
import type { SandboxOptions } from "./sandbox";
import { buildWorkspace, remove } from "./workspace";
import { inExercise, ownLimitMs, REFERENCE_LIMIT_MS } from "../runner/harness/manifest";

export interface Baseline {
  fingerprint: string;
  exercises: Record<string, { tests: { file: string; name: string; passed: boolean }[]; durationMs: number; problem?: string }>;
}

export async function runBaseline(course: Course, sandbox: SandboxOptions, sessionDir: string): Promise<Baseline> {
  const workspace = buildWorkspace(course, new Map([...course.stubs.keys()].map((key) => [key, course.reference.get(key)!])), path.join(sessionDir, "reference"));
  const files = course.selected.flatMap((ex) => (course.testFiles.get(ex.dir) ?? []).map((t) => inExercise(ex, t)));
  const limits = new Map(course.selected.flatMap((ex) => (course.testFiles.get(ex.dir) ?? []).map((t) => [inExercise(ex, t), ownLimitMs(ex) ?? REFERENCE_LIMIT_MS] as const)));
  try {
    // The gate trains on all of MNIST: for the reference it runs on the engine, which learns the same.
    const runs = await runFiles(files, { course, workspace, runName: "baseline", sandbox, limits, gateOnEngine: true });
    const baseline: Baseline = { fingerprint: course.fingerprint, exercises: {} };
    for (const ex of course.selected) {
      const mine = [...runs.values()].filter((r) => r.file.startsWith(`${inExercise(ex, "")}`));
      const broken = mine.find((r) => r.status !== "finished" || r.errors.length > 0);
      baseline.exercises[ex.dir] = {
        tests: mine.flatMap((r) => r.tests.map((t) => ({ file: r.file.split("/").slice(2).join("/"), name: t.fullName, passed: t.state === "passed" }))),
        durationMs: mine.reduce((sum, r) => sum + r.durationMs, 0),
        ...(broken ? { problem: broken.reason ?? broken.errors[0]?.message ?? "did not finish" } : {}),
      };
    }
    return baseline;
  } finally {
    remove(workspace);
  }
}

/** What an instructor should hear about the reference run: tests the reference itself fails. */
export function baselineWarnings(baseline: Baseline): string[] {
  const warnings: string[] = [];
  for (const [dir, entry] of Object.entries(baseline.exercises)) {
    if (entry.problem) warnings.push(`${dir}: the course's reference did not run cleanly (${entry.problem.split("\n")[0]}); its tests score for nobody`);
    const failing = entry.tests.filter((t) => !t.passed);
    if (!entry.problem && failing.length > 0) warnings.push(`${dir}: ${failing.length} test(s) fail on the course's reference and are not scored: ${failing.map((t) => `"${t.name}"`).join(", ")}`);
  }
  return warnings;
}
