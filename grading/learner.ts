// Which of a learner's files the grade uses: each exercise's own files (manifest `files`), plus
// any helper module of theirs those import from inside exercises/. Everything else in their copy
// (their test files, the test kit, data, configs) is ignored: the course's own versions are used.
import type { Course } from "./course";
import { normalise, type Snapshot } from "./snapshot";
import { closureOf, relativeImports, resolveImport } from "../runner/harness/deps";

export type ExerciseState = "edited" | "untouched" | "missing";

export interface LearnerCode {
  /** Workspace files by "NN-slug/file.ts": the learner's own text, or the stub where they have none. */
  files: Map<string, string>;
  /** Each exercise's state: edited, untouched (every file is still the stub) or missing. */
  state: Map<string, ExerciseState>;
  /** The learner files each exercise's grade used ("05-matrix/matrix.ts", helpers included). */
  used: Map<string, string[]>;
  /** The learner's own edited files and helpers: what the integrity check reads. */
  authored: string[];
}

export function learnerCode(course: Course, snap: Snapshot): LearnerCode {
  const files = new Map<string, string>();
  const state = new Map<string, ExerciseState>();
  const used = new Map<string, string[]>();
  const authored: string[] = [];
  const own = new Set<string>();

  for (const ex of course.all) {
    let edited = false;
    let untouched = false;
    const mine: string[] = [];
    for (const file of ex.files) {
      const key = `${ex.dir}/${file}`;
      const stub = course.stubs.get(key) ?? "";
      const content = snap.files.get(key);
      own.add(key);
      if (content === undefined) {
        files.set(key, stub);
        continue;
      }
      const text = content.toString("utf8");
      files.set(key, text);
      mine.push(key);
      if (normalise(text) === normalise(stub)) untouched = true;
      else {
        edited = true;
        authored.push(key);
      }
    }
    state.set(ex.dir, edited ? "edited" : untouched ? "untouched" : "missing");
    used.set(ex.dir, mine);
  }

  // Follow the learner's relative imports to their own helper modules.
  const queue = [...authored];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const target of relativeTargets(files.get(from) ?? "", from, (rel) => snap.files.has(rel))) {
      if (files.has(target) || own.has(target) || !isHelper(course, target)) continue;
      files.set(target, snap.files.get(target)!.toString("utf8"));
      authored.push(target);
      queue.push(target);
      const dir = target.split("/")[0];
      used.get(dir)?.push(target);
    }
  }
  return { files, state, used, authored };
}

/** Files (relative to exercises/) that `text`, the file `from`, imports by relative path. */
export function relativeTargets(text: string, from: string, exists: (rel: string) => boolean): string[] {
  const inside = (rel: string) => !rel.startsWith("..") && exists(rel);
  return relativeImports(text).flatMap((spec) => resolveImport(from, spec, inside) ?? []);
}

/** A learner module that may join the workspace: inside an exercise folder, not a test, not the course's. */
function isHelper(course: Course, rel: string): boolean {
  const [dir, ...rest] = rel.split("/");
  if (rest.length === 0 || !course.all.some((ex) => ex.dir === dir)) return false;
  if (!/\.(m?ts|tsx)$/.test(rel) || /\.test\.[cm]?tsx?$/.test(rel)) return false;
  return !course.pristine.has(`exercises/${rel}`);
}

/** Every file (relative to exercises/) reachable from `entries` by relative imports within `files`. */
export function importClosure(entries: string[], files: Map<string, string>): Set<string> {
  return closureOf(entries, (rel) => files.get(rel) ?? "", (rel) => !rel.startsWith("..") && files.has(rel));
}

/**
 * Whether an exercise's tests load a module of another exercise (through its own files or the
 * tests). If not, its isolated score is its progressive score and the run can be skipped.
 * `files` are workspace texts by path relative to exercises/.
 */
export function loadsOtherExercises(dir: string, entries: string[], files: Map<string, string>): boolean {
  return [...importClosure(entries, files)].some((rel) => {
    const top = rel.split("/")[0];
    return top !== dir && top !== "_testkit";
  });
}

/**
 * The learner's helper modules (files that are no exercise's own) whose imports lead to a
 * module of another exercise than the folder they sit in: through one, an exercise's file can
 * reach another exercise's module, or its own reference in an isolated run. Isolated runs do
 * not load them, and they are flagged cross-exercise. Paths relative to exercises/.
 */
export function bridges(course: Course, code: LearnerCode): { helper: string; reaches: string }[] {
  const found: { helper: string; reaches: string }[] = [];
  for (const helper of code.authored) {
    if (course.stubs.has(helper)) continue;
    const folder = helper.split("/")[0];
    const reaches = [...importClosure([helper], code.files)].find((rel) => rel.split("/")[0] !== folder && course.stubs.has(rel));
    if (reaches) found.push({ helper, reaches });
  }
  return found;
}
