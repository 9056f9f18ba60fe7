// The gradebook: one row per learner, one column per exercise (the chosen mode's score), the
// total, and what an instructor scans for next (the other mode's total, flags, problems).
import type { Mode, SubmissionGrade } from "../types";

export function gradebookCsv(grades: SubmissionGrade[], exercises: { dir: string }[], mode: Mode): string {
  const other: Mode = mode === "progressive" ? "isolated" : "progressive";
  const header = ["learner", ...exercises.map((e) => e.dir), "total", "max", `${other}_total`, "flags", "status"];
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
    ];
  });
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}

export function csvField(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+@]/.test(value) || /^-[^\d]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
