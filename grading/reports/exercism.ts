// One submission in the Exercism test runner's results.json shape (version 3): a status per
// test in test-file order with its message and output, plus the grade under "nn_kata".
import type { Mode, SubmissionGrade } from "../types";

const OUTPUT_LIMIT = 500; // Exercism's own limit for a test's output

export function exercismResults(grade: SubmissionGrade, mode: Mode) {
  if (grade.status === "invalid") return { version: 3, status: "error", message: grade.problem, tests: [], nn_kata: summary(grade, mode) };
  const tests = grade.exercises.flatMap((ex) =>
    ex[mode].tests.map((t) => ({
      name: `${ex.dir} › ${t.hidden ? "(hidden) " : ""}${t.name}`,
      status: t.status,
      message: t.status === "pass" ? null : (t.message ?? (t.hidden ? "hidden test failed" : ex[mode].reason ?? "failed")),
      output: t.output ? t.output.slice(0, OUTPUT_LIMIT) : null,
      test_code: "",
      task_id: ex.number,
    })),
  );
  const status = tests.length > 0 && tests.every((t) => t.status === "pass") ? "pass" : "fail";
  return { version: 3, status, tests, nn_kata: summary(grade, mode) };
}

function summary(grade: SubmissionGrade, mode: Mode) {
  return {
    learner: grade.id,
    mode,
    score: grade.totals[mode],
    max_score: grade.totals.max,
    scores: grade.totals,
    exercises: grade.exercises.map((e) => ({
      exercise: e.dir,
      points: e.points,
      progressive: { score: e.progressive.score, status: e.progressive.status, passed: e.progressive.passed, total: e.progressive.total, reason: e.progressive.reason ?? null },
      isolated: { score: e.isolated.score, status: e.isolated.status, passed: e.isolated.passed, total: e.isolated.total, reason: e.isolated.reason ?? null },
    })),
    flags: grade.flags,
    notes: grade.notes,
    instructor: grade.instructor ?? null,
  };
}
