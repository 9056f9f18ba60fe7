// What learners may learn of the instructor's hidden tests: how many of each exercise's failed.
// Before the reports are written, each hidden test loses its name, message and output (it
// becomes "hidden test 2 of 3"), unless the instructor asks for them (--show-hidden).
import type { ModeResult, SubmissionGrade } from "./types";

export function redactHidden(grade: SubmissionGrade): SubmissionGrade {
  const redact = (r: ModeResult): ModeResult => {
    const total = r.tests.filter((t) => t.hidden).length;
    let n = 0;
    return { ...r, tests: r.tests.map((t) => (t.hidden ? { name: `hidden test ${++n} of ${total}`, file: "(hidden)", hidden: true, status: t.status, durationMs: t.durationMs } : t)) };
  };
  return { ...grade, exercises: grade.exercises.map((e) => ({ ...e, progressive: redact(e.progressive), isolated: redact(e.isolated) })) };
}

/** "2 of 3 hidden tests failed", per exercise, for the feedback. */
export function hiddenSummary(r: ModeResult): string | undefined {
  const hidden = r.tests.filter((t) => t.hidden);
  if (hidden.length === 0) return undefined;
  const failed = hidden.filter((t) => t.status !== "pass").length;
  return `${failed} of ${hidden.length} hidden test${hidden.length === 1 ? "" : "s"} failed`;
}
