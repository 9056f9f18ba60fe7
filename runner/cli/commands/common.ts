// What the commands share: the runner's context (course, language, terminal), naming an
// exercise, and printing an outcome the same way everywhere.
import type { Args } from "../args";
import type { Course, Outcome } from "../course";
import type { Messages } from "../i18n";
import { type Exercise, type Lang, exerciseLabel, selectExercise, stubPaths, readmePath } from "../../harness/manifest";
import { capLines, failureReport, header, type ReportContext } from "../report";
import { progressBar, type Term } from "../term";
import type { Diagnostic, TypeChecker } from "../typecheck";

export interface Cli {
  args: Args;
  lang: Lang;
  m: Messages;
  term: Term;
  course: Course;
  print(text?: string): void;
  /** A warm type checker that outlives the command (the runner's server); otherwise the command starts one. */
  checker?: TypeChecker;
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

export function failureText(cli: Cli, outcome: Outcome, mode: "next" | "watch", diagnostics?: Diagnostic[]): string {
  return `${exerciseHeader(cli, outcome.ex, mode)}\n\n${failureReport(reportContext(cli, mode), outcome, { diagnostics })}`;
}

/** Only the diagnostics in the exercise's own files. */
export function ownDiagnostics(cli: Cli, ex: Exercise, diagnostics: Diagnostic[]): Diagnostic[] {
  const own = new Set(stubPaths(ex));
  return diagnostics.filter((d) => own.has(d.file));
}

/** TypeScript's errors in an exercise's own files under a heading, file:line:column and message, at most five. */
export function typeErrorText(cli: Cli, diagnostics: Diagnostic[], heading: string): string {
  const { term } = cli;
  const lines = diagnostics.slice(0, 5).map((d) => `  ${term.link(cli.course.root, d.file, `:${d.line}:${d.column}`)}  ${d.message}`);
  if (diagnostics.length > 5) lines.push(term.dim(`  ${cli.m.moreTypeErrors(diagnostics.length - 5)}`));
  return capLines([term.yellow(heading), ...lines].join("\n"), cli.m);
}
