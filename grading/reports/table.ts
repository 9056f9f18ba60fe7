// The terminal summary: one line per learner with both totals, exercises passed and flags.
import type { Mode, SubmissionGrade } from "../types";

export function summaryTable(grades: SubmissionGrade[], mode: Mode): string {
  const rows = [["learner", "progressive", "isolated", "passed", "flags", "status", "time"]];
  for (const g of grades) {
    if (g.status === "invalid") {
      rows.push([g.id, "-", "-", "-", "-", `invalid: ${g.problem}`, ""]);
      continue;
    }
    const passed = g.exercises.filter((e) => e[mode].status === "pass").length;
    rows.push([
      g.id,
      `${g.totals.progressive} / ${g.totals.max}`,
      `${g.totals.isolated} / ${g.totals.max}`,
      `${passed}/${g.exercises.length}`,
      String(g.flags.length),
      g.cached ? "graded (cached)" : "graded",
      g.cached ? "" : `${(g.durationMs / 1000).toFixed(1)} s`,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const right = new Set([1, 2, 3, 4, 6]);
  const line = (r: string[]) => r.map((cell, c) => (c === r.length - 2 ? cell : right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd();
  return [line(rows[0]), rows[0].map((_, c) => "-".repeat(widths[c])).join("  "), ...rows.slice(1).map(line)].join("\n");
}
