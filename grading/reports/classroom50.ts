// Classroom 50's result.json (schema classroom50/result/v1, its "result.json contract"): one test
// per exercise with the exercise's points, the total as score / max-score. The contract wants
// whole points, so each exercise's score is rounded (the exact one is in its message). Classroom
// 50's runner passes the submission's identity in environment variables (CLASSROOM, ASSIGNMENT,
// OWNER, ASSIGNMENT_TYPE, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL, REVIEW_URL); "datetime" is the
// graded commit's time. Classroom 50 marks late work itself from it, so no penalty is taken here.
import type { Mode, SubmissionGrade } from "../types";

export function classroom50Result(grade: SubmissionGrade, mode: Mode, env: Record<string, string | undefined> = process.env, now = new Date()) {
  const view = grade.instructor;
  const tests =
    grade.status === "invalid"
      ? [{ "test-name": "submission can be graded", passed: false, score: 0, "max-score": Math.round(grade.totals.max), message: grade.problem }]
      : grade.exercises.map((ex) => {
          const r = ex[mode];
          const override = view?.overrides.find((o) => o.exercise === ex.dir);
          const score = override ? override.points : r.score;
          return {
            "test-name": `${ex.dir}: ${ex.title}`,
            passed: r.status === "pass",
            score: Math.round(score),
            "max-score": Math.round(ex.points),
            message: `${score} / ${ex.points} points, ${r.passed}/${r.total} tests passed${r.reason ? `: ${r.reason}` : ""}${override ? `; instructor: ${override.points} points${override.comment ? ` (${override.comment})` : ""}` : ""}`,
          };
        });
  return {
    schema: "classroom50/result/v1",
    classroom: env.CLASSROOM ?? "",
    assignment: env.ASSIGNMENT ?? "",
    assignment_type: env.ASSIGNMENT_TYPE === "group" ? "group" : "individual",
    owner: env.OWNER ?? env.USERNAME ?? grade.id,
    submission: env.SUBMISSION_TAG ?? "",
    commit: env.COMMIT_URL ?? "",
    release: env.RELEASE_URL ?? "",
    review: env.REVIEW_URL || env.COMMIT_URL || "",
    datetime: (view?.submittedAt ? new Date(view.submittedAt) : now).toISOString().replace(/\.\d{3}Z$/, "Z"),
    graded_at: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    score: tests.reduce((sum, t) => sum + t.score, 0),
    "max-score": tests.reduce((sum, t) => sum + t["max-score"], 0),
    tests,
  };
}
