// `npm run mutation` (Part 1) or `npm run mutation -- --part=4` (exercises 20-23): how strong are the tests? StrykerJS changes the reference code one
// small mutation at a time (a + becomes -, a < becomes <=, a return value is dropped...) and
// runs the tests: a mutant the tests still pass on is code they do not really check.
// Only the code between the solution markers is mutated: that is what a learner writes.
import fs from "node:fs";
import path from "node:path";
import { Stryker } from "@stryker-mutator/core";
import { courseRoot } from "../runner/harness/driver";
import { loadManifest, inExercise } from "../runner/harness/manifest";
import { BEGIN, END } from "../runner/harness/stubs";

const part = Number(process.argv.find((a) => a.startsWith("--part="))?.slice(7) ?? 1);
const mutate: string[] = [];
if (!["1", "4"].includes(String(part))) throw new Error(`npm run mutation: --part=1 or --part=4 (scripts/vitest.mutation.config.ts lists their tests), got --part=${part}`);
process.env.MUTATION_PART = String(part);
// A gate's learner's part is its settings, and its test trains for minutes: left out.
for (const ex of loadManifest().exercises.filter((e) => e.part === part && e.timeoutSeconds === undefined)) {
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
console.log(`\nPart ${part}: ${results.length} mutants in ${mutate.length} solution regions`);
console.log(`killed ${count("Killed")}, timed out ${count("Timeout")}, survived ${count("Survived")}, no coverage ${count("NoCoverage")}, errors ${count("CompileError", "RuntimeError")}`);
console.log(`mutation score: ${score.toFixed(1)}% (target >= 80%)`);
process.exitCode = score >= 80 ? 0 : 1;
