// Gradebooks an LMS imports, one row per roster learner with the final score (the instructor's
// overrides and the late penalty applied). Learners on the roster who handed nothing in get 0.
//   Canvas (Grades > Import): Student, ID, SIS User ID, SIS Login ID, Section, then one column per
//   assignment; a "Points Possible" row under the header. Canvas matches learners by ID. (Canvas's
//   guide "How do I import grades in the Gradebook?"; university guides such as Ohio State's
//   "Import a CSV file to Carmen grades" list the same columns: one of name, ID or SIS User ID,
//   then SIS Login ID, Section and one column per assignment.)
//   Moodle (Grades > Import > CSV file): any columns; map "Email address" (or "ID number") to the
//   user, the assignment column to the grade item and "Feedback" to its feedback.
import type { SubmissionGrade } from "../types";
import { toCsv } from "../csv";
import type { RosterEntry } from "./roster";
import { adjustmentLine } from "./adjust";

export interface LmsInput {
  roster: RosterEntry[];
  grades: SubmissionGrade[];
  /** The assignment's column name in the LMS. */
  assignment: string;
  max: number;
}

interface Row {
  entry: RosterEntry;
  score: number;
  feedback: string;
}

function rows(input: LmsInput): Row[] {
  const byId = new Map(input.grades.map((g) => [g.id.toLowerCase(), g]));
  return input.roster.map((entry) => {
    const g = byId.get(entry.learner.toLowerCase());
    if (!g) return { entry, score: 0, feedback: "nothing handed in" };
    if (g.status === "invalid") return { entry, score: 0, feedback: `could not be graded: ${g.problem}` };
    const view = g.instructor;
    const score = view?.final ?? g.totals.progressive;
    const changes = adjustmentLine(view);
    return { entry, score, feedback: `nn-kata ${score} / ${g.totals.max}${changes ? ` (autograded ${view!.autograded}; ${changes})` : ""}${g.flags.length ? `; ${g.flags.length} integrity flag(s) to review` : ""}` };
  });
}

export function canvasCsv(input: LmsInput): string {
  return toCsv([
    ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", input.assignment],
    ["Points Possible", "", "", "", "", String(input.max)],
    ...rows(input).map((r) => [r.entry.name, r.entry.id, "", r.entry.email, "", String(r.score)]),
  ]);
}

export function moodleCsv(input: LmsInput): string {
  return toCsv([["Full name", "ID number", "Email address", input.assignment, "Feedback"], ...rows(input).map((r) => [r.entry.name, r.entry.id, r.entry.email, String(r.score), r.feedback])]);
}
