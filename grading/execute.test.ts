// One worker process runs a submission's test files, yet each file must see fresh modules, as
// it does in the course (a learner's module-level state must not carry from one exercise's tests
// into the next, whatever order vitest picks).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadCourse } from "./course";
import { runFiles } from "./execute";
import { courseView } from "./view";

const course = loadCourse({ exercises: "1" });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-execute-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it("each test file loads the learner's modules afresh", async () => {
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), text);
  };
  fs.symlinkSync(courseView(course).nodeModules, path.join(tmp, "node_modules"), "dir");
  write("exercises/a/counter.ts", "let calls = 0;\nexport const bump = () => ++calls;\n");
  const test = (from: string) => `import { expect, it } from "vitest";\nimport { bump } from "${from}";\nit("first call", () => expect(bump()).toBe(1));\n`;
  write("exercises/a/a.test.ts", test("./counter"));
  write("exercises/b/b.test.ts", test("../a/counter"));
  const runs = await runFiles(["exercises/a/a.test.ts", "exercises/b/b.test.ts"], {
    course,
    workspace: tmp,
    runName: "fresh",
    sandbox: { memoryMb: 256, permissions: true, isolate: false, testTimeoutMs: 10_000 },
    limits: new Map(),
  });
  expect([...runs.values()].map((r) => [r.file, r.status, r.tests.map((t) => t.state)])).toEqual([
    ["exercises/a/a.test.ts", "finished", ["passed"]],
    ["exercises/b/b.test.ts", "finished", ["passed"]],
  ]);
}, 60_000);
