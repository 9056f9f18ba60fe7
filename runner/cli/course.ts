// The learner's course as the runner sees it: the exercises in order, which files each one needs,
// and whether it is done, which always means "its tests pass on the files as they are now". A test
// result is remembered with the fingerprint of every file the tests load, so a pass is reused
// only while none of those files changed; anything else runs the tests again.
import fs from "node:fs";
import path from "node:path";
import { importClosure, fingerprint } from "../harness/deps";
import { allPassed, allTests, courseRoot, type RunResult, type TestOutcome } from "../harness/driver";
import { loadManifest, type Exercise, learnerLimitMs, stubPaths, testPaths, inExercise } from "../harness/manifest";
import { TestSession } from "./session";
import { loadState, updateState, type StoredResult } from "./state";
import { parseStubMessage } from "../harness/stub-message";
import { passStillHolds, rememberResult, storedResult } from "./results";
import { changedTests, testKitFiles } from "../harness/checksums";
import { guardFiles } from "./file-guard";

export type OutcomeKind = "passed" | "failed" | "load-error" | "timeout" | "crashed" | "missing" | "not-ready" | "tests-changed";

export interface Outcome {
  ex: Exercise;
  kind: OutcomeKind;
  run?: RunResult;
  /** Course files the learner deleted (the course has them: reset brings them back). */
  missing: string[];
  /** Test or test-kit files that differ from the course's checksums: the exercise cannot count as done. */
  changed?: string[];
  /** Files of other exercises the run changed or deleted, put back from the copy taken before it. */
  restored?: string[];
  /** Files this copy of the course does not have yet (an exercise still being written). */
  notReady: string[];
  passed: number;
  total: number;
  /** Tests that pass now and did not in the exercise's previous run. */
  newlyPassing?: number;
  /** The tests' output was already shown live, so the report need not repeat it. */
  outputShown?: boolean;
}

/** Shows one exercise's run while it goes (live.ts): what its tests print, then stop() at the end. */
export interface LiveRun {
  write(text: string): void;
  /** Returns true when the run's output was shown while it went. */
  stop(): boolean;
}

export class Course {
  readonly root: string;
  readonly exercises: Exercise[];
  /** Set by the CLI so a long run is seen while it goes; without it runs are silent until the end. */
  live: ((ex: Exercise) => LiveRun) | undefined;
  private sessionInstance: TestSession | undefined;
  /** A session handed in (the server's warm one) is not this course's to close. */
  private readonly ownsSession: boolean;

  constructor(options: { root?: string; timeoutMs?: number; session?: TestSession } = {}) {
    this.root = path.resolve(options.root ?? courseRoot);
    this.exercises = loadManifest(this.root).exercises;
    this.timeoutOverride = options.timeoutMs;
    this.sessionInstance = options.session;
    this.ownsSession = !options.session;
  }

  private readonly timeoutOverride: number | undefined;

  get session(): TestSession {
    return (this.sessionInstance ??= new TestSession({ root: this.root }));
  }

  /** Stop this course's vitest; a shared session is only stopped when a run of it is interrupted. */
  close(): void {
    if (this.ownsSession) this.sessionInstance?.close();
  }

  timeoutMs(ex: Exercise): number {
    return this.timeoutOverride ?? learnerLimitMs(ex);
  }

  exists(rel: string): boolean {
    return fs.existsSync(path.join(this.root, rel));
  }

  /** Files of the exercise that are not there: deleted by the learner, or not written yet. */
  absent(ex: Exercise): Pick<Outcome, "missing" | "notReady"> {
    const missing: string[] = [];
    const notReady: string[] = [];
    for (const rel of [...stubPaths(ex), ...testPaths(ex)]) {
      if (this.exists(rel)) continue;
      (this.exists(rel.replace(/^exercises\//, "solutions/")) ? missing : notReady).push(rel);
    }
    return { missing, notReady };
  }

  /** Every file the exercise's tests load. */
  closure(ex: Exercise): string[] {
    return importClosure(this.root, testPaths(ex));
  }

  /** True when the tests passed on exactly the files that are on disk now. */
  knownDone(ex: Exercise): boolean {
    return passStillHolds(this.root, ex, () => {
      const { missing, notReady } = this.absent(ex);
      return missing.length === 0 && notReady.length === 0 && this.changedTests(ex).length === 0 ? this.closure(ex) : undefined;
    });
  }

  /** The exercise's test files and the test kit that differ from the course's checksums. */
  changedTests(ex: Exercise): string[] {
    return changedTests(this.root, [...testPaths(ex), ...testKitFiles(this.root)]);
  }

  /** The last remembered result, whatever the files look like now. */
  storedResult(ex: Exercise): StoredResult | undefined {
    return storedResult(this.root, ex);
  }

  doneCount(): number {
    return this.exercises.filter((ex) => this.knownDone(ex)).length;
  }

  /** Run the exercise's tests (always: this is where "done" is decided) and remember the result. */
  async check(ex: Exercise, options: { onTest?: (test: TestOutcome) => void } = {}): Promise<Outcome> {
    const absent = this.absent(ex);
    if (absent.missing.length > 0 || absent.notReady.length > 0) {
      return { ex, kind: absent.missing.length > 0 ? "missing" : "not-ready", ...absent, passed: 0, total: 0 };
    }
    const changed = this.changedTests(ex);
    if (changed.length > 0) return { ex, kind: "tests-changed", changed, missing: [], notReady: [], passed: 0, total: 0 };
    const closure = this.closure(ex);
    const print = fingerprint(this.root, closure);
    const live = this.live?.(ex);
    const guard = guardFiles(this.root, stubPaths(ex));
    let run: RunResult;
    let outputShown = false;
    let restored: string[] = [];
    try {
      run = await this.session.run({ files: testPaths(ex), invalidate: closure, timeoutMs: this.timeoutMs(ex), onTest: options.onTest, onOutput: live && ((text) => live.write(text)) });
    } finally {
      outputShown = live?.stop() ?? false;
      restored = guard.restore();
    }
    const outcome = { ...outcomeOf(ex, run), outputShown, ...(restored.length > 0 ? { restored } : {}) };
    this.remember(ex, print, outcome);
    return outcome;
  }

  /** The order in which "what is next" looks: the exercises from index `start` on, then the ones before it. */
  inOrderFrom(start = 0): Exercise[] {
    return [...this.exercises.slice(start), ...this.exercises.slice(0, start)];
  }

  /** The next exercise from `start` on (wrapping round) that is not done, without running anything. */
  nextPending(start = 0, done = (ex: Exercise) => this.knownDone(ex)): Exercise | undefined {
    return this.inOrderFrom(start).find((ex) => !done(ex));
  }

  /**
   * The first exercise from `start` on (wrapping round) that is not done, with its fresh test
   * result; exercises whose remembered pass still matches their files are skipped without running.
   * `onPass` hears about every exercise that had to be run and passed on the way.
   */
  async firstNotDone(start = 0, options: { onPass?: (outcome: Outcome) => void; onTest?: (test: TestOutcome) => void } = {}): Promise<Outcome | undefined> {
    for (const ex of this.inOrderFrom(start)) {
      if (this.knownDone(ex)) continue;
      const outcome = await this.check(ex, { onTest: options.onTest });
      if (outcome.kind !== "passed") return outcome;
      options.onPass?.(outcome);
    }
    return undefined;
  }

  /**
   * True while one of the exercise's files still throws its own "not implemented yet": the tests
   * that reach that function fail, so the exercise cannot be done yet, without running anything.
   */
  unwritten(ex: Exercise): boolean {
    const own = inExercise(ex, "");
    return stubPaths(ex).some((rel) => this.exists(rel) && parseStubMessage(fs.readFileSync(path.join(this.root, rel), "utf8"))?.file.startsWith(own));
  }

  /**
   * Every exercise that is not known to be done and could be (all files there, no stub left), run
   * together in one vitest run (both cores, one start-up). If that run hangs or ends badly, each
   * exercise runs again on its own, so one endless loop cannot hide the results of the others.
   */
  /** `skipSlow`: leave out exercises with their own time limit (the gate trains for minutes). */
  async checkUnknown(skipSlow = false): Promise<Map<string, Outcome>> {
    const outcomes = new Map<string, Outcome>();
    const toRun: Exercise[] = [];
    for (const ex of this.exercises) {
      if (this.knownDone(ex) || (skipSlow && ex.timeoutSeconds !== undefined)) continue;
      const absent = this.absent(ex);
      const changed = this.changedTests(ex);
      if (absent.missing.length > 0 || absent.notReady.length > 0) outcomes.set(ex.dir, { ex, kind: absent.missing.length > 0 ? "missing" : "not-ready", ...absent, passed: 0, total: 0 });
      else if (changed.length > 0) outcomes.set(ex.dir, { ex, kind: "tests-changed", changed, missing: [], notReady: [], passed: 0, total: 0 });
      else if (this.unwritten(ex)) outcomes.set(ex.dir, { ex, kind: "failed", missing: [], notReady: [], passed: 0, total: 0 });
      else toRun.push(ex);
    }
    if (toRun.length === 0) return outcomes;
    const closures = new Map(toRun.map((ex) => [ex.dir, this.closure(ex)]));
    const prints = new Map(toRun.map((ex) => [ex.dir, fingerprint(this.root, closures.get(ex.dir)!)]));
    const guard = guardFiles(this.root, toRun.flatMap((ex) => stubPaths(ex)));
    const run = await this.session.run({
      files: toRun.flatMap((ex) => testPaths(ex)),
      invalidate: [...new Set([...closures.values()].flat())],
      timeoutMs: Math.max(...toRun.map((ex) => this.timeoutMs(ex))) + 10_000,
    });
    const restored = guard.restore();
    if (run.status !== "finished" || run.unhandledErrors.length > 0) {
      for (const ex of toRun) outcomes.set(ex.dir, await this.check(ex));
      return outcomes;
    }
    for (const ex of toRun) {
      const own = new Set(testPaths(ex));
      const outcome: Outcome = { ...outcomeOf(ex, { ...run, files: run.files.filter((f) => own.has(f.file)), running: [] }), ...(restored.length > 0 ? { restored } : {}) };
      outcomes.set(ex.dir, outcome);
      this.remember(ex, prints.get(ex.dir)!, outcome);
    }
    return outcomes;
  }

  /** Store the result and note which tests pass that did not last time. */
  private remember(ex: Exercise, print: string, outcome: Outcome): void {
    const forget = outcome.kind === "timeout" || outcome.kind === "crashed";
    outcome.newlyPassing = rememberResult(this.root, ex, print, { passed: outcome.kind === "passed", forget, passedTests: outcome.passed, totalTests: outcome.total, run: outcome.run });
  }

  setCurrent(ex: Exercise): void {
    updateState(this.root, (state) => {
      state.current = ex.dir;
    });
  }

  /** The exercise the learner was shown last, if any. */
  current(): Exercise | undefined {
    const dir = loadState(this.root).current;
    return this.exercises.find((ex) => ex.dir === dir);
  }
}

export function outcomeOf(ex: Exercise, run: RunResult): Outcome {
  const tests = allTests(run);
  const passed = tests.filter((t) => t.state === "passed").length;
  const base = { ex, run, missing: [], notReady: [], passed, total: tests.length };
  if (run.status === "timeout") return { ...base, kind: "timeout" };
  // Out of memory kills the worker mid-test; whatever passed before does not make it a pass.
  if (ranOutOfMemory(run)) return { ...base, kind: "crashed" };
  if (allPassed(run)) return { ...base, kind: "passed" };
  if (run.files.some((f) => f.errors.length > 0)) return { ...base, kind: "load-error" };
  if (run.status === "crashed" && tests.length === 0) return { ...base, kind: "crashed" };
  return { ...base, kind: "failed" };
}

/** The run died of heap exhaustion (a worker thread or process), whatever words Node used. */
export function ranOutOfMemory(run: RunResult): boolean {
  const text = run.stderr + "\n" + run.unhandledErrors.map((e) => `${e.name ?? ""} ${e.message}`).join("\n") + run.files.flatMap((f) => f.errors.map((e) => e.message)).join("\n");
  return /heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY|reaching memory limit|Allocation failed|Array buffer allocation failed/i.test(text);
}
