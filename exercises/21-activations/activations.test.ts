import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectMatrix, expectNumber, expectNumbers, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { chartMarkers } from "../_testkit/png";
import { Matrix } from "../05-matrix/matrix";
import { createRng, randomNormal } from "../09-prepare/prepare";
import { POINT } from "../14-tuning/tuning";
import {
  DEEP, RELU, SIGMOID, gradientChartPng, gradientSizes, heWeights, leakyRelu, leakyReluSlope, normalWeights, relu, reluSlope, tanh, tanhSlope, unitNormalWeights, xavierWeights,
  type Activation, type Init,
} from "./activations";

// Generous, so a busy machine never fails a test that takes a second on a quiet one.
const LIMIT_MS = 120_000;

const between = (min: number, max: number) => fc.double({ min, max, noNaN: true });
// Away from the kink at 0, where the slope jumps and a central difference straddles it.
const offKink = fc.oneof(between(-20, -1e-3), between(1e-3, 20));
const reports = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "reports");
const say = (text = "") => process.stdout.write(text + "\n");

function checkSlope(name: string, f: (x: number) => number, slope: (x: number) => number, xs: fc.Arbitrary<number>): void {
  const h = 1e-6;
  fc.assert(
    fc.property(xs, (x) => {
      const measured = (f(x + h) - f(x - h)) / (2 * h);
      expectClose(slope(x), measured, t(`${name}(${x}) against the slope measured by (f(x + h) - f(x - h)) / 2h`, `${name}(${x}) 与用 (f(x + h) - f(x - h)) / 2h 测出的斜率对比`), 1e-6);
    }),
    propertyOptions(),
  );
}

/** Mean and standard deviation of all the numbers of a matrix. */
function statistics(m: Matrix): { mean: number; std: number } {
  const n = m.data.length;
  const mean = m.data.reduce((a, b) => a + b, 0) / n;
  return { mean, std: Math.sqrt(m.data.reduce((a, b) => a + (b - mean) ** 2, 0) / n) };
}

function callSizes(activation: Activation, init: Init, layers = DEEP.layers): number[] {
  const sizes = expectNumbers(gradientSizes(activation, init, { ...DEEP, layers }), layers, t(`gradientSizes(${activation.name}, ...): one size per layer`, `gradientSizes(${activation.name}, ...)：每层一个大小`));
  sizes.forEach((s, i) => {
    if (!(s > 0)) fail(t(`gradientSizes(${activation.name}, ...), layer ${i + 1}\n  expected: a size above 0 (a root-mean-square)\n  got:      ${s}`, `gradientSizes(${activation.name}, ...)，第 ${i + 1} 层\n  expected: 一个大于 0 的大小（均方根）\n  got:      ${s}`));
  });
  return sizes;
}

const format = (sizes: number[]) => sizes.map((s) => s.toExponential(1)).join("  ");

describe("21 activations: ReLU, tanh, He and Xavier, and vanishing gradients (the roadmap; Deep Learning from Scratch 6.2) | 21 激活函数：ReLU、tanh、He 与 Xavier 初始化，以及梯度消失（学习路线图；《深度学习入门》6.2 节）", { timeout: LIMIT_MS }, () => {
  it("relu and leaky relu: the worked numbers, and the slope at the kink x = 0 is 0 for relu and alpha for leaky relu | relu 和 leaky relu：示例中的数，以及在拐点 x = 0 处的斜率，relu 是 0，leaky relu 是 alpha", () => {
    expectClose(relu(2.5), 2.5, "relu(2.5)", 0);
    expectClose(relu(-3), 0, "relu(-3)", 0);
    expectClose(relu(0), 0, "relu(0)", 0);
    expectClose(reluSlope(2.5), 1, "reluSlope(2.5)", 0);
    expectClose(reluSlope(-3), 0, "reluSlope(-3)", 0);
    expectClose(reluSlope(0), 0, t("reluSlope(0): the kink; the course, like PyTorch, takes 0 there", "reluSlope(0)：拐点；本课程和 PyTorch 一样在这里取 0"), 0);
    expectClose(leakyRelu(-3), -0.03, t("leakyRelu(-3): alpha 0.01 by default", "leakyRelu(-3)：alpha 默认是 0.01"), 1e-12);
    expectClose(leakyRelu(-3, 0.2), -0.6, "leakyRelu(-3, 0.2)", 1e-12);
    expectClose(leakyRelu(4, 0.2), 4, "leakyRelu(4, 0.2)", 0);
    expectClose(leakyReluSlope(-3, 0.2), 0.2, "leakyReluSlope(-3, 0.2)", 0);
    expectClose(leakyReluSlope(4, 0.2), 1, "leakyReluSlope(4, 0.2)", 0);
    expectClose(leakyReluSlope(0, 0.2), 0.2, t("leakyReluSlope(0, 0.2): at the kink, the left side's slope alpha", "leakyReluSlope(0, 0.2)：在拐点处取左侧的斜率 alpha"), 0);
    expectClose(leakyReluSlope(-1), 0.01, t("leakyReluSlope(-1): alpha 0.01 by default", "leakyReluSlope(-1)：alpha 默认是 0.01"), 0);
  });

  it("tanh: tanh(0) = 0, tanh(1) = 0.7616, between -1 and 1, odd, and tanh(x) = 2 sigmoid(2x) - 1 | tanh：tanh(0) = 0，tanh(1) = 0.7616，在 -1 和 1 之间，是奇函数，并且 tanh(x) = 2 sigmoid(2x) - 1", () => {
    expectClose(tanh(0), 0, "tanh(0)", 1e-12);
    expectClose(tanh(1), 0.76159, "tanh(1)", 1e-5);
    expectClose(tanhSlope(0), 1, t("tanhSlope(0): four times as steep as the sigmoid's 0.25", "tanhSlope(0)：是 S 函数的 0.25 的四倍陡"), 1e-12);
    expectClose(tanhSlope(1), 0.41997, "tanhSlope(1) = 1 - tanh(1)^2", 1e-5);
    expectClose(tanh(1e4), 1, t("tanh(1e4): no overflow", "tanh(1e4)：不溢出"), 1e-12);
    expectClose(tanh(-1e4), -1, t("tanh(-1e4): no overflow", "tanh(-1e4)：不溢出"), 1e-12);
    fc.assert(
      fc.property(between(-30, 30), (x) => {
        const y = expectNumber(tanh(x), `tanh(${x})`);
        if (!(y >= -1 && y <= 1)) fail(t(`tanh(${x})\n  expected: from -1 to 1\n  got:      ${y}`, `tanh(${x})\n  expected: 在 -1 到 1 之间\n  got:      ${y}`));
        expectClose(tanh(-x), -y, `tanh(${-x}) = -tanh(${x})`, 1e-12);
        expectClose(y, 2 / (1 + Math.exp(-2 * x)) - 1, `tanh(${x}) against 2 sigmoid(2x) - 1 | tanh(${x}) 与 2 sigmoid(2x) - 1 对比`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("every slope matches the slope measured by central differences, away from the kink | 在拐点以外，每个斜率都与中心差分测出的斜率相符", () => {
    checkSlope("reluSlope", relu, reluSlope, offKink);
    checkSlope("leakyReluSlope", (x) => leakyRelu(x, 0.1), (x) => leakyReluSlope(x, 0.1), offKink);
    checkSlope("tanhSlope", tanh, tanhSlope, between(-10, 10));
    checkSlope("RELU.slope", RELU.f, RELU.slope, offKink);
  });

  it("normalWeights: fanIn x fanOut, the same seed the same numbers, mean 0 and the asked-for spread over 10,000 draws | normalWeights：fanIn x fanOut，同样的种子给出同样的数，10,000 次抽样的平均值为 0、离散程度和要求的一样", () => {
    const w = normalWeights(100, 100, 0.3, createRng(5));
    expectMatrix(w, 100, 100, t("normalWeights(100, 100, 0.3, rng): one row per input, one column per node", "normalWeights(100, 100, 0.3, rng)：每个输入一行，每个节点一列"));
    const again = normalWeights(100, 100, 0.3, createRng(5));
    if (!w.data.every((v, i) => v === again.data[i])) fail(t("normalWeights with the same seed twice gave different numbers: draw each with randomNormal(rng, 0, std) from exercise 09", "用同一个种子两次调用 normalWeights 给出了不同的数：每个数都用练习 09 的 randomNormal(rng, 0, std) 抽取"));
    const rng = createRng(5);
    w.data.forEach((v, i) => {
      const expected = randomNormal(rng, 0, 0.3);
      if (v !== expected) fail(t(`normalWeights(100, 100, 0.3, createRng(5)), entry [${i}] of .data\n  expected: ${expected}, the next randomNormal(rng, 0, 0.3): fill the entries in order, (0, 0), (0, 1), ...\n  got:      ${v}`, `normalWeights(100, 100, 0.3, createRng(5))，.data 的第 [${i}] 项\n  expected: ${expected}，即下一个 randomNormal(rng, 0, 0.3)：按 (0, 0)、(0, 1)、... 的顺序填入\n  got:      ${v}`));
    });
    const { mean, std } = statistics(w);
    expectClose(mean, 0, t("mean of 10,000 normalWeights(.., 0.3) (the mean of 10,000 draws wanders by about 0.003)", "10,000 个 normalWeights(.., 0.3) 的平均值（10,000 次抽样的平均值大约会有 0.003 的波动）"), 0.012);
    expectClose(std, 0.3, t("standard deviation of 10,000 normalWeights(.., 0.3)", "10,000 个 normalWeights(.., 0.3) 的标准差"), 0.01);
    expectMatrix(normalWeights(3, 7, 1, createRng(1)), 3, 7, "normalWeights(3, 7, 1, rng)");
  });

  it("Xavier gives std 1 / sqrt(fanIn), He sqrt(2 / fanIn): measured on 10,000 draws | Xavier 给出标准差 1 / sqrt(fanIn)，He 给出 sqrt(2 / fanIn)：在 10,000 次抽样上测量", () => {
    for (const [name, init, fanIn, expected] of [
      ["xavierWeights", xavierWeights, 100, 0.1],
      ["xavierWeights", xavierWeights, 400, 0.05],
      ["heWeights", heWeights, 100, Math.sqrt(0.02)],
      ["heWeights", heWeights, 400, Math.sqrt(2 / 400)],
    ] as const) {
      const fanOut = 10_000 / fanIn;
      const w = init(fanIn, fanOut, createRng(11));
      expectMatrix(w, fanIn, fanOut, `${name}(${fanIn}, ${fanOut}, rng)`);
      const { mean, std } = statistics(w);
      expectClose(mean, 0, t(`mean of ${name}(${fanIn}, ${fanOut})`, `${name}(${fanIn}, ${fanOut}) 的平均值`), 0.04 * expected);
      expectClose(std, expected, t(`standard deviation of ${name}(${fanIn}, ${fanOut}): ${name === "heWeights" ? "sqrt(2 / fanIn)" : "1 / sqrt(fanIn)"}`, `${name}(${fanIn}, ${fanOut}) 的标准差：${name === "heWeights" ? "sqrt(2 / fanIn)" : "1 / sqrt(fanIn)"}`), 0.03 * expected);
    }
  });

  it("bad sizes or spreads are clear errors | 不合理的大小或离散程度都给出清楚的错误", () => {
    expectMatrix(normalWeights(2, 2, 1, createRng(1)), 2, 2, t("normalWeights(2, 2, 1) works first", "normalWeights(2, 2, 1) 先要能用"));
    expectThrowsMentioning(() => normalWeights(0, 3, 1, createRng(1)), ["fanIn", "0"], t("normalWeights(0, 3, ...): no inputs", "normalWeights(0, 3, ...)：没有输入"));
    expectThrowsMentioning(() => normalWeights(3, 2.5, 1, createRng(1)), ["fanOut", "2.5"], "normalWeights(3, 2.5, ...)");
    expectThrowsMentioning(() => normalWeights(3, 3, -1, createRng(1)), ["-1"], "normalWeights(3, 3, std -1)");
    expectThrowsMentioning(() => normalWeights(3, 3, NaN, createRng(1)), ["NaN"], "normalWeights(3, 3, std NaN)");
    expectThrowsMentioning(() => normalWeights(3, 3, 0, createRng(1)), ["0"], t("normalWeights(3, 3, std 0): every weight the same, nothing to tell the nodes apart", "normalWeights(3, 3, std 0)：每个权重都一样，节点之间无从区分"));
    expectThrowsMentioning(() => normalWeights(3, 3, Infinity, createRng(1)), ["Infinity"], "normalWeights(3, 3, std Infinity)");
    expectMatrix(normalWeights(1, 1, 1e-3, createRng(1)), 1, 1, t("normalWeights(1, 1, 0.001): one input, one node, a small spread", "normalWeights(1, 1, 0.001)：一个输入、一个节点、很小的离散程度"));
  });

  it("gradientSizes on a tiny hand-checkable stack: 2 layers, 1 node, 1 sample, weights 3 and 0.5, f(x) = 2x | 在一个能手算验证的小网络上 gradientSizes：2 层、1 个节点、1 个样本，权重 3 和 0.5，f(x) = 2x", () => {
    // The rng gives the input x and then the top gradient g (the test's init draws nothing).
    const rng = createRng(7);
    const x = randomNormal(rng, 0, 1);
    const g = randomNormal(rng, 0, 1);
    const weights = [3, 0.5];
    let layer = 0;
    const init: Init = (fanIn, fanOut) => new Matrix(fanIn, fanOut, Float64Array.of(weights[layer++]));
    const double: Activation = { name: "f(x) = 2x", f: (v) => 2 * v, slope: () => 2 };
    // forward: a1 = 2 (3x) = 6x, a2 = 2 (0.5 * 6x) = 6x. back: delta2 = 2g, dW2 = a1 delta2 = 12 x g;
    // g1 = delta2 * 0.5 = g, delta1 = 2g, dW1 = x * 2g.
    const sizes = expectNumbers(gradientSizes(double, init, { layers: 2, width: 1, batch: 1, seed: 7 }), 2, t("gradientSizes(2x, weights 3 and 0.5, { layers: 2, width: 1, batch: 1, seed: 7 })", "gradientSizes(2x, 权重 3 和 0.5, { layers: 2, width: 1, batch: 1, seed: 7 })"));
    expectClose(sizes[0], Math.abs(2 * x * g), t(`layer 1: |dW1| = |x * 2g| with x = ${x}, g = ${g} (the first two numbers of createRng(7) after the weights)`, `第 1 层：|dW1| = |x * 2g|，其中 x = ${x}，g = ${g}（createRng(7) 在权重之后给出的前两个数）`), 1e-12);
    expectClose(sizes[1], Math.abs(12 * x * g), t("layer 2: |dW2| = |6x * 2g|", "第 2 层：|dW2| = |6x * 2g|"), 1e-12);
  });

  it("VANISHING: in a seeded 10-layer, 100-wide sigmoid network with the book's weights (Xavier) the gradient at layer 1 is over 100x smaller than at layer 10 | 梯度消失：在一个带种子的 10 层、每层 100 个节点、用书中权重（Xavier）的 S 函数网络里，第 1 层的梯度比第 10 层小 100 倍以上", () => {
    const sizes = callSizes(SIGMOID, xavierWeights);
    say(t(`\nsigmoid + Xavier, gradient size per layer (1..10): ${format(sizes)}  (layer 10 / layer 1: ${(sizes[9] / sizes[0]).toExponential(1)})`, `\nsigmoid + Xavier，每层的梯度大小（1..10）：${format(sizes)}  （第 10 层 / 第 1 层：${(sizes[9] / sizes[0]).toExponential(1)}）`));
    if (!(sizes[9] / sizes[0] > 100)) fail(t(`sigmoid + Xavier weights: layer 10's gradient over layer 1's\n  expected: above 100 (each sigmoid layer passes back at most 0.25 of the error)\n  got:      ${sizes[9] / sizes[0]} (sizes ${format(sizes)})`, `sigmoid + Xavier 权重：第 10 层的梯度除以第 1 层的\n  expected: 大于 100（每个 S 函数层最多把误差的 0.25 传回去）\n  got:      ${sizes[9] / sizes[0]}（各层大小 ${format(sizes)}）`));
    sizes.slice(1).forEach((s, i) => {
      if (!(s > sizes[i])) fail(t(`sigmoid + Xavier: the gradient should shrink at every step back, but layer ${i + 1} has ${sizes[i]} and layer ${i + 2} ${s}`, `sigmoid + Xavier：梯度每往回传一层都应该变小，但第 ${i + 1} 层是 ${sizes[i]}，第 ${i + 2} 层是 ${s}`));
    });
  });

  it("with ReLU and He weights the gradient at layer 1 stays within 10x of layer 10's | 用 ReLU 和 He 权重时，第 1 层的梯度与第 10 层的相差不到 10 倍", () => {
    const sizes = callSizes(RELU, heWeights);
    say(t(`ReLU + He, gradient size per layer (1..10):        ${format(sizes)}  (layer 10 / layer 1: ${(sizes[9] / sizes[0]).toFixed(2)})`, `ReLU + He，每层的梯度大小（1..10）：          ${format(sizes)}  （第 10 层 / 第 1 层：${(sizes[9] / sizes[0]).toFixed(2)}）`));
    const ratio = sizes[9] / sizes[0];
    if (!(ratio < 10 && ratio > 0.1)) fail(t(`ReLU + He weights: layer 10's gradient over layer 1's\n  expected: between 0.1 and 10\n  got:      ${ratio} (sizes ${format(sizes)})`, `ReLU + He 权重：第 10 层的梯度除以第 1 层的\n  expected: 在 0.1 和 10 之间\n  got:      ${ratio}（各层大小 ${format(sizes)}）`));
  });

  it("with sigmoid and normal(0, 1) weights the sigmoids saturate, but the large weights pass the error back undiminished: layer 1 stays far above the Xavier network's | 用 S 函数和 normal(0, 1) 权重时，S 函数会饱和，但大的权重把误差不减弱地传回去：第 1 层远高于 Xavier 网络的", () => {
    const sizes = callSizes(SIGMOID, unitNormalWeights);
    say(t(`sigmoid + normal(0, 1), gradient size per layer:   ${format(sizes)}  (layer 10 / layer 1: ${(sizes[9] / sizes[0]).toFixed(2)})`, `sigmoid + normal(0, 1)，每层的梯度大小：      ${format(sizes)}  （第 10 层 / 第 1 层：${(sizes[9] / sizes[0]).toFixed(2)}）`));
    const xavier = callSizes(SIGMOID, xavierWeights);
    if (!(sizes[0] > 100 * xavier[0])) fail(t(`sigmoid: layer 1's gradient with normal(0, 1) weights (${sizes[0]}) should be far above the vanished one with Xavier weights (${xavier[0]})`, `sigmoid：用 normal(0, 1) 权重时第 1 层的梯度（${sizes[0]}）应该远高于用 Xavier 权重时消失掉的那个（${xavier[0]}）`));
  });

  it("gradientChartPng draws one marker per layer, layer 1 lowest for the vanishing sigmoid network (written to reports/) | gradientChartPng 每层画一个标记，对梯度消失的 S 函数网络，第 1 层最低（写到 reports/）", () => {
    fs.mkdirSync(reports, { recursive: true });
    for (const [name, activation, init] of [["sigmoid-xavier", SIGMOID, xavierWeights], ["relu-he", RELU, heWeights]] as const) {
      const sizes = callSizes(activation, init);
      const png = gradientChartPng(sizes);
      const found = chartMarkers(png, POINT, t(`gradientChartPng(sizes of ${name})`, `gradientChartPng(${name} 的各层大小)`));
      if (found.length !== sizes.length) fail(t(`gradientChartPng(sizes of ${name})\n  expected: ${sizes.length} markers, one per layer\n  got:      ${found.length}`, `gradientChartPng(${name} 的各层大小)\n  expected: ${sizes.length} 个标记，每层一个\n  got:      ${found.length}`));
      if (name === "sigmoid-xavier" && !(found[0].y > found[9].y)) fail(t(`gradientChartPng(sizes of ${name}): layer 1's marker should be lower in the picture than layer 10's`, `gradientChartPng(${name} 的各层大小)：第 1 层的标记在图中应该比第 10 层的低`));
      const file = path.join(reports, `21-gradients-${name}.png`);
      fs.writeFileSync(file, png as Buffer);
      say(t(`chart: ${path.relative(process.cwd(), file)} (log10 of the gradient size, layer 1 on the left)`, `图表：${path.relative(process.cwd(), file)}（梯度大小的 log10，第 1 层在左边）`));
    }
  });
});
