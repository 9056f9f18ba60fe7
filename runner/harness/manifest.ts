// The course's one list of exercises, in order (exercises/manifest.json), read by the runner,
// the grader, the self-check and the tools, and every fact about one exercise: where its files
// are in either tree, its label, its time limit, and which exercise a name on a command line means.
import fs from "node:fs";
import path from "node:path";
import { courseRoot } from "./driver";

export type Lang = "en" | "zh";
export type Text = Record<Lang, string>;

export interface Exercise {
  number: number;
  slug: string;
  /** Folder name under exercises/ and solutions/, e.g. "05-matrix". */
  dir: string;
  part: number;
  title: Text;
  /** The book section(s) it follows, e.g. "1.8, 1.13". */
  section: string;
  /** The files the learner edits (stubs), relative to the folder. */
  files: string[];
  /** The test files, relative to the folder. */
  tests: string[];
  points: number;
  hints: Text[];
  /** Wall-clock limit for one run of its tests, for exercises that train for long (default: the runner's). */
  timeoutSeconds?: number;
}

export interface Manifest {
  exercises: Exercise[];
}

export const manifestPath = (root = courseRoot) => path.join(root, "exercises", "manifest.json");

export function loadManifest(root = courseRoot): Manifest {
  const file = manifestPath(root);
  if (!fs.existsSync(file)) {
    throw new Error(`The course manifest ${file} is missing. Restore it with \`git checkout -- exercises/manifest.json\`.`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  } catch (error) {
    throw new Error(`The course manifest ${file} is not valid JSON (${(error as Error).message}). Fix it, or restore it with \`git checkout -- exercises/manifest.json\`.`);
  }
  const problems = validateManifest(manifest);
  if (problems.length > 0) throw new Error(`exercises/manifest.json is not valid:\n  ${problems.join("\n  ")}`);
  return manifest;
}

/** Everything wrong with the manifest's shape (not the files on disk), as readable lines. */
export function validateManifest(manifest: Manifest): string[] {
  const problems: string[] = [];
  if (!manifest || !Array.isArray(manifest.exercises) || manifest.exercises.length === 0) return ["it must have a non-empty `exercises` list"];
  const slugs = new Set<string>();
  manifest.exercises.forEach((ex, index) => {
    const at = `exercise #${index + 1} (${ex.slug ?? "no slug"})`;
    if (ex.number !== index + 1) problems.push(`${at}: number is ${ex.number}, expected ${index + 1} (exercises are numbered in order from 1)`);
    if (!/^[a-z][a-z0-9-]*$/.test(ex.slug ?? "")) problems.push(`${at}: slug must be lower-case letters, digits and dashes`);
    if (slugs.has(ex.slug)) problems.push(`${at}: slug "${ex.slug}" is used twice`);
    slugs.add(ex.slug);
    const dir = `${exerciseLabel(ex)}-${ex.slug}`;
    if (ex.dir !== dir) problems.push(`${at}: dir is "${ex.dir}", expected "${dir}"`);
    for (const lang of ["en", "zh"] as const) if (!ex.title?.[lang]) problems.push(`${at}: title.${lang} is missing`);
    if (!ex.section) problems.push(`${at}: section (the book section) is missing`);
    if (!Array.isArray(ex.files) || ex.files.length === 0) problems.push(`${at}: files must list the stub files`);
    if (!Array.isArray(ex.tests) || ex.tests.length === 0) problems.push(`${at}: tests must list the test files`);
    for (const entry of [...(Array.isArray(ex.files) ? ex.files : []), ...(Array.isArray(ex.tests) ? ex.tests : [])]) {
      if (typeof entry !== "string" || entry === "" || /^[\\/]|^[A-Za-z]:|\\/.test(entry) || entry.split("/").some((part) => part === ".." || part === "." || part === "")) {
        problems.push(`${at}: "${entry}" must be a path inside the exercise's folder (no "..", no absolute path, forward slashes)`);
      }
    }
    if (!(ex.points > 0)) problems.push(`${at}: points must be above 0`);
    if (ex.timeoutSeconds !== undefined && !(ex.timeoutSeconds > 0)) problems.push(`${at}: timeoutSeconds must be above 0 when given`);
    if (!Array.isArray(ex.hints) || ex.hints.length < 2 || ex.hints.length > 4) problems.push(`${at}: needs 2 to 4 hints, has ${ex.hints?.length ?? 0}`);
    ex.hints?.forEach((hint, h) => {
      for (const lang of ["en", "zh"] as const) if (!hint?.[lang]) problems.push(`${at}: hint ${h + 1} has no ${lang} text`);
    });
  });
  return problems;
}

// ---- where an exercise's files are -----------------------------------------------------------

/** The learner's tree (generated stubs) or the reference tree (the source of truth). */
export type Tree = "exercises" | "solutions";

/** Paths of an exercise's files: e.g. exerciseFiles(ex, "exercises") -> ["exercises/05-matrix/matrix.ts"]. */
export function exerciseFiles(ex: Exercise, tree: Tree, kind: "files" | "tests" = "files"): string[] {
  return ex[kind].map((f) => inExercise(ex, f, tree));
}

/** A file of the exercise's folder, course-relative: inExercise(ex, "matrix.test.ts") -> "exercises/05-matrix/matrix.test.ts". */
export const inExercise = (ex: Pick<Exercise, "dir">, file: string, tree: Tree = "exercises") => `${tree}/${ex.dir}/${file}`;

/** The files the learner edits: ["exercises/05-matrix/matrix.ts"]. */
export const stubPaths = (ex: Exercise) => exerciseFiles(ex, "exercises", "files");

/** The exercise's test files in a tree. */
export const testPaths = (ex: Exercise, tree: Tree = "exercises") => exerciseFiles(ex, tree, "tests");

/** The reference versions of the files the learner edits. */
export const solutionPaths = (ex: Exercise) => exerciseFiles(ex, "solutions", "files");

/** The exercise's README in the learner's language: the Chinese one when it exists, else the English one. */
export function readmePath(ex: Exercise, lang: Lang, root = courseRoot): string {
  const zh = inExercise(ex, "README.zh.md");
  return lang === "zh" && fs.existsSync(path.join(root, zh)) ? zh : inExercise(ex, "README.md");
}

/** How an exercise is named on screen: "05". */
export const exerciseLabel = (ex: Pick<Exercise, "number">) => String(ex.number).padStart(2, "0");

// ---- time limits --------------------------------------------------------------------------------

/** One test's limit, in the learner's runs and the grader's. */
export const TEST_TIMEOUT_MS = 10_000;
/** What a vitest child may take to start before the first test file's limit begins. */
export const STARTUP_MS = 60_000;
/** The grader's default for one exercise's test file (--timeout changes it). */
export const GRADING_LIMIT_MS = 30_000;
/** The grader's limit for the reference solutions' own run (the baseline): generous, it must not fail. */
export const REFERENCE_LIMIT_MS = 10 * 60_000;
/** The grader's limit for a test file it was given no limit for. */
export const FALLBACK_FILE_LIMIT_MS = 60_000;

/** The exercise's own limit from the manifest (timeoutSeconds: the MNIST parts train for long), if any. */
export function ownLimitMs(ex: Pick<Exercise, "timeoutSeconds">): number | undefined {
  return ex.timeoutSeconds ? ex.timeoutSeconds * 1000 : undefined;
}

/** The learner's watchdog: plenty for a part-1 exercise; the MNIST parts train for a while. */
export function learnerLimitMs(ex: Exercise): number {
  return ownLimitMs(ex) ?? (ex.part <= 1 ? 30 : 300) * 1000;
}

// ---- which exercise a name means ---------------------------------------------------------------

export type Selection = { exercise: Exercise } | { outOfRange: number } | { unknown: string; suggestions: Exercise[] };

/**
 * Which exercise a learner means: a number (4, 04), a slug (activation), a folder name
 * (04-activation) or a path inside it (exercises/04-activation/activation.ts). A name that
 * matches nothing gets the closest names back, for a "did you mean".
 */
export function selectExercise(exercises: Exercise[], name: string): Selection {
  const wanted = name.trim().toLowerCase().replace(/\\/g, "/");
  if (/^\d+$/.test(wanted)) {
    const number = Number(wanted);
    const exercise = exercises.find((ex) => ex.number === number);
    return exercise ? { exercise } : { outOfRange: number };
  }
  const inPath = wanted.split("/").find((part) => exercises.some((ex) => ex.dir === part));
  const exercise = exercises.find((ex) => ex.slug === wanted || ex.dir === wanted || ex.dir === inPath);
  if (exercise) return { exercise };
  return { unknown: name, suggestions: suggest(exercises, wanted) };
}

/** Several exercises: "1-10,12", "3,5-7", "matrix" or "05-matrix" (undefined or "all": every one), as numbers. */
export function selectExercises(all: Exercise[], spec: string | undefined, flag = "--exercises"): Set<number> {
  if (!spec || spec === "all") return new Set(all.map((ex) => ex.number));
  const chosen = new Set<number>();
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      for (let n = Number(range[1]); n <= Number(range[2]); n++) chosen.add(n);
      continue;
    }
    const found = selectExercise(all, part);
    if (!("exercise" in found)) throw new Error(`${flag}: "${part}" is not an exercise of this course (use numbers like 1-10, a slug like matrix, or a folder like 05-matrix)`);
    chosen.add(found.exercise.number);
  }
  return chosen;
}

/** Up to three exercises whose slug is close to `wanted` (edit distance), closest first. */
function suggest(exercises: Exercise[], wanted: string): Exercise[] {
  const bare = wanted.replace(/^\d+-/, "");
  const scored = exercises
    .map((ex) => {
      const distance = Math.min(editDistance(bare, ex.slug), editDistance(wanted, ex.dir));
      const partial = ex.slug.includes(bare) || (bare.length >= 3 && bare.includes(ex.slug));
      return { ex, score: partial ? 0 : distance };
    })
    .filter(({ ex, score }) => score <= Math.max(2, Math.floor(ex.slug.length / 3)))
    .sort((a, b) => a.score - b.score || a.ex.number - b.ex.number);
  return scored.slice(0, 3).map(({ ex }) => ex);
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
