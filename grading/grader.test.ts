// The grader tested as an instructor uses it: a class of fake submissions built on the fly from
// the course's reference (solved, half solved, broken, tampered with, hostile, empty, corrupt),
// graded once, then the exact grades, flags and reports checked. Part 1 only, to stay fast.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse, type Course, type GradedExercise } from "./course";
import { gradeClass, type ClassResult, type GradeOptions } from "./grader";
import { snapshot } from "./snapshot";
import { brokenFile, courseRoot, dependentsOf, fakeSubmission, referenceWith, referenceWithTop, zipFolder } from "./testing/fakes";
import type { SubmissionGrade } from "./types";

const SECRET = "SECRET-HIDDEN-MARKER-7f3a";
const course: Course = loadCourse({ exercises: "1-10" });
const part1 = course.selected;
const points = (list: GradedExercise[]) => list.reduce((sum, ex) => sum + ex.points, 0);
const max = points(part1);
const first = part1[0];
// The exercise most others build on: breaking it separates progressive from isolated scores.
const keystone = [...part1].sort((a, b) => dependentsOf(course, b.dir).length - dependentsOf(course, a.dir).length)[0];
// An exercise nothing else loads: breaking it costs exactly its own points.
const leaf = part1.find((ex) => dependentsOf(course, ex.dir).length === 0)!;
const matrix = part1.find((ex) => ex.slug === "matrix");

let tmp: string;
let classDir: string;
let hiddenDir: string;
let out: string;
let options: GradeOptions;
let result: ClassResult;
let before: string;
const evil = () => path.join(tmp, "written-by-learner-code.txt");
const spawned = () => path.join(tmp, "spawned-by-learner-code.txt");
const grade = (id: string): SubmissionGrade => {
  const found = result.grades.find((g) => g.id === id);
  if (!found) throw new Error(`no grade for ${id}; graded: ${result.grades.map((g) => g.id).join(", ")}`);
  return found;
};
const exercise = (g: SubmissionGrade, ex: GradedExercise) => g.exercises.find((e) => e.dir === ex.dir)!;
const others = (ex: GradedExercise) => part1.filter((e) => e !== ex);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-grader-test-"));
  classDir = path.join(tmp, "class");
  hiddenDir = path.join(tmp, "hidden");
  out = path.join(tmp, "report");
  fs.mkdirSync(classDir);

  const at = (name: string) => path.join(classDir, name);
  const fileOf = (ex: GradedExercise) => `${ex.dir}/${ex.files[0]}`;
  fakeSubmission(course, at("all-solved"), { solved: part1 });
  fakeSubmission(course, at("half-solved"), { solved: part1.slice(0, Math.ceil(part1.length / 2)) });
  fakeSubmission(course, at("early-broken"), { solved: others(keystone), files: { [fileOf(keystone)]: brokenFile(course, keystone) } });
  fakeSubmission(course, at("tests-edited"), {
    solved: others(first),
    files: {
      [fileOf(first)]: brokenFile(course, first),
      [`${first.dir}/${first.tests[0]}`]: 'import { it } from "vitest";\n\nit("always passes", () => {});\n',
    },
  });
  const stem = leaf.files[0].replace(/\.ts$/, "");
  fakeSubmission(course, at("imports-solutions"), { solved: others(leaf), files: { [fileOf(leaf)]: `export * from "../../solutions/${leaf.dir}/${stem}";\n` } });
  fakeSubmission(course, at("forbidden-library"), {
    solved: part1,
    files: {
      [fileOf(first)]: referenceWithTop(course, first, 'import type { MathType } from "mathjs";'),
      ...(matrix ? { [fileOf(matrix)]: referenceWithTop(course, matrix, 'import type { Tensor } from "@tensorflow/tfjs";\nimport type { Matrix as Grid } from "mathjs";') } : {}),
    },
  });
  fakeSubmission(course, at("sniffs-tests"), {
    solved: part1,
    files: { [fileOf(leaf)]: referenceWithTop(course, leaf, 'const underTest = process.env.VITEST !== undefined;\nconst testFile = "predictor.test.ts";\nvoid underTest, testFile;') },
  });
  fakeSubmission(course, at("infinite-loop"), { solved: others(leaf), files: { [fileOf(leaf)]: referenceWith(course, leaf, "while (true) {}") } });
  fakeSubmission(course, at("syntax-error"), { solved: others(leaf), files: { [fileOf(leaf)]: referenceWithTop(course, leaf, "export function broken(: number {") } });
  fakeSubmission(course, at("memory-hog"), {
    solved: others(leaf),
    files: { [fileOf(leaf)]: referenceWith(course, leaf, "const hog: number[][] = []; for (;;) hog.push(new Array(1e6).fill(1));") },
  });
  fakeSubmission(course, at("writes-outside"), {
    solved: others(leaf),
    files: { [fileOf(leaf)]: referenceWithTop(course, leaf, `import fs from "node:fs";\nfs.writeFileSync(${JSON.stringify(evil())}, "x");`) },
  });
  fakeSubmission(course, at("spawns-process"), {
    solved: others(leaf),
    files: { [fileOf(leaf)]: referenceWithTop(course, leaf, `import { execSync } from "node:child_process";\nexecSync(${JSON.stringify(`touch ${spawned()}`)});`) },
  });
  fs.mkdirSync(at("empty-folder"));
  fs.mkdirSync(at("not-a-course"));
  fs.writeFileSync(path.join(at("not-a-course"), "notes.txt"), "my shopping list\n");
  fs.writeFileSync(at("corrupt.zip"), "this is not a zip file\n");
  const zipped = fakeSubmission(course, path.join(tmp, "zipped"), { solved: part1, layout: "exercises" });
  zipFolder(zipped, at("zipped.zip"));

  fs.mkdirSync(path.join(hiddenDir, first.dir), { recursive: true });
  const firstStem = first.files[0].replace(/\.ts$/, "");
  fs.writeFileSync(
    path.join(hiddenDir, first.dir, "secret.test.ts"),
    `import { expect, it } from "vitest";\nimport * as mod from "./${firstStem}";\n\n// ${SECRET} in the source\nit("hidden: the module loads and exports functions", () => {\n  const fns = Object.values(mod).filter((v) => typeof v === "function");\n  expect(fns.length, "${SECRET} in the message").toBeGreaterThan(0);\n  for (const fn of fns) expect(() => (fn as (...a: number[]) => unknown)(1, 2, 3, 0.5, 4), "${SECRET}").not.toThrow(/not implemented/);\n});\n`,
  );

  before = snapshot(classDir).hash + snapshot(hiddenDir).hash;
  options = { inputs: [], classDirs: [classDir], out, exercises: "1-10", hidden: hiddenDir, jobs: 2, timeoutMs: 8_000, memoryMb: 256 };
  result = await gradeClass(options);
}, 400_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("grading a class of fake submissions (Part 1)", () => {
  it("grades every submission, the bad ones with a clear line", () => {
    expect(result.grades.map((g) => g.id).sort()).toEqual(
      ["all-solved", "corrupt", "early-broken", "empty-folder", "forbidden-library", "half-solved", "imports-solutions", "infinite-loop", "memory-hog", "not-a-course", "sniffs-tests", "spawns-process", "syntax-error", "tests-edited", "writes-outside", "zipped"].sort(),
    );
    expect(grade("empty-folder")).toMatchObject({ status: "invalid", problem: expect.stringMatching(/empty/) });
    expect(grade("not-a-course")).toMatchObject({ status: "invalid", problem: expect.stringMatching(/not a copy of the course/) });
    expect(grade("corrupt")).toMatchObject({ status: "invalid", problem: expect.stringMatching(/will not unpack/) });
  });

  it("the reference scores full marks in both modes, from a folder and from a zip", () => {
    for (const id of ["all-solved", "zipped"]) {
      const g = grade(id);
      expect(g.status).toBe("graded");
      expect(g.totals).toEqual({ progressive: max, isolated: max, max });
      expect(g.exercises.every((e) => e.progressive.status === "pass" && e.isolated.status === "pass")).toBe(true);
      expect(g.flags).toEqual([]);
      // Full marks leave isolation nothing to give back: one vitest run, no isolated one.
      expect(g.timing).toMatchObject({ runs: 1 });
      expect(g.exercises.every((e) => e.isolated.sameAsProgressive)).toBe(true);
    }
  });

  it("half solved: the solved half scores full, the untouched stubs 0 without being run", () => {
    const g = grade("half-solved");
    const solved = part1.slice(0, Math.ceil(part1.length / 2));
    expect(g.totals.progressive).toBe(points(solved));
    for (const ex of part1.slice(solved.length)) {
      expect(exercise(g, ex).progressive).toMatchObject({ status: "untouched", score: 0, durationMs: 0 });
    }
  });

  it("an early exercise broken: isolated scores keep the later work, progressive ones do not", () => {
    const g = grade("early-broken");
    const dependents = dependentsOf(course, keystone.dir);
    expect(dependents.length).toBeGreaterThan(0);
    expect(exercise(g, keystone).progressive).toMatchObject({ status: "fail", score: 0 });
    expect(exercise(g, keystone).isolated).toMatchObject({ status: "fail", score: 0 });
    expect(g.totals.isolated).toBe(max - keystone.points);
    for (const ex of others(keystone).filter((e) => !dependents.includes(e))) expect(exercise(g, ex).progressive.score).toBe(ex.points);
    expect(dependents.some((ex) => exercise(g, ex).progressive.score < ex.points)).toBe(true);
    expect(g.totals.progressive).toBeLessThan(g.totals.isolated);
    // The isolated run is a second vitest process, for the exercises that lost points only.
    expect(g.timing).toMatchObject({ runs: 2 });
    for (const ex of part1) {
      const { progressive, isolated } = exercise(g, ex);
      if (progressive.status === "pass") expect(isolated.sameAsProgressive, ex.dir).toBe(true);
      else if (dependents.includes(ex)) expect(isolated.sameAsProgressive, ex.dir).toBeFalsy();
    }
  });

  it("tests edited to always pass: graded with the course's tests, and flagged with the line", () => {
    const g = grade("tests-edited");
    expect(exercise(g, first).progressive.score).toBe(0);
    expect(g.totals.progressive).toBe(max - first.points);
    expect(g.flags).toContainEqual(expect.objectContaining({ kind: "tests-changed", file: `exercises/${first.dir}/${first.tests[0]}`, line: expect.any(Number) }));
  });

  it("importing solutions/ is flagged and cannot reach the reference", () => {
    const g = grade("imports-solutions");
    expect(g.flags).toContainEqual(expect.objectContaining({ kind: "solutions-import", file: `exercises/${leaf.dir}/${leaf.files[0]}`, line: 1 }));
    for (const mode of ["progressive", "isolated"] as const) expect(exercise(g, leaf)[mode]).toMatchObject({ status: "error", score: 0 });
    expect(g.totals.isolated).toBe(max - leaf.points);
  });

  it("forbidden libraries are flagged where the course forbids them, and only there", () => {
    const g = grade("forbidden-library");
    expect(g.totals.progressive).toBe(max);
    const flagged = g.flags.filter((f) => f.kind === "forbidden-library");
    if (matrix) {
      expect(flagged).toContainEqual(expect.objectContaining({ file: `exercises/${matrix.dir}/${matrix.files[0]}`, line: 1, message: expect.stringMatching(/@tensorflow\/tfjs/) }));
      expect(flagged).toContainEqual(expect.objectContaining({ file: `exercises/${matrix.dir}/${matrix.files[0]}`, line: 2, message: expect.stringMatching(/mathjs, a matrix library/) }));
    }
    // mathjs before the exercise that teaches matrices is allowed.
    expect(flagged.filter((f) => f.file.includes(first.dir))).toEqual([]);
  });

  it("code that looks for the test environment is flagged, not zeroed", () => {
    const g = grade("sniffs-tests");
    expect(g.totals.progressive).toBe(max);
    const file = `exercises/${leaf.dir}/${leaf.files[0]}`;
    expect(g.flags).toContainEqual(expect.objectContaining({ kind: "test-environment", file, line: 1, message: expect.stringMatching(/VITEST/) }));
    expect(g.flags).toContainEqual(expect.objectContaining({ kind: "test-environment", file, line: 2 }));
  });

  it("an infinite loop fails its exercise with the reason; the rest is graded", () => {
    const g = grade("infinite-loop");
    expect(exercise(g, leaf).progressive).toMatchObject({ status: "error", score: 0, reason: expect.stringMatching(/stopped after 8 s.*infinite loop/) });
    expect(g.totals.progressive).toBe(max - leaf.points);
  });

  it("a syntax error fails its exercise with the reason", () => {
    const g = grade("syntax-error");
    expect(exercise(g, leaf).progressive).toMatchObject({ status: "error", score: 0, reason: expect.stringMatching(/did not load/) });
    expect(g.totals.progressive).toBe(max - leaf.points);
  });

  it("a memory hog dies alone: its exercise fails as out of memory, never as passed", async () => {
    // Graded again on its own with a time limit no busy machine reaches: with the class's 8 s, a
    // loaded machine can spend them starting vitest, and the hog would read as a time-out.
    const alone = await gradeClass({ ...options, classDirs: [], inputs: [path.join(classDir, "memory-hog")], out: path.join(tmp, "out-memory-hog"), timeoutMs: 120_000 });
    const g = alone.grades.find((found) => found.id === "memory-hog")!;
    expect(exercise(g, leaf).progressive).toMatchObject({ status: "error", score: 0, reason: expect.stringMatching(/out of memory/) });
    expect(exercise(g, leaf).progressive.tests.some((t) => t.status === "pass")).toBe(false);
    expect(g.totals.progressive).toBe(max - leaf.points);
  }, 300_000);

  it("writing outside the workspace and spawning processes are refused", () => {
    for (const id of ["writes-outside", "spawns-process"]) {
      const g = grade(id);
      expect(exercise(g, leaf).progressive.score, id).toBe(0);
      expect(g.totals.progressive, id).toBe(max - leaf.points);
    }
    expect(exercise(grade("writes-outside"), leaf).progressive.reason).toMatch(/sandbox refused/);
    expect(exercise(grade("spawns-process"), leaf).progressive.reason).toMatch(/sandbox refused/);
    expect(fs.existsSync(evil())).toBe(false);
    expect(fs.existsSync(spawned())).toBe(false);
    expect(grade("spawns-process").flags).toContainEqual(expect.objectContaining({ kind: "process" }));
  });

  it("hidden tests count, but learners see only how many failed", () => {
    const hiddenOf = (g: SubmissionGrade) => exercise(g, first).progressive.tests.filter((t) => t.hidden);
    expect(hiddenOf(grade("all-solved")).map((t) => t.status)).toEqual(["pass"]);
    expect(hiddenOf(grade("tests-edited")).map((t) => t.status)).toEqual(["fail"]);
    const feedback = fs.readFileSync(path.join(out, "feedback", "tests-edited.md"), "utf8");
    expect(feedback).toContain("Instructor's hidden tests: 1 of 1 hidden test failed");
    expect(feedback).not.toContain("hidden: the module loads and exports functions");
    for (const file of result.written) expect(fs.readFileSync(path.join(out, file), "utf8"), file).not.toContain(SECRET);
  });

  it("writes the gradebook, feedback, Exercism, JUnit and Classroom 50 reports and the class report", () => {
    const csv = fs.readFileSync(path.join(out, "gradebook.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe(["learner", ...part1.map((e) => e.dir), "total", "max", "isolated_total", "flags", "status"].join(","));
    expect(csv).toContain(["all-solved", ...part1.map((e) => String(e.points)), String(max), String(max), String(max), "0", "graded"].join(","));
    expect(csv.length).toBe(result.grades.length + 1);

    const exercism = JSON.parse(fs.readFileSync(path.join(out, "results", "infinite-loop.json"), "utf8"));
    expect(exercism).toMatchObject({ version: 3, status: "fail" });
    expect(exercism.tests.filter((t: { status: string }) => t.status === "error").length).toBeGreaterThan(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, "results", "corrupt.json"), "utf8"))).toMatchObject({ version: 3, status: "error" });

    const classroom50 = JSON.parse(fs.readFileSync(path.join(out, "classroom50", "early-broken.json"), "utf8"));
    expect(classroom50).toMatchObject({ schema: "classroom50/result/v1", "max-score": max });
    const exact = grade("early-broken").exercises.map((e) => e.progressive.score);
    expect(classroom50.tests.map((t: { score: number }) => t.score)).toEqual(exact.map(Math.round));
    expect(classroom50.score).toBe(exact.map(Math.round).reduce((a, b) => a + b, 0));

    const classMd = fs.readFileSync(path.join(out, "class.md"), "utf8");
    expect(classMd).toContain(`${result.grades.length} submissions`);
    expect(classMd).toMatch(new RegExp(`\\| ${keystone.dir} \\| \\d+ \\| \\d+ \\|`));
    expect(fs.readFileSync(path.join(out, "class.html"), "utf8")).toMatch(/^<!doctype html>[\s\S]*<svg[\s\S]*<\/html>\n$/);

    const junit = fs.readFileSync(path.join(out, "junit", "syntax-error.xml"), "utf8");
    expect(junit).toMatch(/^<\?xml/);
    expect(junit).toContain(`<testsuite name="${leaf.dir}"`);
    expect(junit).toMatch(/<error message=/);

    const feedback = fs.readFileSync(path.join(out, "feedback", "forbidden-library.md"), "utf8");
    expect(feedback).toContain("not automatic zeros");
  });

  it("leaves the instructor's folders as they were", () => {
    expect(snapshot(classDir).hash + snapshot(hiddenDir).hash).toBe(before);
  });

  it("re-grades an unchanged class from the cache, and --force runs again", async () => {
    const again = await gradeClass(options);
    expect(again.grades.filter((g) => g.status === "graded").every((g) => g.cached)).toBe(true);
    expect(again.grades.map((g) => [g.id, g.totals])).toEqual(result.grades.map((g) => [g.id, g.totals]));
    const forced = await gradeClass({ ...options, classDirs: [], inputs: [path.join(classDir, "half-solved")], force: true });
    expect(forced.grades[0]).toMatchObject({ cached: false, totals: grade("half-solved").totals });
  }, 120_000);

  it("npm run grade prints the table and writes the reports (the same class, from the cache)", () => {
    const cli = spawnSync(
      process.execPath,
      [path.join(courseRoot, "node_modules", "tsx", "dist", "cli.mjs"), path.join(courseRoot, "grading", "cli.ts"), "--class", classDir, "--out", out, "--exercises", "1-10", "--hidden", hiddenDir, "--jobs", "2", "--timeout", "8", "--memory", "256"],
      { encoding: "utf8", cwd: courseRoot },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^learner +progressive +isolated +passed +flags +status/m);
    expect(cli.stdout).toMatch(new RegExp(`^all-solved +${max} / ${max} +${max} / ${max} .*graded \\(cached\\)`, "m"));
    expect(cli.stdout).toMatch(/^corrupt .*invalid: the archive will not unpack/m);
    for (const kind of ["feedback/all-solved.md", "results/all-solved.json", "junit/all-solved.xml", "classroom50/all-solved.json", "gradebook.csv", "class.html", "class.md"]) expect(fs.existsSync(path.join(out, kind)), kind).toBe(true);
    expect(cli.stdout).toMatch(/^Sandbox: (bubblewrap|Node's permission model)/m);
  }, 180_000);
});
