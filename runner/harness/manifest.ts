// The course's one list of exercises, in order (exercises/manifest.json), read by the runner,
// the grader and the self-check.
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
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
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
    const dir = `${String(ex.number).padStart(2, "0")}-${ex.slug}`;
    if (ex.dir !== dir) problems.push(`${at}: dir is "${ex.dir}", expected "${dir}"`);
    for (const lang of ["en", "zh"] as const) if (!ex.title?.[lang]) problems.push(`${at}: title.${lang} is missing`);
    if (!ex.section) problems.push(`${at}: section (the book section) is missing`);
    if (!Array.isArray(ex.files) || ex.files.length === 0) problems.push(`${at}: files must list the stub files`);
    if (!Array.isArray(ex.tests) || ex.tests.length === 0) problems.push(`${at}: tests must list the test files`);
    if (!(ex.points > 0)) problems.push(`${at}: points must be above 0`);
    if (ex.timeoutSeconds !== undefined && !(ex.timeoutSeconds > 0)) problems.push(`${at}: timeoutSeconds must be above 0 when given`);
    if (!Array.isArray(ex.hints) || ex.hints.length < 2 || ex.hints.length > 4) problems.push(`${at}: needs 2 to 4 hints, has ${ex.hints?.length ?? 0}`);
    ex.hints?.forEach((hint, h) => {
      for (const lang of ["en", "zh"] as const) if (!hint?.[lang]) problems.push(`${at}: hint ${h + 1} has no ${lang} text`);
    });
  });
  return problems;
}

/** Paths of an exercise's files: e.g. files(ex, "exercises") -> ["exercises/05-matrix/matrix.ts"]. */
export function exerciseFiles(ex: Exercise, tree: "exercises" | "solutions", kind: "files" | "tests" = "files"): string[] {
  return ex[kind].map((f) => `${tree}/${ex.dir}/${f}`);
}
