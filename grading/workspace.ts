// A clean course copy for one submission, in a temporary folder: the learner's implementation
// files only, the course's pristine tests, test kit and given code, the instructor's hidden
// tests, and links to the course view's node_modules and data/ (view.ts): nothing in it leads
// back to the course, its solutions/, the reports or another submission.
//
// The same tree is written twice: exercises/ for the progressive run and isolated/ for the
// isolated one, where the reference redirect applies (to imports from isolated/ only). One
// vitest process then runs both, which halves the start-up cost of grading a submission.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Course } from "./course";
import { courseView } from "./view";

/** A folder for this grading session's workspaces; removed by the caller when done. */
export function sessionDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-grading-"));
}

export const TREES = { progressive: "exercises", isolated: "isolated" } as const;

/**
 * Writes the workspace at `dir`. `files` are the learner's (or stub) implementation files by
 * "NN-slug/file.ts"; the course's own files are written last, so nothing of the learner's can
 * stand in for a test, the test kit or given code. `isolated` also writes the isolated/ tree.
 */
export function buildWorkspace(course: Course, files: Map<string, string>, dir: string, isolated = false): string {
  fs.mkdirSync(dir, { recursive: true });
  const write = (rel: string, content: string | Buffer) => {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  };
  for (const tree of isolated ? Object.values(TREES) : [TREES.progressive]) {
    const inTree = (rel: string) => `${tree}/${rel.slice("exercises/".length)}`;
    for (const [rel, text] of files) write(`${tree}/${rel}`, text);
    for (const [rel, content] of course.pristine) write(inTree(rel), content);
    for (const [rel, content] of course.hidden) write(inTree(rel), content);
  }
  write("package.json", JSON.stringify({ name: "nn-kata-grading-workspace", private: true, type: "module" }, null, 2));
  const tsconfig = path.join(course.root, "tsconfig.json");
  if (fs.existsSync(tsconfig)) write("tsconfig.json", fs.readFileSync(tsconfig));
  const view = courseView(course);
  link(view.nodeModules, path.join(dir, "node_modules"));
  link(view.data, path.join(dir, "data"));
  return dir;
}

function link(target: string, at: string): void {
  if (!fs.existsSync(target) || fs.existsSync(at)) return;
  fs.symlinkSync(fs.realpathSync(target), at, "dir");
}

/** Removes a workspace or session folder, ignoring what is already gone. */
export function remove(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * For an interrupted run: remove now if possible, else a moment later from a detached shell,
 * once the test processes the driver is killing have let go of their files.
 */
export function removeOnExit(dir: string): void {
  try {
    remove(dir);
  } catch {
    spawn("sh", ["-c", 'sleep 2; rm -rf "$0"', dir], { detached: true, stdio: "ignore" }).unref();
  }
}
