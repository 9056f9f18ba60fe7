// The runner's fault suite (issue 11): in a throwaway copy of the course, learner code or a
// learner's edit tries each fault; the runner must not count an edited test, must leave no
// process behind, must lose no file, and must say what really happened. Prints the fault table.
import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseRoot, type RunResult } from "../../harness/driver";
import { testPaths, validateManifest, type Exercise, type Manifest } from "../../harness/manifest";
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

  it("leaked-state: what one run leaves on globalThis is gone in the next run (a thread started ahead is still a fresh one)", async () => {
    // Right only in the run whose thread saw this module first: a reused thread would fail every later run.
    write(predictor, `const seen = globalThis as { runsSeen?: number };\nseen.runsSeen = (seen.runsSeen ?? 0) + 1;\nif (seen.runsSeen > 1) throw new Error("state leaked from an earlier run");\n${reference()}`);
    const kinds: string[] = [];
    await timed("leaked-state", async () => {
      for (let run = 0; run < 3; run++) kinds.push((await course.check(ex1())).kind);
    }, () => `runs: ${kinds.join(", ")}`);
    expect(kinds).toEqual(["passed", "passed", "passed"]);
  }, 180_000);

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

  // The watchdog's three answers to "where did the time go?" Each fixture prints a line (straight to
  // stdout, which the runner sees at once) as it starts to hang, and the test stops the run when it
  // sees that line, so the watchdog fires with the code stuck however busy the machine is. A loop
  // shares the line's line of code, so even a stop in the print's last instructions is the same
  // place; an idle worker is idle only once the print is done, so that case waits a moment (settleMs).
  const stopOnceStuck = (name: string, ex: Exercise, marker: string, settleMs = 0) =>
    timed(name, async () => {
      const controller = new AbortController();
      let printed = "";
      const run = await course.session.run({
        files: testPaths(ex),
        invalidate: course.closure(ex),
        timeoutMs: 150_000,
        signal: controller.signal,
        onOutput: (text) => {
          printed += text;
          if (printed.includes(marker)) setTimeout(() => controller.abort(), settleMs);
        },
      });
      const outcome = outcomeOf(ex, run);
      const report = (lang: "en" | "zh") => failureReport({ m: catalogue[lang], term: makeTerm({ isTTY: false }, {}), root: dir, total: course.exercises.length, mode: "next" }, outcome);
      return { outcome, en: report("en"), zh: report("zh") };
    }, (r) => {
      const lines = r.en.split("\n");
      const at = lines.findIndex((l) => l.includes("The time went into"));
      return at >= 0 ? `names ${lines[at + 1].trim()}` : r.en.includes("Nothing was computing") ? "reported as waiting, not a loop" : `kind ${r.outcome.kind}`;
    });
  const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
  const byNumber = (n: number) => course.exercises.find((e) => e.number === n)!;
  const solution = (rel: string) => fs.readFileSync(path.join(courseRoot, "solutions", rel), "utf8");

  it("slow-earlier-module: time spent in 05's dot during 06 names matrix.ts and who called it, not 06's file", async () => {
    const loop = "for (let k = 0; k < a.cols; k--) sum += A[i * a.cols + k] * B[k];";
    const matrix = solution("05-matrix/matrix.ts")
      .replace("for (let k = 0; k < a.cols; k++) sum += A[i * a.cols + k] * B[k];", `process.stdout.write("dot: a column\\n"); ${loop}`);
    expect(matrix).toContain(loop);
    expect(matrix).toContain("dot: a column");
    const saved = ["04-activation/activation.ts", "05-matrix/matrix.ts", "06-forward/forward.ts"].map((rel) => [rel, fs.readFileSync(path.join(dir, "exercises", rel), "utf8")]);
    write("exercises/04-activation/activation.ts", solution("04-activation/activation.ts"));
    write("exercises/05-matrix/matrix.ts", matrix);
    write("exercises/06-forward/forward.ts", solution("06-forward/forward.ts"));
    try {
      const { outcome, en, zh } = await stopOnceStuck("slow-earlier-module", byNumber(6), "dot: a column");
      expect(outcome.kind).toBe("timeout");
      expect(en).toContain("Exercise 06 did not finish");
      const at = `exercises/05-matrix/matrix.ts:${lineOf(matrix, loop)}:`;
      expect(en).toMatch(new RegExp(`The time went into \\(innermost first\\):\\n    ${at}\\d+ in dot\\n    called from exercises/06-forward/forward\\.ts:\\d+:\\d+ in layerInputs`));
      expect(en).toContain(`Next step: find the loop that never ends in ${at}`);
      expect(en).not.toContain("find the loop that never ends in exercises/06-forward");
      expect(zh).toContain("时间耗在这里（最内层在前）：");
      expect(zh).toMatch(new RegExp(`${at}\\d+ （dot 函数中）`));
      expect(zh).toContain(`下一步：在 ${at}`);
    } finally {
      for (const [rel, text] of saved) write(`exercises/${rel}`, text);
    }
  }, 240_000);

  it("await-forever: a top-level await that never resolves is reported as waiting, not as a loop", async () => {
    write(predictor, `process.stdout.write("loading the constant\\n");\nawait new Promise<void>(() => {}); // resolve is never called\n${reference()}`);
    const { outcome, en, zh } = await stopOnceStuck("await-forever", ex1(), "loading the constant", 1000);
    expect(outcome.kind).toBe("timeout");
    expect(en).toContain("Exercise 01 did not finish");
    expect(en).toContain("Nothing was computing when the time ran out");
    expect(en).toContain(`Next step: find the await (or the promise) that never finishes in ${predictor} or a module it imports`);
    expect(en).not.toMatch(/loop that never ends|The time went into/);
    expect(zh).toContain("这不是死循环");
    expect(zh).toContain(`在 ${predictor} 或它导入的模块里找出那个永远等不到结果的 await`);
    expect(zh).not.toContain("停不下来的循环");
  }, 240_000);

  it("own-loop: an endless loop in the exercise's own file names that file, line and function", async () => {
    const text = reference().replace(/(export function predict\(c: number, km: number\): number \{)/, '$1\n  process.stdout.write("predicting\\n"); while (true) km += 0;');
    expect(text).toContain("while (true)");
    write(predictor, text);
    const { outcome, en, zh } = await stopOnceStuck("own-loop", ex1(), "predicting");
    expect(outcome.kind).toBe("timeout");
    const at = `${predictor}:${lineOf(text, "while (true)")}:`;
    expect(en).toMatch(new RegExp(`The time went into \\(innermost first\\):\\n    ${at}\\d+ in predict\\n`));
    expect(en).toContain("The usual cause is a loop that never ends");
    expect(en).toContain(`Next step: find the loop that never ends in ${at}`);
    expect(zh).toContain(`在 ${at}`);
  }, 240_000);

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
