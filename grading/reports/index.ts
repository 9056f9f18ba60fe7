// Writes every report into the folder the instructor named (--out): the gradebook, and per
// submission its Markdown feedback, Exercism results.json, JUnit XML and GitHub Classroom
// result, plus summary.json with everything. Only the report folders written here are replaced.
import fs from "node:fs";
import path from "node:path";
import type { Mode, SubmissionGrade } from "../types";
import { classroomResult } from "./classroom";
import { exercismResults } from "./exercism";
import { feedbackMarkdown } from "./feedback";
import { gradebookCsv } from "./gradebook";
import { junitXml } from "./junit";

export const REPORT_DIRS = ["feedback", "results", "junit", "classroom"] as const;

export interface ReportInput {
  grades: SubmissionGrade[];
  exercises: { dir: string; number: number; points: number }[];
  warnings: string[];
  mode: Mode;
  /** Which sandbox ran the learners' code. */
  sandbox?: string;
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
    write(`classroom/${g.id}.json`, JSON.stringify(classroomResult(g, input.mode), null, 2) + "\n");
  }
  write("summary.json", JSON.stringify({ mode: input.mode, sandbox: input.sandbox, exercises: input.exercises, warnings: input.warnings, grades: input.grades }, null, 2) + "\n");
  return written;
}
