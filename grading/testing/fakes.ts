// Fake submissions built on the fly from the course itself, for the grader's tests and its
// benchmark: a learner's starting copy (what `npm run generate` writes), with chosen exercises
// replaced by the reference, broken, or tampered with.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { courseRoot } from "../../runner/harness/driver";
import { generateExercises } from "../../runner/harness/stubs";
import type { Course, GradedExercise } from "../course";
import { importClosure } from "../learner";

export interface FakeSpec {
  /** Exercises whose files are the reference (solved). */
  solved: GradedExercise[];
  /** Files to write over the copy, by path relative to exercises/ ("05-matrix/matrix.ts"). */
  files?: Record<string, string>;
  /** "clone": a course clone with exercises/ inside; "exercises": just the exercises folder. */
  layout?: "clone" | "exercises";
}

let starter: Map<string, string> | undefined;

/** Writes a fake submission at `dir` and returns it. */
export function fakeSubmission(course: Course, dir: string, spec: FakeSpec): string {
  starter ??= generateExercises(course.root);
  const exercisesDir = spec.layout === "exercises" ? dir : path.join(dir, "exercises");
  const write = (rel: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(exercisesDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(exercisesDir, rel), content);
  };
  for (const [rel, content] of starter) write(rel, content);
  write("manifest.json", fs.readFileSync(path.join(course.root, "exercises", "manifest.json")));
  if (spec.layout !== "exercises") fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "nn-kata", private: true }));
  for (const ex of spec.solved) for (const file of ex.files) write(`${ex.dir}/${file}`, course.reference.get(`${ex.dir}/${file}`)!);
  for (const [rel, content] of Object.entries(spec.files ?? {})) write(rel, content);
  return dir;
}

/** An exercise's file as a learner who tried and got it all wrong: the stub, edited. */
export function brokenFile(course: Course, ex: GradedExercise): string {
  return `// I tried.\n${course.stubs.get(`${ex.dir}/${ex.files[0]}`)}`;
}

/** The reference of an exercise's first file with `code` inserted at the start of its first function body. */
export function referenceWith(course: Course, ex: GradedExercise, code: string): string {
  const text = course.reference.get(`${ex.dir}/${ex.files[0]}`)!;
  const at = text.search(/export function [^{]*\{\n/);
  if (at === -1) throw new Error(`${ex.dir}: no exported function to put code into`);
  const bodyStart = text.indexOf("{\n", at) + 2;
  return text.slice(0, bodyStart) + `  ${code}\n` + text.slice(bodyStart);
}

/** The reference with `code` added at the top (after the imports are fine too: imports hoist). */
export function referenceWithTop(course: Course, ex: GradedExercise, code: string): string {
  return `${code}\n${course.reference.get(`${ex.dir}/${ex.files[0]}`)!}`;
}

/** Which selected exercises load exercise `dir` (directly or through others), in the reference. */
export function dependentsOf(course: Course, dir: string): GradedExercise[] {
  const files = new Map<string, string>();
  for (const [rel, content] of [...course.pristine, ...course.hidden]) files.set(rel.slice("exercises/".length), content.toString("utf8"));
  for (const [rel, text] of course.reference) files.set(rel, text);
  return course.selected.filter((ex) => {
    if (ex.dir === dir) return false;
    const entries = [...(course.testFiles.get(ex.dir) ?? []).map((t) => `${ex.dir}/${t}`), ...ex.files.map((f) => `${ex.dir}/${f}`)];
    return [...importClosure(entries, files)].some((rel) => rel.startsWith(`${dir}/`));
  });
}

/** A zip of a folder, made with the system's zip (the tests' "archive" submissions). */
export function zipFolder(folder: string, archive: string): void {
  const result = spawnSync("zip", ["-qr", archive, "."], { cwd: folder });
  if (result.status !== 0) throw new Error(`zip failed: ${result.stderr}`);
}

export { courseRoot };
