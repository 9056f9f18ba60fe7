// The GitHub Classroom grader result that its autograding reporter reads (base64 of this JSON
// in <RUNNER>_RESULTS): {version, status, max_score, tests[]}, one test per exercise whose score
// is the exercise's points, so the reporter's total is the course total.
import type { Mode, SubmissionGrade } from "../types";

export function classroomResult(grade: SubmissionGrade, mode: Mode) {
  if (grade.status === "invalid") {
    return { version: 1, status: "error", max_score: grade.totals.max, tests: [{ name: "submission", status: "error", score: 0, message: grade.problem, test_code: "npm run grade", filename: "", line_no: 0, duration: 0 }] };
  }
  const tests = grade.exercises.map((ex) => {
    const result = ex[mode];
    const firstFailure = result.tests.find((t) => t.status !== "pass");
    const message = result.status === "pass" ? "" : (result.reason ?? (firstFailure ? `${firstFailure.hidden ? "(hidden) " : ""}${firstFailure.name}: ${firstFailure.message ?? "failed"}` : ""));
    return {
      name: `${ex.dir}: ${ex.title}`,
      status: result.status === "pass" ? "pass" : result.status === "error" ? "error" : "fail",
      score: result.score,
      message: `${result.passed}/${result.total} tests passed${message ? `. ${message}` : ""}`,
      test_code: `npm run grade -- . --exercises ${ex.number}`,
      filename: ex.files[0] ?? "",
      line_no: 0,
      duration: result.durationMs,
    };
  });
  return { version: 1, status: tests.every((t) => t.status === "pass") ? "pass" : "fail", max_score: grade.totals.max, tests };
}
