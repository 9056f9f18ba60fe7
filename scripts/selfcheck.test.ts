// The maintainer's proof that no test is vacuous: with exercise N's module replaced by its
// generated stub (and every other exercise left as the reference, as a learner who solved
// 1..N-1 has it), every test of exercise N must fail.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allTests, courseRoot, runTests, type RunResult } from "../runner/harness/driver";
import { exerciseFiles, loadManifest } from "../runner/harness/manifest";
import { generateExercises } from "../runner/harness/stubs";

const manifest = loadManifest();
let stubDir: string;
let run: RunResult;

beforeAll(async () => {
  fs.mkdirSync(path.join(courseRoot, ".nn-kata"), { recursive: true });
  stubDir = fs.mkdtempSync(path.join(courseRoot, ".nn-kata", "stubs-"));
  for (const [rel, content] of generateExercises(courseRoot)) {
    if (!rel.endsWith(".ts") || rel.endsWith(".test.ts")) continue;
    fs.mkdirSync(path.dirname(path.join(stubDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(stubDir, rel), content);
  }
  run = await runTests({
    tests: "solutions",
    files: manifest.exercises.flatMap((ex) => exerciseFiles(ex, "solutions", "tests")),
    redirect: { mode: "stubs", courseDir: path.join(courseRoot, "solutions"), stubDir },
    timeoutMs: 180_000,
  });
}, 200_000);

afterAll(() => {
  if (stubDir) fs.rmSync(stubDir, { recursive: true, force: true });
});

describe("every stub fails every test of its exercise", () => {
  it("the stub run finished", () => {
    expect(run.status, `vitest on the stubs did not finish: ${run.stderr.slice(0, 2000)}`).toBe("finished");
  });

  it.each(manifest.exercises.map((ex) => [ex.dir, ex] as const))("%s", (_dir, ex) => {
    const testFiles = new Set(exerciseFiles(ex, "solutions", "tests"));
    const tests = allTests(run).filter((t) => testFiles.has(t.file));
    expect(tests.length, `no tests ran for ${ex.dir}`).toBeGreaterThan(0);
    const passing = tests.filter((t) => t.state !== "failed").map((t) => `${t.fullName} (${t.state})`);
    expect(passing, `these tests of ${ex.dir} do not fail on the stub, so they prove nothing about the learner's code`).toEqual([]);
  });
});
