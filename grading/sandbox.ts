// How a grading run is fenced in. The learner's code only ever runs in vitest's worker
// process, so that is where the limits go:
//   - a heap cap (--max-old-space-size): a memory hog dies alone, and its exercise fails;
//   - Node's permission model when this Node has it: the worker may read the workspace, the
//     course's node_modules and data/ (not solutions/), write only a scratch folder, and start
//     no processes or threads;
//   - a time limit per test file (execute.ts) and one for the whole run (runner/harness/driver.ts).
// vitest's own process (which transforms code, never runs it) cannot take the permission model:
// it loads native modules, which the model forbids. The guard plugin covers its side: imports
// that leave the workspace fail.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Course } from "./course";
import { envFor } from "../runner/harness/env";

export interface SandboxOptions {
  /** Heap limit of the worker that runs learner code, in MB. */
  memoryMb: number;
  /** Use Node's permission model if this Node supports it. */
  permissions: boolean;
  /** A fresh worker process for every test file (slower; no state shared between exercises). */
  isolate: boolean;
  /** vitest's per-test timeout, for async tests that never settle. */
  testTimeoutMs: number;
}

/** What vitest.grading.config.ts reads from NN_KATA_GRADING. */
export interface GradingSettings {
  workspace: string;
  /** This run's own folder inside the workspace: vitest's caches, the scratch folder, the console log. */
  runDir: string;
  scratch: string;
  consoleLog: string;
  execArgv: string[];
  isolate: boolean;
  testTimeoutMs: number;
  /** Where a workspace file may import from besides the workspace itself (folders or single files). */
  allowed: string[];
  setupFile: string;
  solutionsDir: string;
}

export const gradingConfig = path.join(path.dirname(fileURLToPath(import.meta.url)), "vitest.grading.config.ts");
/** Runs before each test file: fresh modules for every file (see fresh-modules.ts). */
export const freshModules = path.join(path.dirname(fileURLToPath(import.meta.url)), "fresh-modules.ts");

/** Which permission flag this Node calls it, if any. */
export function permissionFlag(): string | undefined {
  const flags = process.allowedNodeEnvironmentFlags;
  if (flags.has("--permission")) return "--permission";
  if (flags.has("--experimental-permission")) return "--experimental-permission";
  return undefined;
}

export function settingsFor(course: Course, workspace: string, runName: string, options: SandboxOptions): GradingSettings {
  const runDir = path.join(workspace, `.run-${runName}`);
  const scratch = path.join(runDir, "scratch");
  fs.mkdirSync(scratch, { recursive: true });
  fs.mkdirSync(path.join(runDir, "vitest-tmp"), { recursive: true });
  const real = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : p);
  const nodeModules = real(path.join(course.root, "node_modules"));
  const data = real(path.join(course.root, "data"));
  const mnistDir = process.env.MNIST_DIR ? [real(path.resolve(process.env.MNIST_DIR))] : [];

  const execArgv = [`--max-old-space-size=${options.memoryMb}`];
  const flag = options.permissions ? permissionFlag() : undefined;
  if (flag) {
    execArgv.push(flag, `--allow-fs-read=${real(workspace)}`, `--allow-fs-read=${nodeModules}`, `--allow-fs-read=${data}`);
    for (const dir of mnistDir) execArgv.push(`--allow-fs-read=${dir}`);
    execArgv.push(`--allow-fs-write=${real(scratch)}`);
    if (process.allowedNodeEnvironmentFlags.has("--disable-warning")) execArgv.push("--disable-warning=ExperimentalWarning");
  }
  return {
    workspace: real(workspace),
    runDir,
    scratch,
    consoleLog: path.join(runDir, "console.jsonl"),
    execArgv,
    isolate: options.isolate,
    testTimeoutMs: options.testTimeoutMs,
    allowed: [nodeModules, data, ...mnistDir, real(freshModules)],
    solutionsDir: real(path.join(course.root, "solutions")),
    setupFile: real(freshModules),
  };
}

/** The environment of vitest's own process for a run: its temporary files stay in the run folder. */
export function runEnv(settings: GradingSettings): Record<string, string> {
  const tmp = path.join(settings.runDir, "vitest-tmp");
  return {
    ...envFor({ grading: JSON.stringify(settings) }),
    TMPDIR: tmp,
    TMP: tmp,
    TEMP: tmp,
  };
}
