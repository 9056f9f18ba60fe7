// npm run list: every exercise with its status, book section and the progress bar. Exercises
// whose remembered result no longer matches their files are run first (all in one vitest run),
// except the slow ones with their own time limit.
import type { Outcome } from "../course";
import { type Exercise, exerciseLabel } from "../../harness/manifest";
import { displayWidth, padCells as pad, progressBar } from "../term";
import { nextStepLine, type Cli } from "./common";

export async function list(cli: Cli): Promise<number> {
  // A list must come back in seconds: the gate is only run by next, watch and verify.
  const outcomes = await cli.course.checkUnknown(true);
  cli.print(listText(cli, outcomes));
  cli.print();
  cli.print(nextStepLine(cli, cli.m.stepList));
  return 0;
}

/**
 * The table and the progress bar; `outcomes` holds what just ran (the rest is known done or
 * unknown). The current exercise is the first that does not pass, unless watch mode says otherwise.
 */
export function listText(cli: Cli, outcomes: Map<string, Outcome>, current = cli.course.nextPending(0, (ex) => cli.course.knownDone(ex) || outcomes.get(ex.dir)?.kind === "passed")): string {
  const { course, m, term } = cli;
  const widest = (texts: string[]) => Math.max(...texts.map(displayWidth)) + 2;
  const number = widest([m.columnNumber, "00"]);
  const title = widest([m.columnExercise, ...course.exercises.map((ex) => m.title(ex))]);
  const book = widest([m.columnBook, ...course.exercises.map((ex) => ex.section)]);
  const rows = [term.dim(`${pad(m.columnNumber, number)}${pad(m.columnExercise, title)}${pad(m.columnBook, book)}${m.columnStatus}`)];
  for (const ex of course.exercises) {
    const status = statusOf(cli, ex, outcomes.get(ex.dir), ex === current);
    rows.push(`${pad(exerciseLabel(ex), number)}${pad(m.title(ex), title)}${pad(ex.section, book)}${status}`);
  }
  const done = course.exercises.filter((ex) => course.knownDone(ex)).length;
  rows.push("", progressBar(done, course.exercises.length));
  return rows.join("\n");
}

function statusOf(cli: Cli, ex: Exercise, outcome: Outcome | undefined, current: boolean): string {
  const { m, term } = cli;
  if (cli.course.knownDone(ex)) return term.green(`✓ ${m.statusDone}`);
  const absent = outcome ? undefined : cli.course.absent(ex);
  const kind = outcome?.kind ?? (absent!.missing.length > 0 ? "missing" : absent!.notReady.length > 0 ? "not-ready" : undefined);
  const detail = kind === "not-ready" ? m.statusNotReady : kind === "missing" ? m.statusMissing : kind === "timeout" ? m.statusTimeout : "";
  const stored = cli.course.storedResult(ex);
  const progress = !detail && stored && stored.passedTests > 0 ? m.testsPass(stored.passedTests, stored.totalTests) : "";
  if (current) return term.yellow(`→ ${m.statusCurrent}`) + (detail || progress ? term.dim(` (${detail || progress})`) : "");
  return term.dim(`  ${detail || progress || m.statusNotStarted}`);
}
