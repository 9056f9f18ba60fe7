// The class-wide reports: class.md and class.html (with the similarity pairs), and the LMS
// gradebooks when there is a roster. Called by the report writer after the per-learner reports.
import fs from "node:fs";
import path from "node:path";
import type { Mode, SubmissionGrade } from "../types";
import { classHtml, classMarkdown } from "./class-report";
import { canvasCsv, moodleCsv } from "./lms";
import type { RosterEntry } from "./roster";
import { similarPairs, THRESHOLD } from "./similarity";

export interface ClassReportOptions {
  /** The course's stubs by "NN-slug/file.ts": given code the similarity check leaves out. */
  stubs: Map<string, string>;
  roster?: RosterEntry[];
  /** The assignment's name in the LMS gradebooks. */
  assignment?: string;
  durationMs?: number;
}

export function writeClassReports(out: string, grades: SubmissionGrade[], mode: Mode, warnings: string[], options: ClassReportOptions): string[] {
  const stubs = new Map([...options.stubs].map(([rel, text]) => [`exercises/${rel}`, text]));
  const { pairs, compared } = similarPairs(grades, stubs);
  const input = { grades, mode, warnings, durationMs: options.durationMs, similarity: { pairs, compared, threshold: THRESHOLD } };
  const written: string[] = [];
  const write = (rel: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.writeFileSync(path.join(out, rel), content);
    written.push(rel);
  };
  write("class.md", classMarkdown(input));
  write("class.html", classHtml(input));
  if (options.roster) {
    const lms = { roster: options.roster, grades, assignment: options.assignment ?? "nn-kata", max: grades[0]?.totals.max ?? 0 };
    write("lms/canvas.csv", canvasCsv(lms));
    write("lms/moodle.csv", moodleCsv(lms));
  }
  return written;
}
