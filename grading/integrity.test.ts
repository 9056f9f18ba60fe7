// The integrity check on its own (no test runs): each flag with its file and line, and no flag
// on honest code (the course's own reference must never look like cheating).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "./course";
import { checkIntegrity } from "./integrity";
import { learnerCode } from "./learner";
import { snapshot } from "./snapshot";
import { fakeSubmission } from "./testing/fakes";

const course = loadCourse();
const [first, second] = course.all;
const matrix = course.all.find((ex) => ex.slug === "matrix");
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-integrity-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A submission with every exercise solved and `files` written over it; its flags and code. */
function check(name: string, files: Record<string, string>, links: Record<string, string> = {}) {
  const dir = fakeSubmission(course, path.join(tmp, name), { solved: course.all, files });
  for (const [rel, target] of Object.entries(links)) {
    fs.rmSync(path.join(dir, "exercises", rel));
    fs.symlinkSync(target, path.join(dir, "exercises", rel));
  }
  const snap = snapshot(path.join(dir, "exercises"));
  const code = learnerCode(course, snap);
  return { ...checkIntegrity(course, snap, code), code };
}

const fileOf = (ex: { dir: string; files: string[] }) => `${ex.dir}/${ex.files[0]}`;
const withTop = (ex: { dir: string; files: string[] }, top: string) => `${top}\n${course.reference.get(fileOf(ex))}`;

describe("integrity flags", () => {
  it("the course's own reference raises no flag at all", () => {
    const { flags } = check("reference", {});
    expect(flags).toEqual([]);
  });

  it("imports of solutions/ or of course tooling, by relative or absolute path, with their lines", () => {
    const { flags } = check("imports", {
      [fileOf(first)]: withTop(first, `import "../../solutions/${fileOf(first).replace(/\.ts$/, "")}";\nimport { runTests } from "../../runner/driver";\nimport x from "/work/elsewhere/solutions/x";\nimport "../../data/mnist";\nvoid runTests, x;`),
    });
    const file = `exercises/${fileOf(first)}`;
    expect(flags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "solutions-import", file, line: 1 }),
        expect.objectContaining({ kind: "outside-import", file, line: 2, message: expect.stringMatching(/runner\/driver/) }),
        expect.objectContaining({ kind: "solutions-import", file, line: 3 }),
      ]),
    );
    expect(flags.filter((f) => f.line === 4)).toEqual([]); // data/ is part of the course
  });

  it("machine-learning libraries everywhere, matrix libraries from the matrix exercise on", () => {
    const { flags } = check("libraries", {
      [fileOf(first)]: withTop(first, 'import type { Tensor } from "@tensorflow/tfjs-node";\nimport type { Matrix } from "mathjs";\nconst brain = require("brain.js");\nvoid brain;'),
      ...(matrix ? { [fileOf(matrix)]: withTop(matrix, 'import { multiply } from "mathjs";\nvoid multiply;') } : {}),
    });
    expect(flags.filter((f) => f.kind === "forbidden-library").map((f) => [f.file, f.line])).toEqual([
      [`exercises/${fileOf(first)}`, 1],
      [`exercises/${fileOf(first)}`, 3],
      ...(matrix ? [[`exercises/${fileOf(matrix)}`, 1]] : []),
    ]);
  });

  it("code that looks for the test environment, patches built-ins or talks to the runner", () => {
    const top = [
      "const a = process.env.VITEST;",
      'const b = process.env["NODE_ENV"] === "test";',
      "const c = import.meta.vitest;",
      "(globalThis as any).expect = undefined;",
      'const d = "predictor.test.ts";',
      "Math.abs = (x: number) => 0 * x;",
      "Error.prepareStackTrace = undefined;",
      'process.send?.({ type: "test-end" });',
      "const e = await import(String(a));",
      "void b, c, d, e;",
    ].join("\n");
    const { flags } = check("environment", { [fileOf(first)]: withTop(first, top) });
    const at = (line: number) => flags.filter((f) => f.line === line).map((f) => f.kind);
    expect(at(1)).toContain("test-environment");
    expect(at(2)).toContain("test-environment");
    expect(at(3)).toContain("test-environment");
    expect(at(4)).toContain("test-environment");
    expect(at(5)).toContain("test-environment");
    expect(at(6)).toContain("test-environment");
    expect(at(7)).toContain("test-environment");
    expect(at(8)).toContain("process");
    expect(at(9)).toContain("dynamic-import");
    expect(at(10)).toEqual([]);
  });

  it("a learner's helper module is used for grading and checked too", () => {
    const helper = `${first.dir}/helper.ts`;
    const { flags, code } = check("helper", {
      [helper]: 'export const underTest = () => process.env.VITEST !== undefined;\n',
      [fileOf(first)]: withTop(first, 'import { underTest } from "./helper";\nvoid underTest;'),
    });
    expect(code.used.get(first.dir)).toContain(helper);
    expect(flags).toContainEqual(expect.objectContaining({ kind: "test-environment", file: `exercises/${helper}`, line: 1 }));
  });

  it("an edited test file is flagged at its first changed line; line endings alone are not a change", () => {
    const test = `${first.dir}/${first.tests[0]}`;
    const pristine = course.pristine.get(`exercises/${test}`)!.toString("utf8").split("\n");
    const edited = [...pristine];
    edited[4] = "// made easier";
    const { flags } = check("tests", {
      [test]: edited.join("\n"),
      [`${second.dir}/${second.tests[0]}`]: course.pristine.get(`exercises/${second.dir}/${second.tests[0]}`)!.toString("utf8").replace(/\n/g, "\r\n"),
    });
    expect(flags.filter((f) => f.kind === "tests-changed")).toEqual([expect.objectContaining({ file: `exercises/${test}`, line: 5, evidence: "// made easier" })]);
  });

  it("a symbolic link is never followed: flagged, and the exercise counts as missing", () => {
    const target = path.join(course.root, "solutions", fileOf(first));
    const { flags, code } = check("link", {}, { [fileOf(first)]: target });
    expect(flags).toContainEqual(expect.objectContaining({ kind: "symlink", file: `exercises/${fileOf(first)}` }));
    expect(code.state.get(first.dir)).toBe("missing");
    expect(code.files.get(fileOf(first))).toBe(course.stubs.get(fileOf(first)));
  });

  it("a stub saved with Windows line endings is still untouched", () => {
    const { code } = check("crlf", { [fileOf(first)]: course.stubs.get(fileOf(first))!.replace(/\n/g, "\r\n") });
    expect(code.state.get(first.dir)).toBe("untouched");
  });
});
