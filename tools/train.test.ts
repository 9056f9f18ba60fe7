// `npm run train` in the learner's language: what it prints and the summary it writes. A run
// trains on 5,000 made-up images (one bright band per label) instead of MNIST, so it takes
// a second or two.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "./train";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Label k: rows 2k+4 and 2k+5 lit, with a little seeded noise elsewhere. */
function madeUpDigits(count: number, seed: number) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, (_, n) => {
    const label = n % 10;
    const pixels = new Uint8Array(784).map((_, i) => (Math.floor(i / 28) - 4 === 2 * label || Math.floor(i / 28) - 5 === 2 * label ? 255 : random() < 0.05 ? 128 : 0));
    return { pixels, label };
  });
}

async function train(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-train-"));
  dirs.push(out);
  let printed = "";
  const code = await main([...argv, "--out", out], {
    out: { write: (text: string) => (printed += text) },
    env,
    data: { train: madeUpDigits(5000, 1), test: madeUpDigits(200, 2) },
  });
  const summary = fs.existsSync(path.join(out, "summary.txt")) ? fs.readFileSync(path.join(out, "summary.txt"), "utf8") : "";
  return { code, printed, summary, files: fs.readdirSync(out) };
}

describe("npm run train speaks the learner's language", () => {
  it("--lang zh: every printed line and summary.txt are in Chinese; the pictures are still written", async () => {
    const run = await train(["--reference", "--hidden", "10", "--lang", "zh"]);
    expect(run.code).toBe(0);
    expect(run.printed).toContain("训练一个 784-10-10 的神经网络，学习率 0.1，1 轮，随机种子 1");
    expect(run.printed).toContain("代码：本课程的参考代码（solutions/），按 --reference 的要求");
    expect(run.printed).toMatch(/训练，第 1\/1 轮 \[#+\] 100%/);
    expect(run.printed).toMatch(/准确率：\d+\.\d\d%（200 张测试图片答对 \d+ 张）/);
    expect(run.printed).toContain("报告在 ");
    expect(run.printed).toContain("图片上的文字是英文的");
    expect(run.printed).not.toMatch(/Training a|Code:|epoch|accuracy|Report in|samples\/s/);
    expect(run.summary).toMatch(/^784-10-10，学习率 0\.1，1 轮，随机种子 1；本课程的参考代码/);
    expect(run.summary).toContain("标签 7");
    expect(run.summary).toMatch(/用时：\d+:\d\d\n内存峰值：\d+ MB/);
    expect(run.summary).not.toMatch(/learning rate|accuracy|label|time:|peak memory/);
    expect(run.files).toEqual(expect.arrayContaining(["training-curve.png", "worst-mistakes.png", "backquery.png", "model.json", "summary.txt"]));
  });

  it("without --lang it is English, or Chinese when the locale says so (LANG, unless LC_ALL / LC_MESSAGES say otherwise)", async () => {
    const english = await train(["--reference", "--hidden", "10"]);
    expect(english.printed).toContain("Training a 784-10-10 network, learning rate 0.1, 1 epoch, seed 1");
    expect(english.summary).toMatch(/accuracy: \d+\.\d\d% \(\d+ of 200 test images\)/);
    expect(english.printed).not.toMatch(/[\u4e00-\u9fff]/);

    const bad = (env: NodeJS.ProcessEnv, ...argv: string[]) => train(["--epochs", "0", ...argv], env);
    expect((await bad({ LANG: "zh_CN.UTF-8" })).printed).toMatch(/^--epochs 必须是 1 到 100 之间的整数，收到的是“0”\n\nnpm run train -- \[选项\]/);
    expect((await bad({ LC_ALL: "en_GB.UTF-8", LANG: "zh_CN.UTF-8" })).printed).toMatch(/^--epochs must be a whole number from 1 to 100, got "0"/);
    expect((await bad({ LANG: "zh_CN.UTF-8" }, "--lang", "en")).printed).toMatch(/^--epochs must be a whole number/);
    expect((await bad({}, "--lang=zh")).code).toBe(2);
  });

  it("a bad --lang is warned about, as the runner does, and English is used", async () => {
    const run = await train(["--epochs", "0", "--lang", "xx"], { LANG: "zh_CN.UTF-8" });
    expect(run.code).toBe(2);
    expect(run.printed).toMatch(/^Unknown language "xx": use --lang en or --lang zh\.\n--epochs must be a whole number/);
  });

  it("the other option errors and the refusal are in Chinese too", async () => {
    const zh = async (...argv: string[]) => (await train([...argv, "--lang", "zh"])).printed;
    expect(await zh("--model", "big")).toMatch(/^--model 只能是 book 或 deep，收到的是“big”/);
    expect(await zh("--batch", "8")).toMatch(/^--batch 和 --decay 只用于 --model deep/);
    expect(await zh("--nonsense")).toMatch(/^命令行选项有误：Unknown option '--nonsense'/);
    expect(await zh("--mine", "--reference")).toBe("只能选一个：--mine（你自己的网络）或 --reference（本课程的参考代码）。\n");
    expect(await zh("--help")).toMatch(/^npm run train -- \[选项\][\s\S]*--lang zh\|en/);
  });
});

describe("npm run train -- --model deep in Chinese", () => {
  it("prints and writes its report in Chinese, and says why there is no back-query", async () => {
    const run = await train(["--model", "deep", "--reference", "--hidden", "16", "--epochs", "1", "--lang", "zh"]);
    expect(run.code).toBe(0);
    expect(run.printed).toMatch(/^训练：.*\n代码：本课程的参考代码/m);
    expect(run.printed).toMatch(/训练，第 1\/1 轮 \[#+\] 100%/);
    expect(run.printed).toContain("（没有 backquery.png 和 model.json：反向查询和 `npm run query` 只适用于书里的网络）");
    expect(run.printed).not.toMatch(/Training a|epoch \d|accuracy|Report in/);
    expect(run.summary).toMatch(/；本课程的参考代码[\s\S]*准确率：[\s\S]*用时：/);
    expect(run.files.sort()).toEqual(["summary.txt", "training-curve.png", "worst-mistakes.png"]);
  });
});
