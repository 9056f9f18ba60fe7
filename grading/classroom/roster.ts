// The roster: who each submission belongs to, for the LMS gradebooks and per-learner deadline
// extensions. A CSV with the columns learner (the submission's folder or archive name, or the
// learner's repository "owner/name" or its URL), name, email, id, and optionally extension.
import fs from "node:fs";
import { parseCsv, requireColumns } from "../csv";

export interface RosterEntry {
  /** The submission id this row matches (the folder, archive or repository name). */
  learner: string;
  name: string;
  email: string;
  id: string;
  /** Extra time after the deadline, ms (the roster's "extension": "2" or "2d" days, "36h" hours). */
  extensionMs: number;
}

export function readRoster(file: string): RosterEntry[] {
  const what = `--roster ${file}`;
  if (!fs.existsSync(file)) throw new Error(`${what}: no such file`);
  const { header, rows } = parseCsv(fs.readFileSync(file, "utf8"), what);
  requireColumns(rows, header, ["learner", "name", "email", "id"], what);
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const learner = learnerKey(row.learner);
    if (!learner) throw new Error(`${what}, line ${i + 2}: the learner column is empty`);
    if (seen.has(learner)) throw new Error(`${what}, line ${i + 2}: learner "${learner}" is listed twice`);
    seen.add(learner);
    return { learner, name: row.name, email: row.email, id: row.id, extensionMs: parseExtension(row.extension ?? "", `${what}, line ${i + 2}`) };
  });
}

/** "alice", "alice.zip", "my-school/nn-kata-alice", "https://github.com/my-school/nn-kata-alice.git" -> its last name, as the grader names submissions. */
export function learnerKey(value: string): string {
  const last = value.trim().replace(/\/+$/, "").split("/").pop() ?? "";
  return last.replace(/\.(git|zip|tar|tgz|tar\.gz|tar\.bz2|tbz2|tar\.xz|txz)$/i, "").replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "");
}

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function parseExtension(value: string, where: string): number {
  if (value === "") return 0;
  const m = /^(\d+(?:\.\d+)?)\s*([dh]?)$/i.exec(value);
  if (!m) throw new Error(`${where}: extension "${value}" is not a number of days ("2", "2d") or hours ("36h")`);
  return Number(m[1]) * (m[2].toLowerCase() === "h" ? HOUR : DAY);
}

/** The roster row of each submission id; submissions the roster does not list are left out. */
export function matchRoster(roster: RosterEntry[], ids: string[]): { byId: Map<string, RosterEntry>; unmatched: string[]; absent: RosterEntry[] } {
  const byKey = new Map(roster.map((r) => [r.learner.toLowerCase(), r]));
  const byId = new Map<string, RosterEntry>();
  const unmatched: string[] = [];
  for (const id of ids) {
    const entry = byKey.get(id.toLowerCase());
    if (entry) byId.set(id, entry);
    else unmatched.push(id);
  }
  const taken = new Set([...byId.values()]);
  return { byId, unmatched, absent: roster.filter((r) => !taken.has(r)) };
}
