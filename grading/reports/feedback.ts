// Per-learner feedback in Markdown: both scores, what passed, the first failing assertion of
// each exercise, and the integrity flags with their evidence. Hidden tests appear as a count of
// those failed per exercise (grader.ts redacts them unless --show-hidden), never their source.
import { hiddenSummary } from "../hidden";
import { instructorSection } from "../classroom/feedback";
import type { ExerciseGrade, Flag, Mode, SubmissionGrade, TestResult } from "../types";
import { exerciseLabel } from "../../runner/harness/manifest";

const MARK: Record<string, string> = { pass: "✅", partial: "🟡", fail: "❌", error: "💥", untouched: "⬜", missing: "⬜" };

export function feedbackMarkdown(grade: SubmissionGrade, mode: Mode): string {
  const out: string[] = [`# nn-kata: feedback for ${grade.id}`, ""];
  if (grade.status === "invalid") {
    out.push(`This submission could not be graded: **${grade.problem}**.`, "", "Nothing was run. Check that you handed in your copy of the course (the folder with `exercises/` in it).");
    return out.join("\n") + "\n";
  }
  const { totals } = grade;
  out.push(
    `- **Score: ${totals[mode]} / ${totals.max}** (${mode}${mode === "progressive" ? ": your own earlier modules, as in the course" : ": earlier modules replaced by the course's reference"})`,
    `- Progressive: ${totals.progressive} / ${totals.max}, isolated: ${totals.isolated} / ${totals.max}. The isolated score runs each exercise with the course's own earlier modules, so one early bug does not cost every later exercise.`,
    "",
    ...instructorSection(grade),
    "| # | Exercise | Progressive | Isolated | Tests passed |",
    "|---|----------|-------------|----------|--------------|",
  );
  for (const ex of grade.exercises) {
    const r = ex[mode];
    out.push(`| ${exerciseLabel(ex)} | ${cell(ex.title)} | ${MARK[ex.progressive.status]} ${ex.progressive.score} / ${ex.points} | ${MARK[ex.isolated.status]} ${ex.isolated.score} / ${ex.points} | ${r.passed} / ${r.total} |`);
  }
  out.push("");
  for (const ex of grade.exercises) out.push(...exerciseSection(ex, mode));
  out.push(...flagSection(grade.flags));
  if (grade.notes.length > 0) out.push("## Notes", "", ...grade.notes.map((n) => `- ${n}`), "");
  return out.join("\n") + "\n";
}

function exerciseSection(ex: ExerciseGrade, mode: Mode): string[] {
  const r = ex[mode];
  const out = [`## ${ex.dir}: ${ex.title}`, ""];
  if (r.status === "untouched" || r.status === "missing") return [...out, `Not graded: ${r.reason}.`, ""];
  out.push(`${MARK[r.status]} ${r.score} / ${ex.points} points, ${r.passed} of ${r.total} tests passed.`);
  if (r.reason) out.push("", `**Why it failed:** ${r.reason}`);
  if (ex.isolated.score !== ex.progressive.score) {
    out.push("", `With the course's reference for the earlier exercises it scores ${ex.isolated.score} (isolated) instead of ${ex.progressive.score} (progressive): a bug in an earlier exercise this one builds on costs points here.`);
  }
  const firstFailure = r.tests.find((t) => t.status !== "pass" && !t.hidden);
  if (firstFailure && !r.reason) out.push("", `**First failing assertion** in \`${firstFailure.file}\`, test "${firstFailure.name}":`, "", ...fence(assertion(firstFailure)));
  const printed = r.tests.find((t) => !t.hidden && t.output);
  if (printed) out.push("", `**What your code printed** in "${printed.name}":`, "", ...fence(printed.output!.slice(0, 500)));
  const visible = r.tests.filter((t) => !t.hidden);
  const hidden = r.tests.filter((t) => t.hidden);
  out.push("", ...visible.map((t) => `- ${t.status === "pass" ? "✅" : "❌"} ${t.name}`));
  if (hidden.length > 0) out.push("", `Instructor's hidden tests: ${hiddenSummary(r)}.`);
  const named = hidden.filter((t) => t.file !== "(hidden)");
  if (named.length > 0) out.push("", ...named.map((t) => `- ${t.status === "pass" ? "✅" : "❌"} (hidden) ${t.name}${t.message ? `: ${t.message.split("\n")[0]}` : ""}`));
  out.push("");
  return out;
}

function flagSection(flags: Flag[]): string[] {
  if (flags.length === 0) return [];
  return [
    "## Integrity flags",
    "",
    "These are things for your instructor to look at, **not automatic zeros**: each names the file and line that raised it. Grading always used the course's own tests, whatever your copies say.",
    "",
    ...flags.map((f) => `- **${f.kind}** \`${f.file}${f.line ? `:${f.line}` : ""}\`: ${f.message}${f.evidence ? `\n  \`${f.evidence.replace(/`/g, "'")}\`` : ""}`),
    "",
  ];
}

function assertion(t: TestResult): string {
  const parts = [t.message ?? "failed"];
  if (t.expected !== undefined) parts.push(`expected: ${t.expected}`);
  if (t.actual !== undefined) parts.push(`actual:   ${t.actual}`);
  return parts.join("\n");
}

const fence = (text: string) => ["```", text.slice(0, 3000), "```"];
const cell = (text: string) => text.replace(/\|/g, "\\|");
