// Grades a class: load the course, find the submissions, grade the reference once (cached),
// grade every submission with a bounded number of vitest runs at a time, write the reports.
// One bad submission never stops the others: its problem becomes its line in the reports.
import os from "node:os";
import path from "node:path";
import { baselineWarnings, runBaseline, type Baseline } from "./baseline";
import { ResultCache } from "./cache";
import { loadCourse, type Course } from "./course";
import { discover } from "./discover";
import { gradeSubmission, invalidGrade, type GradeContext } from "./grade";
import { Slots } from "./limit";
import { loadInstructor, type InstructorOptions } from "./classroom/options";
import { writeReports } from "./reports/index";
import { sandboxKind, type SandboxKind, type SandboxOptions } from "./sandbox";
import { redactHidden } from "./hidden";
import type { Mode, SubmissionGrade } from "./types";
import { remove, removeOnExit, sessionDir } from "./workspace";
import { GRADING_LIMIT_MS, TEST_TIMEOUT_MS } from "../runner/harness/manifest";

export interface GradeOptions {
  inputs: string[];
  classDirs?: string[];
  /** The report folder; the only place the grader writes (besides its temporary folder). */
  out: string;
  exercises?: string;
  hidden?: string;
  /** vitest runs at a time; the number of cores by default. */
  jobs?: number;
  /** Default time limit per exercise test file, ms. */
  timeoutMs?: number;
  memoryMb?: number;
  isolate?: boolean;
  permissions?: boolean;
  force?: boolean;
  keep?: boolean;
  /** Keep hidden tests' names and messages in the reports (by default learners see counts only). */
  showHidden?: boolean;
  /** Which score fills the gradebook's exercise columns and the per-test reports. */
  mode?: Mode;
  courseRoot?: string;
  /** Which exercises get an isolated run (grade.ts): only those short of full marks (default), or every one that loads another's module. */
  isolatedRuns?: GradeContext["isolatedRuns"];
  /** The instructor's layer, applied after autograding: roster, deadline, overrides (see classroom/). */
  instructor?: InstructorOptions;
  onStart?: (total: number, course: Course) => void;
  onRun?: GradeContext["onRun"];
  onGraded?: (grade: SubmissionGrade) => void;
}

export interface ClassResult {
  course: Course;
  grades: SubmissionGrade[];
  warnings: string[];
  written: string[];
  baselineCached: boolean;
  /** The reference's run (baseline.ts): its tests and how long each exercise took. */
  baseline: Baseline;
  /** Which sandbox the runs had (sandbox.ts). */
  sandbox: SandboxKind;
  durationMs: number;
}

export const DEFAULTS = { timeoutMs: GRADING_LIMIT_MS, memoryMb: 1024, testTimeoutMs: TEST_TIMEOUT_MS };

export async function gradeClass(options: GradeOptions): Promise<ClassResult> {
  const started = Date.now();
  const course = loadCourse({ root: options.courseRoot, exercises: options.exercises, hiddenDir: options.hidden, stubCacheDir: path.join(options.out, ".cache", "stubs") });
  const submissions = discover(course, options.inputs, options.classDirs ?? []);
  // Bad roster, overrides or deadline: stop before anything runs.
  const instructor = loadInstructor(options.instructor);
  const sandbox: SandboxOptions = {
    memoryMb: options.memoryMb ?? DEFAULTS.memoryMb,
    permissions: options.permissions ?? true,
    isolate: options.isolate ?? false,
    testTimeoutMs: DEFAULTS.testTimeoutMs,
  };
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const kind = sandboxKind(sandbox);
  const cache = new ResultCache(path.join(options.out, ".cache"), JSON.stringify([course.fingerprint, sandbox, timeoutMs, options.isolatedRuns ?? "lost-points"]));
  const session = sessionDir();
  // Interrupted (Ctrl-C: the CLI turns it into an exit): leave no temporary folder behind.
  const cleanUp = () => removeOnExit(session);
  if (!options.keep) process.once("exit", cleanUp);
  options.onStart?.(submissions.length, course);
  try {
    const baselineKey = cache.key("baseline");
    // The reference's result depends only on the course (its fingerprint is in the key): --force
    // re-runs submissions, not the reference.
    let baseline = cache.get<Baseline>(baselineKey);
    const baselineCached = baseline !== undefined;
    if (!baseline && course.selected.length > 0) {
      baseline = await runBaseline(course, sandbox, session);
      cache.set(baselineKey, baseline);
    }
    baseline ??= { fingerprint: course.fingerprint, exercises: {} };

    const jobs = Math.max(1, options.jobs ?? os.availableParallelism());
    const ctx: GradeContext = { course, baseline, sandbox, timeoutMs, sessionDir: session, cache, force: options.force, keep: options.keep, slots: new Slots(jobs), onRun: options.onRun, isolatedRuns: options.isolatedRuns };
    const grades: SubmissionGrade[] = new Array(submissions.length);
    // One more submission in flight than slots, so reading and checking the next overlaps a run.
    let next = 0;
    const worker = async () => {
      while (next < submissions.length) {
        const i = next++;
        grades[i] = await gradeSubmission(submissions[i], ctx).catch((error: unknown) => failed(submissions[i], course, error));
        options.onGraded?.(grades[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs + 1, Math.max(1, submissions.length)) }, worker));

    const mode = options.mode ?? "progressive";
    const exercises = course.selected.map((ex) => ({ dir: ex.dir, number: ex.number, points: ex.points }));
    const warnings = [...course.skipped, ...baselineWarnings(baseline), ...instructor.apply(grades, mode, exercises)];
    const written = writeReports(options.out, {
      grades: options.showHidden ? grades : grades.map(redactHidden),
      sandbox: kind,
      exercises,
      warnings,
      mode,
      classReport: { stubs: course.stubs, roster: instructor.roster, assignment: options.instructor?.assignment, durationMs: Date.now() - started },
    });
    return { course, grades, warnings, written, baselineCached, baseline, sandbox: kind, durationMs: Date.now() - started };
  } finally {
    process.removeListener("exit", cleanUp);
    if (!options.keep) remove(session);
  }
}

/** A grader bug must not cost the rest of the class: the submission gets an "invalid" line. */
function failed(sub: { id: string; source: string }, course: Course, error: unknown): SubmissionGrade {
  const message = error instanceof Error ? error.message : String(error);
  return invalidGrade(sub, course, `the grader failed on this submission (${message.split("\n")[0]})`);
}
