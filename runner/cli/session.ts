// A long-lived vitest child (vitest-child.mjs with `serve: true`) for the learner's runner: the
// first run pays for starting vitest, every later run (a save in watch mode, the next exercise)
// only for the tests. The parent keeps the wall-clock watchdog: a run that does not end in time
// (a synchronous infinite loop hangs vitest itself) gets the child's whole process group killed,
// and the next run starts a fresh child.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { killStrays, newTag } from "../harness/strays";
import { askWhereStuck, Watchdog, childEnv, childScript, courseRoot, exercisesConfig, killProcessGroup, RunCollector, type RunResult, type TestErrorInfo, type TestOutcome } from "../harness/driver";
import { envFor } from "../harness/env";

export interface SessionRun {
  /** Test files, relative to the course root. */
  files: string[];
  /** Files that may have changed since the last run (vitest caches transforms until told). */
  invalidate?: string[];
  timeoutMs: number;
  onTest?: (test: TestOutcome) => void;
  /** What the tests print, as they print it (see worker-stdout.ts): a long training's progress. */
  onOutput?: (text: string) => void;
  /** Aborting stops the run as the watchdog does (status "timeout"). */
  signal?: AbortSignal;
}

export class TestSession {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private collector: RunCollector | undefined;
  private stderr = "";
  /** Why vitest could not start (a broken config, a missing dependency), told to the next run. */
  private startError: TestErrorInfo | undefined;
  private nextId = 1;
  private readonly root: string;
  private readonly exitHandler = () => this.close();
  /** Every process the session's runs start carries it (strays.ts). */
  private readonly tag = newTag();

  /** Whether the tests' output ends up on a terminal (the server's own stdout is a log file). */
  private readonly stdoutTty: boolean;

  constructor(options: { root?: string; stdoutTty?: boolean } = {}) {
    this.root = path.resolve(options.root ?? courseRoot);
    this.stdoutTty = options.stdoutTty ?? Boolean(process.stdout.isTTY);
  }

  /** Start vitest now (it takes a moment), so the first run finds it warm. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const args = JSON.stringify({ root: this.root, config: exercisesConfig, serve: true, pool: "warm-threads" });
    const child = spawn(process.execPath, [childScript, args], {
      cwd: this.root,
      // Tests' output as it is written; a terminal here lets a progress bar redraw (worker-stdout.ts).
      env: childEnv(this.root, { env: envFor({ live: true, stdoutTty: this.stdoutTty, runTag: this.tag }) }),
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      detached: true, // its own process group: the watchdog kills vitest's workers with it
    });
    this.child = child;
    this.stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => this.collector?.addOutput(chunk));
    child.stderr!.on("data", (chunk: Buffer) => {
      if (this.stderr.length < 100_000) this.stderr += chunk.toString();
      this.collector?.addStderr(chunk);
    });
    process.once("exit", this.exitHandler);
    this.ready = new Promise<void>((resolve) => {
      const onMessage = (message: any) => {
        if (message?.type === "ready" || message?.type === "fatal") {
          child.off("message", onMessage);
          resolve();
        }
        if (message?.type === "fatal") this.startError = message.error;
      };
      child.on("message", onMessage);
      child.once("close", () => resolve());
    });
    child.on("message", (message: any) => this.collector?.handle(message));
    child.once("close", () => {
      if (this.child === child) this.forget();
    });
    return this.ready;
  }

  /** Run test files; always resolves, with status "timeout" when the watchdog had to step in. */
  async run(request: SessionRun): Promise<RunResult> {
    const collector = new RunCollector(request);
    this.collector = collector;
    const watchdog = new Watchdog({
      timeoutMs: request.timeoutMs,
      signal: request.signal,
      stop: () => {
        // Learn where the workers are (the report names it), then stop them all.
        const child = this.child;
        if (child && this.collector === collector) void askWhereStuck(child).then(() => this.child === child && this.close());
        else this.close();
      },
    });
    try {
      await this.start();
      const child = this.child;
      if (!child || child.exitCode !== null || this.startError) {
        if (this.startError) collector.fatal = this.startError;
        collector.addStderr(this.stderr);
        this.close();
        return collector.result(watchdog.fired ? "timeout" : undefined, child?.exitCode ?? null, child?.signalCode ?? null, watchdog.elapsedMs());
      }
      const id = this.nextId++;
      return await new Promise<RunResult>((resolve) => {
        const finish = () => {
          child.off("message", onMessage);
          child.off("close", onClose);
          resolve(collector.result(watchdog.fired ? "timeout" : undefined, child.exitCode, child.signalCode, watchdog.elapsedMs()));
        };
        const onMessage = (message: any) => {
          // Once the watchdog fired, the run ends when the child is killed, not before.
          if (message?.type === "run-done" && message.id === id && !watchdog.fired) finish();
        };
        const onClose = () => {
          if (!watchdog.fired) collector.addStderr(this.stderr);
          finish();
        };
        child.on("message", onMessage);
        child.once("close", onClose);
        if (watchdog.fired) return; // the watchdog already fired during start-up
        child.send({ type: "run", id, files: request.files, invalidate: request.invalidate ?? [] });
      });
    } finally {
      watchdog.clear();
      if (this.collector === collector) this.collector = undefined;
      // Whatever the run started is gone when it ends, detached and setsid children included.
      killStrays(this.tag, [this.child?.pid]);
    }
  }

  /** Kill the child (and its workers). The next run starts a fresh one. */
  close(): void {
    if (this.child) killProcessGroup(this.child);
    killStrays(this.tag);
    this.forget();
  }

  private forget(): void {
    process.removeListener("exit", this.exitHandler);
    this.child = undefined;
    this.ready = undefined;
    this.startError = undefined;
  }
}
