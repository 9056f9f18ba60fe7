// Writes every report into the folder the instructor named (--out): the gradebook, and per
// submission its Markdown feedback, Exercism results.json, JUnit XML and Classroom 50 result,
// plus summary.json with everything and the class report (and LMS gradebooks with a roster).
// Only the report folders written here are replaced.
import fs from "node:fs";
import path from "node:path";
import type { Mode, SubmissionGrade } from "../types";
import { writeClassReports, type ClassReportOptions } from "../classroom/write";
import { classroom50Result } from "./classroom50";
import { exercismResults } from "./exercism";
import { feedbackMarkdown } from "./feedback";
import { gradebookCsv } from "./gradebook";
import { junitXml } from "./junit";

export const REPORT_DIRS = ["feedback", "results", "junit", "classroom50", "lms"] as const;

export interface ReportInput {
  grades: SubmissionGrade[];
  exercises: { dir: string; number: number; points: number }[];
  warnings: string[];
  mode: Mode;
  /** Which sandbox ran the learners' code. */
  sandbox?: string;
  /** The class report and LMS gradebooks (left out when absent). */
  classReport?: ClassReportOptions;
}

export function writeReports(out: string, input: ReportInput): string[] {
  fs.mkdirSync(out, { recursive: true });
  for (const dir of REPORT_DIRS) {
    fs.rmSync(path.join(out, dir), { recursive: true, force: true });
    fs.mkdirSync(path.join(out, dir));
  }
  const written: string[] = [];
  const write = (rel: string, content: string) => {
    fs.writeFileSync(path.join(out, rel), content);
    written.push(rel);
  };
  write("gradebook.csv", gradebookCsv(input.grades, input.exercises, input.mode));
  for (const g of input.grades) {
    write(`feedback/${g.id}.md`, feedbackMarkdown(g, input.mode));
    write(`results/${g.id}.json`, JSON.stringify(exercismResults(g, input.mode), null, 2) + "\n");
    write(`junit/${g.id}.xml`, junitXml(g, input.mode));
    write(`classroom50/${g.id}.json`, JSON.stringify(classroom50Result(g, input.mode), null, 2) + "\n");
  }
  // The learners' code stays out of the summary: it is in their submissions.
  const summary = { mode: input.mode, sandbox: input.sandbox, exercises: input.exercises, warnings: input.warnings, grades: input.grades.map(({ authored: _, ...g }) => g) };
  write("summary.json", JSON.stringify(summary, null, 2) + "\n");
  if (input.classReport) written.push(...writeClassReports(out, input.grades, input.mode, input.warnings, input.classReport));
  return written;
}
