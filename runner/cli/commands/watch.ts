// npm run watch (and npm start): like rustlings. The current exercise runs again whenever a file
// its tests load is saved; when it passes, the runner moves on to the next exercise that does not
// pass. Keys: h hint, l list, n next, r re-run, e edit, q quit; a number and Enter jumps to an
// exercise (one that passes then stays on screen until n).
// Without a terminal the same letters work as lines on stdin, and the output stays plain.
import path from "node:path";
import type { Outcome } from "../course";
import { editorCommand, isTerminalEditor, openInEditor } from "../editor";
import { type Exercise, exerciseLabel, selectExercise, stubPaths, testPaths } from "../../harness/manifest";
import { TypeChecker } from "../typecheck";
import { failureText, ownDiagnostics, passLine, progressLine, resolveExercise, typeErrorText, type Cli } from "./common";
import { revealHint } from "./hint";
import { listText } from "./list";
import { FileWatcher } from "../watch/files";
import { Keys } from "../watch/keys";
import { Screen } from "../watch/screen";

export async function watch(cli: Cli): Promise<number> {
  let start: Exercise | undefined;
  if (cli.args.name) {
    start = resolveExercise(cli, cli.args.name);
    if (!start) return 2;
  }
  return new WatchMode(cli).run(start);
}

class WatchMode {
  private current: Exercise | undefined;
  private busy = false;
  private pending: (() => Promise<void>) | undefined;
  /** Bumped whenever a run's result must no longer be shown (a re-run or jump replaced it). */
  private generation = 0;
  private finish: ((code: number) => void) | undefined;
  private readonly checker: TypeChecker;
  private readonly keys: Keys;
  private readonly screen: Screen;
  private readonly files: FileWatcher;
  /** Set by a jump (or `watch -- <exercise>`): a passing exercise stays on screen until n. */
  private pinned = false;

  constructor(private readonly cli: Cli) {
    this.checker = new TypeChecker(cli.course.root);
    this.keys = new Keys((command) => this.onCommand(command), () => this.quit());
    this.screen = new Screen(cli, () => this.keys.typed, this.keys.raw);
    this.files = new FileWatcher(() => {
      const ex = this.current;
      if (ex) void this.exec(() => this.show(ex));
    });
  }

  async run(start: Exercise | undefined): Promise<number> {
    const { m, term } = this.cli;
    void this.cli.course.session.start();
    this.checker.warmUp(); // TypeScript warms up in its worker while the first run goes
    this.screen.prelude = [term.bold(m.watchBanner), term.dim(this.cli.args.manualRun ? m.manualRunOn : m.manualRunTip), ""];
    this.keys.listen();
    const stop = () => this.quit();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    process.once("SIGHUP", stop);
    const done = new Promise<number>((resolve) => (this.finish = resolve));
    this.pinned = start !== undefined;
    void this.exec(() => (start ? this.show(start) : this.advance(0)));
    const code = await done;
    process.removeListener("SIGINT", stop);
    process.removeListener("SIGTERM", stop);
    process.removeListener("SIGHUP", stop);
    return code;
  }

  // ---- running --------------------------------------------------------------------------------

  /** One action at a time; while one runs, only the latest request waits (a burst of saves is one run). */
  private async exec(action: () => Promise<void>): Promise<void> {
    if (this.busy) {
      this.pending = action;
      return;
    }
    this.busy = true;
    try {
      await action();
    } finally {
      this.busy = false;
    }
    const next = this.pending;
    this.pending = undefined;
    if (next && this.finish) await this.exec(next);
  }

  /** Stop a run in progress (its result is dropped) and do `action` instead. */
  private interrupt(action: () => Promise<void>): void {
    if (this.busy) {
      this.generation++;
      this.cli.course.session.close();
    }
    void this.exec(action);
  }

  /** Run `ex`; move on if it passes, otherwise show what fails. */
  private async show(ex: Exercise): Promise<void> {
    this.setCurrent(ex);
    const generation = this.generation;
    this.screen.status(this.cli.m.running(exerciseLabel(ex), this.cli.m.title(ex)));
    const outcome = await this.cli.course.check(ex);
    if (generation !== this.generation || !this.finish) return;
    // TypeScript's errors are shown with a pass too (they do not stop it counting as done).
    const typeErrors = outcome.kind === "passed" ? await this.typeErrorsAfterPass(ex) : [];
    if (generation !== this.generation || !this.finish) return;
    if (outcome.kind === "passed" && this.pinned) {
      // The learner came here on purpose (a jump back): stay, so they can experiment.
      this.screen.show([passLine(this.cli, outcome), ...typeErrors, progressLine(this.cli), "", this.cli.m.stayOnPassed, "", this.screen.keysLine()].join("\n"));
      return;
    }
    if (outcome.kind === "passed") {
      // Said at once; the next exercise's screen repeats it at the top.
      this.cli.print(passLine(this.cli, outcome));
      this.screen.prelude.push(passLine(this.cli, outcome), ...typeErrors, progressLine(this.cli), "");
      return this.advance(this.cli.course.exercises.indexOf(ex) + 1, ex);
    }
    this.present(outcome);
  }

  /** The first exercise from `start` that does not pass (wrapping round to the ones skipped before it). */
  private async advance(start: number, after?: Exercise): Promise<void> {
    const { course, m } = this.cli;
    const generation = this.generation;
    const onPass = (outcome: Outcome) => this.screen.prelude.push(passLine(this.cli, outcome));
    const outcome = await course.firstNotDone(start, { onPass });
    if (generation !== this.generation || !this.finish) return;
    if (!outcome) {
      this.current = undefined;
      this.screen.show([m.allDone(course.exercises.length), progressLine(this.cli), "", this.screen.keysLine()].join("\n"));
      return;
    }
    if (after) this.screen.prelude.push(this.cli.term.bold(m.nextExercise(exerciseLabel(outcome.ex), m.title(outcome.ex))), "");
    this.setCurrent(outcome.ex);
    this.present(outcome);
  }

  private present(outcome: Outcome): void {
    this.screen.show(`${failureText(this.cli, outcome, "watch")}\n\n${this.screen.keysLine()}`);
    if (outcome.kind !== "missing" && outcome.kind !== "not-ready") void this.showTypeErrors(outcome, this.generation);
  }

  /** TypeScript's view, appended when it arrives (warm, it takes milliseconds; the first time, a second or two). */
  private async showTypeErrors(outcome: Outcome, generation: number): Promise<void> {
    const diagnostics = ownDiagnostics(this.cli, outcome.ex, await this.checker.check(stubPaths(outcome.ex)));
    if (diagnostics.length === 0 || generation !== this.generation || this.busy || !this.finish) return;
    this.cli.print("\n" + typeErrorText(this.cli, diagnostics, this.cli.m.typeScriptSays));
  }

  /** The lines to show under a pass when TypeScript finds errors in the exercise's own files. */
  private async typeErrorsAfterPass(ex: Exercise): Promise<string[]> {
    const diagnostics = ownDiagnostics(this.cli, ex, await this.checker.check(stubPaths(ex)));
    return diagnostics.length > 0 ? [typeErrorText(this.cli, diagnostics, this.cli.m.typeErrorsAfterPass(exerciseLabel(ex)))] : [];
  }

  private setCurrent(ex: Exercise): void {
    const moved = this.current !== ex;
    this.current = ex;
    this.cli.course.setCurrent(ex);
    this.watchFiles(ex);
    // A window editor given with --edit-cmd follows the learner from exercise to exercise.
    if (moved && this.cli.args.editCmd && !isTerminalEditor(this.cli.args.editCmd)) void openInEditor(this.cli.args.editCmd, stubPaths(ex)[0]);
  }

  // ---- files ----------------------------------------------------------------------------------

  /** Watch every file the exercise's tests load. */
  private watchFiles(ex: Exercise): void {
    const course = this.cli.course;
    const files = [...course.closure(ex), ...stubPaths(ex), ...testPaths(ex)].map((rel) => path.join(course.root, rel));
    this.files.watch(files, path.join(course.root, "exercises", ex.dir), !this.cli.args.manualRun);
  }

  // ---- keys -----------------------------------------------------------------------------------

  private onCommand(command: string): void {
    const { m, term, course } = this.cli;
    if (command === "") return;
    if (command === "q") return this.quit();
    if (command === "h") {
      if (this.current) this.cli.print("\n" + revealHint(this.cli, this.current, "watch"));
      return;
    }
    if (command === "l") {
      this.cli.print("\n" + listText(this.cli, new Map(), this.current) + "\n\n" + term.dim(m.jumpTip));
      return;
    }
    if (command === "r") {
      if (this.busy) this.screen.status(m.rerunning);
      const ex = this.current;
      return this.interrupt(() => (ex ? this.show(ex) : this.advance(0)));
    }
    if (command === "e") return void this.edit();
    if (command === "n") {
      this.pinned = false;
      const from = this.current ? course.exercises.indexOf(this.current) + 1 : 0;
      return this.interrupt(() => this.advance(from, this.current));
    }
    const found = selectExercise(course.exercises, command);
    if ("exercise" in found) {
      this.pinned = true;
      return this.interrupt(() => this.show(found.exercise));
    }
    resolveExercise(this.cli, command); // says what is wrong and what exists
  }

  private async edit(): Promise<void> {
    const { m } = this.cli;
    const command = editorCommand(this.cli.args.editCmd);
    if (!command || !this.current) {
      this.cli.print(this.cli.term.yellow(m.noEditor));
      return;
    }
    const file = stubPaths(this.current)[0];
    this.screen.status(m.editing(file));
    if (!isTerminalEditor(command)) return openInEditor(command, file);
    // A terminal editor gets the terminal; the exercise runs again when it closes.
    this.files.paused = true;
    this.keys.pause();
    await openInEditor(command, file);
    this.keys.resume();
    this.files.paused = false;
    const ex = this.current;
    void this.exec(() => this.show(ex));
  }

  /** Ctrl-C, q or a signal: stop everything we started. Only whole files were ever written. */
  private quit(): void {
    if (!this.finish) return;
    const finish = this.finish;
    this.finish = undefined;
    this.generation++;
    this.files.close();
    this.cli.course.session.close();
    this.checker.close();
    this.keys.close();
    this.cli.print("\n" + this.cli.m.watchBye);
    finish(0);
  }
}
