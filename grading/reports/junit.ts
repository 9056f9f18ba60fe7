// JUnit XML for CI systems: a <testsuite> per exercise, a <testcase> per test. Hidden tests
// carry their name and pass/fail only.
import { instructorSuite } from "../classroom/feedback";
import { esc } from "./xml";

export { esc };
import type { Mode, SubmissionGrade } from "../types";
import { inExercise } from "../../runner/harness/manifest";

export function junitXml(grade: SubmissionGrade, mode: Mode): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = grade.exercises.flatMap((e) => e[mode].tests);
  const count = (status: string) => all.filter((t) => t.status === status).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  lines.push(`<testsuites name="${esc(`nn-kata: ${grade.id}`)}" tests="${all.length}" failures="${count("fail")}" errors="${count("error")}" time="${seconds(grade.durationMs)}">`);
  if (grade.status === "invalid") {
    lines.push(`  <testsuite name="submission" tests="1" failures="0" errors="1">`);
    lines.push(`    <testcase classname="submission" name="can be graded"><error message="${esc(grade.problem ?? "")}"/></testcase>`);
    lines.push("  </testsuite>");
  }
  for (const ex of grade.exercises) {
    const r = ex[mode];
    const fails = r.tests.filter((t) => t.status === "fail").length;
    const errors = r.tests.filter((t) => t.status === "error").length;
    lines.push(`  <testsuite name="${esc(ex.dir)}" tests="${r.tests.length}" failures="${fails}" errors="${errors}" time="${seconds(r.durationMs)}">`);
    lines.push("    <properties>");
    lines.push(`      <property name="score" value="${r.score}"/>`);
    lines.push(`      <property name="points" value="${ex.points}"/>`);
    lines.push(`      <property name="status" value="${r.status}"/>`);
    lines.push(`      <property name="isolated_score" value="${ex.isolated.score}"/>`);
    lines.push("    </properties>");
    for (const t of r.tests) {
      const open = `    <testcase classname="${esc(ex.dir)}" name="${esc((t.hidden ? "(hidden) " : "") + t.name)}" file="${esc(inExercise(ex, t.file))}" time="${seconds(t.durationMs)}"`;
      if (t.status === "pass") {
        lines.push(`${open}/>`);
        continue;
      }
      const tag = t.status === "fail" ? "failure" : "error";
      const message = t.message ?? (t.hidden ? "hidden test failed" : "failed");
      const detail = [t.message, t.expected !== undefined ? `expected: ${t.expected}` : "", t.actual !== undefined ? `actual: ${t.actual}` : ""].filter(Boolean).join("\n");
      lines.push(`${open}>`);
      lines.push(`      <${tag} message="${esc(message.split("\n")[0])}">${esc(detail)}</${tag}>`);
      if (t.output) lines.push(`      <system-out>${esc(t.output)}</system-out>`);
      lines.push("    </testcase>");
    }
    lines.push("  </testsuite>");
  }
  lines.push(...instructorSuite(grade));
  lines.push("</testsuites>");
  return lines.join("\n") + "\n";
}
