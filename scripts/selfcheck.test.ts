// The maintainer's proof that the tests judge code, not our code:
//
// 1. No test is vacuous: with exercise N's module replaced by its generated stub (and every
//    other exercise left as the reference, as a learner who solved 1..N-1 has it), every test
//    of exercise N must fail.
// 2. The corpus (scripts/corpus/, see its README): every other correct answer passes every test
//    of its exercise, and every plausible bug fails at least one, the one its header names.
//
// Both use the same redirect: a folder standing in for solutions/ (stubDir/<dir>/<file>).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allTests, courseRoot, runTests, type RunResult } from "../runner/harness/driver";
import { exerciseFiles, loadManifest, type Exercise } from "../runner/harness/manifest";
import { generateExercises } from "../runner/harness/stubs";
import { loadCorpus, type Variant } from "./corpus";

const manifest = loadManifest();
const scratch: string[] = [];

/** A fresh folder under .nn-kata/ (inside the course root, where vite may serve files from). */
function scratchDir(prefix: string): string {
  fs.mkdirSync(path.join(courseRoot, ".nn-kata"), { recursive: true });
  const dir = fs.mkdtempSync(path.join(courseRoot, ".nn-kata", prefix));
  scratch.push(dir);
  return dir;
}

/** Run the tests of `exercises` with each one's module taken from stubDir/<dir>/<file>. */
function runReplaced(exercises: Exercise[], stubDir: string): Promise<RunResult> {
  return runTests({
    tests: "solutions",
    files: exercises.flatMap((ex) => exerciseFiles(ex, "solutions", "tests")),
    redirect: { mode: "stubs", courseDir: path.join(courseRoot, "solutions"), stubDir },
    // A watchdog for a stuck run, not a measurement: a busy shared machine needs minutes.
    timeoutMs: 600_000,
  });
}

const testsOf = (run: RunResult, ex: Exercise) => {
  const files = new Set(exerciseFiles(ex, "solutions", "tests"));
  return allTests(run).filter((t) => files.has(t.file));
};

afterAll(() => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

describe("every stub fails every test of its exercise", () => {
  let run: RunResult;

  beforeAll(async () => {
    const stubDir = scratchDir("stubs-");
    for (const [rel, content] of generateExercises(courseRoot)) {
      if (!rel.endsWith(".ts") || rel.endsWith(".test.ts")) continue;
      fs.mkdirSync(path.dirname(path.join(stubDir, rel)), { recursive: true });
      fs.writeFileSync(path.join(stubDir, rel), content);
    }
    run = await runReplaced(manifest.exercises, stubDir);
  }, 620_000);

  it("the stub run finished", () => {
    expect(run.status, `vitest on the stubs did not finish: ${run.stderr.slice(0, 2000)}`).toBe("finished");
  });

  it.each(manifest.exercises.map((ex) => [ex.dir, ex] as const))("%s", (_dir, ex) => {
    const tests = testsOf(run, ex);
    expect(tests.length, `no tests ran for ${ex.dir}`).toBeGreaterThan(0);
    const passing = tests.filter((t) => t.state !== "failed").map((t) => `${t.fullName} (${t.state})`);
    expect(passing, `these tests of ${ex.dir} do not fail on the stub, so they prove nothing about the learner's code`).toEqual([]);
  });
});

describe("the corpus: other correct answers pass, plausible bugs fail (scripts/corpus)", () => {
  const corpus = loadCorpus(manifest.exercises);
  const results = new Map<Variant, { run: RunResult; tests: ReturnType<typeof testsOf> }>();

  beforeAll(async () => {
    // Round k runs the k-th variant of every exercise at once: one vitest run per round.
    const rounds: Variant[][] = [];
    const seen = new Map<string, number>();
    for (const v of corpus) {
      const k = seen.get(v.ex.dir) ?? 0;
      seen.set(v.ex.dir, k + 1);
      (rounds[k] ??= []).push(v);
    }
    for (const round of rounds) {
      const stubDir = scratchDir("corpus-");
      for (const v of round) {
        fs.mkdirSync(path.join(stubDir, v.ex.dir));
        fs.writeFileSync(path.join(stubDir, v.ex.dir, v.ex.files[0]), v.source);
      }
      const run = await runReplaced(round.map((v) => v.ex), stubDir);
      for (const v of round) results.set(v, { run, tests: testsOf(run, v.ex) });
    }
  }, 3_100_000);

  it("the corpus has alternatives and bugs", () => {
    expect(corpus.filter((v) => v.kind === "ok").length).toBeGreaterThan(0);
    expect(corpus.filter((v) => v.kind === "bug").length).toBeGreaterThan(0);
    for (const v of corpus.filter((v) => v.kind === "bug")) expect(v.caughtBy, `${v.name} needs a line // caught by: "<part of a test name>"`).toBeDefined();
  });

  it.each(corpus.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    const { run, tests } = results.get(v)!;
    expect(run.status, `vitest did not finish: ${run.stderr.slice(0, 2000)}`).toBe("finished");
    expect(tests.length, `no tests ran for ${v.ex.dir}`).toBeGreaterThan(0);
    const failed = tests.filter((t) => t.state === "failed");
    if (v.kind === "ok") {
      const why = failed.map((t) => `${t.fullName}: ${(t.errors[0]?.message ?? "").split("\n").slice(0, 3).join(" / ")}`);
      expect(why, `${v.name} is a correct answer, but these tests reject it`).toEqual([]);
    } else {
      expect(
        failed.some((t) => t.fullName.includes(v.caughtBy!)),
        `${v.name} is a bug that the test "${v.caughtBy}" should catch; failing: ${failed.map((t) => t.name).join("; ") || "none"}`,
      ).toBe(true);
    }
  });
});
