// The runner as a learner uses it: the real `npm run ...` commands in a temporary copy of the
// course, one step after another, in English and in Chinese.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseRoot } from "../../harness/driver";
import { stubFor } from "../../harness/stubs";
import { copyCourse, npmRun, removeCourse } from "./course-copy";

let dir: string;
const stub01 = () => stubFor(courseRoot, "01-predictor/predictor.ts");
const file01 = () => path.join(dir, "exercises/01-predictor/predictor.ts");
const solve01 = () => fs.copyFileSync(path.join(dir, "solutions/01-predictor/predictor.ts"), file01());

beforeAll(() => {
  dir = copyCourse();
});
afterAll(() => removeCourse(dir));

describe("npm run next, list, hint, reset, solution, verify in a fresh copy of the course", { timeout: 90_000 }, () => {
  it("with nothing solved, next points at 01: where it is, what fails, one next step", async () => {
    const { code, out } = await npmRun(dir, "next");
    expect(code).toBe(0);
    expect(out).toMatch(/exercise 01\/\d+ · A predictor with one adjustable number · book 1\.2/);
    expect(out).toContain("exercises/01-predictor/README.md");
    expect(out).toContain("edit   exercises/01-predictor/predictor.ts");
    expect(out).toMatch(/✗ 0\/\d+ tests pass/);
    expect(out).toContain("not implemented yet: predict in exercises/01-predictor/predictor.ts");
    expect(out.match(/Next step:/g)).toHaveLength(1);
    expect(out).toMatch(/Next step: write predict in exercises\/01-predictor\/predictor\.ts:\d+:\d+, then run npm run next again\./);
    // A learner's report, not vitest's: no stack traces into node_modules.
    expect(out).not.toContain("node_modules");
  });

  it("speaks Chinese with --lang zh, and when the locale is Chinese", async () => {
    const flag = await npmRun(dir, "next", ["--lang", "zh"]);
    expect(flag.out).toMatch(/练习 01\/\d+ · 只有一个可调参数的预测机 · 书中 1\.2 节/);
    expect(flag.out).toContain("exercises/01-predictor/README.zh.md");
    expect(flag.out).toContain("还没有实现：exercises/01-predictor/predictor.ts 中的 predict");
    expect(flag.out).toMatch(/下一步：在 exercises\/01-predictor\/predictor\.ts:\d+:\d+ 写出 predict/);
    // The test's own name comes in Chinese too (its "English | 中文" half, data/lang.ts).
    expect(flag.out).toContain("✗ predict 把公里数乘以 c");
    expect(flag.out).not.toContain("predict multiplies km by c");
    const locale = await npmRun(dir, "list", [], { LANG: "zh_CN.UTF-8" });
    expect(locale.out).toContain("状态");
    expect(locale.out).toMatch(/01\s+只有一个可调参数的预测机\s+1\.2\s+→ 当前/);
  });

  it("hint reveals one hint at a time and remembers how far it got", async () => {
    const first = await npmRun(dir, "hint");
    expect(first.out).toContain("Hints for 01 · A predictor with one adjustable number");
    expect(first.out).toContain("Hint 1/");
    expect(first.out).not.toContain("Hint 2/");
    const second = await npmRun(dir, "hint", ["predictor", "--lang", "zh"]);
    expect(second.out).toContain("提示 1/");
    expect(second.out).toContain("提示 2/");
    const state = JSON.parse(fs.readFileSync(path.join(dir, ".nn-kata/state.json"), "utf8"));
    expect(state.hints["01-predictor"]).toBe(2);
  });

  it("an unknown exercise name gets a did-you-mean", async () => {
    const { code, out } = await npmRun(dir, "hint", ["activaton"]);
    expect(code).not.toBe(0);
    // Two exercises are one letter away: 04 activation and 21 activations.
    expect(out).toContain('There is no exercise "activaton". Did you mean 04 activation or 21 activations?');
    const zh = await npmRun(dir, "next", ["99", "--lang", "zh"]);
    expect(zh.out).toMatch(/没有第 99 个练习：课程一共有 \d+ 个/);
  });

  it("the reference stays closed while the exercise fails", async () => {
    const { code, out } = await npmRun(dir, "solution", ["1"]);
    expect(code).toBe(1);
    expect(out).toMatch(/The reference solution of 01 opens once your exercise passes \(now 0\/\d+ tests pass\)/);
    expect(out).not.toContain("return c * km");
    const forced = await npmRun(dir, "solution", ["1", "--force"]);
    expect(forced.out).toContain("there is no terminal to ask in");
    expect(forced.out).not.toContain("return c * km");
  });

  it("after copying solution 01 over the stub, next moves to 02", async () => {
    solve01();
    const { out } = await npmRun(dir, "next");
    expect(out).toMatch(/✓ 01 · A predictor with one adjustable number: all \d+ tests pass\./);
    expect(out).toMatch(/\[#-+\] 1\/\d+/);
    expect(out).toContain("Next exercise: 02 · A linear classifier and the learning rate");
    expect(out).toMatch(/exercise 02\/\d+ · A linear classifier and the learning rate · book 1\.4/);
    expect(out.match(/Next step:/g)).toHaveLength(1);
  });

  it("list shows 01 done, 02 current, and the progress bar", async () => {
    const { out } = await npmRun(dir, "list");
    expect(out).toMatch(/01\s+A predictor with one adjustable number\s+1\.2\s+✓ done/);
    expect(out).toMatch(/02\s+A linear classifier and the learning rate\s+1\.4\s+→ current/);
    expect(out).toMatch(/03\s+.*not started/);
    expect(out).toMatch(/\[#-+\] 1\/\d+/);
  });

  it("the reference opens once the exercise passes, without its solution markers", async () => {
    const { code, out } = await npmRun(dir, "solution", ["1"]);
    expect(code).toBe(0);
    expect(out).toContain("Reference solution · 01 · A predictor with one adjustable number");
    expect(out).toContain("return c * km;");
    expect(out).not.toContain("BEGIN SOLUTION");
    expect(out).not.toContain("END SOLUTION");
  });

  it("reset asks first: without a terminal and without --yes nothing changes", async () => {
    const { code, out } = await npmRun(dir, "reset", ["1"]);
    expect(code).toBe(1);
    expect(out).toContain("npm run reset -- 1 --yes");
    expect(fs.readFileSync(file01(), "utf8")).toContain("return c * km;");
    expect(fs.existsSync(path.join(dir, ".nn-kata/backups"))).toBe(false);
  });

  it("reset on 01 with the confirmation restores the stub and keeps a backup of the learner's file", async () => {
    const solved = fs.readFileSync(file01(), "utf8");
    const { code, out } = await npmRun(dir, "reset", ["01-predictor", "--yes"]);
    expect(code).toBe(0);
    expect(out).toContain("restored exercises/01-predictor/predictor.ts");
    expect(fs.readFileSync(file01(), "utf8")).toBe(stub01());
    const backups = fs.readdirSync(path.join(dir, ".nn-kata/backups"));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, ".nn-kata/backups", backups[0], "exercises/01-predictor/predictor.ts"), "utf8")).toBe(solved);
    const again = await npmRun(dir, "reset", ["1", "--yes"]);
    expect(again.out).toContain("01 is already as the course gave it: nothing to reset.");
    expect(fs.readdirSync(path.join(dir, ".nn-kata/backups"))).toHaveLength(1);
  });

  it("a syntax error shows file:line:column and the compiler's message, not a vitest stack", async () => {
    fs.writeFileSync(file01(), stub01().replace(/throw new Error\("not implemented yet: predict[^\n]*/, "return c * (km;"));
    const { out } = await npmRun(dir, "next");
    expect(out).toMatch(/✗ exercises\/01-predictor\/predictor\.ts:\d+:\d+: this code does not compile/);
    expect(out).toMatch(/Expected `,` or `\)` but found `;`|'\)' expected/);
    expect(out).toContain("return c * (km;");
    expect(out).toMatch(/Next step: fix the syntax at exercises\/01-predictor\/predictor\.ts:\d+:\d+/);
    expect(out).not.toMatch(/node_modules|transformWithOxc|PARSE_ERROR/);
  });

  it("TypeScript explains a function that forgot to return, and --edit-cmd opens the stub", async () => {
    fs.writeFileSync(file01(), stub01().replace(/throw new Error\("not implemented yet: predict[^\n]*/, "c * km;"));
    const opener = `node -e "require('fs').writeFileSync('opened.txt', process.argv[1])"`;
    const { out } = await npmRun(dir, "next", ["--edit-cmd", opener]);
    expect(out).toContain("TypeScript also reports:");
    expect(out).toMatch(/exercises\/01-predictor\/predictor\.ts:\d+:\d+ +A function whose declared type is neither/);
    const opened = path.join(dir, "opened.txt");
    for (let i = 0; i < 100 && !fs.existsSync(opened); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fs.readFileSync(opened, "utf8")).toBe("exercises/01-predictor/predictor.ts");
  });

  it("progress within an exercise: tests that pass since the last run are counted", async () => {
    fs.writeFileSync(file01(), stub01().replace(/throw new Error\("not implemented yet: predict[^\n]*/, "return c * km;"));
    const { out } = await npmRun(dir, "next");
    expect(out).toMatch(/✗ [1-9]\d*\/\d+ tests pass \(\+[1-9]\d* since the last run\)/);
    expect(out).toMatch(/Next step: write error in exercises\/01-predictor\/predictor\.ts:\d+:\d+/);
  });

  it("an endless loop is stopped, and the runner says which exercise did not finish", async () => {
    fs.writeFileSync(file01(), stub01().replace(/throw new Error\("not implemented yet: predict[^\n]*/, "while (true) {}"));
    // Long enough for the worker to reach the loop on a busy machine: a worker still loading the
    // modules when the time runs out is idle, and would read as "waiting" (faults.test.ts).
    const { out } = await npmRun(dir, "next", ["--timeout", "6"]);
    expect(out).toContain("Exercise 01 did not finish: its tests were stopped after 6 s.");
    expect(out).toContain("Next step: find the loop that never ends in exercises/01-predictor/predictor.ts");
  });

  it("a deleted exercise file is named, with how to restore it", async () => {
    fs.rmSync(file01());
    const { out } = await npmRun(dir, "next");
    expect(out).toContain("exercises/01-predictor/predictor.ts is missing: it was deleted or moved.");
    expect(out).toContain("Next step: bring it back with npm run reset -- 1");
    const zh = await npmRun(dir, "next", ["--lang", "zh"]);
    expect(zh.out).toContain("运行 npm run reset -- 1 把它找回来");
    // Nothing is overwritten, so nothing needs a confirmation.
    const reset = await npmRun(dir, "reset", ["1"]);
    expect(reset.code).toBe(0);
    expect(fs.readFileSync(file01(), "utf8")).toBe(stub01());
  });

  it("verify runs every exercise in order and exits non-zero while anything fails", async () => {
    const { code, out } = await npmRun(dir, "verify", ["--lang", "zh"]);
    expect(code).toBe(1);
    expect(out).toContain("正在按顺序运行全部练习");
    expect(out).toMatch(/✗ 01\s+只有一个可调参数的预测机/);
    expect(out).toMatch(/✗ 02\s+线性分类器与学习率/);
    expect(out.indexOf("01 ")).toBeLessThan(out.indexOf("02 "));
    expect(out).toContain("下一步：运行 npm run next -- 1");
  });
});
