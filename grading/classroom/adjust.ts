// After autograding: the instructor's overrides, then the deadline. An override replaces an
// exercise's autograded score (points from the CSV, with a comment); the late penalty then takes
// a share of the total for every started day late, or everything past a hard cutoff.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { round2 } from "../scores";
import type { Mode, SubmissionGrade } from "../types";
import { parseCsv, requireColumns } from "../csv";
import { DAY, matchRoster, type RosterEntry } from "./roster";
import type { InstructorView, Override } from "./types";

export interface DeadlinePolicy {
  due: Date;
  /** "cutoff": nothing counts after the deadline; "per-day": percentPerDay off per started day. */
  policy: "cutoff" | "per-day";
  percentPerDay: number;
}

export interface OverrideRow {
  learner: string;
  exercise: string;
  points: number;
  comment: string;
  line: number;
}

/** --deadline ISO and --late "cutoff" | "10%/day" (or "10"): the policy, or a clear error. */
export function parseDeadline(deadline: string, late = "cutoff"): DeadlinePolicy {
  const due = new Date(deadline);
  if (!/^\d{4}-\d{2}-\d{2}/.test(deadline) || Number.isNaN(due.getTime())) {
    throw new Error(`--deadline "${deadline}" is not a date and time; write it as ISO 8601, e.g. 2026-12-01T23:59:00+01:00 (without a zone it is the machine's local time)`);
  }
  if (late.trim().toLowerCase() === "cutoff") return { due, policy: "cutoff", percentPerDay: 100 };
  const m = /^(\d+(?:\.\d+)?)\s*%?\s*(?:\/\s*day)?$/i.exec(late.trim());
  if (!m || Number(m[1]) > 100) throw new Error(`--late "${late}" must be "cutoff" or a percentage of the score taken off per day late, e.g. "10%/day"`);
  return { due, policy: "per-day", percentPerDay: Number(m[1]) };
}

export function readOverrides(file: string): OverrideRow[] {
  const what = `--overrides ${file}`;
  if (!fs.existsSync(file)) throw new Error(`${what}: no such file`);
  const { header, rows } = parseCsv(fs.readFileSync(file, "utf8"), what);
  requireColumns(rows, header, ["learner", "exercise", "points"], what);
  return rows.map((row, i) => {
    const points = Number(row.points);
    if (row.points === "" || !Number.isFinite(points) || points < 0) throw new Error(`${what}, line ${i + 2}: points "${row.points}" must be a number of at least 0`);
    return { learner: row.learner, exercise: row.exercise, points, comment: row.comment ?? "", line: i + 2 };
  });
}

/** When a submission was handed in: its last git commit, else an archive's timestamp. */
export function submissionTime(source: string): { at?: Date; from: InstructorView["submittedFrom"] } {
  try {
    const stat = fs.statSync(source);
    if (stat.isFile()) return { at: stat.mtime, from: "archive" };
    // The clone itself, or the clone around a bare exercises/ folder: never a repository further up.
    for (const dir of [source, path.dirname(source)]) {
      if (dir !== source && path.basename(source) !== "exercises") break;
      if (!fs.existsSync(path.join(dir, ".git"))) continue;
      const log = spawnSync("git", ["-C", dir, "log", "-1", "--format=%cI"], { encoding: "utf8", timeout: 10_000 });
      const at = new Date(log.stdout.trim());
      if (log.status === 0 && !Number.isNaN(at.getTime())) return { at, from: "git" };
    }
  } catch {
    // unreadable: unknown
  }
  return { from: "unknown" };
}

export interface AdjustOptions {
  mode: Mode;
  roster?: RosterEntry[];
  deadline?: DeadlinePolicy;
  overrides?: OverrideRow[];
  /** Exercise folders of the course, to resolve "5", "matrix" or "05-matrix" in the overrides. */
  exercises: { dir: string; number: number }[];
}

/** Sets `instructor` on every graded submission; returns warnings (unknown learners, exercises). */
export function applyInstructor(grades: SubmissionGrade[], options: AdjustOptions): string[] {
  const warnings: string[] = [];
  const roster = options.roster ? matchRoster(options.roster, grades.map((g) => g.id)) : undefined;
  if (roster) {
    for (const id of roster.unmatched) warnings.push(`roster: submission "${id}" is not in the roster (add a row whose learner column is "${id}")`);
    for (const r of roster.absent) warnings.push(`roster: ${r.name || r.learner} (${r.learner}) handed nothing in`);
  }
  const byLearner = new Map<string, OverrideRow[]>();
  for (const row of options.overrides ?? []) {
    const g = grades.find((x) => x.id.toLowerCase() === row.learner.toLowerCase());
    if (!g) {
      warnings.push(`overrides line ${row.line}: no submission named "${row.learner}"; the override was not applied`);
      continue;
    }
    byLearner.set(g.id, [...(byLearner.get(g.id) ?? []), row]);
  }
  for (const g of grades) {
    const entry = roster?.byId.get(g.id);
    const time = options.deadline ? submissionTime(g.source) : { from: "unknown" as const };
    const overrides: Override[] = [];
    for (const row of byLearner.get(g.id) ?? []) {
      const ex = resolveExercise(row.exercise, options.exercises);
      if (!ex) {
        warnings.push(`overrides line ${row.line}: "${row.exercise}" is not a graded exercise (use its number, slug or folder); the override was not applied`);
        continue;
      }
      const graded = g.exercises.find((e) => e.dir === ex.dir);
      overrides.push({ exercise: ex.dir, points: row.points, autograded: graded ? graded[options.mode].score : 0, comment: row.comment });
    }
    const autograded = g.status === "graded" ? g.totals[options.mode] : 0;
    const replaced = new Map(overrides.map((o) => [o.exercise, o]));
    const afterOverrides = round2(autograded + [...replaced.values()].reduce((sum, o) => sum + o.points - o.autograded, 0));
    const view: InstructorView = {
      ...(entry ? { roster: { name: entry.name, email: entry.email, id: entry.id } } : {}),
      ...(time.at ? { submittedAt: time.at.toISOString() } : {}),
      submittedFrom: time.from,
      overrides,
      autograded,
      final: afterOverrides,
      max: g.totals.max,
    };
    if (options.deadline) {
      const extensionMs = entry?.extensionMs ?? 0;
      const due = new Date(options.deadline.due.getTime() + extensionMs);
      const daysLate = time.at && time.at > due ? Math.ceil((time.at.getTime() - due.getTime()) / DAY) : 0;
      if (!time.at) warnings.push(`${g.id}: no submission time (not a git clone, not an archive); treated as on time`);
      const share = daysLate === 0 ? 0 : options.deadline.policy === "cutoff" ? 1 : Math.min(1, (daysLate * options.deadline.percentPerDay) / 100);
      const pointsOff = round2(afterOverrides * share);
      view.late = { due: due.toISOString(), extensionHours: round2(extensionMs / 3_600_000), daysLate, policy: options.deadline.policy, percentPerDay: options.deadline.percentPerDay, pointsOff };
      view.final = round2(afterOverrides - pointsOff);
    }
    g.instructor = view;
  }
  return warnings;
}

function resolveExercise(name: string, exercises: { dir: string; number: number }[]) {
  const key = name.trim().toLowerCase();
  return exercises.find((e) => e.dir === key || String(e.number) === key.replace(/^0+/, "") || e.dir.slice(3) === key);
}

/** One line saying what the instructor changed, for tables and summaries. */
export function adjustmentLine(view: InstructorView | undefined): string {
  if (!view) return "";
  const parts = view.overrides.map((o) => `${o.exercise}: ${o.autograded} -> ${o.points} (instructor)`);
  if (view.late && view.late.daysLate > 0) parts.push(view.late.policy === "cutoff" ? `late ${view.late.daysLate} d: after the cutoff, -${view.late.pointsOff}` : `late ${view.late.daysLate} d: -${view.late.pointsOff}`);
  return parts.join("; ");
}
