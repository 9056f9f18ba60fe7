// npm run next [-- <exercise>]: the first exercise that does not pass (or the one named), its
// tests run, a short report and one next step.
import { openInEditor, editorCommand } from "../editor";
import { TypeChecker, type Diagnostic } from "../typecheck";
import type { Outcome } from "../course";
import { failureText, nextStepLine, ownDiagnostics, passLine, progressLine, resolveExercise, typeErrorText, type Cli } from "./common";
import { type Exercise, exerciseLabel, stubPaths } from "../../harness/manifest";

export async function next(cli: Cli): Promise<number> {
  const { course } = cli;
  void course.session.start(); // vitest starts while the rest gets ready
  // TypeScript starts too, in a worker thread beside the tests: its errors are shown even when
  // the tests pass (they do not stop an exercise counting as done: see README).
  const checker = cli.checker ?? new TypeChecker(course.root);
  const typeErrors = async (ex: Exercise) => ownDiagnostics(cli, ex, await checker.check(stubPaths(ex)));
  const likely = cli.args.name ? undefined : course.current();
  if (likely) void typeErrors(likely);
  try {
    return await run(cli, typeErrors);
  } finally {
    if (checker !== cli.checker) checker.close();
  }
}

async function run(cli: Cli, typeErrors: (ex: Exercise) => Promise<Diagnostic[]>): Promise<number> {
  const { course, m, term } = cli;
  const afterPass = async (ex: Exercise) => {
    const diagnostics = await typeErrors(ex);
    if (diagnostics.length > 0) cli.print(typeErrorText(cli, diagnostics, m.typeErrorsAfterPass(exerciseLabel(ex))));
  };
  let outcome: Outcome | undefined;
  if (cli.args.name) {
    const ex = resolveExercise(cli, cli.args.name);
    if (!ex) return 2;
    course.setCurrent(ex);
    outcome = await course.check(ex);
    if (outcome.kind === "passed") {
      cli.print(passLine(cli, outcome));
      await afterPass(ex);
      cli.print(progressLine(cli));
      const following = course.nextPending(course.exercises.indexOf(ex) + 1, (e) => e === ex || course.knownDone(e));
      if (!following) return allDone(cli);
      cli.print(m.nextExercise(exerciseLabel(following), m.title(following)));
      cli.print();
      cli.print(nextStepLine(cli, m.stepGoOn(exerciseLabel(following))));
      return 0;
    }
  } else {
    const passedNow: Exercise[] = [];
    outcome = await course.firstNotDone(0, {
      onPass: (passed) => {
        passedNow.push(passed.ex);
        cli.print(passLine(cli, passed));
      },
    });
    for (const ex of passedNow) await afterPass(ex);
    if (!outcome) return allDone(cli);
    course.setCurrent(outcome.ex);
    if (passedNow.length > 0) {
      cli.print(progressLine(cli));
      cli.print(term.bold(m.nextExercise(exerciseLabel(outcome.ex), m.title(outcome.ex))));
      cli.print();
    }
  }
  const diagnostics = await typeErrors(outcome.ex);
  cli.print(failureText(cli, outcome, "next", diagnostics));
  course.close();
  const editor = cli.args.editCmd ?? (cli.args.edit ? editorCommand(undefined) : undefined);
  if (editor) await openInEditor(editor, stubPaths(outcome.ex)[0]);
  else if (cli.args.edit) cli.print(term.yellow(m.noEditor));
  return 0;
}

function allDone(cli: Cli): number {
  cli.print(cli.term.green(cli.m.allDone(cli.course.exercises.length)));
  cli.print(progressLine(cli));
  cli.print();
  cli.print(nextStepLine(cli, cli.m.stepAllDone));
  return 0;
}
