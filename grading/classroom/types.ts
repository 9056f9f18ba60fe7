// What the instructor adds to an autograded submission: who it is (roster), when it came in and
// what the deadline did to it, and their own overrides. Applied after autograding, every time the
// reports are written (never cached with the grade), and shown as the instructor's everywhere.

export interface Override {
  /** The exercise folder, e.g. "05-matrix". */
  exercise: string;
  /** The points the instructor gave (they replace the autograded score of the exercise). */
  points: number;
  autograded: number;
  comment: string;
}

export interface Lateness {
  /** The deadline for this learner, extension included (ISO 8601). */
  due: string;
  extensionHours: number;
  /** Days (or part-days) after the deadline; 0 when on time. */
  daysLate: number;
  policy: "cutoff" | "per-day";
  /** Per started day late, for "per-day". */
  percentPerDay: number;
  /** Points taken off the total. */
  pointsOff: number;
}

export interface InstructorView {
  roster?: { name: string; email: string; id: string };
  /** When the work was handed in: the last git commit's time, or the archive's timestamp (ISO 8601). */
  submittedAt?: string;
  submittedFrom: "git" | "archive" | "unknown";
  late?: Lateness;
  overrides: Override[];
  /** The autograded total in the report's mode, before overrides and the late penalty. */
  autograded: number;
  /** What the learner gets: overrides applied, then the late penalty. */
  final: number;
  max: number;
}
