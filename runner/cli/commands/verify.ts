// npm run verify: every exercise, in order, each in its own run (nothing remembered is trusted);
// exits non-zero while any exercise does not pass.
import type { Outcome } from "../course";
import { displayWidth, padCells, progressBar } from "../term";
import { nextStepLine, type Cli } from "./common";
import { exerciseLabel } from "../../harness/manifest";

export async function verify(cli: Cli): Promise<number> {
  const { course, m, term } = cli;
  cli.print(term.dim(m.verifyHeading));
  const width = Math.max(...course.exercises.map((ex) => displayWidth(m.title(ex)))) + 2;
  let firstFailing: Outcome | undefined;
  let passing = 0;
  for (const ex of course.exercises) {
    const outcome = await course.check(ex);
    if (outcome.kind === "passed") passing++;
    else firstFailing ??= outcome;
    cli.print(`${statusMark(cli, outcome)} ${exerciseLabel(ex)}  ${padCells(m.title(ex), width)}${statusText(cli, outcome)}`);
  }
  const total = course.exercises.length;
  cli.print();
  cli.print(progressBar(passing, total));
  if (!firstFailing) {
    cli.print(term.green(m.verifyAllPass(total)));
    return 0;
  }
  cli.print(term.red(m.verifyFailing(total - passing, total)));
  cli.print();
  cli.print(nextStepLine(cli, m.stepVerify(firstFailing.ex.number)));
  return 1;
}

function statusMark(cli: Cli, outcome: Outcome): string {
  if (outcome.kind === "passed") return cli.term.green("✓");
  if (outcome.kind === "not-ready") return cli.term.yellow("!");
  return cli.term.red("✗");
}

function statusText(cli: Cli, outcome: Outcome): string {
  const { m, term } = cli;
  switch (outcome.kind) {
    case "passed":
      return term.green(m.testsPass(outcome.passed, outcome.total));
    case "not-ready":
      return term.dim(m.statusNotReady);
    case "missing":
      return term.red(m.statusMissing);
    case "timeout":
      return term.red(m.statusTimeout);
    case "load-error":
      return term.red(m.cannotLoad);
    case "crashed":
      return term.red(m.crashed);
    default:
      return term.red(m.testsPass(outcome.passed, outcome.total));
  }
}
