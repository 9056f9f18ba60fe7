// The instructor's layer on a real grading run: a tiny class of git clones and an archive, with a
// roster (one extension), a deadline with a per-day penalty, and an override. Every report format
// must show the same final score and say it is the instructor's.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../course";
import { gradeClass, type ClassResult } from "../grader";
import { fakeSubmission, zipFolder } from "../testing/fakes";
import { parseCsv } from "../csv";
import { parseDeadline } from "./adjust";

const course = loadCourse({ exercises: "1-2" });
const [first, second] = course.selected;
const max = first.points + second.points;
let tmp: string;
let out: string;
let result: ClassResult;
const grade = (id: string) => result.grades.find((g) => g.id === id)!;
const read = (rel: string) => fs.readFileSync(path.join(out, rel), "utf8");

function commitAt(dir: string, when: string) {
  const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, GIT_AUTHOR_NAME: "l", GIT_AUTHOR_EMAIL: "l@example.org", GIT_COMMITTER_NAME: "l", GIT_COMMITTER_EMAIL: "l@example.org" };
  for (const args of [["init", "-q"], ["add", "-A"], ["commit", "-qm", "work"]]) {
    const r = spawnSync("git", ["-C", dir, ...args], { env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr}`);
  }
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-instructor-"));
  const classDir = path.join(tmp, "class");
  out = path.join(tmp, "report");
  fs.mkdirSync(classDir);
  // On time; a day and a half late; late but within an extension; an archive two days late.
  for (const [id, when] of [["ontime", "2026-11-01T10:00:00Z"], ["late", "2026-11-02T22:00:00Z"], ["extended", "2026-11-02T09:00:00Z"]]) {
    fakeSubmission(course, path.join(classDir, id), { solved: [first, second] });
    commitAt(path.join(classDir, id), when);
  }
  const staging = path.join(tmp, "staging");
  fakeSubmission(course, staging, { solved: [first] });
  zipFolder(staging, path.join(classDir, "zipped.zip"));
  fs.utimesSync(path.join(classDir, "zipped.zip"), new Date("2026-11-03T11:00:00Z"), new Date("2026-11-03T11:00:00Z"));

  fs.writeFileSync(
    path.join(tmp, "roster.csv"),
    "\uFEFFlearner,name,email,id,extension\nontime,Ada Lovelace,ada@example.org,1001,\nmy-school/late,\"Hopper, Grace\",grace@example.org,1002,\nhttps://github.com/my-school/extended.git,Alan Turing,alan@example.org,1003,2d\nzipped,Kurt Gödel,kurt@example.org,1004,\nabsent,Emmy Noether,emmy@example.org,1005,\n",
  );
  fs.writeFileSync(path.join(tmp, "overrides.csv"), `learner,exercise,points,comment\nontime,${second.number},4,"copied the classifier, see the talk we had"\nnobody,1,3,\n`);
  result = await gradeClass({
    inputs: [],
    classDirs: [classDir],
    out,
    exercises: "1-2",
    jobs: 2,
    instructor: { roster: path.join(tmp, "roster.csv"), deadline: "2026-11-01T12:00:00Z", late: "10%/day", overrides: path.join(tmp, "overrides.csv"), assignment: "Week 1" },
  });
}, 180_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("roster, deadline and overrides", () => {
  it("takes the hand-in time from the last commit or the archive's timestamp, and the extension from the roster", () => {
    expect(grade("ontime").instructor).toMatchObject({ submittedFrom: "git", submittedAt: "2026-11-01T10:00:00.000Z", late: { daysLate: 0, pointsOff: 0 } });
    expect(grade("late").instructor).toMatchObject({ submittedFrom: "git", late: { daysLate: 2, pointsOff: max * 0.2 }, final: max * 0.8 });
    expect(grade("extended").instructor).toMatchObject({ late: { daysLate: 0, extensionHours: 48, due: "2026-11-03T12:00:00.000Z" }, final: max });
    expect(grade("zipped").instructor).toMatchObject({ submittedFrom: "archive", late: { daysLate: 2 } });
    expect(grade("zipped").instructor!.final).toBeCloseTo(first.points * 0.8, 5);
  });

  it("applies the override after autograding and before the late penalty, and warns about unknown learners", () => {
    expect(grade("ontime").totals.progressive).toBe(max);
    expect(grade("ontime").instructor).toMatchObject({ autograded: max, final: first.points + 4, overrides: [{ exercise: second.dir, points: 4, autograded: second.points }] });
    expect(result.warnings).toContain('overrides line 3: no submission named "nobody"; the override was not applied');
    expect(result.warnings).toContain("roster: Emmy Noether (absent) handed nothing in");
  });

  it("shows the instructor's changes in every report format", () => {
    const final = String(first.points + 4);
    const gradebook = parseCsv(read("gradebook.csv"), "gradebook").rows.find((r) => r.learner === "ontime")!;
    expect(gradebook).toMatchObject({ total: String(max), final, instructor: `${second.dir}: ${second.points} -> 4 (instructor)` });
    expect(parseCsv(read("gradebook.csv"), "gradebook").rows.find((r) => r.learner === "late")).toMatchObject({ days_late: "2", final: String(max * 0.8) });
    const feedback = read("feedback/ontime.md");
    expect(feedback).toContain(`**Final score: ${final} / ${max}**`);
    expect(feedback).toContain('your instructor gave **4 points** instead of the autograded 10: "copied the classifier, see the talk we had"');
    expect(read("feedback/late.md")).toMatch(/Late by 2 day\(s\).*10% off per day late: -4 points/);
    expect(JSON.parse(read("results/ontime.json")).nn_kata.instructor).toMatchObject({ final: Number(final) });
    expect(read("junit/ontime.xml")).toMatch(/<testsuite name="instructor"[\s\S]*<property name="final" value="14"\/>[\s\S]*copied the classifier/);
    expect(JSON.parse(read("classroom50/ontime.json"))).toMatchObject({ score: Number(final), datetime: "2026-11-01T10:00:00Z" });
    expect(read("class.md")).toMatch(/\| ontime \| 2026-11-01T10:00:00.000Z \| 20 \| 02-classifier: 10 -> 4 \(instructor\) \| 14 \/ 20 \|/);
    expect(read("class.html")).toContain("copied the classifier, see the talk we had");
  });

  it("writes Canvas and Moodle gradebooks for every roster learner, absent ones with 0", () => {
    const canvas = parseCsv(read("lms/canvas.csv"), "canvas");
    expect(canvas.header).toEqual(["student", "id", "sis user id", "sis login id", "section", "week 1"]);
    expect(canvas.rows[0]).toMatchObject({ student: "Points Possible", "week 1": String(max) });
    expect(canvas.rows.slice(1).map((r) => [r.student, r.id, r["sis login id"], r["week 1"]])).toEqual([
      ["Ada Lovelace", "1001", "ada@example.org", "14"],
      ["Hopper, Grace", "1002", "grace@example.org", "16"],
      ["Alan Turing", "1003", "alan@example.org", "20"],
      ["Kurt Gödel", "1004", "kurt@example.org", "8"],
      ["Emmy Noether", "1005", "emmy@example.org", "0"],
    ]);
    const moodle = parseCsv(read("lms/moodle.csv"), "moodle");
    expect(moodle.header).toEqual(["full name", "id number", "email address", "week 1", "feedback"]);
    expect(moodle.rows.find((r) => r["id number"] === "1005")).toMatchObject({ "week 1": "0", feedback: "nothing handed in" });
    expect(moodle.rows.find((r) => r["id number"] === "1002")!.feedback).toContain("late 2 d: -4");
  });

  it("refuses a bad deadline or policy with what to write instead", () => {
    expect(() => parseDeadline("next friday")).toThrow(/ISO 8601, e.g. 2026-12-01T23:59:00\+01:00/);
    expect(() => parseDeadline("2026-12-01T23:59:00Z", "ten percent")).toThrow(/"cutoff" or a percentage/);
    expect(parseDeadline("2026-12-01T23:59:00Z")).toMatchObject({ policy: "cutoff" });
  });
});
