// Runs vitest in a child process under a wall-clock watchdog. A synchronous infinite loop in
// learner code hangs vitest itself (its cancel and close never return), so the only reliable
// stop is to kill the child's whole process group. Results stream back over IPC as each test
// ends, so even a killed run reports what finished and which test was still running.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RedirectOptions } from "./redirect-plugin";
import { killStrays, newTag } from "./strays";
import { envFor } from "./env";

export const runnerDir = path.dirname(fileURLToPath(import.meta.url));
export const courseRoot = path.resolve(runnerDir, "../..");

export interface TestErrorInfo {
  message: string;
  name?: string;
  expected?: string;
  actual?: string;
  diff?: string;
  stack?: string;
  frame?: string;
  /** The error this one wraps: fast-check puts the learner's own error here. */
  cause?: TestErrorInfo;
}

export interface TestOutcome {
  file: string;
  name: string;
  fullName: string;
  state: "passed" | "failed" | "skipped" | "pending";
  errors: TestErrorInfo[];
  durationMs: number;
  /** What the test printed, when the run's setup keeps it (the grader's does). */
  output?: string;
}

export interface FileOutcome {
  file: string;
  state: string;
  /** Errors outside any test: a syntax error, a failing import, a throw at the top of a file. */
  errors: TestErrorInfo[];
  tests: TestOutcome[];
}

export interface RunResult {
  /** "finished": vitest ran to the end; "timeout": the watchdog killed it; "crashed": the child died. */
  status: "finished" | "timeout" | "crashed";
  files: FileOutcome[];
  unhandledErrors: TestErrorInfo[];
  /** Tests that started but never ended (the likely infinite loop when status is "timeout"). */
  running: { file: string; fullName: string }[];
  /** What the test workers were doing when the watchdog stopped the run (where-stuck.mjs); absent when unknown. */
  stuck?: StuckWorker[];
  logs: string[];
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  /** CPU time of the child and its workers (Linux), when the child ended on its own: for benchmarks. */
  cpuMs?: number;
}

/** A place in a course file where a worker was computing: file relative to the course root, 1-based. */
export interface StuckFrame {
  file: string;
  line: number;
  column: number;
  functionName: string;
}

/** A worker thread when the time ran out: computing (innermost frame first), or idle, waiting on something. */
export type StuckWorker = { state: "busy"; frames: StuckFrame[] } | { state: "waiting" };

export interface RunOptions {
  /** Test files or filters, relative to root. */
  files: string[];
  /** The course folder (a learner's copy, or a grading workspace). */
  root?: string;
  /** The vitest config file; the exercises config by default. */
  config?: string;
  /** Which tree's tests run: "exercises" (default) or "solutions". */
  tests?: "exercises" | "solutions";
  redirect?: RedirectOptions;
  timeoutMs?: number;
  /** Extra flags for the child's node, e.g. ["--max-old-space-size=512"]. */
  nodeArgs?: string[];
  env?: Record<string, string | undefined>;
  testNamePattern?: string;
  /** Called as each test ends, e.g. for a live progress line. */
  onTest?: (test: TestOutcome) => void;
  /** Called with what the tests print (stdout, console.log) as it arrives, e.g. a training's progress. */
  onOutput?: (text: string) => void;
  /** Called as a test file is queued, imported ("collected") and done: for a time limit per file. */
  onModule?: (event: ModuleEvent) => void;
  /** A command that starts node inside a sandbox (e.g. bwrap ... --): the child runs as launcher + node. */
  launcher?: string[];
  /** The vitest child script, when a caller runs its own copy (the grader's course view). */
  childScript?: string;
  /** Aborting stops the run as the watchdog does (status "timeout"): a caller's own time limit. */
  signal?: AbortSignal;
}

export interface ModuleEvent {
  event: "queued" | "collected" | "end";
  file: string;
}

export const childScript = path.join(runnerDir, "vitest-child.mjs");
const MAX_LOG_CHARS = 1_000_000;
export const exercisesConfig = path.join(runnerDir, "vitest.exercises.config.ts");

/**
 * glibc gives every freed block over 128 KB straight back to the system, and the next one comes
 * as fresh pages: a book-style network, which makes a new 200 x 784 matrix (1.25 MB) several
 * times a step, then spends most of its time on page faults. These settings keep freed memory
 * for reuse (measured: a new 1.25 MB Float64Array costs 70 us instead of 1,100 us).
 */
export function mallocEnv(): Record<string, string> {
  return {
    MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? String(32 * 1024 * 1024),
    MALLOC_TRIM_THRESHOLD_: process.env.MALLOC_TRIM_THRESHOLD_ ?? String(256 * 1024 * 1024),
  };
}

/** The environment of a vitest child: which tree runs, the redirect, and no leaked vitest state. */
export function childEnv(root: string, options: Pick<RunOptions, "tests" | "redirect" | "env">): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...envFor({ root, tests: options.tests ?? "exercises", redirect: options.redirect }),
    ...mallocEnv(),
    ...options.env,
  };
  // A vitest parent (the maintainer's `npm test`) must not leak its worker state into this child.
  for (const key of Object.keys(env)) if (key.startsWith("VITEST") || key === "TEST") delete env[key];
  return env;
}

/** How long the watchdog waits for the child to say where its workers are before it kills anyway. */
const WHERE_STUCK_WAIT_MS = 5_000;

/**
 * Asks a vitest child what its test workers are doing (vitest-child.mjs answers with a "stuck"
 * message, which the run's collector keeps); resolves when it answered, died, or took too long.
 */
export function askWhereStuck(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("close", done);
      resolve();
    };
    const onMessage = (message: any) => {
      if (message?.type === "stuck") done();
    };
    const timer = setTimeout(done, WHERE_STUCK_WAIT_MS);
    child.on("message", onMessage);
    child.once("close", done);
    try {
      child.send({ type: "where-stuck" }, (error) => error && done());
    } catch {
      done();
    }
  });
}

/**
 * A run's time limit: when it runs out, or the caller aborts, `stop` is called once (it asks the
 * workers where they are, then kills them). The run's time is counted up to that moment, not to
 * the kill after the asking.
 */
export class Watchdog {
  private firedAt: number | undefined;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();

  constructor(private readonly options: { timeoutMs?: number; signal?: AbortSignal; stop: () => void }) {
    this.timer = options.timeoutMs ? setTimeout(this.fire, options.timeoutMs) : undefined;
    if (options.signal?.aborted) this.fire();
    else options.signal?.addEventListener("abort", this.fire, { once: true });
  }

  get fired(): boolean {
    return this.firedAt !== undefined;
  }

  elapsedMs(): number {
    return (this.firedAt ?? Date.now()) - this.started;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener("abort", this.fire);
  }

  private readonly fire = () => {
    if (this.fired) return;
    this.firedAt = Date.now();
    this.options.stop();
  };
}

/** SIGKILL a detached child and everything it started (vitest's workers). */
export function killProcessGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

export function runTests(options: RunOptions): Promise<RunResult> {
  const root = path.resolve(options.root ?? courseRoot);
  const config = options.config ?? exercisesConfig;
  const args = JSON.stringify({ root, config, files: options.files, testNamePattern: options.testNamePattern });
  const tag = newTag();
  const env = { ...childEnv(root, options), ...envFor({ runTag: tag }) };

  return new Promise((resolve) => {
    const argv = [process.execPath, ...(options.nodeArgs ?? []), options.childScript ?? childScript, args];
    const [command, ...rest] = [...(options.launcher ?? []), ...argv];
    const child = spawn(command, rest, {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      detached: true, // its own process group, so the watchdog can kill vitest's workers too
    });
    const collector = new RunCollector(options);

    child.stdout!.on("data", (chunk: Buffer) => collector.addOutput(chunk));
    child.stderr!.on("data", (chunk: Buffer) => collector.addStderr(chunk));
    child.on("message", (message: any) => {
      collector.handle(message);
      if (message.type === "module") options.onModule?.({ event: message.event, file: message.file });
    });

    const killGroup = () => killProcessGroup(child);
    // Out of time: learn where the workers are, then stop them all.
    const watchdog = new Watchdog({ timeoutMs: options.timeoutMs, signal: options.signal, stop: () => void askWhereStuck(child).then(killGroup) });
    // If this process is interrupted, do not leave a hung vitest behind.
    const onExit = () => killGroup();
    process.once("exit", onExit);

    child.on("close", (exitCode, signal) => {
      watchdog.clear();
      process.removeListener("exit", onExit);
      // Workers of a finished run may linger on open handles; the group is ours to clean up.
      if (!watchdog.fired) killGroup();
      // Detached or setsid children of learner code left the group: find them by their tag.
      killStrays(tag);
      resolve(collector.result(watchdog.fired ? "timeout" : undefined, exitCode, signal, watchdog.elapsedMs()));
    });
  });
}

/**
 * Turns the child's IPC messages (see vitest-child.mjs) into a RunResult. Shared by runTests (one
 * child per run) and session.ts (one long-lived child, one collector per run).
 */
export class RunCollector {
  readonly running = new Map<string, { file: string; fullName: string }>();
  readonly ended: TestOutcome[] = [];
  readonly logs: string[] = [];
  private logSize = 0;
  stderr = "";
  final: { files: FileOutcome[]; unhandledErrors: TestErrorInfo[] } | undefined;
  fatal: TestErrorInfo | undefined;
  cpuMs: number | undefined;
  stuck: StuckWorker[] | undefined;

  constructor(private readonly listeners: Pick<RunOptions, "onTest" | "onOutput"> = {}) {}

  handle(message: any): void {
    if (message.type === "test-start") this.running.set(`${message.file}\0${message.fullName}`, { file: message.file, fullName: message.fullName });
    else if (message.type === "test-end") {
      this.running.delete(`${message.test.file}\0${message.test.fullName}`);
      this.ended.push(message.test);
      this.listeners.onTest?.(message.test);
    } else if (message.type === "log") this.addOutput(message.content);
    else if (message.type === "run-end") this.final = { files: message.files, unhandledErrors: message.unhandledErrors };
    else if (message.type === "fatal") this.fatal = message.error;
    else if (message.type === "usage") this.cpuMs = message.cpuMs;
    else if (message.type === "stuck") this.stuck = message.workers;
  }

  /** Text the tests printed: a direct write to stdout (the child's stdout) or a console.log (IPC). */
  addOutput(chunk: Buffer | string): void {
    const text = chunk.toString();
    // Keep what a report can show, but never let a print loop in learner code fill our memory.
    if (this.logSize < MAX_LOG_CHARS) {
      this.logs.push(text);
      this.logSize += text.length;
    }
    this.listeners.onOutput?.(text);
  }

  addStderr(chunk: Buffer | string): void {
    if (this.stderr.length < 100_000) this.stderr += chunk.toString();
  }

  /** The run as it stands; `status` is forced to "timeout" by a watchdog, otherwise derived. */
  result(status: "timeout" | undefined, exitCode: number | null, signal: NodeJS.Signals | null, durationMs: number): RunResult {
    return {
      status: status ?? (this.final && !this.fatal ? "finished" : "crashed"),
      files: this.final?.files ?? groupByFile(this.ended),
      unhandledErrors: [...(this.final?.unhandledErrors ?? []), ...(this.fatal ? [this.fatal] : [])],
      running: [...this.running.values()],
      ...(this.stuck ? { stuck: this.stuck } : {}),
      logs: this.logs,
      stderr: this.stderr,
      exitCode,
      signal,
      durationMs,
      ...(this.cpuMs !== undefined ? { cpuMs: this.cpuMs } : {}),
    };
  }
}

function groupByFile(tests: TestOutcome[]): FileOutcome[] {
  const byFile = new Map<string, FileOutcome>();
  for (const test of tests) {
    const entry = byFile.get(test.file) ?? { file: test.file, state: "incomplete", errors: [], tests: [] };
    entry.tests.push(test);
    byFile.set(test.file, entry);
  }
  return [...byFile.values()];
}

/** Every test of the run, in file order. */
export function allTests(result: RunResult): TestOutcome[] {
  return result.files.flatMap((f) => f.tests);
}

/** True only when vitest finished, every file loaded, and every test passed (at least one ran). */
export function allPassed(result: RunResult): boolean {
  const tests = allTests(result);
  return (
    result.status === "finished" &&
    result.unhandledErrors.length === 0 &&
    result.files.every((f) => f.errors.length === 0) &&
    tests.length > 0 &&
    tests.every((t) => t.state === "passed")
  );
}
