// The grader's fault suite (issue 11): a class of hostile submissions, each trying one cheat or
// fault on exercises 01-02, graded once. A cheat must score no more than honest code doing the
// same work (here: none, so 0 for that exercise) or be flagged; nothing hangs, no process or
// connection leaves the sandbox, and no report holds the hidden tests' source.
// Prints the fault table (case, outcome, time) at the end.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../course";
import { gradeClass, type ClassResult } from "../grader";
import { bubblewrapAvailable } from "../sandbox";
import { fakeSubmission } from "../testing/fakes";
import { zip } from "../zip";
import { buildWorkspace, sessionDir, remove } from "../workspace";
import { courseView } from "../view";
import type { SubmissionGrade } from "../types";

const SECRET = "HIDDEN-SECRET-9c41";
const course = loadCourse({ exercises: "1-2" });
const [ex1, ex2] = course.selected;
const file1 = `${ex1.dir}/${ex1.files[0]}`;
const stub1 = course.stubs.get(file1)!;
const reference1 = course.reference.get(file1)!;
const fnName = /export function (\w+)/.exec(reference1)![1];

let tmp: string;
let result: ClassResult;
let sleeper: ReturnType<typeof spawn>;
let server: net.Server;
let connections = 0;
const table: { case: string; outcome: string; seconds: number }[] = [];
const grade = (id: string): SubmissionGrade => result.grades.find((g) => g.id === id)!;
const score1 = (g: SubmissionGrade, mode: "progressive" | "isolated" = "progressive") => g.exercises.find((e) => e.dir === ex1.dir)![mode].score;
/** The honest unfinished stub's score (the hidden test can pass on any module that exports functions). */
const honest = () => score1(grade("honest-edited"));
const row = (name: string, outcome: string) => table.push({ case: name, outcome, seconds: Math.round(grade(name).durationMs / 100) / 10 });

/** The stub of exercise 01 with `code` at the top: the cheat does the work only if `leaked` came true. */
const cheat = (code: string) => `import fs from "node:fs";\nlet leaked = "";\n${code}\n${stub1.replace(`export function ${fnName}(`, `function __stub_${fnName}(`)}\nexport function ${fnName}(...a: any[]): any { if (leaked) return (a[0] as number) * (a[1] as number); return (__stub_${fnName} as any)(...a); }\n`;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-faults-"));
  const classDir = path.join(tmp, "class");
  const hiddenDir = path.join(tmp, "hidden");
  fs.mkdirSync(path.join(hiddenDir, ex1.dir), { recursive: true });
  fs.writeFileSync(path.join(hiddenDir, ex1.dir, "secret.test.ts"), `import { expect, it } from "vitest";\nimport * as mod from "./${ex1.files[0].replace(/\.ts$/, "")}";\n// ${SECRET}\nit("hidden ${SECRET} name", () => expect(Object.keys(mod).length, "${SECRET}").toBeGreaterThan(0));\n`);
  sleeper = spawn("sleep", ["600"], { stdio: "ignore" });
  server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const at = (name: string) => path.join(classDir, name);
  const only = (name: string, files: Record<string, string>) => fakeSubmission(course, at(name), { solved: [], files });
  const sol = "sol" + "utions";

  only("honest-stub", {});
  // What a cheat is compared with: the same unfinished stub, edited (so it runs) and honest.
  only("honest-edited", { [file1]: `// I started.\n${stub1}` });
  // 1. The reference through the workspace: every path trick, then the real course path.
  only("reads-reference", {
    [file1]: cheat(
      [
        `const tries = [process.cwd() + "/node_modules/../${sol}/${file1}", process.cwd() + "/data/../${sol}/${file1}", "/proc/self/cwd/node_modules/../${sol}/${file1}",`,
        `  "/proc/self/cwd/../reference-src/${file1}", process.cwd() + "/../reference-src/${file1}", process.cwd() + "/../../reference-src/${file1}", ${JSON.stringify(path.join(course.root, sol, file1))}];`,
        `for (const p of tries) { try { leaked = fs.readFileSync(p, "utf8"); break; } catch {} }`,
        `try { leaked ||= fs.readFileSync(fs.realpathSync(process.cwd() + "/node_modules") + "/../${sol}/${file1}", "utf8"); } catch {}`,
      ].join("\n"),
    ),
  });
  // 2. The hidden tests' source, thrown as an error message so it would land in the reports.
  only("reads-hidden", {
    [file1]: cheat(
      [
        `const scan = (dir: string, depth = 0): string => { try { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { const p = dir + "/" + e.name;`,
        `  if (e.isDirectory() && depth < 6) { const hit = scan(p, depth + 1); if (hit) return hit; } else { const t = fs.readFileSync(p, "utf8"); if (t.includes("${SECRET.slice(0, 6)}")) return t; } } } catch {} return ""; };`,
        `let found = "";`,
        `for (const p of ["exercises/${ex1.dir}/secret.test.ts", "/proc/self/cwd/exercises/${ex1.dir}/secret.test.ts", "isolated/${ex1.dir}/secret.test.ts"]) { try { found = fs.readFileSync(p, "utf8"); break; } catch {} }`,
        `found ||= scan(process.cwd()) || scan("/proc/self/cwd") || scan("/tmp");`,
        `for (const f of ["/proc/self/environ", "/proc/" + process.ppid + "/cmdline", "/proc/" + process.ppid + "/environ"]) { try { const t = fs.readFileSync(f, "utf8"); if (t.includes("${SECRET.slice(0, 6)}")) found ||= t; } catch {} }`,
        `if (found) throw new Error(found);`,
      ].join("\n"),
    ),
  });
  // 3. A built-in patched without a visible assignment.
  only("patches-math", { [file1]: cheat(`const O = Object; O["define" + "Property"](Math, "abs", { value: () => 0 }); leaked = "x";`) });
  // 4. Isolated score forged through a helper in another exercise's folder.
  only("cross-exercise", { [file1]: `export * from "../${ex2.dir}/p1";\n`, [`${ex2.dir}/p1.ts`]: `export * from "../${ex1.dir}/${ex1.files[0].replace(/\.ts$/, "")}";\n` });
  // 5. A signal to a process outside the sandbox.
  only("kills-process", { [file1]: cheat(`try { (process as any)["ki" + "ll"](${sleeper.pid}, "SIGTERM"); } catch {}`) });
  // 6. A connection out of the sandbox.
  only("network", { [file1]: cheat(`import net from "node:net";\nconst s = net.connect(${port}, "127.0.0.1"); s.on("error", () => {}); s.on("connect", () => s.end("${SECRET}"));`) });
  // 7. Output: a correct solution that prints.
  only("prints", { [file1]: reference1.replace(/(export function \w+\([^)]*\)[^{]*\{\n)/, `$1  console.log("OUTPUT-MARKER " + "x".repeat(2000));\n`) });
  // 8. An archive with one unsafe entry and one link: both skipped, the rest graded.
  const zipSrc = fakeSubmission(course, path.join(tmp, "zip-src"), { solved: [ex1, ex2], layout: "exercises" });
  const entries = [];
  for (const rel of walk(zipSrc)) entries.push({ name: `exercises/${rel}`, data: fs.readFileSync(path.join(zipSrc, rel)) });
  entries.push({ name: "../escaped.txt", data: "out" }, { name: `exercises/${ex1.dir}/link.ts`, data: "/etc/passwd", mode: 0o120777 });
  fs.writeFileSync(at("unsafe-entry.zip"), zip(entries, { compress: "never" }));
  // 9. A zip bomb: 300 MB of zeros in a small file.
  fs.writeFileSync(at("zip-bomb.zip"), zip([{ name: "exercises/zeros.bin", data: Buffer.alloc(300 * 1024 * 1024) }], { compress: "always" }));

  result = await gradeClass({ inputs: [], classDirs: [classDir], out: path.join(tmp, "out"), exercises: "1-2", hidden: hiddenDir, jobs: 2, timeoutMs: 20_000, memoryMb: 256 });
}, 900_000);

afterAll(() => {
  sleeper?.kill("SIGKILL");
  server?.close();
  if (table.length > 0) console.log(["", "case                 time    outcome", ...table.map((r) => `${r.case.padEnd(20)} ${`${r.seconds} s`.padStart(6)}  ${r.outcome}`), `sandbox: ${result?.sandbox}`].join("\n"));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

function walk(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

describe("grader faults", () => {
  it("runs under bubblewrap where it is installed (CI installs it)", () => {
    if (bubblewrapAvailable()) expect(result.sandbox).toBe("bubblewrap");
    else expect(result.sandbox).toBe("node-permissions");
    expect(JSON.parse(fs.readFileSync(path.join(tmp, "out", "summary.json"), "utf8")).sandbox).toBe(result.sandbox);
  });

  it("the workspace leads nowhere near the course: node_modules/.., data/.., realpaths", () => {
    const session = sessionDir();
    try {
      const ws = buildWorkspace(course, new Map(), path.join(session, "workspaces", "probe"), true);
      const view = courseView(course);
      for (const trick of ["node_modules/..", "data/..", "node_modules/vitest/../..", "data/../node_modules/.."]) {
        // The OS's realpath: it follows the link before "..", as a read through that path would.
        const landed = fs.realpathSync.native(`${ws}/${trick}`);
        expect(landed, trick).toBe(view.dir);
        expect(fs.readdirSync(landed).sort(), trick).toEqual(["data", "grading", "node_modules", "package.json", "runner", "tools"]);
      }
      expect(fs.readdirSync(view.dir + "/grading").sort()).toEqual(["guard-plugin.ts", "setup", "vitest.grading.config.ts"]);
      // Of the tools, only the vite plugin the grading config loads: no engine, no network code.
      expect(fs.readdirSync(view.dir + "/tools", { recursive: true }).map(String).sort()).toEqual(["engine", "engine/gate-plugin.ts"]);
      expect(fs.existsSync(path.join(ws, "solutions"))).toBe(false);
    } finally {
      remove(session);
    }
  });

  it("reads-reference: no path trick reaches the reference (scores as the stub)", () => {
    expect(score1(grade("reads-reference"))).toBeLessThanOrEqual(honest());
    row("reads-reference", `${score1(grade("reads-reference"))} points, as the honest stub (every path refused)`);
  });

  it("reads-hidden: the hidden tests' source and names are in no report", () => {
    expect(score1(grade("reads-hidden"))).toBeLessThanOrEqual(honest());
    for (const file of result.written) expect(fs.readFileSync(path.join(tmp, "out", file), "utf8"), file).not.toContain(SECRET);
    const feedback = fs.readFileSync(path.join(tmp, "out", "feedback", "reads-hidden.md"), "utf8");
    expect(feedback).toMatch(/Instructor's hidden tests: [01] of 1 hidden test failed/);
    row("reads-hidden", `${score1(grade("reads-hidden"))} points, as the honest stub; secret in no report; feedback: hidden count only`);
  });

  it("patches-math: the freeze makes it fail, and it is flagged", () => {
    const g = grade("patches-math");
    expect(score1(g)).toBeLessThanOrEqual(honest());
    expect(g.flags.map((f) => f.kind)).toContain("intrinsics");
    row("patches-math", `${score1(grade("patches-math"))} points (did not load), flagged intrinsics`);
  });

  it("cross-exercise: the isolated score is not forged, and it is flagged", () => {
    const g = grade("cross-exercise");
    expect(score1(g, "isolated")).toBe(0);
    expect(score1(g, "progressive")).toBe(0);
    expect(g.flags).toContainEqual(expect.objectContaining({ kind: "cross-exercise", file: `exercises/${ex2.dir}/p1.ts` }));
    row("cross-exercise", "0 isolated / 0 progressive, flagged cross-exercise");
  });

  it("kills-process: the signal does not leave the sandbox", () => {
    expect(score1(grade("kills-process"))).toBeLessThanOrEqual(honest());
    expect(sleeper.exitCode).toBeNull();
    expect(() => process.kill(sleeper.pid!, 0)).not.toThrow();
    row("kills-process", "outside process alive");
  });

  it("network: no connection leaves the sandbox", () => {
    if (result.sandbox === "bubblewrap") expect(connections).toBe(0);
    row("network", result.sandbox === "bubblewrap" ? "0 connections reached the host" : `not fenced without bubblewrap (${connections})`);
  });

  it("prints: what the learner's code printed is in results.json (500 chars a test) and the feedback", () => {
    expect(score1(grade("prints"))).toBe(ex1.points);
    const exercism = JSON.parse(fs.readFileSync(path.join(tmp, "out", "results", "prints.json"), "utf8"));
    const outputs = exercism.tests.map((t: { output: string | null }) => t.output).filter(Boolean);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) expect(output.length).toBeLessThanOrEqual(500);
    expect(outputs[0]).toContain("OUTPUT-MARKER");
    expect(fs.readFileSync(path.join(tmp, "out", "feedback", "prints.md"), "utf8")).toContain("OUTPUT-MARKER");
    row("prints", "output in results.json and feedback");
  });

  it("unsafe-entry: the unsafe entry and the link are skipped and flagged, the rest graded", () => {
    const g = grade("unsafe-entry");
    expect(g.status).toBe("graded");
    expect(g.totals.progressive).toBe(ex1.points + ex2.points);
    expect(g.flags.filter((f) => f.kind === "archive").map((f) => f.file).sort()).toEqual(["../escaped.txt", `exercises/${ex1.dir}/link.ts`]);
    expect(fs.existsSync(path.join(os.tmpdir(), "escaped.txt"))).toBe(false);
    row("unsafe-entry", "graded, 2 entries skipped and flagged");
  });

  it("zip-bomb: stopped at the size cap while unpacking", () => {
    expect(grade("zip-bomb")).toMatchObject({ status: "invalid", problem: expect.stringMatching(/too big to grade/) });
    row("zip-bomb", "invalid: too big (stopped at 200 MB)");
  });

  it("the honest stubs: untouched scores 0 without running; edited, only what any module scores", () => {
    expect(score1(grade("honest-stub"))).toBe(0);
    expect(honest()).toBeLessThan(ex1.points / 2);
  });
});
