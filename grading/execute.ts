// Runs test files in a workspace through runner/harness/driver.ts, with a time limit per test file on
// top of the driver's watchdog for the whole run. A file that hangs is killed and marked
// "timeout"; a file whose worker dies (out of memory, process.exit) is marked "crashed"; the
// files that never got their turn run again in a fresh process. Nothing that did not finish
// is ever counted as passed.
import { runTests, type RunResult, type TestErrorInfo, type TestOutcome } from "../runner/harness/driver";
import type { RedirectOptions } from "../runner/harness/redirect-plugin";
import { FALLBACK_FILE_LIMIT_MS, STARTUP_MS } from "../runner/harness/manifest";
import type { Course } from "./course";
import { runEnv, runSandbox, type RunSandbox, type SandboxKind, type SandboxOptions } from "./sandbox";

export interface FileRun {
  /** Workspace-relative test file, e.g. "exercises/05-matrix/matrix.test.ts". */
  file: string;
  status: "finished" | "timeout" | "crashed";
  /** Why a file did not finish, in words for the report. */
  reason?: string;
  tests: TestOutcome[];
  /** Errors outside any test: a syntax error, a failing import, a throw at the top of a module. */
  errors: TestErrorInfo[];
  /** What the learner's code printed, by test full name. */
  output: Map<string, string>;
  /** From the file's start (import) to its end. */
  durationMs: number;
}

export interface ExecuteOptions {
  course: Course;
  workspace: string;
  /** Names this run's folder inside the workspace ("progressive", "isolated", "baseline"). */
  runName: string;
  sandbox: SandboxOptions;
  redirect?: RedirectOptions;
  /** Time limit of each test file, in ms. */
  limits: Map<string, number>;
  /** Extra time for vitest to start, on top of the limits, for the whole-run watchdog. */
  startupMs?: number;
  /** Run exercise 19's gate test on the engine (the course's reference baseline: trusted code, minutes saved). */
  gateOnEngine?: boolean;
  /** Errors thrown outside any test (an unhandled rejection): reported, not scored. */
  onUnhandledError?: (message: string) => void;
  /** The reference copy for the isolated tree's redirect (view.ts referenceCopy). */
  referenceDir?: string;
  /** Learner helpers the isolated run must not load (learner.ts bridges). */
  refused?: string[];
  /** Told which sandbox the run had. */
  onSandbox?: (kind: SandboxKind) => void;
  /** Where each vitest process's time goes is added here (for the benchmark). */
  stats?: RunStats;
}

/** Where the time of a submission's vitest processes went, summed over its runs. */
export interface RunStats {
  /** vitest processes started. */
  runs: number;
  /** From starting the process to its first test file being queued: bubblewrap, node, vitest, the config. */
  startupMs: number;
  /** From a file being queued to its tests being collected: transforming and loading its modules. */
  importMs: number;
  /** From collected to done: the tests themselves. */
  testsMs: number;
  /** Each process from start to end. */
  wallMs: number;
  /** CPU time of the processes and their workers, as they report it. */
  cpuMs: number;
  /** Wall time of runs that were killed (a timeout, a crash) and could not report their CPU time. */
  unreportedMs: number;
}

export const emptyStats = (): RunStats => ({ runs: 0, startupMs: 0, importMs: 0, testsMs: 0, wallMs: 0, cpuMs: 0, unreportedMs: 0 });

export function addStats(into: RunStats, from: RunStats): RunStats {
  for (const key of Object.keys(into) as (keyof RunStats)[]) into[key] += from[key];
  return into;
}

export async function runFiles(files: string[], options: ExecuteOptions): Promise<Map<string, FileRun>> {
  const timeoutMs = (options.startupMs ?? STARTUP_MS) + files.reduce((sum, f) => sum + (options.limits.get(f) ?? FALLBACK_FILE_LIMIT_MS), 0);
  const sandbox = runSandbox(options.course, options.workspace, options.runName, options.sandbox, { referenceDir: options.referenceDir, refused: options.refused, timeoutMs, gateOnEngine: options.gateOnEngine });
  options.onSandbox?.(sandbox.kind);
  const done = new Map<string, FileRun>();
  let remaining = [...files];
  while (remaining.length > 0) {
    const round = await runRound(remaining, options, sandbox);
    for (const run of round.settled.values()) done.set(run.file, run);
    const next = remaining.filter((f) => !round.settled.has(f));
    if (next.length === remaining.length) {
      // Not one file started: vitest itself failed. Say so for each file rather than loop.
      const why = round.startError ? `: ${round.startError}` : "";
      for (const file of next) done.set(file, { file, status: "crashed", reason: `the test run did not start${why}`, tests: [], errors: [], output: new Map(), durationMs: 0 });
      break;
    }
    remaining = next;
  }
  for (const run of done.values()) run.output = new Map(run.tests.filter((t) => t.output).map((t) => [t.fullName, t.output!]));
  return done;
}

/** One vitest process over `files`; returns the files it settled (finished, timed out or crashed). */
async function runRound(files: string[], options: ExecuteOptions, sandbox: RunSandbox): Promise<{ settled: Map<string, FileRun>; startError?: string }> {
  const controller = new AbortController();
  const queued = new Map<string, number>();
  const collected = new Set<string>();
  const durations = new Map<string, number>();
  const ended = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const collectedAt = new Map<string, number>();
  const started = Date.now();
  let firstQueued: number | undefined;
  let timedOut: string | undefined;
  const limitOf = (file: string) => options.limits.get(file) ?? FALLBACK_FILE_LIMIT_MS;

  const result: RunResult = await runTests({
    root: sandbox.settings.workspace,
    config: sandbox.view.file("grading/vitest.grading.config.ts"),
    childScript: sandbox.view.file("runner/harness/vitest-child.mjs"),
    launcher: sandbox.launcher,
    files,
    redirect: options.redirect,
    env: runEnv(sandbox.settings),
    signal: controller.signal,
    timeoutMs: (options.startupMs ?? STARTUP_MS) + files.reduce((sum, f) => sum + limitOf(f), 0),
    onModule: ({ event, file }) => {
      if (event === "queued" && !queued.has(file)) {
        queued.set(file, Date.now());
        firstQueued ??= Date.now();
        timers.set(
          file,
          setTimeout(() => {
            timedOut ??= file;
            controller.abort();
          }, limitOf(file)),
        );
      } else if (event === "collected") {
        collected.add(file);
        collectedAt.set(file, Date.now());
      } else if (event === "end") {
        ended.add(file);
        durations.set(file, Date.now() - (queued.get(file) ?? Date.now()));
        clearTimeout(timers.get(file));
      }
    },
  });
  for (const timer of timers.values()) clearTimeout(timer);
  if (options.stats) {
    const s = options.stats;
    s.runs++;
    s.wallMs += result.durationMs;
    s.startupMs += (firstQueued ?? Date.now()) - started;
    const runEnd = started + result.durationMs;
    for (const [file, at] of queued) {
      const loaded = collectedAt.get(file) ?? runEnd;
      const end = at + (durations.get(file) ?? runEnd - at);
      s.importMs += loaded - at;
      s.testsMs += Math.max(0, end - loaded);
    }
    if (result.cpuMs !== undefined) s.cpuMs += result.cpuMs;
    else s.unreportedMs += result.durationMs;
  }
  if (result.status === "finished") for (const error of result.unhandledErrors) options.onUnhandledError?.(error.message);

  const settled = new Map<string, FileRun>();
  for (const file of files) {
    const outcome = result.files.find((f) => f.file === file);
    const durationMs = durations.get(file) ?? Date.now() - (queued.get(file) ?? Date.now());
    const base = { file, tests: outcome?.tests ?? [], errors: outcome?.errors ?? [], output: new Map<string, string>(), durationMs };
    if (file === timedOut) {
      // A worker stuck in a loop cannot report which test it started, so say what is known.
      const running = result.running.filter((r) => r.file === file).map((r) => `"${r.fullName}"`);
      const last = outcome?.tests.filter((t) => t.state === "passed" || t.state === "failed").at(-1);
      const where =
        running.length > 0 ? ` while running ${running.join(", ")}` : !collected.has(file) ? " while loading the module (at import)" : last ? ` in the test after "${last.fullName}"` : " in its first test";
      settled.set(file, { ...base, status: "timeout", reason: `stopped after ${Math.round(limitOf(file) / 1000)} s${where}: an infinite loop, or far too slow` });
    } else if (ended.has(file) && outcome) {
      settled.set(file, { ...base, status: "finished" });
    } else if (queued.has(file)) {
      settled.set(file, { ...base, status: result.status === "timeout" && !timedOut ? "timeout" : "crashed", reason: crashReason(result, options.sandbox) });
    }
  }
  const startError = settled.size === 0 ? firstLine(result.unhandledErrors[0]?.message ?? result.stderr) : undefined;
  return { settled, startError };
}

const firstLine = (text: string) => text.trim().split("\n").find((l) => l.trim() && !/ExperimentalWarning|trace-warnings/.test(l))?.trim().slice(0, 300);

function crashReason(result: RunResult, sandbox: SandboxOptions): string {
  const text = result.stderr + result.unhandledErrors.map((e) => e.message).join("\n");
  if (/heap out of memory|Reached heap limit|Allocation failed/i.test(text)) return `ran out of memory (the limit is ${sandbox.memoryMb} MB) and the test process died`;
  if (result.status === "timeout") return "the whole run took too long and was stopped";
  if (/process\.exit|exited unexpectedly|Worker exited/i.test(text)) return "the test process exited in the middle of the tests (process.exit or a crash)";
  return `the test process died${result.signal ? ` (${result.signal})` : ""}`;
}
