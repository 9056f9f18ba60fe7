// From test runs to an exercise's score. Points come from the manifest and are shared evenly
// by the exercise's tests (hidden ones included) that pass on the reference. A file that timed
// out, crashed or failed to load scores 0: a run that did not finish never counts as a pass.
import type { TestErrorInfo } from "../runner/harness/driver";
import type { Baseline } from "./baseline";
import type { GradedExercise } from "./course";
import type { FileRun } from "./execute";
import type { ExerciseStatus, ModeResult, TestResult } from "./types";
import { inExercise } from "../runner/harness/manifest";

const ANSI = /\u001b\[[0-9;]*m/g;
const clean = (text: string | undefined) => text?.replace(ANSI, "").trim();

/** What a learner can act on, for the errors the sandbox and the runner raise. */
export function explain(message: string): string {
  // Paths inside the temporary workspace read as the learner's own: exercises/05-matrix/matrix.ts.
  const text = (clean(message) ?? "").replace(/(?:[A-Za-z]:)?[\\/][^\s"'`]*?[\\/](?:exercises|isolated)[\\/]/g, "exercises/");
  if (/Access to this API has been restricted/.test(text)) {
    return "the grader's sandbox refused it: the code tried to write a file outside its scratch folder, read a file outside the course, or start a process or thread";
  }
  return text;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

export function scoreRuns(ex: GradedExercise, runs: FileRun[], baseline: Baseline, hidden: Set<string>): ModeResult {
  const expected = baseline.exercises[ex.dir]?.tests ?? [];
  const problem = runs.find((r) => r.status !== "finished") ?? runs.find((r) => r.errors.length > 0);
  // A hidden test file's load error could quote its source: say only that it did not load.
  const problemHidden = problem !== undefined && hidden.has(`exercises/${ex.dir}/${short(problem.file)}`);
  const reason = problem ? (problem.status !== "finished" ? problem.reason : problemHidden ? "a hidden test file did not load" : `${short(problem.file)} did not load: ${firstMessage(problem.errors)}`) : undefined;

  const tests: TestResult[] = [];
  const seen = new Set<string>();
  for (const want of expected) {
    const run = runs.find((r) => short(r.file) === want.file);
    const got = run?.tests.find((t) => t.fullName === want.name);
    seen.add(`${want.file}\0${want.name}`);
    tests.push(toResult(want.file, want.name, got, run, reason, hidden.has(inExercise(ex, want.file))));
  }
  // A test the reference run did not list (should not happen): shown, never scored.
  for (const run of runs) {
    for (const t of run.tests) {
      if (!seen.has(`${short(run.file)}\0${t.fullName}`)) tests.push(toResult(short(run.file), t.fullName, t, run, reason, hidden.has(run.file)));
    }
  }

  const counted = expected.filter((t) => t.passed);
  const passed = counted.filter((want) => tests.find((t) => t.file === want.file && t.name === want.name)?.status === "pass").length;
  const durationMs = runs.reduce((sum, r) => sum + r.durationMs, 0);
  if (reason) return { status: "error", score: 0, reason, passed: 0, total: counted.length, tests, durationMs };
  const status: ExerciseStatus = counted.length > 0 && passed === counted.length ? "pass" : passed > 0 ? "partial" : "fail";
  return { status, score: counted.length > 0 ? round2((ex.points * passed) / counted.length) : 0, passed, total: counted.length, tests, durationMs };
}

/** An exercise that was not run: still the stub, or not in the submission. */
export function notRun(ex: GradedExercise, status: "untouched" | "missing", baseline: Baseline, hidden: Set<string>): ModeResult {
  const reason = status === "untouched" ? "not started: the file is still the course's stub" : "the exercise's files are not in the submission";
  const expected = baseline.exercises[ex.dir]?.tests ?? [];
  const tests: TestResult[] = expected.map((t) => ({
    name: t.name,
    file: t.file,
    hidden: hidden.has(inExercise(ex, t.file)),
    status: "fail",
    message: reason,
    durationMs: 0,
  }));
  return { status, score: 0, reason, passed: 0, total: expected.filter((t) => t.passed).length, tests, durationMs: 0 };
}

function toResult(file: string, name: string, got: FileRun["tests"][number] | undefined, run: FileRun | undefined, reason: string | undefined, hidden: boolean): TestResult {
  const base = { name, file, hidden, durationMs: got?.durationMs ?? 0 };
  const output = hidden ? undefined : run?.output.get(name)?.slice(0, 4000);
  if (got?.state === "passed" && !reason) return { ...base, status: "pass", ...(output ? { output } : {}) };
  // Hidden: the message is kept for the instructor (--show-hidden); hidden.ts redacts it otherwise.
  if (hidden) return { ...base, status: got?.state === "failed" ? "fail" : "error", ...(got?.errors[0] ? { message: explain(got.errors[0].message).slice(0, 500) } : {}) };
  if (got?.state === "failed") {
    const error = got.errors[0];
    return {
      ...base,
      status: "fail",
      message: error ? explain(fullMessage(error)) : "failed",
      ...(error?.expected !== undefined ? { expected: clean(String(error.expected)) } : {}),
      ...(error?.actual !== undefined ? { actual: clean(String(error.actual)) } : {}),
      ...(output ? { output } : {}),
    };
  }
  if (got?.state === "passed") return { ...base, status: "error", message: `passed, but does not count: ${reason}`, ...(output ? { output } : {}) };
  return { ...base, status: "error", message: reason ?? "did not run", ...(output ? { output } : {}) };
}

/** The message, with the learner's own error when fast-check wrapped it. */
function fullMessage(error: TestErrorInfo): string {
  const cause = (error as TestErrorInfo & { cause?: TestErrorInfo }).cause;
  return cause && !error.message.includes(cause.message) ? `${error.message}\nCaused by: ${cause.message}` : error.message;
}

/** The error's first line (two when the first only announces it: "Transform failed with 1 error:"), and where. */
function firstMessage(errors: TestErrorInfo[]): string {
  const text = explain(errors[0]?.message ?? "unknown error");
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const first = lines[0]?.endsWith(":") && lines[1] ? `${lines[0]} ${lines[1]}` : (lines[0] ?? "unknown error");
  // A parse error names its place in a drawn frame further down: bring it up.
  const at = /exercises\/[^\s\]]+:\d+:\d+/.exec(text)?.[0];
  return at && !first.includes(at) ? `${first} (at ${at})` : first;
}
const short = (file: string) => file.split("/").slice(2).join("/");
