// `npm run mutation`: how strong are the course's tests? StrykerJS changes the reference code one
// small mutation at a time (a + becomes -, a < becomes <=, a return value is dropped...) and
// runs the tests: a mutant the tests still pass on is code they do not really check.
// Only the code between the solution markers is mutated: that is what a learner writes.
//   npm run mutation                    Part 1 (the default)
//   npm run mutation -- --part=5        every exercise of Part 5 in the manifest
//   npm run mutation -- --exercise=26   one exercise (number, slug or folder; repeatable)
// Part 1 runs with Part 1's tests (scripts/vitest.mutation.config.ts); any other selection runs
// with the tests of the exercises it mutates.
import fs from "node:fs";
import path from "node:path";
import { Stryker } from "@stryker-mutator/core";
import { courseRoot } from "../runner/harness/driver";
import { loadManifest, type Exercise } from "../runner/harness/manifest";
import { BEGIN, END } from "../runner/harness/stubs";

const option = (name: string) => process.argv.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const exercises = loadManifest().exercises;
const wanted = option("exercise");
const part = Number(option("part")[0] ?? 1);
const selected: Exercise[] =
  wanted.length > 0
    ? wanted.map((w) => exercises.find((e) => String(e.number) === w || e.slug === w || e.dir === w) ?? fail(`no exercise "${w}" in the manifest`))
    : exercises.filter((e) => e.part === part);
if (selected.length === 0) fail(`no exercises in part ${part}`);
const label = wanted.length > 0 ? `Exercises ${selected.map((e) => e.dir).join(", ")}` : `Part ${part}`;

const mutate: string[] = [];
for (const ex of selected) {
  for (const file of ex.files) {
    const rel = `solutions/${ex.dir}/${file}`;
    const lines = fs.readFileSync(path.join(courseRoot, rel), "utf8").split("\n");
    let begin = 0;
    lines.forEach((line, i) => {
      if (line.trim() === BEGIN) begin = i + 2; // first line inside, 1-based
      if (line.trim() === END && i >= begin) mutate.push(`${rel}:${begin}-${i}`);
    });
  }
}
// The mutation config reads the test files to run from here (Part 1 keeps its own list).
if (wanted.length > 0 || part !== 1) {
  process.env.NN_KATA_MUTATION_TESTS = JSON.stringify(selected.flatMap((ex) => ex.tests.map((t) => `solutions/${ex.dir}/${t}`)));
}

function fail(message: string): never {
  console.error(`npm run mutation: ${message}`);
  process.exit(2);
}

const stryker = new Stryker({
  testRunner: "vitest",
  vitest: { configFile: "scripts/vitest.mutation.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate,
  coverageAnalysis: "perTest",
  reporters: ["clear-text", "progress"],
  concurrency: 2,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 80, break: null },
});
const results = await stryker.runMutationTest();

const count = (...states: string[]) => results.filter((r) => states.includes(r.status)).length;
const detected = count("Killed", "Timeout");
const undetected = count("Survived", "NoCoverage");
const score = (100 * detected) / Math.max(1, detected + undetected);
console.log(`\n${label}: ${results.length} mutants in ${mutate.length} solution regions`);
console.log(`killed ${count("Killed")}, timed out ${count("Timeout")}, survived ${count("Survived")}, no coverage ${count("NoCoverage")}, errors ${count("CompileError", "RuntimeError")}`);
console.log(`mutation score: ${score.toFixed(1)}% (target >= 80%)`);
process.exitCode = score >= 80 ? 0 : 1;
