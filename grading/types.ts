// The shapes every part of the grader agrees on: what one submission's grade looks like.
import type { InstructorView } from "./classroom/types";
import type { RunStats } from "./execute";

export type Mode = "progressive" | "isolated";

/** How one exercise went in one mode. "untouched" and "missing" were never run. */
export type ExerciseStatus = "pass" | "partial" | "fail" | "error" | "untouched" | "missing";

export interface TestResult {
  /** The test's full name (describe blocks and title), as vitest reports it. */
  name: string;
  /** Test file relative to the exercise folder, e.g. "matrix.test.ts". */
  file: string;
  /** An instructor's hidden test: only its name and pass/fail may reach the learner. */
  hidden: boolean;
  status: "pass" | "fail" | "error";
  /** The first assertion that failed, or why the test never ran. Empty for hidden tests. */
  message?: string;
  expected?: string;
  actual?: string;
  /** What the learner's code printed during the test (bounded). */
  output?: string;
  durationMs: number;
}

export interface ModeResult {
  status: ExerciseStatus;
  score: number;
  /** Why an exercise errored (timeout, crash, syntax error), or what "untouched" means. */
  reason?: string;
  passed: number;
  total: number;
  tests: TestResult[];
  durationMs: number;
  /** True when the isolated run was not needed: the exercise loads no other exercise's module, or it had every point in progressive mode. */
  sameAsProgressive?: boolean;
}

export interface ExerciseGrade {
  number: number;
  dir: string;
  title: string;
  points: number;
  /** The learner's files the grade used (exercise-relative to the course, e.g. "exercises/05-matrix/matrix.ts"). */
  files: string[];
  progressive: ModeResult;
  isolated: ModeResult;
}

export type FlagKind =
  | "tests-changed"
  | "solutions-import"
  | "forbidden-library"
  | "outside-import"
  | "test-environment"
  | "process"
  | "symlink"
  | "dynamic-import"
  | "intrinsics"
  | "cross-exercise"
  | "archive";

/** Evidence for the instructor, never an automatic zero. */
export interface Flag {
  kind: FlagKind;
  /** Path inside the submission, e.g. "exercises/05-matrix/matrix.ts". */
  file: string;
  line?: number;
  /** The line (or the part of it) that raised the flag. */
  evidence?: string;
  message: string;
}

export interface SubmissionGrade {
  /** The learner's name in every report: the folder or archive name. */
  id: string;
  /** Where it came from (the folder or archive given to the grader). */
  source: string;
  /** "invalid": empty, not a course copy, or an archive that would not unpack. */
  status: "graded" | "invalid";
  problem?: string;
  exercises: ExerciseGrade[];
  totals: { progressive: number; isolated: number; max: number };
  flags: Flag[];
  /** Things worth knowing that are not integrity flags (a deleted test file, a helper file used). */
  notes: string[];
  /** Content hash of what was graded: the cache key's submission part. */
  hash: string;
  durationMs: number;
  cached: boolean;
  /** Where the time went: reading and checking the submission and building its workspace (prepareMs), then its vitest runs. */
  timing?: RunStats & { prepareMs: number };
  /** The learner's own edited files and helpers, by "exercises/..." path (similarity reads them). */
  authored?: Record<string, string>;
  /** Roster, deadline and overrides: set after autograding, never cached. */
  instructor?: InstructorView;
}
