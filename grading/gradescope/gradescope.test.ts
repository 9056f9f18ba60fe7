// The Gradescope autograder: the zip it writes (read back with yauzl), then its run_autograder
// run against a fake /autograder tree in a temporary folder, as Gradescope would run it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../course";
import { courseRoot, fakeSubmission } from "../testing/fakes";
import { buildAutograder, CONFIG } from "./build";
import { crc32, zip } from "../zip";

const SECRET = "GRADESCOPE-HIDDEN-SECRET-91c2";
const course = loadCourse({ exercises: "1-2" });
const [first, second] = course.selected;
let tmp: string;
let entries: Map<string, { data: Buffer; mode: number }>;

function unzip(bytes: Buffer): Promise<Map<string, { data: Buffer; mode: number }>> {
  return new Promise((resolve, reject) => {
    const found = new Map<string, { data: Buffer; mode: number }>();
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      file.on("entry", (entry: yauzl.Entry) => {
        file.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            found.set(entry.fileName, { data: Buffer.concat(chunks), mode: (entry.externalFileAttributes >>> 16) & 0o777 });
            file.readEntry();
          });
        });
      });
      file.on("end", () => resolve(found));
      file.on("error", reject);
      file.readEntry();
    });
  });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-gradescope-test-"));
  const hidden = path.join(tmp, "hidden", first.dir);
  fs.mkdirSync(hidden, { recursive: true });
  const stem = first.files[0].replace(/\.ts$/, "");
  fs.writeFileSync(path.join(hidden, "extra.test.ts"), `// ${SECRET}\nimport { expect, it } from "vitest";\nimport * as mine from "./${stem}";\n\nit("hidden: the module exports functions", () => {\n  expect(Object.keys(mine).length, "${SECRET}").toBeGreaterThan(0);\n});\n`);
  entries = await unzip(buildAutograder({ hidden: path.join(tmp, "hidden"), exercises: "1-2", timeoutSeconds: 60 }).zip);
}, 600_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("the zip writer", () => {
  it("writes what a zip reader reads back, modes and all", async () => {
    const big = Buffer.from("sigmoid ".repeat(1000));
    const back = await unzip(zip([{ name: "a/run", data: Buffer.from("#!/bin/sh\n"), mode: 0o755 }, { name: "big.txt", data: big }, { name: "empty", data: Buffer.alloc(0) }]));
    expect([...back.keys()]).toEqual(["a/run", "big.txt", "empty"]);
    expect(back.get("a/run")).toEqual({ data: Buffer.from("#!/bin/sh\n"), mode: 0o755 });
    expect(back.get("big.txt")!.data.equals(big)).toBe(true);
    expect(back.get("empty")!.data.length).toBe(0);
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });
});

describe("npm run gradescope", () => {
  it("puts setup.sh and run_autograder at the root, the course at this commit, the hidden tests and the settings", () => {
    expect(entries.get("setup.sh")!.mode).toBe(0o755);
    expect(entries.get("run_autograder")!.mode).toBe(0o755);
    expect(entries.get("run_autograder")!.data.toString()).toContain("grading/gradescope/run.ts");
    expect(entries.has("course/package.json") && entries.has("course/package-lock.json") && entries.has("course/grading/gradescope/run.ts")).toBe(true);
    expect(entries.has(`course/solutions/${second.dir}/${second.tests[0]}`)).toBe(true);
    expect([...entries.keys()].some((k) => k.startsWith("course/node_modules/"))).toBe(false);
    expect(entries.get(`hidden/${first.dir}/extra.test.ts`)!.data.toString()).toContain(SECRET);
    const head = spawnSync("git", ["-C", courseRoot, "rev-parse", "HEAD"], { encoding: "utf8" }).stdout.trim();
    expect(JSON.parse(entries.get(CONFIG)!.data.toString())).toEqual({ exercises: "1-2", mode: "progressive", timeoutSeconds: 60, commit: head });
  });

  it("run_autograder grades /autograder/submission into results.json: per-test scores, hidden tests after the due date", () => {
    const root = path.join(tmp, "autograder");
    for (const [name, { data, mode }] of entries) {
      const file = path.join(root, "source", name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data, { mode });
    }
    // What setup.sh's npm ci would install.
    fs.symlinkSync(path.join(courseRoot, "node_modules"), path.join(root, "source", "course", "node_modules"), "dir");
    fakeSubmission(course, path.join(root, "submission"), { solved: [first] });
    const run = spawnSync("bash", [path.join(root, "source", "run_autograder")], { encoding: "utf8", env: { ...process.env, NN_KATA_AUTOGRADER_ROOT: root }, timeout: 900_000 });
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(fs.readFileSync(path.join(root, "results", "results.json"), "utf8"));
    expect(results).toMatchObject({ visibility: "visible", stdout_visibility: "hidden" });
    expect(results.score).toBeUndefined();
    type T = { name: string; score: number; max_score: number; status: string; output: string; visibility: string };
    const tests = results.tests as T[];
    const of = (dir: string) => tests.filter((t) => t.name.startsWith(`${dir}: `));
    const sum = (list: T[], key: "score" | "max_score") => list.reduce((s, t) => s + t[key], 0);
    expect(sum(of(first.dir), "score")).toBeCloseTo(first.points, 3);
    expect(sum(of(first.dir), "max_score")).toBeCloseTo(first.points, 3);
    expect(sum(of(second.dir), "score")).toBe(0);
    expect(sum(of(second.dir), "max_score")).toBeCloseTo(second.points, 3);
    expect(of(second.dir).every((t) => t.status === "failed" && t.output.includes("stub"))).toBe(true);
    const hidden = tests.filter((t) => t.visibility === "after_due_date");
    expect(hidden).toEqual([expect.objectContaining({ name: `${first.dir}: hidden: the module exports functions`, status: "passed", output: "passed" })]);
    expect(tests.filter((t) => t.visibility === "visible").length).toBe(tests.length - 1);
    expect(JSON.stringify(results)).not.toContain(SECRET);
  }, 900_000);
});
