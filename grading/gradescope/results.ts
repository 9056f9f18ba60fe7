// One submission in Gradescope's results.json: a test per course test, its share of the
// exercise's points as max_score, output the learner can act on. Hidden tests are shown only
// after the due date ("after_due_date") and only as passed or failed. No top-level score: the
// sum of the tests is the score, and a total would give away the hidden tests' results early.
import type { Mode, SubmissionGrade } from "../types";

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: "visible" | "after_due_date";
  tags: string[];
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function gradescopeResults(grade: SubmissionGrade, mode: Mode, executionSeconds: number) {
  if (grade.status === "invalid") {
    return { score: 0, execution_time: executionSeconds, output: `This submission could not be graded: ${grade.problem}. Upload your copy of the course (the folder with exercises/ in it, or a zip of it).`, visibility: "visible", stdout_visibility: "hidden", tests: [] };
  }
  const tests: GradescopeTest[] = grade.exercises.flatMap((ex) => {
    const r = ex[mode];
    const each = ex.points / Math.max(1, r.total);
    return r.tests.map((t, i) => {
      const passed = t.status === "pass" && r.status !== "error";
      const why = t.hidden ? "" : [t.message, t.expected !== undefined ? `expected: ${t.expected}` : "", t.actual !== undefined ? `actual:   ${t.actual}` : "", t.output ? `your code printed:\n${t.output.slice(0, 2000)}` : ""].filter(Boolean).join("\n");
      return {
        name: `${ex.dir}: ${t.name}`,
        number: `${ex.number}.${i + 1}`,
        score: passed && r.passed > 0 ? r4(r.score / r.passed) : 0,
        max_score: r4(each),
        status: passed ? "passed" : "failed",
        output: t.hidden ? (passed ? "passed" : "failed (an instructor's hidden test: no details)") : passed ? "" : why || r.reason || "failed",
        visibility: t.hidden ? "after_due_date" : "visible",
        tags: [ex.dir],
      } satisfies GradescopeTest;
    });
  });
  const flags = grade.flags.length > 0 ? `\n\n${grade.flags.length} thing(s) for your instructor to look at (not automatic zeros): ${grade.flags.map((f) => `${f.kind} in ${f.file}${f.line ? `:${f.line}` : ""}`).join(", ")}.` : "";
  const finished = grade.exercises.filter((e) => e[mode].status === "pass").map((e) => e.dir);
  return {
    execution_time: executionSeconds,
    output: `Graded with the course's own tests (${mode} mode). Exercises passed: ${finished.length ? finished.join(", ") : "none yet"}.${flags}`,
    output_format: "text",
    visibility: "visible",
    stdout_visibility: "hidden",
    tests,
    extra_data: { nn_kata: { learner: grade.id, totals: grade.totals, flags: grade.flags, notes: grade.notes } },
  };
}
