import { describe, it } from "vitest";
import fc from "fast-check";
import { PNG } from "pngjs";
import { expectNumber, fail, propertyOptions, t } from "../_testkit/check";
import { chartMarkers } from "../_testkit/png";
import { NeuralNetwork } from "../10-network/network";
import { loadMnist } from "../11-idx/idx";
import { performance, scorecard, trainEpoch } from "../12-mnist-small/mnist-small";
import { AXIS, LINE, POINT, chartPng, runExperiment, runGrid, settingsGrid, type Setting } from "./tuning";

const show = (value: unknown) => JSON.stringify(value);

// Small slices keep these tests quick; the experiments worth running are in the README.
const TRAIN = loadMnist("train", 400);
const TEST = loadMnist("test", 200);
const SMALL: Setting = { hiddenNodes: 12, learningRate: 0.3, epochs: 1 };

const markers = (png: unknown, what: string) => chartMarkers(png, POINT, what);

function countColour(png: Buffer, [r, g, b]: number[]): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i] === r && image.data[i + 1] === g && image.data[i + 2] === b) count++;
  return count;
}

describe("14 tuning: seeded experiments over the settings (book 2.5.4 - 2.5.6) | 14 调参：对各种设置做带种子的实验（书中 2.5.4 - 2.5.6 节）", () => {
  it("settingsGrid lists every combination, hidden nodes varying slowest and epochs fastest | settingsGrid 列出所有组合，隐藏节点数变化最慢，世代数变化最快", () => {
    const got = settingsGrid({ hiddenNodes: [100, 200], learningRate: [0.1], epochs: [1, 2] });
    const expected = [
      { hiddenNodes: 100, learningRate: 0.1, epochs: 1 },
      { hiddenNodes: 100, learningRate: 0.1, epochs: 2 },
      { hiddenNodes: 200, learningRate: 0.1, epochs: 1 },
      { hiddenNodes: 200, learningRate: 0.1, epochs: 2 },
    ];
    if (show(got) !== show(expected)) fail(`settingsGrid({ hiddenNodes: [100, 200], learningRate: [0.1], epochs: [1, 2] })\n  expected: ${show(expected)}\n  got:      ${show(got)}`);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 4 }), fc.uniqueArray(fc.double({ min: 0.01, max: 1, noNaN: true }), { maxLength: 4 }), fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 4 }), (hiddenNodes, learningRate, epochs) => {
        const grid = settingsGrid({ hiddenNodes, learningRate, epochs });
        const size = hiddenNodes.length * learningRate.length * epochs.length;
        if (!Array.isArray(grid) || grid.length !== size) fail(t(`settingsGrid of ${hiddenNodes.length} x ${learningRate.length} x ${epochs.length} choices\n  expected: ${size} settings\n  got:      ${show(grid)}`, `${hiddenNodes.length} x ${learningRate.length} x ${epochs.length} 种选择的 settingsGrid\n  expected: ${size} 组设置\n  got:      ${show(grid)}`));
        const keys = new Set(grid.map((s) => `${s.hiddenNodes}/${s.learningRate}/${s.epochs}`));
        if (keys.size !== size) fail(t(`settingsGrid: every combination once, but some appear twice: ${show(grid)}`, `settingsGrid：每种组合只出现一次，但有的出现了两次：${show(grid)}`));
      }),
      propertyOptions(),
    );
  });

  it("runExperiment trains a fresh seeded network for the setting's epochs and returns its test performance | runExperiment 按设置的世代数训练一个带种子的新网络，返回它在测试集上的成绩", () => {
    const twoEpochs = { ...SMALL, epochs: 2 };
    const net = new NeuralNetwork(784, twoEpochs.hiddenNodes, 10, twoEpochs.learningRate, 7);
    trainEpoch(net, TRAIN);
    trainEpoch(net, TRAIN);
    const expected = performance(scorecard(net, TEST));
    const got = expectNumber(runExperiment(twoEpochs, TRAIN, TEST, 7), t("runExperiment({ hiddenNodes: 12, learningRate: 0.3, epochs: 2 }, 400 training digits, 200 test digits, seed 7)", "runExperiment({ hiddenNodes: 12, learningRate: 0.3, epochs: 2 }, 400 个训练数字, 200 个测试数字, 种子 7)"));
    if (got !== expected) {
      fail(t(`runExperiment(..., seed 7)\n  expected: ${expected}, the performance of new NeuralNetwork(784, 12, 10, 0.3, 7) after 2 epochs\n  got:      ${got}\n(use the seed for the network, and train once per epoch)`, `runExperiment(..., 种子 7)\n  expected: ${expected}，即 new NeuralNetwork(784, 12, 10, 0.3, 7) 训练 2 轮后的成绩\n  got:      ${got}\n（把种子用在网络上，并且每轮训练一次）`));
    }
  });

  it("runExperiment is repeatable: the same setting and seed give the same accuracy; another seed starts elsewhere | runExperiment 可以重复：同样的设置和种子得到同样的准确率；换个种子就从别处出发", () => {
    const a = expectNumber(runExperiment(SMALL, TRAIN, TEST, 1), t("runExperiment(setting, seed 1)", "runExperiment(setting, 种子 1)"));
    const b = expectNumber(runExperiment(SMALL, TRAIN, TEST, 1), t("runExperiment(setting, seed 1) again", "再次 runExperiment(setting, 种子 1)"));
    if (a !== b) fail(t(`the same experiment twice gave ${a} and then ${b}: is the seed passed to the network?`, `同一个实验做两次，先得到 ${a}，再得到 ${b}：种子传给网络了吗？`));
    const others = [2, 3, 4].map((seed) => runExperiment(SMALL, TRAIN, TEST, seed));
    if (others.every((c) => c === a)) fail(t(`seeds 1, 2, 3 and 4 all gave ${a}: the seed should change the starting weights`, `种子 1、2、3 和 4 都得到 ${a}：种子应该改变起始权重`));
    if (!(a > 0.3)) fail(t(`runExperiment on 400 digits scored ${a}; a learning network scores well above chance (0.1) here`, `runExperiment 在 400 个数字上得分 ${a}；一个在学习的网络在这里的得分远高于瞎猜（0.1）`));
  });

  it("runGrid runs the experiment once per setting, in order, and picks the best (the first of equals) | runGrid 按顺序对每个设置做一次实验，并选出最好的（一样好时取第一个）", () => {
    const settings: Setting[] = [
      { hiddenNodes: 10, learningRate: 0.1, epochs: 1 },
      { hiddenNodes: 10, learningRate: 0.3, epochs: 1 },
      { hiddenNodes: 20, learningRate: 0.1, epochs: 1 },
      { hiddenNodes: 20, learningRate: 0.3, epochs: 1 },
    ];
    const scores = [0.5, 0.9, 0.7, 0.9];
    const seen: Setting[] = [];
    const result = runGrid(settings, (s) => {
      seen.push(s);
      return scores[seen.length - 1];
    });
    if (seen.length !== 4) fail(t(`runGrid with 4 settings should call the experiment 4 times, called it ${seen.length} times`, `有 4 组设置的 runGrid 应该调用实验 4 次，实际调用了 ${seen.length} 次`));
    const table = result?.table;
    const expected = settings.map((s, i) => ({ ...s, accuracy: scores[i] }));
    if (show(table) !== show(expected)) fail(`runGrid(...).table\n  expected: ${show(expected)}\n  got:      ${show(table)}`);
    if (show(result.best) !== show(expected[1])) fail(t(`runGrid(...).best: the highest accuracy, 0.9, first reached by the second setting\n  expected: ${show(expected[1])}\n  got:      ${show(result.best)}`, `runGrid(...).best：准确率最高 0.9，最先由第二组设置达到\n  expected: ${show(expected[1])}\n  got:      ${show(result.best)}`));
  });

  it("chartPng draws a marker for each value, left to right, the higher value higher up | chartPng 从左到右为每个值画一个标记，值越大位置越高", () => {
    const values = [0.9, 0.95, 0.93, 0.8, 0.85];
    const png = chartPng(values);
    const found = markers(png, "chartPng([0.9, 0.95, 0.93, 0.8, 0.85])");
    if (found.length !== values.length) fail(t(`chartPng of ${values.length} values\n  expected: ${values.length} separate 5x5 markers of the POINT colour\n  got:      ${found.length}`, `${values.length} 个值的 chartPng\n  expected: ${values.length} 个分开的 5x5 标记，颜色是 POINT\n  got:      ${found.length}`));
    const image = PNG.sync.read(png);
    if (image.width !== 320 || image.height !== 200) fail(t(`chartPng: the default size is 320x200, got ${image.width}x${image.height}`, `chartPng：默认大小是 320x200，实际是 ${image.width}x${image.height}`));
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (values[i] > values[j] && !(found[i].y < found[j].y)) {
          fail(t(`chartPng(${show(values)}): value ${values[i]} (marker ${i}, at y ${found[i].y}) should be drawn above ${values[j]} (marker ${j}, at y ${found[j].y}); y grows downwards in a picture`, `chartPng(${show(values)})：值 ${values[i]}（标记 ${i}，在 y ${found[i].y}）应该画在 ${values[j]}（标记 ${j}，在 y ${found[j].y}）的上方；图片里 y 是向下增长的`));
        }
      }
    }
    if (countColour(png, LINE) < 100) fail(t("chartPng: the markers should be joined by lines of the LINE colour", "chartPng：标记之间应该用 LINE 颜色的线连起来"));
    if (countColour(png, AXIS) < 300) fail(t("chartPng: draw the two axes in the AXIS colour", "chartPng：用 AXIS 颜色画出两条坐标轴"));
  });

  it("chartPng spreads the values evenly and uses the whole height of the plot (property) | chartPng 把值均匀铺开，并用满整个绘图区的高度（性质测试）", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 8 }), (ints) => {
        const values = ints.map((v) => v / 100);
        const found = markers(chartPng(values, 400, 240), `chartPng(${show(values)}, 400, 240)`);
        if (found.length !== values.length) fail(t(`chartPng(${show(values)}): expected ${values.length} markers, found ${found.length}`, `chartPng(${show(values)})：应有 ${values.length} 个标记，找到了 ${found.length} 个`));
        const gaps = found.slice(1).map((p, i) => p.x - found[i].x);
        if (gaps.some((g) => Math.abs(g - gaps[0]) > 1.5)) fail(t(`chartPng(${show(values)}): the markers should be evenly spaced, but the gaps are ${gaps.map((g) => g.toFixed(1)).join(", ")}`, `chartPng(${show(values)})：标记应该间隔均匀，但间隔是 ${gaps.map((g) => g.toFixed(1)).join(", ")}`));
        const top = found[values.indexOf(Math.max(...values))].y;
        const bottom = found[values.indexOf(Math.min(...values))].y;
        if (!(bottom - top > 240 * 0.6)) fail(t(`chartPng(${show(values)}, 400, 240): the highest value is at y ${top} and the lowest at ${bottom}; scale them from the bottom of the plot to its top`, `chartPng(${show(values)}, 400, 240)：最高的值在 y ${top}，最低的在 ${bottom}；要把它们从绘图区的底部缩放到顶部`));
      }),
      propertyOptions(25),
    );
  });
});
