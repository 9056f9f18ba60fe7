// `npm run query` in the learner's language, on a small saved network (784-10-10, untrained:
// what it answers does not matter here, only the words around the answer).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadEngineFile } from "./engine/node";
import { saveModel } from "./model";
import { main } from "./query";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-query-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const modelFile = path.join(dir, "model.json");
saveModel(loadEngineFile().createNetwork({ inputNodes: 784, hiddenNodes: 10, outputNodes: 10, learningRate: 0.1, seed: 1 }), modelFile);
const seven = path.join(import.meta.dirname, "..", "data", "fixtures", "test0-label7-28-grey.png");

async function query(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let printed = "";
  const code = await main(argv, { out: { write: (text: string) => (printed += text) }, env });
  return { code, printed };
}

describe("npm run query speaks the learner's language", () => {
  it("--lang zh: the network, the picture's heading, the answer and its marker are in Chinese", async () => {
    const { code, printed } = await query([seven, "--model", modelFile, "--reference", "--lang", "zh"]);
    expect(code).toBe(0);
    expect(printed).toMatch(/model\.json：一个 784-10-10 的神经网络（本课程的参考代码（solutions\/），按 --reference 的要求）/);
    expect(printed).toContain("网络看到的图片（28 x 28，已转为灰度、调整大小、反色并缩放数值）：");
    expect(printed).toMatch(/test0-label7-28-grey\.png 看起来是 \d\n/);
    expect(printed).toMatch(/^ {2}\d {2}\d\.\d{4} .*<- 答案$/m);
    expect(printed).not.toMatch(/network|What the network saw|looks like|the answer/);
  });

  it("LANG=zh_CN.UTF-8 chooses Chinese, --lang en and LC_ALL English; a bad --lang is warned about and English is used", async () => {
    const answer = (printed: string) => /looks like a \d|看起来是 \d/.exec(printed)?.[0];
    const args = [seven, "--model", modelFile, "--reference"];
    expect(answer((await query(args, { LANG: "zh_CN.UTF-8" })).printed)).toMatch(/^看起来是/);
    expect(answer((await query([...args, "--lang", "en"], { LANG: "zh_CN.UTF-8" })).printed)).toMatch(/^looks like/);
    expect(answer((await query(args, { LC_ALL: "C.UTF-8", LANG: "zh_CN.UTF-8" })).printed)).toMatch(/^looks like/);
    const bad = await query([...args, "--lang", "fr"], { LANG: "zh_CN.UTF-8" });
    expect(bad.printed).toMatch(/^Unknown language "fr": use --lang en or --lang zh\.\n/);
    expect(answer(bad.printed)).toMatch(/^looks like/);
  });

  it("its errors are in Chinese too: no image, an unknown option, no model file", async () => {
    const noImage = await query(["--lang", "zh"]);
    expect(noImage.code).toBe(2);
    expect(noImage.printed).toMatch(/^请给出一个数字的 PNG 文件，例如 npm run query -- my-seven\.png\n\nnpm run query -- <图片\.png> \[选项\]/);
    expect((await query([seven, "--colour", "--lang", "zh"])).printed).toMatch(/^命令行选项有误：Unknown option '--colour'/);
    const missing = path.join(dir, "nope.json");
    await expect(query([seven, "--model", missing, "--reference", "--lang", "zh"])).rejects.toThrow(`${missing} 处没有模型文件。\`npm run train\` 会训练一个网络并保存为 reports/model.json。`);
    await expect(query([seven, "--model", missing, "--reference"])).rejects.toThrow(/^There is no model file at .*nope\.json/);
  });
});
