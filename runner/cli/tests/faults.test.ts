// The runner's fault suite (issue 11): in a throwaway copy of the course, learner code or a
// learner's edit tries each fault; the runner must not count an edited test, must leave no
// process behind, must lose no file, and must say what really happened. Prints the fault table.
import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseRoot, type RunResult } from "../../harness/driver";
import { validateManifest, type Manifest } from "../../harness/manifest";
import { Course, outcomeOf } from "../course";
import { catalogue } from "../i18n";
import { LiveOutput } from "../live";
import { failureReport } from "../report";
import { makeTerm } from "../term";
import { copyCourse, npmRun, removeCourse } from "./course-copy";

let dir: string;
let course: Course;
const table: { case: string; outcome: string; seconds: number }[] = [];
const predictor = "exercises/01-predictor/predictor.ts";
const reference = () => fs.readFileSync(path.join(courseRoot, "solutions/01-predictor/predictor.ts"), "utf8");
const write = (rel: string, text: string) => fs.writeFileSync(path.join(dir, rel), text);
const ex1 = () => course.exercises[0];
const timed = async <T>(name: string, work: () => Promise<T>, outcome: (value: T) => string): Promise<T> => {
  const started = Date.now();
  const value = await work();
  table.push({ case: name, outcome: outcome(value), seconds: Math.round((Date.now() - started) / 100) / 10 });
  return value;
};

/** Processes whose command line holds `marker`. */
const running = (marker: string) =>
  fs
    .readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes(marker);
      } catch {
        return false;
      }
    });

beforeAll(() => {
  dir = copyCourse();
  course = new Course({ root: dir });
}, 120_000);

afterAll(() => {
  course?.close();
  console.log(["", "case                   time    outcome", ...table.map((r) => `${r.case.padEnd(22)} ${`${r.seconds} s`.padStart(6)}  ${r.outcome}`)].join("\n"));
  if (dir) removeCourse(dir);
}, 60_000);

describe("runner faults", () => {
  it("edited-test: a test edited to pass never counts, and next names the file and how to restore it", async () => {
    write(predictor, reference());
    const test = "exercises/01-predictor/predictor.test.ts";
    const original = fs.readFileSync(path.join(dir, test), "utf8");
    write(test, 'import { it } from "vitest";\nit("always passes", () => {});\n');
    const outcome = await timed("edited-test", () => course.check(ex1()), (o) => `kind ${o.kind}, not done`);
    expect(outcome.kind).toBe("tests-changed");
    expect(course.knownDone(ex1())).toBe(false);
    const next = await npmRun(dir, "next");
    expect(next.out).toContain(test);
    expect(next.out).toContain("npm run reset -- 1 --tests");
    const solution = await npmRun(dir, "solution", ["1"]);
    expect(solution.code).toBe(1);
    // the step it names brings the tests back and leaves the learner's own code alone
    const own = fs.readFileSync(path.join(dir, predictor), "utf8");
    const reset = await npmRun(dir, "reset", ["1", "--tests", "--yes"]);
    expect(reset.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, test), "utf8")).toBe(original);
    expect(fs.readFileSync(path.join(dir, predictor), "utf8")).toBe(own);
    expect((await course.check(ex1())).kind).toBe("passed");
  }, 240_000);

  it("leaked-process: detached and setsid children of learner code are gone when the run ends", async () => {
    write(predictor, `import { spawn } from "node:child_process";\nspawn("setsid", ["sleep", "377"], { detached: true, stdio: "ignore" }).unref();\nspawn("sleep", ["378"], { detached: true, stdio: "ignore" }).unref();\n${reference()}`);
    const outcome = await timed("leaked-process", () => course.check(ex1()), () => `${running("sleep 377").length + running("sleep 378").length} left after the run`);
    expect(outcome.kind).toBe("passed");
    expect(running("sleep 377")).toEqual([]);
    expect(running("sleep 378")).toEqual([]);
  }, 120_000);

  it("lost-file: another exercise's file deleted or changed by a test run is put back, with a message", async () => {
    const other = "exercises/02-classifier/classifier.ts";
    const mine = "// my work on 02, not finished\n" + fs.readFileSync(path.join(dir, other), "utf8");
    write(other, mine);
    write(predictor, `import fs from "node:fs";\ntry { fs.rmSync(${JSON.stringify(path.join(dir, other))}); fs.writeFileSync(${JSON.stringify(path.join(dir, "exercises/02-classifier/classifier.test.ts"))}, "x"); } catch {}\n${reference()}`);
    const outcome = await timed("lost-file", () => course.check(ex1()), (o) => `${o.restored?.length ?? 0} files restored, message shown`);
    expect(fs.readFileSync(path.join(dir, other), "utf8")).toBe(mine);
    expect(outcome.restored?.sort()).toEqual(["exercises/02-classifier/classifier.test.ts", other]);
    expect(fs.readFileSync(path.join(dir, "exercises/02-classifier/classifier.test.ts"), "utf8")).not.toBe("x");
  }, 120_000);

  it("huge-line: 40 MB on one line through a pipe is output, not an infinite loop", async () => {
    write(predictor, `process.stdout.write("x".repeat(40_000_000));\n${reference()}`);
    const sink = new PassThrough();
    let shown = 0;
    sink.on("data", (chunk: Buffer) => (shown += chunk.length));
    course.live = () => new LiveOutput({ out: sink as unknown as NodeJS.WriteStream, status: () => "still running", showAfterMs: 0 });
    try {
      const outcome = await timed("huge-line", () => course.check(ex1()), (o) => `kind ${o.kind}`);
      expect(outcome.kind).toBe("passed");
      expect(shown).toBeLessThan(100_000);
    } finally {
      course.live = undefined;
    }
  }, 180_000);

  it("out-of-memory: a heap exhausted reads as 'ran out of memory', not a stack trace", () => {
    const stderr = "<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\nnode:events:497\n      throw er; // Unhandled 'error' event\n";
    const run: RunResult = { status: "crashed", files: [], unhandledErrors: [{ message: "Worker exited unexpectedly" }], running: [], logs: [], stderr, exitCode: 134, signal: null, durationMs: 10 };
    const outcome = outcomeOf(ex1(), run);
    expect(outcome.kind).toBe("crashed");
    const m = catalogue.en;
    const text = failureReport({ m, term: makeTerm({ isTTY: false }, {}), root: dir, total: course.exercises.length, mode: "next" }, outcome);
    expect(text).toContain("ran out of memory");
    expect(text).not.toContain("throw er");
    table.push({ case: "out-of-memory", outcome: "reads 'It ran out of memory'", seconds: 0 });
  });

  it("manifest-path: a files entry outside its exercise folder is refused", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(courseRoot, "exercises", "manifest.json"), "utf8")) as Manifest;
    manifest.exercises[0].files = ["../../runner/cli.ts"];
    expect(validateManifest(manifest).join("\n")).toMatch(/"\.\.\/\.\.\/runner\/cli\.ts" must be a path inside the exercise's folder/);
    table.push({ case: "manifest-path", outcome: "refused by the manifest check", seconds: 0 });
  });
});
