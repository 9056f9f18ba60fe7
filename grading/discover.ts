// From what the instructor names on the command line to a list of submissions: course clones,
// bare exercises/ folders, a class folder of them, or .zip/.tar archives of any of these.
// Nothing is written next to the inputs: archives unpack into a temporary folder.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Course } from "./course";

export interface Submission {
  /** The learner's name in the reports: the folder or archive name, made unique. */
  id: string;
  /** The folder or archive as given. */
  source: string;
  kind: "folder" | "archive";
  /** The folder holding the NN-slug folders, once known (archives: after unpacking). */
  exercisesDir?: string;
  /** Why it cannot be graded: a clear line for the report. */
  problem?: string;
}

const ARCHIVE = /\.(zip|tar|tgz|tar\.gz|tar\.bz2|tbz2|tar\.xz|txz)$/i;
// (.tar.bz2 and .tar.xz are recognised so they get a clear "re-pack it" line: archive.ts unpacks the rest)
const IGNORED = new Set(["__MACOSX", "node_modules", ".git"]);

export const isArchive = (file: string) => ARCHIVE.test(file);

/** Every submission named by the inputs and by --class folders, in a stable order. */
export function discover(course: Course, inputs: string[], classDirs: string[] = []): Submission[] {
  const found: Submission[] = [];
  for (const input of inputs) found.push(fromPath(course, input));
  for (const dir of classDirs) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      found.push({ id: path.basename(dir), source: dir, kind: "folder", problem: `--class ${dir}: no such folder` });
      continue;
    }
    const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith(".") && !IGNORED.has(e.name));
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      const folder = entry.isDirectory() || (entry.isSymbolicLink() && fs.existsSync(full) && fs.statSync(full).isDirectory());
      if (folder || isArchive(entry.name)) found.push(fromPath(course, full));
    }
  }
  return uniqueIds(found);
}

function fromPath(course: Course, input: string): Submission {
  const source = path.resolve(input);
  const id = learnerName(source);
  if (!fs.existsSync(source)) return { id, source, kind: "folder", problem: `no such file or folder: ${input}` };
  const stat = fs.statSync(source);
  if (stat.isFile()) {
    if (!isArchive(source)) return { id, source, kind: "archive", problem: `${path.basename(source)} is neither a folder nor a .zip/.tar archive` };
    return { id, source, kind: "archive" };
  }
  const located = locateExercises(course, source);
  return typeof located === "string" ? { id, source, kind: "folder", exercisesDir: located } : { id, source, kind: "folder", problem: located.problem };
}

/**
 * The folder holding the exercise folders: `<dir>/exercises`, `<dir>` itself, or the same one
 * level down when an archive or a download wrapped everything in a single folder.
 */
export function locateExercises(course: Course, dir: string, depth = 0): string | { problem: string } {
  const names = (d: string) =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .filter((e) => !e.name.startsWith(".") && !IGNORED.has(e.name));
  const entries = names(dir);
  if (entries.length === 0) return { problem: "the folder is empty: nothing to grade" };
  const hasExercise = (d: string) => course.all.some((ex) => isDir(path.join(d, ex.dir)));
  if (isDir(path.join(dir, "exercises")) && hasExercise(path.join(dir, "exercises"))) return path.join(dir, "exercises");
  if (hasExercise(dir)) return dir;
  const folders = entries.filter((e) => e.isDirectory());
  if (folders.length === 1 && entries.length === 1 && depth < 3) return locateExercises(course, path.join(dir, folders[0].name), depth + 1);
  return { problem: `not a copy of the course: no exercises/${course.all[0]?.dir ?? "NN-slug"} (or any other exercise folder) inside` };
}

function learnerName(source: string): string {
  const base = path.basename(source).replace(ARCHIVE, "");
  return base.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "") || "submission";
}

function uniqueIds(submissions: Submission[]): Submission[] {
  const seen = new Map<string, number>();
  for (const s of submissions) {
    const n = (seen.get(s.id) ?? 0) + 1;
    seen.set(s.id, n);
    if (n > 1) s.id = `${s.id}-${crypto.createHash("sha1").update(s.source).digest("hex").slice(0, 6)}`;
  }
  return submissions;
}

const isDir = (p: string) => {
  try {
    return fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
};
