// Grades one submission: read it, check its integrity, build a clean workspace, run the
// course's tests twice (progressive: the learner's own earlier modules; isolated: earlier
// modules replaced by the reference) and score every selected exercise. Results are cached by
// content hash, so an unchanged submission is not run again.
import fs from "node:fs";
import path from "node:path";
import type { Baseline } from "./baseline";
import type { ResultCache } from "./cache";
import type { Course, GradedExercise } from "./course";
import { locateExercises, unpack, type Submission } from "./discover";
import { runFiles, type FileRun } from "./execute";
import { checkIntegrity } from "./integrity";
import { learnerCode, loadsOtherExercises } from "./learner";
import type { Slots } from "./limit";
import type { SandboxOptions } from "./sandbox";
import { notRun, scoreRuns } from "./scores";
import { hashFile, snapshot } from "./snapshot";
import type { ExerciseGrade, Mode, ModeResult, SubmissionGrade } from "./types";
import { buildWorkspace, remove } from "./workspace";

export interface GradeContext {
  course: Course;
  baseline: Baseline;
  sandbox: SandboxOptions;
  /** Default time limit of an exercise's test file, in ms (a manifest timeoutMs wins). */
  timeoutMs: number;
  sessionDir: string;
  cache?: ResultCache;
  force?: boolean;
  /** Keep the workspaces (for debugging the grader). */
  keep?: boolean;
  slots: Slots;
  /** Called when a vitest run starts or ends, for the progress line. */
  onRun?: (id: string, mode: Mode, event: "start" | "end") => void;
}

export async function gradeSubmission(sub: Submission, ctx: GradeContext): Promise<SubmissionGrade> {
  const started = Date.now();
  const invalid = (problem: string, hash = ""): SubmissionGrade => ({
    id: sub.id,
    source: sub.source,
    status: "invalid",
    problem,
    exercises: [],
    totals: { progressive: 0, isolated: 0, max: maxPoints(ctx.course) },
    flags: [],
    notes: [],
    hash,
    durationMs: Date.now() - started,
    cached: false,
  });
  if (sub.problem) return invalid(sub.problem);

  // An archive's cache key is its own bytes, so an unchanged class re-grades without unpacking.
  const archiveHash = sub.kind === "archive" ? hashFile(sub.source) : undefined;
  if (archiveHash) {
    const hit = cached(ctx, archiveHash, sub);
    if (hit) return hit;
  }
  const unpackDir = path.join(ctx.sessionDir, "unpacked", sub.id);
  try {
    let exercisesDir = sub.exercisesDir;
    if (sub.kind === "archive") {
      const problem = unpack(sub.source, unpackDir);
      if (problem) return remember(ctx, archiveHash!, invalid(problem, archiveHash));
      const located = locateExercises(ctx.course, unpackDir);
      if (typeof located !== "string") return remember(ctx, archiveHash!, invalid(located.problem, archiveHash));
      exercisesDir = located;
    }
    const snap = snapshot(exercisesDir!);
    const key = archiveHash ?? snap.hash;
    if (!archiveHash) {
      const hit = cached(ctx, key, sub);
      if (hit) return hit;
    }
    const grade = await gradeSnapshot(sub, snap, ctx);
    grade.hash = key;
    grade.durationMs = Date.now() - started;
    return remember(ctx, key, grade);
  } finally {
    if (!ctx.keep) remove(unpackDir);
  }
}

async function gradeSnapshot(sub: Submission, snap: ReturnType<typeof snapshot>, ctx: GradeContext): Promise<SubmissionGrade> {
  const { course } = ctx;
  const code = learnerCode(course, snap);
  const integrity = checkIntegrity(course, snap, code);
  const workspace = buildWorkspace(course, code.files, path.join(ctx.sessionDir, "workspaces", sub.id));
  const wsFiles = new Map<string, string>([...code.files]);
  for (const [rel, content] of [...course.pristine, ...course.hidden]) wsFiles.set(rel.slice("exercises/".length), content.toString("utf8"));

  const runnable = course.selected.filter((ex) => code.state.get(ex.dir) === "edited");
  const testsOf = (ex: GradedExercise) => (course.testFiles.get(ex.dir) ?? []).map((t) => `exercises/${ex.dir}/${t}`);
  const crossing = new Set(
    runnable
      .filter((ex) => loadsOtherExercises(ex.dir, [...testsOf(ex).map((t) => t.slice("exercises/".length)), ...(code.used.get(ex.dir) ?? [])], wsFiles))
      .map((ex) => ex.dir),
  );
  const limits = new Map(runnable.flatMap((ex) => testsOf(ex).map((t) => [t, limitFor(ex, ctx)] as const)));
  const realWorkspace = fs.realpathSync(workspace);

  const run = (mode: Mode, exercises: GradedExercise[]): Promise<Map<string, FileRun>> => {
    if (exercises.length === 0) return Promise.resolve(new Map());
    return ctx.slots.run(async () => {
      ctx.onRun?.(sub.id, mode, "start");
      try {
        return await runFiles(exercises.flatMap(testsOf), {
          course,
          workspace,
          runName: mode,
          sandbox: ctx.sandbox,
          limits,
          redirect: mode === "isolated" ? { mode: "reference", courseDir: path.join(realWorkspace, "exercises"), solutionsDir: fs.realpathSync(path.join(course.root, "solutions")) } : undefined,
        });
      } finally {
        ctx.onRun?.(sub.id, mode, "end");
      }
    });
  };

  try {
    const [progressive, isolated] = await Promise.all([run("progressive", runnable), run("isolated", runnable.filter((ex) => crossing.has(ex.dir)))]);
    const hidden = new Set(course.hidden.keys());
    const exercises: ExerciseGrade[] = course.selected.map((ex) => {
      const state = code.state.get(ex.dir)!;
      const score = (runs: Map<string, FileRun>): ModeResult => scoreRuns(ex, testsOf(ex).map((t) => runs.get(t)!).filter(Boolean), ctx.baseline, hidden);
      const prog = state === "edited" ? score(progressive) : notRun(ex, state, ctx.baseline, hidden);
      const iso = state === "edited" && crossing.has(ex.dir) ? score(isolated) : { ...prog, sameAsProgressive: state === "edited" };
      return { number: ex.number, dir: ex.dir, title: ex.title.en, points: ex.points, files: (code.used.get(ex.dir) ?? []).map((f) => `exercises/${f}`), progressive: prog, isolated: iso };
    });
    const total = (mode: Mode) => Math.round(exercises.reduce((sum, e) => sum + e[mode].score, 0) * 100) / 100;
    return {
      id: sub.id,
      source: sub.source,
      status: "graded",
      exercises,
      totals: { progressive: total("progressive"), isolated: total("isolated"), max: maxPoints(course) },
      flags: integrity.flags,
      notes: integrity.notes,
      hash: snap.hash,
      durationMs: 0,
      cached: false,
    };
  } finally {
    if (!ctx.keep) remove(workspace);
  }
}

/** A manifest timeoutMs wins; otherwise the default, or 4x the reference's time if that is longer. */
export function limitFor(ex: GradedExercise, ctx: Pick<GradeContext, "baseline" | "timeoutMs">): number {
  if (ex.timeoutMs) return ex.timeoutMs;
  return Math.max(ctx.timeoutMs, 4 * (ctx.baseline.exercises[ex.dir]?.durationMs ?? 0));
}

export const maxPoints = (course: Course) => course.selected.reduce((sum, ex) => sum + ex.points, 0);

function cached(ctx: GradeContext, hash: string, sub: Submission): SubmissionGrade | undefined {
  if (!ctx.cache || ctx.force) return undefined;
  const hit = ctx.cache.get<SubmissionGrade>(ctx.cache.key(hash));
  return hit ? { ...hit, id: sub.id, source: sub.source, cached: true } : undefined;
}

function remember(ctx: GradeContext, hash: string, grade: SubmissionGrade): SubmissionGrade {
  ctx.cache?.set(ctx.cache.key(hash), grade);
  return grade;
}
