// npm run next [-- <exercise>]: the first exercise that does not pass (or the one named), its
// tests run, a short report and one next step.
import { openInEditor, editorCommand } from "../editor";
import { TypeChecker } from "../typecheck";
import type { Outcome } from "../course";
import { failureText, nextStepLine, ownDiagnostics, passLine, progressLine, resolveExercise, wantsTypeCheck, type Cli } from "./common";
import { exerciseLabel, stubPaths } from "../../harness/manifest";

export async function next(cli: Cli): Promise<number> {
  const { course, m, term } = cli;
  void course.session.start(); // vitest starts while the rest gets ready
  let outcome: Outcome | undefined;
  if (cli.args.name) {
    const ex = resolveExercise(cli, cli.args.name);
    if (!ex) return 2;
    course.setCurrent(ex);
    outcome = await course.check(ex);
    if (outcome.kind === "passed") {
      cli.print(passLine(cli, outcome));
      cli.print(progressLine(cli));
      const following = course.nextPending(course.exercises.indexOf(ex) + 1, (e) => e === ex || course.knownDone(e));
      if (!following) return allDone(cli);
      cli.print(m.nextExercise(exerciseLabel(following), m.title(following)));
      cli.print();
      cli.print(nextStepLine(cli, m.stepGoOn(exerciseLabel(following))));
      return 0;
    }
  } else {
    let passedNow = 0;
    outcome = await course.firstNotDone(0, {
      onPass: (passed) => {
        passedNow++;
        cli.print(passLine(cli, passed));
      },
    });
    if (!outcome) return allDone(cli);
    course.setCurrent(outcome.ex);
    if (passedNow > 0) {
      cli.print(progressLine(cli));
      cli.print(term.bold(m.nextExercise(exerciseLabel(outcome.ex), m.title(outcome.ex))));
      cli.print();
    }
  }
  let diagnostics;
  if (wantsTypeCheck(course.root, outcome)) {
    const checker = new TypeChecker(course.root);
    diagnostics = ownDiagnostics(cli, outcome.ex, await checker.check(stubPaths(outcome.ex)));
    checker.close();
  }
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
