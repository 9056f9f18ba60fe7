// Unit tests of the stub generator (runner/harness/stubs.ts): the one source of truth for stubs.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { courseRoot } from "../runner/harness/driver";
import { loadManifest } from "../runner/harness/manifest";
import { BEGIN, END, MarkerError, generateExercises, stubSource } from "../runner/harness/stubs";

const FILE = "exercises/00-demo/demo.ts";
const lines = (...l: string[]) => l.join("\n") + "\n";

describe("stubSource", () => {
  it("replaces a marked function body with one line that throws, naming the function and the learner's file", () => {
    const src = lines("export function twice(x: number): number {", `  ${BEGIN}`, "  return 2 * x;", `  ${END}`, "}");
    expect(stubSource(src, FILE)).toBe(
      lines("export function twice(x: number): number {", `  throw new Error("not implemented yet: twice in ${FILE}");`, "}"),
    );
  });

  it("names methods Class.method and constructors 'Class constructor', and keeps the code outside the markers", () => {
    const src = lines(
      "export class Net {",
      "  n: number;",
      "  constructor(n: number) {",
      "    this.n = n;",
      `    ${BEGIN}`,
      "    if (n < 1) throw new Error('bad');",
      `    ${END}`,
      "  }",
      "  query(): number {",
      `    ${BEGIN}`,
      "    return this.n;",
      `    ${END}`,
      "  }",
      "}",
    );
    const out = stubSource(src, FILE);
    expect(out).toContain("    this.n = n;\n");
    expect(out).toContain(`throw new Error("not implemented yet: Net constructor in ${FILE}");`);
    expect(out).toContain(`throw new Error("not implemented yet: Net.query in ${FILE}");`);
    expect(out).not.toContain("bad");
  });

  it("names an arrow function by its variable", () => {
    const src = lines("export const half = (x: number): number => {", `  ${BEGIN}`, "  return x / 2;", `  ${END}`, "};");
    expect(stubSource(src, FILE)).toContain(`"not implemented yet: half in ${FILE}"`);
  });

  it("removes a marked region outside any function body, without leaving a double blank line", () => {
    const src = lines("export function a(): number {", "  return 1;", "}", "", BEGIN, "function helper() {", "  return 2;", "}", END, "", "export const b = 3;");
    expect(stubSource(src, FILE)).toBe(lines("export function a(): number {", "  return 1;", "}", "", "export const b = 3;"));
  });

  it("removes a marked private method at the end of a class without leaving a blank line before the brace", () => {
    const src = lines("class A {", "  f(): number {", "    return 1;", "  }", "", `  ${BEGIN}`, "  private g() {}", `  ${END}`, "}");
    expect(stubSource(src, FILE)).toBe(lines("class A {", "  f(): number {", "    return 1;", "  }", "}"));
  });

  it("keeps the '// STUB:' lines of a removed region as code, so a stub can import what the reference does not use", () => {
    const src = lines(BEGIN, 'import { dot } from "./m";', '// STUB: import { dot, transpose } from "./m";', END, "export const x = 1;");
    expect(stubSource(src, FILE)).toBe(lines('import { dot, transpose } from "./m";', "export const x = 1;"));
  });

  it("leaves a file without markers exactly as it is", () => {
    const src = "export const x = 1;\n";
    expect(stubSource(src, FILE)).toBe(src);
  });

  it("rejects unbalanced, nested or inline markers with the line number", () => {
    expect(() => stubSource(lines("function f() {", BEGIN, "}"), FILE)).toThrow(/00-demo\/demo.ts:2: .*never closed/);
    expect(() => stubSource(lines(END), FILE)).toThrow(/:1: .*without/);
    expect(() => stubSource(lines(BEGIN, BEGIN, END, END), FILE)).toThrow(/:2: .*inside another/);
    expect(() => stubSource(lines(`const x = 1; ${BEGIN}`), FILE)).toThrow(MarkerError);
  });

  it("refuses to produce a stub that does not parse", () => {
    const src = lines("export function f(): number {", `  ${BEGIN}`, "  return 1;", "}", `  ${END}`);
    expect(() => stubSource(src, FILE)).toThrow(/does not parse/);
  });
});

describe("generateExercises on the real course", () => {
  const files = generateExercises(courseRoot);
  const manifest = loadManifest();

  it("makes a stub of every exercise file listed in the manifest, with no solution left in it", () => {
    for (const ex of manifest.exercises) {
      for (const file of ex.files) {
        const rel = `${ex.dir}/${file}`;
        if (!fs.existsSync(path.join(courseRoot, "solutions", rel))) continue; // an exercise still being written
        const stub = files.get(rel);
        expect(stub, rel).toBeDefined();
        expect(stub, rel).not.toContain("BEGIN SOLUTION");
        expect(stub, rel).toMatch(new RegExp(`not implemented yet: .* in exercises/${rel}`));
        expect(stub, `${rel} is identical to its solution`).not.toBe(fs.readFileSync(path.join(courseRoot, "solutions", rel), "utf8"));
      }
    }
  });

  it("copies test files and the test kit unchanged", () => {
    const copied = [...files.keys()].filter((rel) => rel.endsWith(".test.ts") || rel.startsWith("_testkit/"));
    expect(copied.length).toBeGreaterThan(1);
    for (const rel of copied) expect(files.get(rel)).toBe(fs.readFileSync(path.join(courseRoot, "solutions", rel), "utf8"));
  });
});
