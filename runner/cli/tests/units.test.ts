// The runner's small pieces, each on its own: names, languages, messages, parsing vitest's errors.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../args";
import { chooseLang, isKnownLang } from "../../../data/lang";
import { Course } from "../course";
import { stableName } from "../results";
import { fingerprint, importClosure, relativeImports } from "../../harness/deps";
import { withoutMarkers } from "../commands/solution";
import { catalogue } from "../i18n";
import { loadManifest } from "../../harness/manifest";
import { whereTimeWent } from "../../harness/stuck";
import { codeFrame, learnerLocation, loadProblem } from "../report";
import { displayWidth, makeTerm, progressBar, stripAnsi } from "../term";

const exercises = loadManifest().exercises;

describe("the command line and the language", () => {
  it("reads the command, the exercise and the flags npm passes on", () => {
    const args = parseArgs(["reset", "4", "--yes", "--lang=zh", "--timeout", "5", "--bogus"]);
    expect(args).toMatchObject({ command: "reset", name: "4", yes: true, lang: "zh", timeoutSeconds: 5, unknown: ["--bogus"] });
  });

  it("--lang wins, then LC_ALL, LC_MESSAGES, LANG; English by default", () => {
    expect(chooseLang("zh", { LANG: "en_US.UTF-8" })).toBe("zh");
    expect(chooseLang("en", { LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(chooseLang(undefined, { LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(chooseLang(undefined, { LC_ALL: "en_GB.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(chooseLang(undefined, { LC_MESSAGES: "zh_TW.UTF-8" })).toBe("zh");
    expect(chooseLang(undefined, {})).toBe("en");
  });

  it("--lang en, zh and their regional forms are known; anything else is warned about (and is English)", () => {
    for (const flag of ["en", "zh", "zh_CN", "ZH-tw", "en-GB"]) expect(isKnownLang(flag)).toBe(true);
    for (const flag of ["xx", "fr", "cn", ""]) expect(isKnownLang(flag)).toBe(false);
    expect(chooseLang("xx", { LANG: "zh_CN.UTF-8" })).toBe("en");
  });

  it("every message exists in Chinese, and the Chinese one is written in Chinese", () => {
    const ex = exercises[0];
    const sample = (value: unknown): string =>
      typeof value === "function" ? String((value as (...a: unknown[]) => unknown)(...(value.name === "title" ? [ex] : ["X", 2, 3]))) : String(value);
    const english = catalogue.en as Record<string, unknown>;
    const chinese = catalogue.zh as Record<string, unknown>;
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    const notChinese = Object.keys(english)
      .filter((key) => !["lang", "columnNumber"].includes(key))
      .filter((key) => !/[\u4e00-\u9fff]/.test(sample(chinese[key])));
    expect(notChinese).toEqual([]);
  });
});

describe("reading vitest's results for a learner", () => {
  const root = "/course";

  it("a parse error from the compiler becomes file:line:column and its message", () => {
    const message =
      "Transform failed with 1 error:\n\n\u001b[31m[PARSE_ERROR] \u001b[0mExpected `,` or `)` but found `;`\n   \u001b[38;5;246m╭─[\u001b[0m exercises/01-predictor/predictor.ts:6:17 \u001b[38;5;246m]\u001b[0m\n";
    expect(loadProblem(root, { message })).toEqual({
      message: "Expected `,` or `)` but found `;`",
      location: { file: "exercises/01-predictor/predictor.ts", line: 6, column: 17 },
      syntax: true,
    });
  });

  it("where the time went: the learner's frames once each, innermost first, at most five; waiting only when every worker idled", () => {
    const frame = (file: string, line: number, functionName = "f") => ({ file, line, column: 1, functionName });
    const recursion = Array.from({ length: 3 }, () => frame("exercises/25-autograd/value.ts", 30, "backward"));
    const busy = {
      state: "busy" as const,
      frames: [
        frame("exercises/_testkit/check.ts", 4),
        ...recursion,
        ...[10, 11, 12, 13, 14].map((line) => frame("exercises/25-autograd/graph.ts", line, `step${line}`)),
        frame("exercises/25-autograd/autograd.test.ts", 9),
      ],
    };
    const went = whereTimeWent({ stuck: [busy, { state: "waiting" }] });
    expect(went).toEqual({ kind: "computing", frames: [recursion[0], ...[10, 11, 12, 13].map((line) => frame("exercises/25-autograd/graph.ts", line, `step${line}`))] });
    expect(whereTimeWent({ stuck: [{ state: "waiting" }, { state: "waiting" }] })).toEqual({ kind: "waiting" });
    // Busy only in test code, or no answer from the inspector: nothing to say beyond the old message.
    expect(whereTimeWent({ stuck: [{ state: "busy", frames: [frame("exercises/01-predictor/predictor.test.ts", 3)] }, { state: "waiting" }] })).toBeUndefined();
    expect(whereTimeWent({ stuck: [] })).toBeUndefined();
    expect(whereTimeWent({})).toBeUndefined();
  });

  it("the learner's own frame is found in a stack, past the test kit and the test", () => {
    const stack = [
      "Error: not implemented yet: predict in exercises/01-predictor/predictor.ts",
      "    at fail (/course/exercises/_testkit/check.ts:3:9)",
      "    at predict (/course/exercises/01-predictor/predictor.ts:6:9)",
      "    at /course/exercises/01-predictor/predictor.test.ts:12:17",
    ].join("\n");
    expect(learnerLocation(root, { message: "", stack })).toEqual({ file: "exercises/01-predictor/predictor.ts", line: 6, column: 9 });
    expect(learnerLocation(root, { message: "", stack: "at /course/exercises/01-predictor/predictor.test.ts:1:1" })).toBeUndefined();
  });

  it("a code frame shows the line with a caret under the column", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-frame-"));
    fs.writeFileSync(path.join(dir, "a.ts"), "const x = 1;\nreturn c * (km;\n");
    expect(codeFrame(dir, { file: "a.ts", line: 2, column: 15 })).toBe("2 | return c * (km;\n  |               ^");
    fs.rmSync(dir, { recursive: true });
  });

  it("what is next: the first not done from an exercise on, wrapping round to the ones before it", () => {
    const course = new Course();
    const done = new Set(["01-predictor", "02-classifier", "04-activation"]);
    expect(course.nextPending(0, (ex) => done.has(ex.dir))?.dir).toBe("03-logic");
    expect(course.nextPending(3, (ex) => done.has(ex.dir))?.dir).toBe("05-matrix");
    expect(course.nextPending(course.exercises.length - 1, (ex) => ex.number !== 3)?.dir).toBe("03-logic");
    expect(course.nextPending(0, () => true)).toBeUndefined();
  });

  it("a fast-check seed suffix does not change a test's key", () => {
    expect(stableName("refine never makes a guess worse (with seed=-1482309)")).toBe("refine never makes a guess worse");
    expect(stableName("plain name")).toBe("plain name");
  });
});

describe("what an exercise's tests load", () => {
  it("follows relative imports, and the fingerprint changes with any of those files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-deps-"));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write("exercises/02-b/b.test.ts", 'import { b } from "./b";\nimport fc from "fast-check";\n');
    write("exercises/02-b/b.ts", 'import { a } from "../01-a/a";\nexport type { T } from "./types";\n');
    write("exercises/02-b/types.ts", "export type T = number;\n");
    write("exercises/01-a/a.ts", "export const a = 1;\n");
    const closure = importClosure(dir, ["exercises/02-b/b.test.ts"]);
    expect(closure).toEqual(["exercises/01-a/a.ts", "exercises/02-b/b.test.ts", "exercises/02-b/b.ts", "exercises/02-b/types.ts"]);
    const before = fingerprint(dir, closure);
    write("exercises/01-a/a.ts", "export const a = 2;\n");
    expect(fingerprint(dir, closure)).not.toBe(before);
    expect(relativeImports('import x from "node:fs";\nimport("./lazy");\nimport "./side";')).toEqual(["./lazy", "./side"]);
    // TypeScript syntax, and imports in comments or strings that are not imports
    expect(relativeImports('import type { M } from "./m";\nconst s = \'import x from "./no"\';\n// import "./nor"\nexport function f<T>(a: T[]): T { return a[0] as T; }')).toEqual(["./m"]);
    // a half-typed edit (an unclosed brace and string) still finds its imports
    expect(relativeImports('import { dot } from "../05-matrix/matrix";\nexport function query(x: number[] {\n  return dot(`')).toEqual(["../05-matrix/matrix"]);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("small things on screen and on disk", () => {
  it("the progress bar has one slot per exercise", () => {
    expect(progressBar(6, 19)).toBe("[######-------------] 6/19");
  });

  it("Chinese characters take two columns", () => {
    expect(displayWidth("练习 01")).toBe(7);
  });

  it("links and colours only in a terminal", () => {
    const plain = makeTerm({ isTTY: false }, {});
    expect(plain.link("/c", "exercises/a.ts", ":1:2")).toBe("exercises/a.ts:1:2");
    const tty = makeTerm({ isTTY: true }, { TERM: "xterm" });
    const link = tty.link("/c", "exercises/a.ts");
    expect(link).toContain("\x1b]8;;file:///c/exercises/a.ts\x1b\\");
    expect(stripAnsi(link)).toBe("exercises/a.ts");
    expect(makeTerm({ isTTY: true }, { NO_COLOR: "1" }).red("x")).toBe("x");
  });

  it("the solution reveal drops the marker lines and keeps the code", () => {
    const source = "function f() {\n  // BEGIN SOLUTION\n  return 1;\n  // END SOLUTION\n}\n";
    expect(withoutMarkers(source, ["// BEGIN SOLUTION", "// END SOLUTION"])).toBe("function f() {\n  return 1;\n}\n");
  });
});
