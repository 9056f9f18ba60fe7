// The instructor's options (--roster, --deadline, --late, --overrides, --assignment), read and
// checked before grading starts, applied to the grades after it.
import type { Mode, SubmissionGrade } from "../types";
import { applyInstructor, parseDeadline, readOverrides } from "./adjust";
import { readRoster, type RosterEntry } from "./roster";

export interface InstructorOptions {
  roster?: string;
  /** ISO 8601 date and time. */
  deadline?: string;
  /** "cutoff" (the default) or a percentage per day late, "10%/day". */
  late?: string;
  overrides?: string;
  /** The assignment's name in the LMS gradebooks (default "nn-kata"). */
  assignment?: string;
}

export function loadInstructor(options: InstructorOptions = {}) {
  if (options.late && !options.deadline) throw new Error("--late needs --deadline: the policy applies to work handed in after it");
  const roster: RosterEntry[] | undefined = options.roster ? readRoster(options.roster) : undefined;
  const deadline = options.deadline ? parseDeadline(options.deadline, options.late) : undefined;
  const overrides = options.overrides ? readOverrides(options.overrides) : undefined;
  const any = roster || deadline || overrides;
  return {
    roster,
    /** Sets each grade's `instructor` view when any option was given; returns warnings. */
    apply: (grades: SubmissionGrade[], mode: Mode, exercises: { dir: string; number: number }[]): string[] => (any ? applyInstructor(grades, { mode, roster, deadline, overrides, exercises }) : []),
  };
}
