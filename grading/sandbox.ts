// How a grading run is fenced in. Two layers, the outer one where the OS offers it:
//
//   bubblewrap (Linux, `bwrap`): vitest's whole process tree runs in its own mount, PID, network,
//     IPC and UTS namespaces. It sees only the system folders, the course view (view.ts), this
//     submission's workspace (read-only but for its run folder), the reference copy in isolated
//     runs, and a private /tmp. No network; signals cannot leave it; when the run ends or the
//     grader dies, every process in it dies (--die-with-parent, and the PID namespace goes with
//     its first process). prlimit adds limits on memory (data segment), CPU time and file size.
//   Node's permission model, on the worker that runs learner code, always (bwrap or not): it may
//     read the view's node_modules and data/ and its own scratch folder (not the workspace: the
//     tests and hidden tests reach it through vitest's process, never as files), write only the
//     scratch folder, and start no processes or threads.
//
// Plus a heap cap on the worker (--max-old-space-size), a time limit per test file (execute.ts)
// and one for the whole run (runner/harness/driver.ts). Where bwrap is missing or cannot make namespaces
// (macOS, some containers), the permission model and the limits remain: the run says which.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Course } from "./course";
import { courseView, graderRoot, type CourseView } from "./view";
import { envFor, readEnv } from "../runner/harness/env";

export interface SandboxOptions {
  /** Heap limit of the worker that runs learner code, in MB. */
  memoryMb: number;
  /** Use Node's permission model and bubblewrap where available. */
  permissions: boolean;
  /** A fresh worker process for every test file (slower; no state shared between exercises). */
  isolate: boolean;
  /** vitest's per-test timeout, for async tests that never settle. */
  testTimeoutMs: number;
}

/** Which fence a run had: "bubblewrap" (+ the permission model), "node-permissions" or "none". */
export type SandboxKind = "bubblewrap" | "node-permissions" | "none";

/** What vitest.grading.config.ts reads from NN_KATA_GRADING. */
export interface GradingSettings {
  workspace: string;
  /** This run's own folder inside the workspace: vitest's caches and the scratch folder. */
  runDir: string;
  scratch: string;
  execArgv: string[];
  isolate: boolean;
  testTimeoutMs: number;
  /** Where a workspace file may import from besides the workspace itself (folders or single files). */
  allowed: string[];
  setupFiles: string[];
  solutionsDir: string;
  /** Learner helpers (workspace paths) that isolated runs must not load: they lead to another exercise's module. */
  refused: string[];
  /** Exercise 19's gate test gets the engine as its network (the course's reference baseline only): the engine's course-network.ts. */
  engineNetwork?: string;
}

/** Which permission flag this Node calls it, if any. */
export function permissionFlag(): string | undefined {
  const flags = process.allowedNodeEnvironmentFlags;
  if (flags.has("--permission")) return "--permission";
  if (flags.has("--experimental-permission")) return "--experimental-permission";
  return undefined;
}

let bwrapWorks: boolean | undefined;
/** bubblewrap is installed and can make the namespaces a run needs (checked once). NN_KATA_NO_BWRAP=1 turns it off. */
export function bubblewrapAvailable(): boolean {
  if (readEnv().noBwrap || process.platform !== "linux") return false;
  bwrapWorks ??= spawnSync("bwrap", ["--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "true"], { timeout: 10_000 }).status === 0;
  return bwrapWorks;
}

export function sandboxKind(options: Pick<SandboxOptions, "permissions">): SandboxKind {
  if (!options.permissions) return "none";
  if (bubblewrapAvailable()) return "bubblewrap";
  return permissionFlag() ? "node-permissions" : "none";
}

export interface RunSandbox {
  settings: GradingSettings;
  view: CourseView;
  kind: SandboxKind;
  /** The command that starts vitest's process inside the sandbox (a prefix before node), if any. */
  launcher?: string[];
}

export interface RunSandboxOptions {
  /** The reference copy the isolated run's redirect reads (vitest's process only). */
  referenceDir?: string;
  refused?: string[];
  /** The whole run's time limit, in ms: a CPU-time limit on top of the wall clock. */
  timeoutMs: number;
  /** Run exercise 19's gate test on the engine (the course's own reference baseline only). */
  gateOnEngine?: boolean;
}

/** The engine's files, read from the grader's own checkout: only the reference baseline gets them. */
function engineFiles(): { network: string; wasm: string; dirs: string[] } {
  const root = fs.realpathSync(graderRoot);
  const tools = path.join(root, "tools");
  return { network: path.join(tools, "engine", "course-network.ts"), wasm: path.join(tools, "engine", "engine.wasm"), dirs: [tools, path.join(root, "solutions")] };
}

export function runSandbox(course: Course, workspace: string, runName: string, options: SandboxOptions, run: RunSandboxOptions): RunSandbox {
  const view = courseView(course);
  const ws = fs.realpathSync(workspace);
  const runDir = path.join(ws, `.run-${runName}`);
  const scratch = path.join(runDir, "scratch");
  fs.mkdirSync(scratch, { recursive: true });
  fs.mkdirSync(path.join(runDir, "vitest-tmp"), { recursive: true });
  const mnistDir = process.env.MNIST_DIR && fs.existsSync(process.env.MNIST_DIR) ? [fs.realpathSync(path.resolve(process.env.MNIST_DIR))] : [];
  const setupFiles = ["grading/setup/fresh-modules.ts", "grading/setup/output.ts", "grading/setup/freeze.ts"].map(view.file);
  const kind = sandboxKind(options);
  const engine = run.gateOnEngine ? engineFiles() : undefined;

  const execArgv = [`--max-old-space-size=${options.memoryMb}`];
  const flag = options.permissions ? permissionFlag() : undefined;
  if (flag) {
    // Not the workspace: the worker gets every module's code from vitest's process.
    execArgv.push(flag, `--allow-fs-read=${view.nodeModules}`, `--allow-fs-read=${view.data}`, `--allow-fs-read=${scratch}`);
    // The same folders through the workspace's links (a test reads fixtures at ../../data/): the
    // model checks the path as written, and these links lead only into the view.
    execArgv.push(`--allow-fs-read=${path.join(ws, "data")}`, `--allow-fs-read=${path.join(ws, "node_modules")}`);
    for (const dir of mnistDir) execArgv.push(`--allow-fs-read=${dir}`);
    if (engine) execArgv.push(`--allow-fs-read=${engine.wasm}`);
    execArgv.push(`--allow-fs-write=${scratch}`);
    if (process.allowedNodeEnvironmentFlags.has("--disable-warning")) execArgv.push("--disable-warning=ExperimentalWarning");
  }
  const settings: GradingSettings = {
    workspace: ws,
    runDir,
    scratch,
    execArgv,
    isolate: options.isolate,
    testTimeoutMs: options.testTimeoutMs,
    // The baseline's gate on the engine loads the engine and what it shares with the reference (trusted code, no learner's).
    allowed: [view.nodeModules, view.data, ...mnistDir, ...setupFiles, ...(engine ? engine.dirs : [])],
    solutionsDir: run.referenceDir ?? path.join(view.dir, "no-reference"),
    setupFiles,
    refused: run.refused ?? [],
    ...(engine ? { engineNetwork: engine.network } : {}),
  };
  const launcher = kind === "bubblewrap" ? bwrapCommand({ ws, runDir, view, referenceDir: run.referenceDir, extraReadOnly: engine?.dirs ?? [], mnistDir, memoryMb: options.memoryMb, timeoutMs: run.timeoutMs }) : undefined;
  return { settings, view, kind, launcher };
}

const SYSTEM = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc"];
/** Cap on a file the run writes (vitest caches, the learner's scratch files). */
const FILE_SIZE_MB = 200;

/** bwrap + prlimit: the argv prefix that runs `node ...` inside the sandbox. */
function bwrapCommand(o: { ws: string; runDir: string; view: CourseView; referenceDir?: string; extraReadOnly: string[]; mnistDir: string[]; memoryMb: number; timeoutMs: number }): string[] {
  const args = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--hostname", "grading"];
  for (const dir of SYSTEM) args.push("--ro-bind-try", dir, dir);
  // node itself, wherever it is installed (nvm, /usr/local, /opt...).
  const nodeHome = path.dirname(path.dirname(fs.realpathSync(process.execPath)));
  if (!SYSTEM.some((dir) => nodeHome === dir || nodeHome.startsWith(dir + "/"))) args.push("--ro-bind", nodeHome, nodeHome);
  args.push("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp");
  args.push("--ro-bind", o.view.dir, o.view.dir, "--bind", path.join(o.view.nodeModules, ".vite-temp"), path.join(o.view.nodeModules, ".vite-temp"));
  args.push("--ro-bind", o.ws, o.ws, "--bind", o.runDir, o.runDir);
  if (o.referenceDir) args.push("--ro-bind", o.referenceDir, o.referenceDir);
  for (const dir of o.extraReadOnly) args.push("--ro-bind", dir, dir);
  for (const dir of o.mnistDir) args.push("--ro-bind", dir, dir);
  args.push("--chdir", o.ws);
  // Per process: the worker's heap cap plus room for typed arrays and vitest's own process.
  const dataMb = o.memoryMb + 1536;
  const cpuSeconds = Math.ceil(o.timeoutMs / 1000) + 60;
  args.push("prlimit", `--data=${dataMb * 1024 * 1024}`, `--cpu=${cpuSeconds}`, `--fsize=${FILE_SIZE_MB * 1024 * 1024}`, "--");
  return args;
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

/** Words for the console and the reports. */
export function describeSandbox(kind: SandboxKind): string {
  if (kind === "bubblewrap") return "bubblewrap (no network, own PID namespace, read-only course view, private /tmp, memory/CPU/file-size limits) + Node's permission model";
  if (kind === "node-permissions") return "Node's permission model (bubblewrap not available: network and signals are not fenced)";
  return "none (--no-sandbox): time and heap limits only";
}
