import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chooseCode, isUnwritten, load } from "./course-code";
import { courseRoot } from "../runner/harness/driver";
import { stubFor } from "../runner/harness/stubs";

describe("tools/course-code: whose code npm run train and npm run query run", () => {
  it("--mine is the learner's tree, --reference the reference tree, both at once is refused", async () => {
    expect(await chooseCode({ mine: true, reference: false, needs: ["10-network"] })).toMatchObject({ tree: "exercises" });
    expect(await chooseCode({ mine: false, reference: true, needs: ["10-network"] })).toMatchObject({ tree: "solutions" });
    expect(await chooseCode({ mine: true, reference: true, needs: ["10-network"] })).toHaveProperty("refused");
  });

  it("says whose code runs, and why it refuses, in the learner's language", async () => {
    expect(await chooseCode({ mine: true, reference: false, needs: ["10-network"], lang: "zh" })).toEqual({ tree: "exercises", says: "你自己的代码（exercises/）" });
    expect(await chooseCode({ mine: false, reference: true, needs: ["10-network"], lang: "zh" })).toMatchObject({ says: expect.stringContaining("按 --reference 的要求") });
    expect(await chooseCode({ mine: true, reference: true, needs: ["10-network"], lang: "zh" })).toEqual({ refused: "只能选一个：--mine（你自己的网络）或 --reference（本课程的参考代码）。" });
  });

  it("without a flag the reference stays closed while the learner's exercise is a stub, and says what to do", async () => {
    // A course copy holding the manifest and the pristine stub of exercise 10.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-code-"));
    try {
      fs.mkdirSync(path.join(root, "exercises", "10-network"), { recursive: true });
      fs.copyFileSync(path.join(courseRoot, "exercises", "manifest.json"), path.join(root, "exercises", "manifest.json"));
      fs.writeFileSync(path.join(root, "exercises", "10-network", "network.ts"), stubFor(courseRoot, "10-network/network.ts"));
      fs.copyFileSync(path.join(courseRoot, "solutions", "10-network", "network.test.ts"), path.join(root, "exercises", "10-network", "network.test.ts"));
      const choice = await chooseCode({ mine: false, reference: false, needs: ["10-network"], root });
      expect(choice).toHaveProperty("refused");
      expect((choice as { refused: string }).refused).toMatch(/not yet: 10-network[\s\S]*npm run next[\s\S]*--mine/);
      // The same in Chinese (a stub is seen as unwritten without running its tests).
      const zh = await chooseCode({ mine: false, reference: false, needs: ["10-network"], root, lang: "zh" });
      expect((zh as { refused: string }).refused).toMatch(/^练习 10 要等你自己的版本通过测试之后[\s\S]*还没通过：10-network。[\s\S]*npm run next[\s\S]*加上 --mine/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 180_000); // runs exercise 10's tests in a vitest child: seconds when quiet, much longer on a busy machine

  it("load imports a module of a tree; a stub's error is recognised as unwritten", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-load-"));
    try {
      fs.mkdirSync(path.join(root, "exercises", "01-predictor"), { recursive: true });
      fs.writeFileSync(path.join(root, "exercises", "01-predictor", "predictor.ts"), stubFor(courseRoot, "01-predictor/predictor.ts"));
      const stub = await load<{ predict(c: number, km: number): number }>("exercises", "01-predictor/predictor.ts", root);
      let error: unknown;
      try {
        stub.predict(0.5, 100);
      } catch (e) {
        error = e;
      }
      expect(isUnwritten(error)).toBe(true);
      expect(isUnwritten(new Error("something else"))).toBe(false);
      const reference = await load<{ predict(c: number, km: number): number }>("solutions", "01-predictor/predictor.ts");
      expect(reference.predict(0.5, 100)).toBe(50);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
