import { describe, expect, it } from "vitest";
import { formatConfusion, formatDuration, progressBar } from "./report";

function fakeOutput(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
}

describe("data/report: progress, durations and the confusion matrix", () => {
  it("off a terminal the bar prints one line per tenth, with samples/s and the time left", () => {
    const out = fakeOutput(false);
    let clock = 0;
    const bar = progressBar("training", 1000, { out, now: () => clock });
    for (let i = 0; i < 1000; i++) {
      clock += 2; // 2 ms a sample: 500 samples/s
      bar.tick();
    }
    expect(bar.done()).toBeCloseTo(500, 6);
    expect(out.written).toHaveLength(10); // 10%, 20%, ..., 90%, then the final line
    expect(out.written[0]).toBe("training [##----------------------]  10%  100/1,000  500 samples/s  ETA 0:02\n");
    expect(out.written[9]).toContain("100%  1,000/1,000");
    expect(out.written.join("")).not.toContain("\r");
  });

  it("on a terminal the bar is redrawn in place, at most every 100 ms", () => {
    const out = fakeOutput(true);
    let clock = 0;
    const bar = progressBar("testing", 100, { out, now: () => clock });
    for (let i = 0; i < 100; i++) {
      clock += 10;
      bar.tick();
    }
    bar.done();
    expect(out.written.length).toBeGreaterThan(5);
    expect(out.written.length).toBeLessThan(15);
    expect(out.written.every((text) => text.startsWith("\r"))).toBe(true);
    expect(out.written.at(-1)).toMatch(/100%.*\n$/);
  });

  it("formatDuration writes minutes:seconds, and hours when there are any", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(75.4)).toBe("1:15");
    expect(formatDuration(3723)).toBe("1:02:03");
    expect(formatDuration(Infinity)).toBe("?");
  });

  it("formatConfusion shows a row per true digit with its percentage right", () => {
    const text = formatConfusion([
      [3, 1],
      [0, 0],
    ]);
    const lines = text.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^label 0 +3 +1 +75\.0% right$/);
    expect(lines[2]).toMatch(/^label 1 +0 +0$/);
  });

  it("in Chinese the bar, the table's words and its columns line up as in English", () => {
    const out = fakeOutput(false);
    let clock = 0;
    const bar = progressBar("训练", 1000, { out, now: () => clock, lang: "zh" });
    for (let i = 0; i < 100; i++) {
      clock += 2;
      bar.tick();
    }
    expect(out.written[0]).toBe("训练 [##----------------------]  10%  100/1,000  每秒 500 个样本  剩余 0:02\n");
    const [en, zh] = [formatConfusion([[3, 1], [0, 0]]).split("\n"), formatConfusion([[3, 1], [0, 0]], "zh").split("\n")];
    expect(zh[0]).toMatch(/<- 网络的答案$/);
    expect(zh[1]).toMatch(/^标签 0 +3 +1 +答对 75\.0%$/);
    // Two Chinese characters fill four terminal columns: the numbers stand where the English ones do.
    const cells = (line: string) => line.length + (line.match(/[\u4e00-\u9fff]/g) ?? []).length;
    expect(cells(zh[1].slice(0, zh[1].indexOf("3") + 1))).toBe(cells(en[1].slice(0, en[1].indexOf("3") + 1)));
  });
});
