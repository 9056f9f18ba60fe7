// The instructor's changes as each per-learner report shows them: a Markdown section for the
// feedback, a JUnit <testsuite name="instructor">. Always labelled as the instructor's, never
// mixed into the autograded results.
import { esc } from "../reports/xml";
import type { SubmissionGrade } from "../types";

export function instructorSection(grade: SubmissionGrade): string[] {
  const v = grade.instructor;
  if (!v || (v.overrides.length === 0 && !v.late)) return [];
  const out = ["## From your instructor", "", `- **Final score: ${v.final} / ${v.max}** (autograded: ${v.autograded})`];
  for (const o of v.overrides) out.push(`- ${o.exercise}: your instructor gave **${o.points} points** instead of the autograded ${o.autograded}${o.comment ? `: "${o.comment}"` : ""}`);
  if (v.late) {
    const when = v.submittedAt ? `handed in ${v.submittedAt} (${v.submittedFrom === "git" ? "your last commit" : v.submittedFrom === "archive" ? "the archive's time" : "time unknown"})` : "hand-in time unknown: treated as on time";
    const extension = v.late.extensionHours > 0 ? `, with your extension of ${v.late.extensionHours} h` : "";
    if (v.late.daysLate === 0) out.push(`- On time: due ${v.late.due}${extension}; ${when}.`);
    else out.push(`- Late by ${v.late.daysLate} day(s): due ${v.late.due}${extension}; ${when}. ${v.late.policy === "cutoff" ? "Work after the cutoff does not count" : `${v.late.percentPerDay}% off per day late`}: -${v.late.pointsOff} points.`);
  }
  return [...out, ""];
}

export function instructorSuite(grade: SubmissionGrade): string[] {
  const v = grade.instructor;
  if (!v || (v.overrides.length === 0 && !v.late)) return [];
  const lines = [`  <testsuite name="instructor" tests="${v.overrides.length}" failures="0" errors="0">`, "    <properties>"];
  lines.push(`      <property name="final" value="${v.final}"/>`, `      <property name="autograded" value="${v.autograded}"/>`);
  if (v.submittedAt) lines.push(`      <property name="submitted_at" value="${esc(v.submittedAt)}"/>`);
  if (v.late) lines.push(`      <property name="due" value="${esc(v.late.due)}"/>`, `      <property name="days_late" value="${v.late.daysLate}"/>`, `      <property name="late_points_off" value="${v.late.pointsOff}"/>`);
  lines.push("    </properties>");
  for (const o of v.overrides) lines.push(`    <testcase classname="instructor" name="${esc(`${o.exercise}: ${o.points} points (autograded ${o.autograded})`)}"><system-out>${esc(o.comment)}</system-out></testcase>`);
  lines.push("  </testsuite>");
  return lines;
}
