// Turns an exercise's test outcome into the few lines a learner reads: where the exercise is,
// what passed, each failing test with its message (expected vs got), and exactly one next step.
import fs from "node:fs";
import path from "node:path";
import type { Outcome } from "./course";
import { ranOutOfMemory } from "./course";
import type { StuckFrame, TestErrorInfo, TestOutcome } from "../harness/driver";
import { whereTimeWent } from "../harness/stuck";
import type { Messages } from "./i18n";
import { type Exercise, exerciseLabel, stubPaths } from "../harness/manifest";
import type { Term } from "./term";
import { lastState, padCells, stripAnsi } from "./term";
import type { Diagnostic } from "./typecheck";
import { parseStubMessage, rewriteStubMessage } from "../harness/stub-message";
import { stableName } from "./results";
import { pick } from "../../data/lang";

export interface ReportContext {
  root: string;
  total: number;
  m: Messages;
  term: Term;
  /** "next": the learner runs a command again; "watch": saving re-runs. */
  mode: "next" | "watch";
}

/** A place in a course file: "exercises/01-predictor/predictor.ts:6:9". */
export interface Location {
  file: string;
  line: number;
  column: number;
}

const MAX_FAILURES_SHOWN = 3;
const MAX_MESSAGE_LINES = 6;
/** No line of a report is longer than this (a 784-value array printed whole is 7,000 characters). */
export const MAX_LINE = 300;

export function header(ctx: ReportContext, ex: Exercise, files: { readme?: string; stubs: string[] }): string {
  const { m, term } = ctx;
  const lines = [
    term.bold(`${m.exercise} ${exerciseLabel(ex)}/${ctx.total} · ${m.title(ex)}`) + term.dim(` · ${m.bookSection(ex.section)}`),
    ...(files.readme ? [`  ${padCells(m.readLabel, 7)}${term.link(ctx.root, files.readme)}`] : []),
    ...files.stubs.map((stub) => `  ${padCells(m.editLabel, 7)}${term.link(ctx.root, stub)}`),
  ];
  return lines.join("\n");
}

/** The body and the one next step for an outcome that is not a pass. */
export function failureReport(ctx: ReportContext, outcome: Outcome, extra: { diagnostics?: Diagnostic[] } = {}): string {
  const { m, term } = ctx;
  const ex = outcome.ex;
  const out: string[] = [];
  let step: string;
  const stub = stubPaths(ex)[0];

  switch (outcome.kind) {
    case "missing":
      for (const file of outcome.missing) out.push(term.red(`✗ ${m.fileMissing(file)}`));
      step = m.stepRestore(ex.number);
      break;
    case "tests-changed":
      for (const file of outcome.changed ?? []) out.push(term.red(`✗ ${m.testChanged(term.link(ctx.root, file))}`));
      step = m.stepRestoreTest(ex.number);
      break;
    case "not-ready":
      for (const file of outcome.notReady) out.push(term.yellow(`! ${m.notReady(file)}`));
      step = m.stepNotReady;
      break;
    case "timeout": {
      const seconds = Math.round((outcome.run?.durationMs ?? 0) / 1000);
      out.push(term.red(`✗ ${m.timedOut(exerciseLabel(ex), seconds)}`));
      for (const test of outcome.run?.running ?? []) out.push(`  ${m.stillRunning}: ${pick(lastPart(test.fullName), m.lang)}`);
      const went = outcome.run && whereTimeWent(outcome.run);
      if (went?.kind === "waiting") {
        out.push(term.dim(`  ${m.waitExplanation}`));
        step = m.stepWait(term.link(ctx.root, stub));
        break;
      }
      if (went) {
        // The innermost frame is where to look, even when it is an earlier exercise's module.
        out.push(`  ${m.timeWentInto}`);
        went.frames.forEach((frame, i) => out.push(`    ${i === 0 ? "" : `${m.calledFrom} `}${frameText(ctx, frame)}`));
      }
      out.push(term.dim(`  ${m.loopExplanation}`));
      step = m.stepLoop(went ? locationText(ctx, { file: went.frames[0].file, line: went.frames[0].line, column: went.frames[0].column }) : term.link(ctx.root, stub));
      break;
    }
    case "crashed": {
      out.push(term.red(`✗ ${m.crashed}`));
      const reason = outcome.run && ranOutOfMemory(outcome.run) ? m.outOfMemory : crashReason(outcome);
      if (reason) out.push(indent(reason, 4));
      step = m.stepCrashed;
      break;
    }
    case "load-error": {
      const emptied = outcome.run!.files.find((f) => f.errors.some((e) => /No test (suite|files?) found/i.test(e.message)));
      if (emptied) {
        // The test file itself was emptied: the stub is not what to look at.
        out.push(term.red(`✗ ${m.emptyTestFile(term.link(ctx.root, emptied.file))}`));
        step = m.stepRestoreTests(ex.number);
        break;
      }
      const error = outcome.run!.files.flatMap((f) => f.errors)[0];
      const problem = loadProblem(ctx.root, error);
      const where = problem.location ? locationText(ctx, problem.location) : undefined;
      out.push(term.red(`✗ ${problem.syntax && where ? m.doesNotCompile(where) : m.cannotLoad}`));
      out.push(indent(translateMessage(m, problem.message).join("\n"), 4));
      if (!problem.syntax && where) out.push(term.dim(`    ${m.at} ${where}`));
      const frame = problem.location ? codeFrame(ctx.root, problem.location) : undefined;
      if (frame) out.push(term.dim(indent(frame, 4)));
      step = problem.syntax && where ? m.stepFixSyntax(where) : todoStep(ctx, ex, problem.message, problem.location) ?? m.stepFixLoad(where ?? term.link(ctx.root, stub));
      break;
    }
    default: {
      const tests = outcome.run ? outcome.run.files.flatMap((f) => f.tests) : [];
      const failing = tests.filter((t) => t.state === "failed");
      out.push(term.red(`✗ ${m.testsPass(outcome.passed, outcome.total)}`) + (outcome.newlyPassing ? term.green(m.sinceLastRun(outcome.newlyPassing)) : ""));
      const shown = mostTellingFirst(distinctFailures(failing)).slice(0, MAX_FAILURES_SHOWN);
      for (const test of shown) out.push("", ...describeFailure(ctx, test));
      if (failing.length > shown.length) out.push("", term.dim(`  ${m.moreFailing(failing.length - shown.length)}`));
      if (failing.length === 0 && outcome.run) {
        for (const error of outcome.run.unhandledErrors.slice(0, 2)) out.push(indent(firstLines(error.message), 4));
      }
      step = failureStep(ctx, ex, shown[0] ?? failing[0], stub);
    }
  }
  for (const file of outcome.restored ?? []) out.push(term.yellow(`! ${m.restoredFile(term.link(ctx.root, file))}`));
  if (extra.diagnostics && extra.diagnostics.length > 0) {
    out.push("", term.yellow(m.typeScriptSays));
    for (const d of extra.diagnostics.slice(0, 5)) out.push(`  ${term.link(ctx.root, d.file, `:${d.line}:${d.column}`)}  ${d.message}`);
  }
  // Output already streamed live is not repeated, except in watch mode, which clears the screen first.
  const logs = outcome.outputShown && ctx.mode !== "watch" ? "" : learnerLogs(outcome);
  if (logs) out.push("", term.dim(m.yourOutput), indent(logs, 2));
  const stuck = outcome.kind === "failed" || outcome.kind === "load-error" || outcome.kind === "timeout" ? (ctx.mode === "watch" ? m.stuckWatch : m.stuckNext) : "";
  // Steps that already say what to run next end as they are; the others end with how to re-run.
  const complete = outcome.kind === "missing" || outcome.kind === "not-ready" || /npm run (next|reset) -- \d+/.test(step);
  const then = complete ? "" : ctx.mode === "watch" ? m.thenSave : m.thenNext;
  out.push("", term.bold(term.cyan(m.nextStep)) + step + then + (stuck ? term.dim(stuck) : ""));
  return capLines(out.join("\n"), m);
}

/** Every line at most MAX_LINE characters: a longer one is cut, saying how much was left out (and loses its colours). */
export function capLines(text: string, m: Pick<Messages, "lineCut">): string {
  return text
    .split("\n")
    .map((line) => {
      const plain = stripAnsi(line);
      if (plain.length <= MAX_LINE) return line;
      let keep = MAX_LINE - m.lineCut(plain.length).length;
      while (keep + m.lineCut(plain.length - keep).length < MAX_LINE) keep++; // the count may have fewer digits
      return plain.slice(0, keep) + m.lineCut(plain.length - keep);
    })
    .join("\n");
}

/**
 * A failure that explains itself (a sentence from the test kit such as "add(A, B) returned one of
 * its inputs", or a stub's "not implemented yet") before the bare expected/got ones, each group in
 * file order: the first thing a learner reads is the one that says what went wrong.
 */
function mostTellingFirst(failures: TestOutcome[]): TestOutcome[] {
  const explains = (test: TestOutcome) => {
    const error = test.errors[0];
    if (!error) return false;
    const inner = error.cause ?? error;
    if (parseStubMessage(inner.message)) return true;
    if (/^Property failed/.test(error.message) && inner === error) return false;
    return error.expected === undefined && !/^\s*(expected|got):/m.test(inner.message) && !/^expected .* to /i.test(inner.message);
  };
  return [...failures.filter(explains), ...failures.filter((t) => !explains(t))];
}

function failureStep(ctx: ReportContext, ex: Exercise, test: TestOutcome | undefined, stub: string): string {
  const { m, term } = ctx;
  const error = test?.errors[0];
  const inner = error?.cause ?? error;
  const where = error ? learnerLocation(ctx.root, inner!) ?? learnerLocation(ctx.root, error) : undefined;
  const todo = todoStep(ctx, ex, inner?.message ?? "", where);
  if (todo) return todo;
  if (test) return m.stepFixTest(pick(stableName(test.name), m.lang), where ? locationText(ctx, where) : term.link(ctx.root, stub));
  return m.stepFixLoad(term.link(ctx.root, stub));
}

/**
 * A stub's "not implemented yet: NAME in FILE": write NAME. When FILE belongs to an earlier
 * exercise (this one builds on it), the step is to go back there first.
 */
function todoStep(ctx: ReportContext, ex: Exercise, message: string, where: Location | undefined): string | undefined {
  const todo = parseStubMessage(message);
  if (!todo) return undefined;
  const { name, file } = todo;
  const earlier = /^exercises\/(\d+)-/.exec(file);
  if (earlier && Number(earlier[1]) !== ex.number) return ctx.m.stepEarlierFirst(name, ctx.term.link(ctx.root, file), Number(earlier[1]));
  return ctx.m.stepImplement(name, where && where.file === file ? locationText(ctx, where) : ctx.term.link(ctx.root, file));
}

/** One failing test per distinct error, in order: six tests failing on one missing function say it once. */
function distinctFailures(failing: TestOutcome[]): TestOutcome[] {
  const seen = new Set<string>();
  return failing.filter((test) => {
    const error = test.errors[0];
    const key = (error?.cause ?? error)?.message.split("\n")[0] ?? "";
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeFailure(ctx: ReportContext, test: TestOutcome): string[] {
  const { m, term } = ctx;
  const lines = [term.red(`  ✗ ${pick(stableName(test.name), m.lang)}`)];
  const error = test.errors[0];
  if (!error) return lines;
  const body: string[] = [];
  const property = /^Property failed after (\d+) tests?/.exec(error.message);
  const inner = error.cause ?? error;
  if (property) {
    const example = /Counterexample: (.*)/.exec(error.message)?.[1];
    if (example) body.push(m.forTheInput(truncate(example, 160)));
    body.push(...translateMessage(m, firstLines(inner === error ? "" : inner.message)));
  } else {
    body.push(...translateMessage(m, firstLines(error.message)));
    const hasLabels = /^\s*expected:/m.test(error.message);
    if (!hasLabels && error.expected !== undefined && error.actual !== undefined && error.expected.length + error.actual.length < 300) {
      body.push(`${m.expectedLabel} ${error.expected}`, `${m.gotLabel} ${error.actual}`);
    }
  }
  const where = learnerLocation(ctx.root, inner) ?? learnerLocation(ctx.root, error);
  if (where) body.push(term.dim(`${m.at} ${locationText(ctx, where)}`));
  lines.push(...body.filter((line) => line.trim() !== "").map((line) => `      ${line}`));
  return lines;
}

/** The labels the test kit prints, and the stub's "not implemented yet", in the learner's language. */
function translateMessage(m: Messages, text: string): string[] {
  return text.split("\n").map((line) =>
    rewriteStubMessage(
      line.replace(/^(\s*)expected:\s*/, (_, lead) => `${lead}${m.expectedLabel} `).replace(/^(\s*)got:\s*/, (_, lead) => `${lead}${m.gotLabel} `),
      m.notImplemented,
    ),
  );
}

/** The first frame of a stack that points into the learner's own exercise code (not a test). */
export function learnerLocation(root: string, error: TestErrorInfo): Location | undefined {
  for (const match of (error.stack ?? "").matchAll(/\(?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?/g)) {
    const file = path.relative(root, match[1].replace(/^file:\/\//, "")).split(path.sep).join("/");
    if (file.startsWith("exercises/") && !file.startsWith("exercises/_testkit/") && !file.endsWith(".test.ts")) {
      return { file, line: Number(match[2]), column: Number(match[3]) };
    }
  }
  return undefined;
}

const locationText = (ctx: ReportContext, at: Location) => ctx.term.link(ctx.root, at.file, `:${at.line}:${at.column}`);
const frameText = (ctx: ReportContext, frame: StuckFrame) => locationText(ctx, frame) + (frame.functionName ? ` ${ctx.m.inFunction(frame.functionName)}` : "");

/** A module that did not load: where and why, with the compiler's message rather than a stack. */
export function loadProblem(root: string, error: TestErrorInfo | undefined): { message: string; location?: Location; syntax: boolean } {
  const text = stripAnsi(error?.message ?? "");
  const parse = /\[(?:PARSE_ERROR|SyntaxError)\]\s*(?:Error:\s*)?(.+)/.exec(text);
  const where = /((?:exercises|solutions|data)\/[^\s:\]]+\.ts):(\d+):(\d+)/.exec(text) ?? /((?:exercises|solutions|data)\/[^\s:\]]+\.ts):(\d+):(\d+)/.exec(relativize(root, stripAnsi(error?.stack ?? "")));
  const location = where ? { file: where[1], line: Number(where[2]), column: Number(where[3]) } : undefined;
  if (parse) return { message: parse[1].trim(), location, syntax: true };
  const firstLine = relativize(root, text).split("\n").find((line) => line.trim() !== "" && !/^Transform failed/.test(line)) ?? text;
  return { message: firstLine.trim(), location: location ?? (error ? learnerLocation(root, error) : undefined), syntax: /SyntaxError/.test(error?.name ?? "") };
}

function relativize(root: string, text: string): string {
  return text.split(root + path.sep).join("").split(`file://${root}/`).join("");
}

/** Two lines of source around the problem, with a caret under the column. */
export function codeFrame(root: string, at: Location): string | undefined {
  const file = path.join(root, at.file);
  if (!fs.existsSync(file)) return undefined;
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const source = lines[at.line - 1];
  if (source === undefined) return undefined;
  const gutter = String(at.line).length;
  return `${String(at.line).padStart(gutter)} | ${source}\n${" ".repeat(gutter)} | ${" ".repeat(Math.max(0, at.column - 1))}^`;
}

function crashReason(outcome: Outcome): string {
  const run = outcome.run;
  const first = run?.unhandledErrors[0]?.message ?? run?.stderr.split("\n").find((line) => /error/i.test(line)) ?? "";
  return firstLines(first, 3);
}

/** What the learner's code printed with console.log, trimmed to a screenful. */
function learnerLogs(outcome: Outcome): string {
  // A progress bar that redrew itself (on a terminal) is shown as it ended.
  const text = (outcome.run?.logs ?? []).join("").split("\n").map(lastState).join("\n").trimEnd();
  if (!text) return "";
  const lines = text.split("\n");
  return lines.length > 15 ? [...lines.slice(0, 15), `... (${lines.length - 15} more lines)`].join("\n") : text;
}

const lastPart = (fullName: string) => fullName.split(" > ").at(-1) ?? fullName;
const indent = (text: string, spaces: number) => text.split("\n").map((line) => " ".repeat(spaces) + line).join("\n");
const truncate = (text: string, max: number) => (text.length > max ? text.slice(0, max - 3) + "..." : text);

function firstLines(text: string, max = MAX_MESSAGE_LINES): string {
  const lines = text.trimEnd().split("\n");
  return lines.length > max ? [...lines.slice(0, max), "..."].join("\n") : lines.join("\n");
}
