// npm run solution -- <exercise>: the reference, once the learner's exercise passes (or with
// --force, after a confirmation), printed without its solution markers.
import fs from "node:fs";
import path from "node:path";
import { confirm } from "../prompt";
import { nextStepLine, resolveExercise, type Cli } from "./common";
import { exerciseLabel, inExercise } from "../../harness/manifest";

export async function solution(cli: Cli): Promise<number> {
  const { course, m, term } = cli;
  const ex = cli.args.name ? resolveExercise(cli, cli.args.name) : course.current();
  if (!ex) {
    if (!cli.args.name) cli.print(m.solutionNeedsName);
    return 2;
  }
  const label = exerciseLabel(ex);
  if (!course.knownDone(ex)) {
    const outcome = await course.check(ex);
    if (outcome.kind !== "passed") {
      const locked = outcome.total > 0 ? m.solutionLocked(label, outcome.passed, outcome.total) : m.solutionLockedOther(label);
      if (!cli.args.force) {
        cli.print(term.yellow(locked));
        cli.print();
        cli.print(nextStepLine(cli, m.stepSolutionLocked(ex.number)));
        return 1;
      }
      cli.print(term.yellow(locked));
      const answer = await confirm(m.solutionForceQuestion, { yes: cli.args.yes });
      if (answer === "no-terminal") {
        cli.print(term.yellow(m.solutionNoTerminal(ex.number)));
        return 1;
      }
      if (answer === "no") return 1;
    }
  }
  const { BEGIN, END } = await import("../../harness/stubs"); // ts-morph: loaded only when needed
  cli.print(term.bold(m.solutionHeading(label, m.title(ex))));
  for (const file of ex.files) {
    const rel = inExercise(ex, file, "solutions");
    const full = path.join(course.root, rel);
    if (!fs.existsSync(full)) {
      cli.print(term.red(m.notReady(rel)));
      continue;
    }
    cli.print();
    cli.print(term.dim(`── ${term.link(course.root, rel)} ──`));
    cli.print(withoutMarkers(fs.readFileSync(full, "utf8"), [BEGIN, END]));
  }
  cli.print(nextStepLine(cli, m.stepAfterSolution));
  return 0;
}

/** The reference as a learner would write it: the marker lines go, the code between them stays. */
export function withoutMarkers(source: string, markers: string[]): string {
  return source
    .split("\n")
    .filter((line) => !markers.includes(line.trim()))
    .join("\n");
}
