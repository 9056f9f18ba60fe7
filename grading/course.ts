// The instructor's side of grading: the course's own tests, stubs and manifest, read from the
// trusted clone (nbgrader's "source" tree is solutions/), never from a learner's copy.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { courseRoot } from "../runner/harness/driver";
import { loadManifest, type Exercise, type Manifest, inExercise, selectExercises } from "../runner/harness/manifest";
import { writeFileAtomic } from "../runner/harness/atomic-write";
import { listFiles, stubSource } from "../runner/harness/stubs";

/** A manifest entry may carry its own time limit, timeoutSeconds (the MNIST gate trains for a long time). */
export type GradedExercise = Exercise;

export interface Course {
  root: string;
  manifest: Manifest;
  /** Every manifest exercise the course has written (its solutions/ folder exists), in order. */
  all: GradedExercise[];
  /** The exercises being graded, in order. */
  selected: GradedExercise[];
  /** Exercises asked for but not gradable, with the reason (no tests written yet). */
  skipped: string[];
  /** Files every workspace gets from the course, by workspace path ("exercises/..."): tests, test kit, given code. */
  pristine: Map<string, Buffer>;
  /** The generated stub of every learner file, by "NN-slug/file.ts". */
  stubs: Map<string, string>;
  /** The reference of every learner file, by "NN-slug/file.ts". */
  reference: Map<string, string>;
  /** Instructor's hidden tests, by workspace path. */
  hidden: Map<string, Buffer>;
  /** Test files of each selected exercise (pristine then hidden), exercise-relative names, by dir. */
  testFiles: Map<string, string[]>;
  /** SHA-256 of each pristine test and test-kit file, by "exercises/..." path (the integrity check). */
  testHashes: Map<string, string>;
  /** Changes whenever anything that decides a grade changes: tests, reference, manifest, grader. */
  fingerprint: string;
}

export interface CourseOptions {
  root?: string;
  /** e.g. "1-10", "3,5-7", "matrix", "05-matrix"; all by default. */
  exercises?: string;
  /** Folder of hidden tests laid out like exercises/ (NN-slug/*.test.ts). */
  hiddenDir?: string;
  /** Where generated stubs are remembered between runs (generating one takes ~0.2 s). */
  stubCacheDir?: string;
}

export const sha256 = (data: string | Buffer) => crypto.createHash("sha256").update(data).digest("hex");

const isTest = (file: string) => file.endsWith(".test.ts");

export function loadCourse(options: CourseOptions = {}): Course {
  const root = path.resolve(options.root ?? courseRoot);
  const manifest = loadManifest(root);
  const solutions = path.join(root, "solutions");
  const all = (manifest.exercises as GradedExercise[]).filter((ex) => fs.existsSync(path.join(solutions, ex.dir)));
  const wanted = selectExercises(all, options.exercises);
  const hiddenByDir = readHidden(options.hiddenDir, all);

  const pristine = new Map<string, Buffer>();
  const stubs = new Map<string, string>();
  const reference = new Map<string, string>();
  const testHashes = new Map<string, string>();
  const testFiles = new Map<string, string[]>();
  const hidden = new Map<string, Buffer>();
  const selected: GradedExercise[] = [];
  const skipped: string[] = [];

  for (const rel of listFiles(path.join(solutions, "_testkit"))) {
    const content = fs.readFileSync(path.join(solutions, "_testkit", rel));
    const at = `exercises/_testkit/${toPosix(rel)}`;
    pristine.set(at, content);
    testHashes.set(at, sha256(content));
  }

  for (const ex of all) {
    const dir = path.join(solutions, ex.dir);
    const chosen = wanted.has(ex.number);
    const missingTests = ex.tests.filter((t) => !fs.existsSync(path.join(dir, t)));
    for (const rel of listFiles(dir).map(toPosix)) {
      const text = fs.readFileSync(path.join(dir, rel));
      const key = `${ex.dir}/${rel}`;
      if (ex.files.includes(rel)) {
        reference.set(key, text.toString("utf8"));
        stubs.set(key, cachedStub(text.toString("utf8"), `exercises/${key}`, options.stubCacheDir));
      } else if (isTest(rel)) {
        // Only the graded exercises' tests go into a workspace; every exercise's are hashed.
        if (ex.tests.includes(rel)) testHashes.set(`exercises/${key}`, sha256(text));
        if (chosen) pristine.set(`exercises/${key}`, text);
      } else {
        // Given code and data files: what the generator would put in exercises/.
        pristine.set(`exercises/${key}`, rel.endsWith(".ts") ? Buffer.from(stubSource(text.toString("utf8"), `exercises/${key}`)) : text);
      }
    }
    if (!chosen) continue;
    if (missingTests.length > 0) {
      skipped.push(`${ex.dir}: the course has no ${missingTests.join(", ")} yet, so it is not graded`);
      for (const t of ex.tests) pristine.delete(inExercise(ex, t));
      continue;
    }
    const names = [...ex.tests];
    for (const [name, content] of hiddenByDir.get(ex.dir) ?? []) {
      // A hidden test never replaces a pristine file of the same name.
      const placed = fs.existsSync(path.join(dir, name)) ? `hidden-${name}` : name;
      hidden.set(inExercise(ex, placed), content);
      if (isTest(placed)) names.push(placed);
    }
    testFiles.set(ex.dir, names);
    selected.push(ex);
  }

  return {
    root,
    manifest,
    all,
    selected,
    skipped,
    pristine,
    stubs,
    reference,
    hidden,
    testFiles,
    testHashes,
    fingerprint: fingerprintOf(all, selected, [...pristine, ...hidden, ...[...reference].map(([k, v]) => [`reference/${k}`, Buffer.from(v)] as [string, Buffer])], root),
  };
}

/** stubSource, remembered by the hash of the solution's text and of the generator's code. */
function cachedStub(text: string, displayPath: string, dir: string | undefined): string {
  if (!dir) return stubSource(text, displayPath);
  const generator = fs.readFileSync(path.join(graderRoot, "runner", "harness", "stubs.ts"));
  const file = path.join(dir, `${sha256(Buffer.concat([Buffer.from(`${displayPath}\0${text}\0`), generator]))}.ts`);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  const stub = stubSource(text, displayPath);
  writeFileAtomic(file, stub);
  return stub;
}

/** Hidden tests: DIR/NN-slug/<files> (or DIR/exercises/NN-slug/<files>), by exercise dir. */
function readHidden(hiddenDir: string | undefined, all: Exercise[]): Map<string, [string, Buffer][]> {
  const byDir = new Map<string, [string, Buffer][]>();
  if (!hiddenDir) return byDir;
  let base = path.resolve(hiddenDir);
  if (!fs.existsSync(base) || !fs.statSync(base).isDirectory()) throw new Error(`--hidden ${hiddenDir}: no such folder`);
  if (fs.existsSync(path.join(base, "exercises"))) base = path.join(base, "exercises");
  for (const entry of fs.readdirSync(base, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const ex = all.find((e) => e.dir === entry.name);
    if (!entry.isDirectory() || !ex) {
      throw new Error(`--hidden: ${path.join(base, entry.name)} does not match an exercise folder (expected names like ${all[0]?.dir ?? "01-slug"})`);
    }
    byDir.set(ex.dir, listFiles(path.join(base, entry.name)).map((rel) => [toPosix(rel), fs.readFileSync(path.join(base, entry.name, rel))]));
  }
  return byDir;
}

/** The checkout the grader itself runs from (usually the course root too). */
const graderRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const GRADER_SOURCES = ["runner/harness/driver.ts", "runner/harness/vitest-child.mjs", "runner/harness/where-stuck.mjs", "runner/harness/redirect-plugin.ts", "runner/harness/stubs.ts", "runner/harness/manifest.ts"];

/**
 * A hash of everything that can change a grade of the selected exercises: their manifest
 * entries, tests, the reference and given code they can load (every exercise up to the last
 * selected one), the data loaders and the grader itself. Work on later exercises leaves it alone.
 */
function fingerprintOf(all: GradedExercise[], selected: GradedExercise[], files: [string, Buffer][], root: string): string {
  const last = Math.max(0, ...selected.map((ex) => ex.number));
  const relevant = all.filter((ex) => ex.number <= last);
  const dirs = new Set(relevant.map((ex) => ex.dir));
  const hash = crypto.createHash("sha256");
  const add = (name: string, content: Buffer | string) => hash.update(`${name}\0${content.length}\0`).update(content);
  add("node", process.version);
  add("selected", selected.map((ex) => ex.dir).join(","));
  add("manifest", JSON.stringify(relevant.map(({ number, dir, files, tests, points, timeoutSeconds }) => ({ number, dir, files, tests, points, timeoutSeconds }))));
  const inScope = (name: string) => {
    const dir = name.replace(/^(exercises|reference)\//, "").split("/")[0];
    return dir === "_testkit" || dirs.has(dir);
  };
  for (const [name, content] of [...files].filter(([name]) => inScope(name)).sort(([a], [b]) => a.localeCompare(b))) add(name, content);
  const data = path.join(root, "data");
  for (const rel of fs.existsSync(data) ? listFiles(data).map(toPosix).filter((f) => f.endsWith(".ts") && !isTest(f)) : []) add(`data/${rel}`, fs.readFileSync(path.join(data, rel)));
  const grader = listFiles(path.join(graderRoot, "grading")).map((rel) => `grading/${toPosix(rel)}`).filter((f) => /\.(ts|mjs)$/.test(f) && !isTest(f) && !f.startsWith("grading/testing/") && f !== "grading/bench.ts");
  for (const rel of [...GRADER_SOURCES, ...grader]) {
    const file = path.join(graderRoot, rel);
    if (fs.existsSync(file)) add(`grader:${rel}`, fs.readFileSync(file));
  }
  return hash.digest("hex");
}

export const toPosix = (p: string) => p.split(path.sep).join("/");
