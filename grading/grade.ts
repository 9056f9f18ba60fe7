// Grades one submission: read it, check its integrity, build a clean workspace, run the
// course's tests in two modes (progressive: the learner's own earlier modules, one vitest
// process; isolated: earlier modules replaced by the reference, a second one, only for the
// exercises that lost points), and score every exercise. Results are cached by content hash, so
// an unchanged submission is not run again.
import fs from "node:fs";
import path from "node:path";
import type { Baseline } from "./baseline";
import type { ResultCache } from "./cache";
import { type Course, type GradedExercise } from "./course";
import { unpackArchive } from "./archive";
import { locateExercises, type Submission } from "./discover";
import { emptyStats, runFiles, type FileRun } from "./execute";
import { checkIntegrity, runtimeFlags } from "./integrity";
import { bridges, learnerCode, loadsOtherExercises } from "./learner";
import type { Slots } from "./limit";
import type { SandboxKind, SandboxOptions } from "./sandbox";
import { explain, notRun, scoreRuns } from "./scores";
import { hashFile, snapshot } from "./snapshot";
import type { ExerciseGrade, Flag, Mode, ModeResult, SubmissionGrade } from "./types";
import { referenceCopy } from "./view";
import { buildWorkspace, remove, TREES } from "./workspace";
import { ownLimitMs } from "../runner/harness/manifest";

export interface GradeContext {
  course: Course;
  baseline: Baseline;
  sandbox: SandboxOptions;
  /** Default time limit of an exercise's test file, in ms (a manifest timeoutSeconds wins). */
  timeoutMs: number;
  sessionDir: string;
  cache?: ResultCache;
  force?: boolean;
  /** Keep the workspaces (for debugging the grader). */
  keep?: boolean;
  slots: Slots;
  /** The reference copy isolated runs redirect to (made on first use). */
  referenceDir?: string;
  /** Told which sandbox each run had. */
  onSandbox?: (kind: SandboxKind) => void;
  /** "lost-points" (the default): isolated runs only for exercises short of full marks in progressive mode; "always": for every exercise that loads another's module. */
  isolatedRuns?: "always" | "lost-points";
  /** Called when a submission's vitest run starts or ends, for the progress line. */
  onRun?: (id: string, event: "start" | "end") => void;
}

export async function gradeSubmission(sub: Submission, ctx: GradeContext): Promise<SubmissionGrade> {
  const started = Date.now();
  const invalid = (problem: string, hash = "") => invalidGrade(sub, ctx.course, problem, { hash, durationMs: Date.now() - started });
  if (sub.problem) return invalid(sub.problem);

  // An archive's cache key is its own bytes, so an unchanged class re-grades without unpacking.
  const archiveHash = sub.kind === "archive" ? hashFile(sub.source) : undefined;
  if (archiveHash) {
    const hit = cached(ctx, archiveHash, sub);
    if (hit) return hit;
  }
  const unpackDir = path.join(ctx.sessionDir, "unpacked", sub.id);
  let archiveFlags: Flag[] = [];
  try {
    let exercisesDir = sub.exercisesDir;
    if (sub.kind === "archive") {
      const unpacked = await unpackArchive(sub.source, unpackDir);
      if (unpacked.problem) return remember(ctx, archiveHash!, invalid(unpacked.problem, archiveHash));
      archiveFlags = unpacked.skipped.map((e) => ({ kind: "archive" as const, file: e.entry, message: `left out when unpacking: ${e.why}; the rest of the archive was graded` }));
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
    grade.flags.push(...archiveFlags);
    grade.hash = key;
    grade.durationMs = Date.now() - started;
    return remember(ctx, key, grade);
  } finally {
    if (!ctx.keep) remove(unpackDir);
  }
}

async function gradeSnapshot(sub: Submission, snap: ReturnType<typeof snapshot>, ctx: GradeContext): Promise<SubmissionGrade> {
  const { course } = ctx;
  const started = Date.now();
  const stats = emptyStats();
  const code = learnerCode(course, snap);
  const integrity = checkIntegrity(course, snap, code);
  const wsFiles = new Map<string, string>([...code.files]);
  for (const [rel, content] of [...course.pristine, ...course.hidden]) wsFiles.set(rel.slice("exercises/".length), content.toString("utf8"));

  const runnable = course.selected.filter((ex) => code.state.get(ex.dir) === "edited");
  const testsOf = (ex: GradedExercise, mode: Mode = "progressive") => (course.testFiles.get(ex.dir) ?? []).map((t) => `${TREES[mode]}/${ex.dir}/${t}`);
  // Only an exercise that loads another exercise's module can score differently in isolation.
  const crossing = runnable.filter((ex) => loadsOtherExercises(ex.dir, [...testsOf(ex).map((t) => t.slice("exercises/".length)), ...(code.used.get(ex.dir) ?? [])], wsFiles));
  const limits = new Map(runnable.flatMap((ex) => [...testsOf(ex), ...testsOf(ex, "isolated")].map((t) => [t, limitFor(ex, ctx)] as const)));
  ctx.referenceDir ??= referenceCopy(course, path.join(ctx.sessionDir, "reference-src"));
  const referenceDir = ctx.referenceDir;
  const workspace = buildWorkspace(course, code.files, path.join(ctx.sessionDir, "workspaces", sub.id), crossing.length > 0);
  const notes = [...integrity.notes];
  const bridged = bridges(course, code);
  const refused = bridged.map((b) => path.join(fs.realpathSync(workspace), TREES.isolated, b.helper));
  const crossFlags = bridged.map((b) => ({ kind: "cross-exercise" as const, file: `exercises/${b.helper}`, evidence: `-> exercises/${b.reaches}`, message: `a helper that leads to another exercise's module (${b.reaches}); isolated runs grade each exercise on its own file, so they do not load it` }));

  const prepareMs = Date.now() - started;
  const hidden = new Set(course.hidden.keys());
  const runs = new Map<string, FileRun>();
  const score = (ex: GradedExercise, mode: Mode): ModeResult => scoreRuns(ex, testsOf(ex, mode).map((t) => runs.get(t)!).filter(Boolean), ctx.baseline, hidden);
  const run = async (files: string[]) => {
    if (files.length === 0) return;
    const done = await runFiles(files, {
      course,
      workspace,
      runName: "grade",
      sandbox: ctx.sandbox,
      limits,
      onUnhandledError: (message) => notes.push(`an error was thrown outside any test (it did not change a score): ${explain(message).split("\n")[0].slice(0, 200)}`),
      // Applies to imports made from isolated/ only: exercises/ stays the learner's own.
      redirect: { mode: "reference", courseDir: path.join(fs.realpathSync(workspace), TREES.isolated), solutionsDir: referenceDir },
      referenceDir,
      refused,
      onSandbox: ctx.onSandbox,
      stats,
    });
    for (const [file, result] of done) runs.set(file, result);
  };
  // Isolation can only give back points that the progressive run lost: an exercise with every
  // point in progressive mode is not run again ("always": both modes of every crossing exercise
  // in one vitest process, as before; kept to measure the difference).
  const again = (ex: GradedExercise) => ctx.isolatedRuns === "always" || score(ex, "progressive").status !== "pass";
  try {
    if (runnable.length > 0) {
      await ctx.slots.run(async () => {
        ctx.onRun?.(sub.id, "start");
        try {
          const progressive = runnable.flatMap((ex) => testsOf(ex));
          if (ctx.isolatedRuns === "always") await run([...progressive, ...crossing.flatMap((ex) => testsOf(ex, "isolated"))]);
          else {
            await run(progressive);
            await run(crossing.filter(again).flatMap((ex) => testsOf(ex, "isolated")));
          }
        } finally {
          ctx.onRun?.(sub.id, "end");
        }
      });
    }
    const exercises: ExerciseGrade[] = course.selected.map((ex) => {
      const state = code.state.get(ex.dir)!;
      const prog = state === "edited" ? score(ex, "progressive") : notRun(ex, state, ctx.baseline, hidden);
      const iso = crossing.includes(ex) && again(ex) ? score(ex, "isolated") : { ...prog, sameAsProgressive: state === "edited" };
      return { number: ex.number, dir: ex.dir, title: ex.title.en, points: ex.points, files: (code.used.get(ex.dir) ?? []).map((f) => `exercises/${f}`), progressive: prog, isolated: iso };
    });
    const total = (mode: Mode) => Math.round(exercises.reduce((sum, e) => sum + e[mode].score, 0) * 100) / 100;
    return {
      id: sub.id,
      source: sub.source,
      status: "graded",
      exercises,
      totals: { progressive: total("progressive"), isolated: total("isolated"), max: maxPoints(course) },
      flags: [...integrity.flags, ...crossFlags, ...runtimeFlags(course, code, runs.values())],
      notes: [...new Set(notes)],
      authored: Object.fromEntries(code.authored.map((rel) => [`exercises/${rel}`, code.files.get(rel) ?? ""])),
      hash: snap.hash,
      durationMs: 0,
      cached: false,
      timing: { ...stats, prepareMs },
    };
  } finally {
    if (!ctx.keep) remove(workspace);
  }
}

/** The manifest's limit wins; otherwise the default, or 4x the reference's time if that is longer. */
export function limitFor(ex: GradedExercise, ctx: Pick<GradeContext, "baseline" | "timeoutMs">): number {
  const own = ownLimitMs(ex);
  if (own) return own;
  return Math.max(ctx.timeoutMs, 4 * (ctx.baseline.exercises[ex.dir]?.durationMs ?? 0));
}

export const maxPoints = (course: Course) => course.selected.reduce((sum, ex) => sum + ex.points, 0);

/** A submission that could not be graded (not a course, will not unpack, a grader bug): no points, and why. */
export function invalidGrade(sub: { id: string; source: string }, course: Course, problem: string, extra: { hash?: string; durationMs?: number } = {}): SubmissionGrade {
  return {
    id: sub.id,
    source: sub.source,
    status: "invalid",
    problem,
    exercises: [],
    totals: { progressive: 0, isolated: 0, max: maxPoints(course) },
    flags: [],
    notes: [],
    hash: extra.hash ?? "",
    durationMs: extra.durationMs ?? 0,
    cached: false,
  };
}

function cached(ctx: GradeContext, hash: string, sub: Submission): SubmissionGrade | undefined {
  if (!ctx.cache || ctx.force) return undefined;
  const hit = ctx.cache.get<SubmissionGrade>(ctx.cache.key(hash));
  return hit ? { ...hit, id: sub.id, source: sub.source, cached: true } : undefined;
}

function remember(ctx: GradeContext, hash: string, grade: SubmissionGrade): SubmissionGrade {
  ctx.cache?.set(ctx.cache.key(hash), grade);
  return grade;
}
