// The gradebook: one row per learner, one column per exercise (the chosen mode's score), the
// total, and what an instructor scans for next (the other mode's total, flags, problems).
import { adjustmentLine } from "../classroom/adjust";
import { csvField } from "../csv";
import type { Mode, SubmissionGrade } from "../types";

export function gradebookCsv(grades: SubmissionGrade[], exercises: { dir: string }[], mode: Mode): string {
  const other: Mode = mode === "progressive" ? "isolated" : "progressive";
  // The instructor's columns appear once there is a roster, a deadline or an override.
  const instructor = grades.some((g) => g.instructor);
  const header = ["learner", ...exercises.map((e) => e.dir), "total", "max", `${other}_total`, "flags", "status", ...(instructor ? ["final", "submitted_at", "days_late", "instructor"] : [])];
  const rows = grades.map((g) => {
    const byDir = new Map(g.exercises.map((e) => [e.dir, e]));
    return [
      g.id,
      ...exercises.map((e) => (g.status === "graded" ? String(byDir.get(e.dir)?.[mode].score ?? 0) : "")),
      String(g.totals[mode]),
      String(g.totals.max),
      String(g.totals[other]),
      String(g.flags.length),
      g.status === "graded" ? "graded" : `invalid: ${g.problem}`,
      ...(instructor ? [String(g.instructor?.final ?? ""), g.instructor?.submittedAt ?? "", String(g.instructor?.late?.daysLate ?? ""), adjustmentLine(g.instructor)] : []),
    ];
  });
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}
