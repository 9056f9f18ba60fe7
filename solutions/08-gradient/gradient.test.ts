import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectCloseMatrix, expectMatrix, expectNumber, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { Matrix } from "../05-matrix/matrix";
import { errorSlope, gradients, updateWeight, weightDeltas } from "./gradient";

// The book's example (1.15): output node 1 has error e1 = 0.8 and two links, w11 = 2.0 from a
// hidden node with output 0.4 and w21 = 3.0 from one with output 0.5.
const E1 = 0.8;
const W11 = 2.0;
const W21 = 3.0;
const HIDDEN = [0.4, 0.5];
const SUM_INPUT = W11 * HIDDEN[0] + W21 * HIDDEN[1]; // 2.3

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const weightedSums = (weights: number[][], inputs: number[]) => weights.map((row) => row.reduce((sum, w, j) => sum + w * inputs[j], 0));

/** The error E = 1/2 * sum((t - o)^2) of a three-layer network, by the test's own forward pass. */
function networkError(wih: number[][], who: number[][], inputs: number[], targets: number[]): number {
  const hidden = weightedSums(wih, inputs).map(sigmoid);
  const outputs = weightedSums(who, hidden).map(sigmoid);
  return outputs.reduce((sum, o, k) => sum + 0.5 * (targets[k] - o) ** 2, 0);
}

// Random small networks: 1 to 6 nodes a layer, weights from -2 to 2, inputs 0.01 to 1 and
// targets 0.01 to 0.99 (the ranges the book prepares in 1.16).
const nodes = fc.integer({ min: 1, max: 6 });
// Numbers in hundredths (0.37, -1.5) keep a failing example readable.
const hundredths = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);
const numbers = (count: number, min: number, max: number) => fc.array(hundredths(min, max), { minLength: count, maxLength: count });
const rowsOf = (rows: number, cols: number) => numbers(rows * cols, -2, 2).map((flat) => Array.from({ length: rows }, (_, i) => flat.slice(i * cols, (i + 1) * cols)));
const smallNetwork = fc.tuple(nodes, nodes, nodes).chain(([inputNodes, hiddenNodes, outputNodes]) =>
  fc.record({
    wih: rowsOf(hiddenNodes, inputNodes),
    who: rowsOf(outputNodes, hiddenNodes),
    inputs: numbers(inputNodes, 0.01, 1),
    targets: numbers(outputNodes, 0.01, 0.99),
  }),
);
type Network = { wih: number[][]; who: number[][]; inputs: number[]; targets: number[] };
const describeNetwork = ({ wih, who, inputs, targets }: Network) =>
  t(`a ${inputs.length}-${wih.length}-${who.length} network, wih ${JSON.stringify(wih)}, who ${JSON.stringify(who)}, inputs [${inputs}], targets [${targets}]`, `一个 ${inputs.length}-${wih.length}-${who.length} 的网络，wih ${JSON.stringify(wih)}，who ${JSON.stringify(who)}，inputs [${inputs}]，targets [${targets}]`);

function callGradients({ wih, who, inputs, targets }: Network) {
  const g = gradients(Matrix.fromArray(wih), Matrix.fromArray(who), Matrix.column(inputs), Matrix.column(targets));
  if (typeof g !== "object" || g === null) fail(t(`gradients(wih, who, inputs, targets)\n  expected: an object { wih, who } of two matrices\n  got:      ${String(g)}`, `gradients(wih, who, inputs, targets)\n  expected: 一个含两个矩阵的对象 { wih, who }\n  got:      ${String(g)}`));
  const what = t(`gradients(...) for a ${inputs.length}-${wih.length}-${who.length} network`, `一个 ${inputs.length}-${wih.length}-${who.length} 网络的 gradients(...)`);
  return {
    wih: expectMatrix(g.wih, wih.length, inputs.length, t(`${what}: .wih, one slope per weight of wih (hiddenNodes x inputNodes)`, `${what}：.wih，wih 的每个权重一个斜率（hiddenNodes x inputNodes）`)),
    who: expectMatrix(g.who, who.length, wih.length, t(`${what}: .who, one slope per weight of who (outputNodes x hiddenNodes)`, `${what}：.who，who 的每个权重一个斜率（outputNodes x hiddenNodes）`)),
  };
}

describe("08 gradient: the slope of the error and the weight update (book 1.14, 1.15) | 08 梯度：误差的斜率与权重更新（书中 1.14、1.15 节）", () => {
  it("errorSlope: the book's w11 has slope -0.8 * sigmoid(2.3) * (1 - sigmoid(2.3)) * 0.4 = -0.0265 (book 1.15) | errorSlope：书中 w11 的斜率是 -0.8 * sigmoid(2.3) * (1 - sigmoid(2.3)) * 0.4 = -0.0265（书中 1.15 节）", () => {
    expectClose(errorSlope(E1, SUM_INPUT, HIDDEN[0]), -0.0265, "errorSlope(error 0.8, sumInput 2.0*0.4 + 3.0*0.5 = 2.3, prevOutput 0.4) (book 1.15)", 1e-5);
    expectClose(errorSlope(E1, SUM_INPUT, HIDDEN[1]), -0.0331, t("errorSlope(0.8, 2.3, prevOutput 0.5): the slope for w21", "errorSlope(0.8, 2.3, prevOutput 0.5)：w21 的斜率"), 1e-4);
  });

  it("updateWeight: with learning rate 0.1 the book's w11 becomes 2.0 - 0.1 * -0.0265 = 2.00265 (book 1.15) | updateWeight：学习率 0.1 时书中的 w11 变成 2.0 - 0.1 * -0.0265 = 2.00265（书中 1.15 节）", () => {
    const slope = errorSlope(E1, SUM_INPUT, HIDDEN[0]);
    expectClose(updateWeight(W11, slope, 0.1), 2.00265, t(`updateWeight(2.0, slope ${slope}, learningRate 0.1): a negative slope means go up (book 1.15)`, `updateWeight(2.0, 斜率 ${slope}, learningRate 0.1)：斜率为负，就往上走（书中 1.15 节）`), 1e-5);
    expectClose(updateWeight(W11, 0.5, 0.1), 1.95, t("updateWeight(2.0, slope 0.5, learningRate 0.1): a positive slope means go down", "updateWeight(2.0, 斜率 0.5, learningRate 0.1)：斜率为正，就往下走"), 1e-12);
  });

  it("errorSlope is the slope of E = 1/2 (t - o)^2 as the weight changes, for any error, input and previous output | 对任意误差、输入和前一层输出，errorSlope 是 E = 1/2 (t - o)^2 随权重变化的斜率", () => {
    // Nudge the weight by +-h: node k's combined input moves by +-h * prevOutput.
    const h = 1e-6;
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (target, x, prev) => {
        const error = target - sigmoid(x);
        const E = (dw: number) => 0.5 * (target - sigmoid(x + dw * prev)) ** 2;
        const numeric = (E(h) - E(-h)) / (2 * h);
        expectClose(errorSlope(error, x, prev), numeric, t(`errorSlope(${error}, ${x}, ${prev}): the error's slope measured by nudging the weight is ${numeric}`, `errorSlope(${error}, ${x}, ${prev})：微调权重测出的误差斜率是 ${numeric}`), 1e-8);
      }),
      propertyOptions(),
    );
  });

  it("updateWeight takes a step of learningRate times the slope, downhill (against the slope) | updateWeight 走一步，步长为 learningRate 乘以斜率，方向向下坡（与斜率相反）", () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true }), (w, slope, rate) => {
        expectClose(updateWeight(w, slope, rate), w - rate * slope, t(`updateWeight(${w}, ${slope}, ${rate}): new w = old w - learningRate * slope`, `updateWeight(${w}, ${slope}, ${rate})：新 w = 旧 w - learningRate * 斜率`), 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("weightDeltas on the book's example: the change of [w11, w21] is [0.00265, 0.00331] with learning rate 0.1 | 书中例子的 weightDeltas：学习率 0.1 时 [w11, w21] 的变化是 [0.00265, 0.00331]", () => {
    const deltas = weightDeltas(Matrix.column([E1]), Matrix.column([sigmoid(SUM_INPUT)]), Matrix.column(HIDDEN), 0.1);
    expectMatrix(deltas, 1, 2, t("weightDeltas(errors 1x1, outputs 1x1, prevOutputs 2x1, 0.1): one output node with two links in, so 1x2 like its weights", "weightDeltas(errors 1x1, outputs 1x1, prevOutputs 2x1, 0.1)：一个输出节点，有两条传入链接，所以和它的权重一样是 1x2"));
    expectCloseMatrix(deltas, [[0.00265, 0.00331]], t("weightDeltas([0.8], [sigmoid(2.3)], [0.4, 0.5], 0.1): w11 goes from 2.0 to 2.00265 (book 1.15)", "weightDeltas([0.8], [sigmoid(2.3)], [0.4, 0.5], 0.1)：w11 从 2.0 变成 2.00265（书中 1.15 节）"), 1e-5);
  });

  it("weightDeltas for a layer of three nodes fed by two: a 3x2 matrix, entry (k, j) = lr * e_k * o_k * (1 - o_k) * prev_j | 由两个节点输入的三节点层的 weightDeltas：3x2 矩阵，元素 (k, j) = lr * e_k * o_k * (1 - o_k) * prev_j", () => {
    const errors = [0.5, -0.2, 0.1];
    const outputs = [0.6, 0.3, 0.9];
    const prev = [0.4, 0.8];
    const expected = errors.map((e, k) => prev.map((p) => 0.3 * e * outputs[k] * (1 - outputs[k]) * p));
    const deltas = weightDeltas(Matrix.column(errors), Matrix.column(outputs), Matrix.column(prev), 0.3);
    expectMatrix(deltas, 3, 2, t("weightDeltas(errors 3x1, outputs 3x1, prevOutputs 2x1, 0.3): the shape of the weights into the layer, 3x2", "weightDeltas(errors 3x1, outputs 3x1, prevOutputs 2x1, 0.3)：形状和进入这一层的权重相同，是 3x2"));
    expectCloseMatrix(deltas, expected, "weightDeltas([0.5, -0.2, 0.1], [0.6, 0.3, 0.9], [0.4, 0.8], 0.3)", 1e-12);
  });

  it("weightDeltas, for any layer sizes: entry (k, j) = learningRate * e_k * o_k * (1 - o_k) * prev_j | 对任意层大小，weightDeltas 的元素 (k, j) = learningRate * e_k * o_k * (1 - o_k) * prev_j", () => {
    const layer = fc.tuple(nodes, nodes).chain(([n, m]) => fc.tuple(numbers(n, -1, 1), numbers(n, 0.01, 0.99), numbers(m, 0.01, 1), fc.double({ min: 0.01, max: 1, noNaN: true })));
    fc.assert(
      fc.property(layer, ([errors, outputs, prev, rate]) => {
        const expected = errors.map((e, k) => prev.map((p) => rate * e * outputs[k] * (1 - outputs[k]) * p));
        expectCloseMatrix(weightDeltas(Matrix.column(errors), Matrix.column(outputs), Matrix.column(prev), rate), expected, `weightDeltas([${errors}], [${outputs}], [${prev}], ${rate})`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("weightDeltas with errors and outputs of different lengths: an error that names both shapes | 误差和输出长度不同时的 weightDeltas：错误信息写出两个形状", () => {
    expectThrowsMentioning(
      () => weightDeltas(Matrix.column([0.5, -0.2, 0.1]), Matrix.column([0.6, 0.3]), Matrix.column([0.4, 0.8]), 0.1),
      ["3x1", "2x1"],
      t("weightDeltas(errors 3x1, outputs 2x1, ...): one error and one output per node of the same layer", "weightDeltas(errors 3x1, outputs 2x1, ...)：同一层的每个节点各有一个误差和一个输出"),
    );
  });

  it("gradients returns one slope per weight: .wih is hiddenNodes x inputNodes, .who is outputNodes x hiddenNodes | gradients 为每个权重返回一个斜率：.wih 是 hiddenNodes x inputNodes，.who 是 outputNodes x hiddenNodes", () => {
    callGradients({ wih: [[0.9, 0.3, 0.4], [0.2, 0.8, 0.2]], who: [[0.3, 0.7]], inputs: [0.9, 0.1, 0.8], targets: [0.5] });
  });

  it("gradients and weightDeltas leave the matrices they are given as they were | gradients 和 weightDeltas 不改动传给它们的矩阵", () => {
    const given = { wih: [[0.9, 0.3, 0.4], [0.2, 0.8, 0.2]], who: [[0.3, 0.7]], inputs: [0.9, 0.1, 0.8], targets: [0.5] };
    const [wih, who, inputs, targets] = [Matrix.fromArray(given.wih), Matrix.fromArray(given.who), Matrix.column(given.inputs), Matrix.column(given.targets)];
    gradients(wih, who, inputs, targets);
    const errors = Matrix.column([0.8, -0.2]);
    const outputs = Matrix.column([0.6, 0.3]);
    weightDeltas(errors, outputs, inputs, 0.1);
    const unchanged = (m: Matrix, rows: number[][], name: string) => expectCloseMatrix(m, rows, t(`${name} after gradients and weightDeltas: it must not change`, `gradients 和 weightDeltas 之后的 ${name}：不能被改动`), 0);
    unchanged(wih, given.wih, "wih");
    unchanged(who, given.who, "who");
    unchanged(inputs, given.inputs.map((x) => [x]), "inputs");
    unchanged(targets, given.targets.map((x) => [x]), "targets");
    unchanged(errors, [[0.8], [-0.2]], "errors");
    unchanged(outputs, [[0.6], [0.3]], "outputs");
  });

  it("GRADIENT CHECK: for random small networks, every slope of both layers equals the numerical slope of E = 1/2 sum (t - o)^2 | 梯度检验：对随机的小网络，两层的每个斜率都等于 E = 1/2 sum (t - o)^2 的数值斜率", () => {
    // The numerical slope nudges one weight by +-h and measures the change of E (a central
    // difference): its error is about h^2 (the curve bends) plus 1e-16 * E / h (rounding in E).
    // h = 1e-5 balances the two: over 2,000 random networks the largest gap between the exact
    // slope and this estimate was 3e-11. A slope can itself be tiny (6e-9 was seen, where a
    // sigmoid saturates), where 1e-5 of it is below that noise, so a small absolute floor of
    // 1e-9 is allowed on top of the relative 1e-5; it is far below any slope a mistake changes.
    const h = 1e-5;
    const relative = 1e-5;
    const floor = 1e-9;
    fc.assert(
      fc.property(smallNetwork, (net) => {
        const analytic = callGradients(net);
        for (const layer of ["who", "wih"] as const) {
          const weights = net[layer];
          weights.forEach((row, r) =>
            row.forEach((w, c) => {
              row[c] = w + h;
              const up = networkError(net.wih, net.who, net.inputs, net.targets);
              row[c] = w - h;
              const down = networkError(net.wih, net.who, net.inputs, net.targets);
              row[c] = w;
              const numeric = (up - down) / (2 * h);
              const got = expectNumber(analytic[layer][r][c], t(`gradients(...).${layer}, entry (${r}, ${c})`, `gradients(...).${layer}，第 (${r}, ${c}) 项`));
              if (Math.abs(got - numeric) > relative * Math.max(Math.abs(got), Math.abs(numeric)) + floor) {
                const tip =
                  layer === "wih"
                    ? t("\n  tip: the exact slope sends back e * o * (1 - o) of each output node through who^T, not the plain error e (the book's shortcut)", "\n  提示：精确的斜率是把每个输出节点的 e * o * (1 - o) 经 who^T 传回去，而不是直接传误差 e（那是书中的简化做法）")
                    : "";
                fail(
                  t(`gradient check failed: layer ${layer}, weight (row ${r}, col ${c}), for ${describeNetwork(net)}\n`, `梯度检验失败：${layer} 层，权重（第 ${r} 行，第 ${c} 列），${describeNetwork(net)}\n`) +
                    t(`  analytic (your gradients): ${got}\n  numeric (central difference, h = ${h}): ${numeric}${tip}`, `  解析值（你的 gradients）：${got}\n  数值（中心差分，h = ${h}）：${numeric}${tip}`),
                );
              }
            }),
          );
        }
      }),
      // No shrinking: the first failing network keeps realistic numbers, which say more than a
      // shrunk one whose slopes are all nearly zero.
      { ...propertyOptions(200), endOnFailure: true },
    );
  });

  it("a small step against the gradient lowers the error: walking downhill (book 1.14) | 逆着梯度走一小步，误差会减小：往下坡走（书中 1.14 节）", () => {
    fc.assert(
      fc.property(smallNetwork, (net) => {
        const g = callGradients(net);
        const size = [...g.wih.flat(), ...g.who.flat()].reduce((sum, x) => sum + x * x, 0);
        const step = 0.01;
        if (step * size < 1e-10) return; // flat ground: the change would be lost in rounding
        const before = networkError(net.wih, net.who, net.inputs, net.targets);
        const downhill = (weights: number[][], slopes: number[][]) => weights.map((row, r) => row.map((w, c) => w - step * slopes[r][c]));
        const after = networkError(downhill(net.wih, g.wih), downhill(net.who, g.who), net.inputs, net.targets);
        if (!(after < before)) fail(t(`every weight moved by -0.01 * its slope from gradients(...), for ${describeNetwork(net)}\n  expected: the error to fall below ${before}\n  got:      ${after}`, `每个权重都按 gradients(...) 给出的斜率移动了 -0.01 * 斜率，${describeNetwork(net)}\n  expected: 误差降到 ${before} 以下\n  got:      ${after}`));
      }),
      propertyOptions(),
    );
  });
});
