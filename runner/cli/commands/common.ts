// What the commands share: the runner's context (course, language, terminal), naming an
// exercise, and printing an outcome the same way everywhere.
import type { Args } from "../args";
import type { Course, Outcome } from "../course";
import type { Messages } from "../i18n";
import { type Exercise, type Lang, exerciseLabel, selectExercise, stubPaths, readmePath } from "../../harness/manifest";
import { failureReport, header, loadProblem, type ReportContext } from "../report";
import { progressBar, type Term } from "../term";
import type { Diagnostic } from "../typecheck";

export interface Cli {
  args: Args;
  lang: Lang;
  m: Messages;
  term: Term;
  course: Course;
  print(text?: string): void;
}

export const reportContext = (cli: Cli, mode: "next" | "watch"): ReportContext => ({
  root: cli.course.root,
  total: cli.course.exercises.length,
  m: cli.m,
  term: cli.term,
  mode,
});

/** The exercise a learner named, or undefined after saying what was wrong and what exists. */
export function resolveExercise(cli: Cli, name: string): Exercise | undefined {
  const found = selectExercise(cli.course.exercises, name);
  if ("exercise" in found) return found.exercise;
  const { m, term } = cli;
  const problem =
    "outOfRange" in found
      ? m.outOfRange(found.outOfRange, cli.course.exercises.length)
      : m.unknownExercise(found.unknown, found.suggestions.map((ex) => `${exerciseLabel(ex)} ${ex.slug}`));
  cli.print(term.red(problem));
  cli.print(nextStepLine(cli, m.stepSeeList));
  return undefined;
}

export const passLine = (cli: Cli, outcome: Outcome) =>
  [cli.term.green(cli.m.passed(exerciseLabel(outcome.ex), cli.m.title(outcome.ex), outcome.total)), ...(outcome.restored ?? []).map((file) => cli.term.yellow(`! ${cli.m.restoredFile(file)}`))].join("\n");

export const progressLine = (cli: Cli) => progressBar(cli.course.doneCount(), cli.course.exercises.length);

export const nextStepLine = (cli: Cli, step: string) => cli.term.bold(cli.term.cyan(cli.m.nextStep)) + step;

export function exerciseHeader(cli: Cli, ex: Exercise, mode: "next" | "watch"): string {
  const readme = readmePath(ex, cli.lang, cli.course.root);
  return header(reportContext(cli, mode), ex, { readme: cli.course.exists(readme) ? readme : undefined, stubs: stubPaths(ex) });
}

/**
 * Failures that TypeScript explains better than a test can (a wrong type, a missing return, a
 * misspelt name): only then is the checker worth its start-up time outside watch mode.
 */
export function wantsTypeCheck(root: string, outcome: Outcome): boolean {
  if (outcome.kind === "load-error") return !loadProblem(root, outcome.run?.files.flatMap((f) => f.errors)[0]).syntax;
  if (outcome.kind !== "failed" || !outcome.run) return false;
  return outcome.run.files.some((f) =>
    f.tests.some((t) =>
      t.errors.some((e) => [e, e.cause].some((x) => x && (/^(TypeError|ReferenceError)$/.test(x.name ?? "") || /forget to `return`/.test(x.message)))),
    ),
  );
}

export function failureText(cli: Cli, outcome: Outcome, mode: "next" | "watch", diagnostics?: Diagnostic[]): string {
  return `${exerciseHeader(cli, outcome.ex, mode)}\n\n${failureReport(reportContext(cli, mode), outcome, { diagnostics })}`;
}

/** Only the diagnostics in the exercise's own files. */
export function ownDiagnostics(cli: Cli, ex: Exercise, diagnostics: Diagnostic[]): Diagnostic[] {
  const own = new Set(stubPaths(ex));
  return diagnostics.filter((d) => own.has(d.file));
}
