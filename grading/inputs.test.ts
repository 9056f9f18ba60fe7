// Finding submissions (folders, bare exercises/ folders, wrapped archives, bad input) and the
// report formats' escaping, without running any tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "./course";
import { discover, locateExercises } from "./discover";
import { gradebookCsv } from "./reports/gradebook";
import { esc } from "./reports/junit";
import type { SubmissionGrade } from "./types";
import { selectExercises } from "../runner/harness/manifest";

const course = loadCourse({ exercises: "1-3" });
const dir = course.all[0].dir;
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-inputs-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const mkdir = (...parts: string[]) => {
  const p = path.join(tmp, ...parts);
  fs.mkdirSync(p, { recursive: true });
  return p;
};

describe("finding submissions", () => {
  it("accepts a clone, a bare exercises/ folder, and a download wrapped in one folder", () => {
    const clone = mkdir("clone", "exercises", dir);
    const bare = mkdir("bare", dir);
    const wrapped = mkdir("wrapped", "nn-kata-main", "exercises", dir);
    expect(locateExercises(course, path.join(tmp, "clone"))).toBe(path.dirname(clone));
    expect(locateExercises(course, path.join(tmp, "bare"))).toBe(path.dirname(bare));
    expect(locateExercises(course, path.join(tmp, "wrapped"))).toBe(path.dirname(wrapped));
  });

  it("names what is wrong with an empty folder, a folder that is not the course, a missing path, a stray file", () => {
    mkdir("class", "empty");
    fs.writeFileSync(path.join(mkdir("class", "notes"), "todo.txt"), "x");
    fs.writeFileSync(path.join(tmp, "class", "grades.csv"), "x");
    const found = discover(course, [path.join(tmp, "nowhere"), path.join(tmp, "class", "grades.csv")], [path.join(tmp, "class")]);
    expect(found.map((s) => [s.id, s.problem])).toEqual([
      ["nowhere", expect.stringMatching(/no such file or folder/)],
      ["grades.csv", expect.stringMatching(/neither a folder nor a .zip\/.tar archive/)],
      ["empty", expect.stringMatching(/empty/)],
      ["notes", expect.stringMatching(/not a copy of the course/)],
    ]);
  });

  it("gives two submissions with the same folder name different ids", () => {
    mkdir("a", "alice", "exercises", dir);
    mkdir("b", "alice", "exercises", dir);
    const ids = discover(course, [path.join(tmp, "a", "alice"), path.join(tmp, "b", "alice")]).map((s) => s.id);
    expect(new Set(ids).size).toBe(2);
    expect(ids[0]).toBe("alice");
  });

  it("reads exercise selections as numbers, ranges, slugs or folders", () => {
    const all = course.all;
    expect([...selectExercises(all, "1-3,5")]).toEqual([1, 2, 3, 5]);
    expect([...selectExercises(all, `${all[1].slug},${all[2].dir}`)]).toEqual([2, 3]);
    expect(() => selectExercises(all, "no-such-exercise")).toThrow(/not an exercise of this course/);
  });
});

describe("report formats", () => {
  const grade = (id: string, problem?: string): SubmissionGrade => ({
    id,
    source: id,
    status: problem ? "invalid" : "graded",
    problem,
    exercises: [],
    totals: { progressive: 0, isolated: 0, max: 10 },
    flags: [],
    notes: [],
    hash: "",
    durationMs: 0,
    cached: false,
  });

  it("the gradebook quotes commas and quotes, and defuses spreadsheet formulas", () => {
    const csv = gradebookCsv([grade("=HYPERLINK(x)"), grade("bob", 'not "a", course')], [], "progressive").split("\n");
    expect(csv[1].startsWith("'=HYPERLINK(x),")).toBe(true);
    expect(csv[2]).toBe('bob,0,10,0,0,"invalid: not ""a"", course"');
  });

  it("JUnit text is escaped and stripped of characters XML forbids", () => {
    expect(esc('a<b & "c"\u0007')).toBe("a&lt;b &amp; &quot;c&quot;");
  });
});
