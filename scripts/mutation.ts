// `npm run mutation`: how strong are the course's tests? StrykerJS changes the reference code one
// small mutation at a time (a + becomes -, a < becomes <=, a return value is dropped...) and
// runs the tests: a mutant the tests still pass on is code they do not really check.
// Only the code between the solution markers is mutated: that is what a learner writes.
//   npm run mutation                       Part 1 (the default)
//   npm run mutation -- --part=5           every exercise of Part 5 in the manifest
//   npm run mutation -- --exercises=25-27   chosen exercises (numbers, ranges, slugs or folders)
// Part 1 runs with Part 1's tests (scripts/vitest.mutation.config.ts); any other selection runs
// with the tests of the exercises it mutates.
import fs from "node:fs";
import path from "node:path";
import { Stryker } from "@stryker-mutator/core";
import { courseRoot } from "../runner/harness/driver";
import { inExercise, loadManifest, selectExercises, type Exercise } from "../runner/harness/manifest";
import { BEGIN, END } from "../runner/harness/stubs";

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const exercises = loadManifest().exercises;
const wanted = option("exercises");
const part = Number(option("part") ?? 1);
let selected: Exercise[];
try {
  // A gate (its own time limit of hours: it trains on all of MNIST) is left out of a part: its
  // learner's part is only its settings.
  selected = wanted ? exercises.filter((e) => selectExercises(exercises, wanted).has(e.number)) : exercises.filter((e) => e.part === part && !((e.timeoutSeconds ?? 0) >= 3600));
} catch (error) {
  fail((error as Error).message);
}
if (selected.length === 0) fail(wanted ? `no exercises match --exercises=${wanted}` : `no exercises in part ${part}`);
const label = wanted ? `Exercises ${selected.map((e) => e.dir).join(", ")}` : `Part ${part}`;

const mutate: string[] = [];
for (const ex of selected) {
  for (const file of ex.files) {
    const rel = inExercise(ex, file, "solutions");
    const lines = fs.readFileSync(path.join(courseRoot, rel), "utf8").split("\n");
    let begin = 0;
    lines.forEach((line, i) => {
      if (line.trim() === BEGIN) begin = i + 2; // first line inside, 1-based
      if (line.trim() === END && i >= begin) mutate.push(`${rel}:${begin}-${i}`);
    });
  }
}
// The mutation config reads the test files to run from here (Part 1 keeps its own list).
if (wanted || part !== 1) {
  process.env.MUTATION_TESTS = JSON.stringify(selected.flatMap((ex) => ex.tests.map((t) => inExercise(ex, t, "solutions"))));
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
