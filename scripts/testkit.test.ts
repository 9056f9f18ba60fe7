// The test kit's messages (solutions/_testkit/check.ts) and the two-language texts (data/lang.ts):
// what a learner reads when a test fails must be short, in their language, and to the point.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pick, pickLines } from "../data/lang";
import { courseRoot } from "../runner/harness/driver";

type Kit = typeof import("../solutions/_testkit/check");

/** The kit as a test run in `lang` loads it (it reads NN_KATA_LANG once, when it loads). */
async function kitIn(lang: "en" | "zh"): Promise<Kit> {
  vi.resetModules();
  vi.stubEnv("NN_KATA_LANG", lang);
  return import("../solutions/_testkit/check");
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a failure");
}

afterEach(() => vi.unstubAllEnvs());

const NAMERS = new Set(["describe", "it", "test"]);
/** vitest's modifiers (it.skip, describe.sequential); a local `test` array's `test.filter` is none. */
const MODIFIERS = new Set(["skip", "only", "todo", "fails", "concurrent", "sequential", "shuffle"]);
/** Modifiers whose own arguments are not a test's name: it.each(table), it.skipIf(condition). */
const NOT_A_NAME = new Set(["each", "for", "skipIf", "runIf"]);

/** Does this call name a test: describe("..."), it.skip("..."), it.each(t)("..."), (c ? it : it.skip)("...")? */
function namesATest(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return NAMERS.has(callee.text);
  if (ts.isPropertyAccessExpression(callee)) return MODIFIERS.has(callee.name.text) && namesATest(callee.expression);
  if (ts.isCallExpression(callee)) return ts.isPropertyAccessExpression(callee.expression) && NOT_A_NAME.has(callee.expression.name.text) && namesATest(callee.expression.expression);
  if (ts.isParenthesizedExpression(callee)) return namesATest(callee.expression);
  if (ts.isConditionalExpression(callee)) return namesATest(callee.whenTrue) && namesATest(callee.whenFalse);
  return false;
}

/** Every test name in a test file, as written: a template's ${...} parts become "x". */
function testNames(file: string): { line: number; name: string | undefined }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const names: { line: number; name: string | undefined }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && namesATest(node.expression)) {
      const first = node.arguments[0];
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) names.push({ line, name: first.text });
      else if (first && ts.isTemplateExpression(first)) names.push({ line, name: [first.head.text, ...first.templateSpans.map((s) => s.literal.text)].join("x") });
      else names.push({ line, name: undefined });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** A name the runner cannot show in Chinese: no "English | 中文" halves, or not written in place. */
const lacksChinese = (name: string | undefined) => name === undefined || pick(name, "zh") === name || pick(name, "en").trim() === "";

const exerciseDirs = fs
  .readdirSync(path.join(courseRoot, "solutions"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
  .map((d) => d.name)
  .sort();

describe("data/lang: 'English | 中文' texts", () => {
  it("picks the half for the language, and leaves one-language text alone", () => {
    expect(pick("adds two matrices | 两个矩阵相加", "en")).toBe("adds two matrices");
    expect(pick("adds two matrices | 两个矩阵相加", "zh")).toBe("两个矩阵相加");
    expect(pick("a|b is bitwise or | a|b 是按位或", "zh")).toBe("a|b 是按位或");
    expect(pick("x | y", "zh")).toBe("x | y");
    expect(pickLines("top | 顶\n  expected: 1 | expected: 一", "zh")).toBe("顶\n  expected: 一");
  });

  it("finds the names of every kind of test call, and only those", () => {
    const file = path.join(fs.mkdtempSync(path.join(courseRoot, "node_modules", ".names-")), "sample.test.ts");
    fs.writeFileSync(
      file,
      [
        'describe("suite | 套件", () => {',
        '  it.each([[1]])("each %s | 每个 %s", () => {});',
        '  it.skipIf(true)("skipped", () => {});',
        '  (flag ? it : it.skip)(`n = ${n} | n 等于 ${n}`, () => {});',
        '  test(name, () => {});',
        '  expect("not a name").toBe("x");',
        '  test.filter((d) => d.label === 1);',
        "});",
      ].join("\n"),
    );
    try {
      expect(testNames(file)).toEqual([
        { line: 1, name: "suite | 套件" },
        { line: 2, name: "each %s | 每个 %s" },
        { line: 3, name: "skipped" },
        { line: 4, name: "n = x | n 等于 x" },
        { line: 5, name: undefined },
      ]);
      expect(testNames(file).filter(({ name }) => lacksChinese(name)).map(({ line }) => line)).toEqual([3, 5]);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it.each(exerciseDirs)("%s: every test name is written 'English | 中文', so --lang zh shows it in Chinese", (dir) => {
    const folder = path.join(courseRoot, "solutions", dir);
    const files = fs.readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".test.ts"));
    const names = files.flatMap((f) => testNames(path.join(folder, f)).map((n) => ({ ...n, where: `solutions/${dir}/${f}:${n.line}` })));
    expect(names.length, `solutions/${dir} has no tests`).toBeGreaterThan(0);
    const english = names.filter(({ name }) => lacksChinese(name));
    expect(english.map(({ where, name }) => `${where} ${name ?? "(not a literal: write the name in place)"}`)).toEqual([]);
  });
});

describe("the test kit's failure messages", () => {
  it("a long array is summarised around its first difference: index, a window, counts, no line over 300 characters", async () => {
    const kit = await kitIn("en");
    const expected = Array.from({ length: 784 }, (_, i) => i / 784);
    const got = expected.map((v, i) => (i === 400 || i === 500 ? v + 1 : v));
    const message = messageOf(() => kit.expectCloseNumbers(got, expected, "pixels", 1e-9));
    expect(message).toContain("[400]");
    expect(message).toContain("2 of 784 items differ");
    expect(message).toMatch(/expected: \[\.\.\. .* \.\.\.\]/);
    for (const line of message.split("\n")) expect(line.length).toBeLessThanOrEqual(300);
  });

  it("speaks Chinese when the runner says so, keeping the labels the runner translates", async () => {
    const kit = await kitIn("zh");
    const message = messageOf(() => kit.expectClose(0.5, 0.75, "sigmoid(0) | sigmoid(0)，书中的数", 1e-3));
    expect(message).toBe("sigmoid(0)，书中的数\n  expected: 0.75 （允许误差 0.001）\n  got:      0.5");
    expect(messageOf(() => kit.expectNumbers([1, 2], 3, "xs"))).toContain("3 个数");
    expect(messageOf(() => kit.fail("top | 顶部\n  expected: one | expected: 一"))).toBe("顶部\n  expected: 一");
    expect(messageOf(() => kit.expectClose(51, 50, "predict(0.5, 100) (book 1.2)"))).toContain("predict(0.5, 100) （书中 1.2 节）");
  });

  it("a property's counterexample is a short plain value, with the learner's own error after it", async () => {
    const kit = await kitIn("en");
    const record = fc.record({ a: fc.integer({ min: 5, max: 9 }), b: fc.array(fc.double({ noNaN: true }), { minLength: 300, maxLength: 300 }) }, { noNullPrototype: false });
    const message = messageOf(() =>
      fc.assert(
        fc.property(record, (r) => {
          throw new Error(`your function returned NaN for a = ${r.a}`);
        }),
        kit.propertyOptions(5),
      ),
    );
    expect(message).toMatch(/^Property failed after 1 tests\nCounterexample: \{ a: 5, b: \[.*\(300 items\)\] \}\nyour function returned NaN for a = 5$/);
    expect(message).not.toContain("__proto__");
  });
});
