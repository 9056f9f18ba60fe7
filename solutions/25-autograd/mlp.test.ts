import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectMatrix, expectNumber, expectNumbers, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { expectGradient, numericGradient } from "../_testkit/gradcheck";
import { Matrix } from "../05-matrix/matrix";
import { gradients } from "../08-gradient/gradient";
import { Value } from "./autograd";
import { MLP, trainStep, valueGradients, type Sample } from "./mlp";

// Random small book networks, as in exercise 08: 1 to 6 nodes a layer, numbers in hundredths.
const nodes = fc.integer({ min: 1, max: 6 });
const hundredths = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);
const numbers = (count: number, min: number, max: number) => fc.array(hundredths(min, max), { minLength: count, maxLength: count });
const rowsOf = (rows: number, cols: number) => numbers(rows * cols, -2, 2).map((flat) => Array.from({ length: rows }, (_, i) => flat.slice(i * cols, (i + 1) * cols)));
const bookNetwork = fc.tuple(nodes, nodes, nodes).chain(([i, h, o]) =>
  fc.record({ wih: rowsOf(h, i), who: rowsOf(o, h), inputs: numbers(i, 0.01, 1), targets: numbers(o, 0.01, 0.99) }),
);

const XOR: Sample[] = [
  { inputs: [0, 0], targets: [0] },
  { inputs: [0, 1], targets: [1] },
  { inputs: [1, 0], targets: [1] },
  { inputs: [1, 1], targets: [0] },
];

/** The outputs of the network as plain numbers. */
function outputsOf(mlp: MLP, inputs: number[], what: string): number[] {
  const out = mlp.call(inputs);
  if (!Array.isArray(out)) fail(t(`${what}\n  expected: an array of Values, one per output node\n  got:      ${String(out)}`, `${what}\n  expected: 由 Value 组成的数组，每个输出节点一个\n  got:      ${String(out)}`));
  return expectNumbers(out.map((v) => (v instanceof Value ? v.data : v)), mlp.sizes[mlp.sizes.length - 1], t(`${what}: .data of each output Value`, `${what}：每个输出 Value 的 .data`));
}

/** The loss trainStep walks downhill on, by the test's own sum over the samples. */
const lossOf = (mlp: MLP, samples: Sample[]) =>
  samples.reduce((sum, s) => sum + outputsOf(mlp, s.inputs, `mlp.call([${s.inputs}])`).reduce((e, o, k) => e + 0.5 * (s.targets[k] - o) ** 2, 0), 0);

function parametersOf(mlp: MLP, what: string): Value[] {
  const params = mlp.parameters();
  if (!Array.isArray(params) || !params.every((p) => p instanceof Value)) fail(t(`${what}.parameters()\n  expected: an array of Values, every weight and bias\n  got:      ${String(params)}`, `${what}.parameters()\n  expected: 由 Value 组成的数组，包含每个权重和偏置\n  got:      ${String(params)}`));
  return params;
}

// Property tests with gradient checks take a few seconds; a busy machine may need many more.
const LIMIT_MS = 120_000;

describe("25 autograd: networks made of Values | 25 自动求导：由 Value 组成的网络", { timeout: LIMIT_MS }, () => {
  it("valueGradients on the book's 3-3-3 network (1.7) equals your exercise 08 gradients(wih, who, inputs, targets) | 书中 3-3-3 网络（1.7 节）上的 valueGradients 等于你在练习 08 写的 gradients(wih, who, inputs, targets)", () => {
    const wih = Matrix.fromArray([[0.9, 0.3, 0.4], [0.2, 0.8, 0.2], [0.1, 0.5, 0.6]]);
    const who = Matrix.fromArray([[0.3, 0.7, 0.5], [0.6, 0.5, 0.2], [0.8, 0.1, 0.9]]);
    const inputs = Matrix.column([0.9, 0.1, 0.8]);
    const targets = Matrix.column([0.01, 0.99, 0.01]);
    // Your exercise 08 must still be gradients(wih, who, inputs, targets) -> { wih, who }.
    if (typeof gradients !== "function" || gradients.length !== 4) fail(t(`exercise 08 should export gradients(wih, who, inputs, targets), a function of four matrices; got ${typeof gradients} with ${(gradients as { length?: number }).length} parameters`, `练习 08 应该导出 gradients(wih, who, inputs, targets)，一个接收四个矩阵的函数；实际是有 ${(gradients as { length?: number }).length} 个参数的 ${typeof gradients}`));
    const byHand = gradients(wih, who, inputs, targets);
    const byValue = valueGradients(wih, who, inputs, targets);
    for (const layer of ["wih", "who"] as const) {
      const expected = expectMatrix(byHand?.[layer], 3, 3, t(`your exercise 08: gradients(...).${layer} for the book's network (3x3)`, `你的练习 08：书中网络（3x3）的 gradients(...).${layer}`));
      const got = expectMatrix(byValue?.[layer], 3, 3, `valueGradients(...).${layer}`);
      got.forEach((row, r) => row.forEach((g, c) => expectClose(g, expected[r][c], t(`valueGradients(book network).${layer} entry (${r}, ${c}) against exercise 08`, `valueGradients(书中网络).${layer} 的第 (${r}, ${c}) 项与练习 08 对比`), 1e-12)));
    }
  });

  it("valueGradients equals exercise 08's exact gradient for random small networks | 在随机的小网络上，valueGradients 等于练习 08 的精确梯度", () => {
    fc.assert(
      fc.property(bookNetwork, ({ wih, who, inputs, targets }) => {
        const args = [Matrix.fromArray(wih), Matrix.fromArray(who), Matrix.column(inputs), Matrix.column(targets)] as const;
        const byHand = gradients(...args);
        const byValue = valueGradients(...args);
        const what = t(`a ${inputs.length}-${wih.length}-${who.length} network, wih ${JSON.stringify(wih)}, who ${JSON.stringify(who)}, inputs [${inputs}], targets [${targets}]`, `一个 ${inputs.length}-${wih.length}-${who.length} 的网络，wih ${JSON.stringify(wih)}，who ${JSON.stringify(who)}，inputs [${inputs}]，targets [${targets}]`);
        for (const layer of ["wih", "who"] as const) {
          const rows = layer === "wih" ? wih : who;
          const expected = expectMatrix(byHand[layer], rows.length, rows[0].length, `exercise 08 gradients(...).${layer}`);
          const got = expectMatrix(byValue?.[layer], rows.length, rows[0].length, t(`valueGradients(...).${layer} for ${what}`, `${what} 的 valueGradients(...).${layer}`));
          got.forEach((row, r) => row.forEach((g, c) => expectClose(g, expected[r][c], t(`valueGradients(...).${layer} entry (${r}, ${c}) for ${what}, against exercise 08`, `${what} 的 valueGradients(...).${layer} 第 (${r}, ${c}) 项与练习 08 对比`), 1e-12)));
        }
      }),
      propertyOptions(100),
    );
  });

  it("valueGradients with matrices that do not fit together: an error that names the shapes | 矩阵对不上的 valueGradients：给出写明形状的错误", () => {
    const wih = Matrix.fromArray([[0.9, 0.3, 0.4], [0.2, 0.8, 0.2]]);
    expectThrowsMentioning(() => valueGradients(wih, Matrix.fromArray([[0.3, 0.7]]), Matrix.column([0.9, 0.1]), Matrix.column([0.5])), ["2x3", "2x1"], t("valueGradients with 2 inputs for a wih of 2x3", "wih 是 2x3 时传 2 个输入的 valueGradients"));
    expectThrowsMentioning(() => valueGradients(wih, Matrix.fromArray([[0.3, 0.7, 0.1]]), Matrix.column([0.9, 0.1, 0.8]), Matrix.column([0.5])), ["2x3", "1x3"], t("valueGradients with who 1x3 after a wih of 2x3", "wih 是 2x3 之后 who 是 1x3 的 valueGradients"));
    expectThrowsMentioning(() => valueGradients(wih, Matrix.fromArray([[0.3, 0.7]]), Matrix.column([0.9, 0.1, 0.8]), Matrix.column([0.5, 0.5])), ["1x2", "2x1"], t("valueGradients with 2 targets for 1 output node", "只有 1 个输出节点却传 2 个目标值的 valueGradients"));
    expectThrowsMentioning(() => valueGradients(wih, Matrix.fromArray([[0.3, 0.7]]), Matrix.fromArray([[0.9, 1], [0.1, 1], [0.8, 1]]), Matrix.column([0.5])), ["3x1", "3x2"], t("valueGradients with inputs of two columns", "输入有两列的 valueGradients"));
    expectThrowsMentioning(() => valueGradients(wih, Matrix.fromArray([[0.3, 0.7]]), Matrix.column([0.9, 0.1, 0.8]), Matrix.fromArray([[0.5, 0.5]])), ["1x1", "1x2"], t("valueGradients with targets as a row", "目标值是一行的 valueGradients"));
  });

  it("MLP: one weight per link and one bias per node, the same seed gives the same network | MLP：每条链接一个权重，每个节点一个偏置，同样的种子得到同样的网络", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }), fc.integer({ min: 1, max: 1000 }), (sizes, seed) => {
        const mlp = new MLP(sizes, seed);
        const params = parametersOf(mlp, `new MLP([${sizes}], ${seed})`);
        const expected = sizes.slice(1).reduce((sum, n, l) => sum + (sizes[l] + 1) * n, 0);
        if (params.length !== expected) fail(t(`new MLP([${sizes}]).parameters()\n  expected: ${expected} Values (each node has one weight per node of the layer before, and a bias)\n  got:      ${params.length}`, `new MLP([${sizes}]).parameters()\n  expected: ${expected} 个 Value（每个节点对前一层的每个节点各有一个权重，外加一个偏置）\n  got:      ${params.length}`));
        if (new Set(params).size !== params.length) fail(t(`new MLP([${sizes}]).parameters() lists the same Value twice`, `new MLP([${sizes}]).parameters() 把同一个 Value 列出了两次`));
        const again = parametersOf(new MLP(sizes, seed), t(`a second new MLP([${sizes}], ${seed})`, `第二个 new MLP([${sizes}], ${seed})`)).map((p) => p.data);
        if (params.some((p, i) => p.data !== again[i])) fail(t(`two MLPs made with seed ${seed} have different weights: the seed must make the start repeatable (use createRng from exercise 09)`, `用种子 ${seed} 创建的两个 MLP 权重不同：种子必须让起点可重复（用练习 09 的 createRng）`));
        const inputs = Array.from({ length: sizes[0] }, (_, i) => (i % 3) / 2);
        for (const o of outputsOf(mlp, inputs, `new MLP([${sizes}]).call([${inputs}])`)) {
          if (!(o > 0 && o < 1)) fail(t(`new MLP([${sizes}]).call(...): the output layer uses the sigmoid, so every output is between 0 and 1; got ${o}`, `new MLP([${sizes}]).call(...)：输出层用 S 函数，所以每个输出都在 0 和 1 之间；实际是 ${o}`));
        }
      }),
      propertyOptions(100),
    );
  });

  it("MLP's starting weights are normal with standard deviation 1 / sqrt(inputs of the node), as in exercise 09; biases start at 0 | MLP 的起始权重服从正态分布，标准差是 1 / sqrt(该节点的输入数)，和练习 09 一样；偏置从 0 开始", () => {
    const mlp = new MLP([400, 30, 1], 5);
    const [hidden] = mlp.layers;
    const weights = hidden.weights.flat().map((w) => w.data);
    const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
    const std = Math.sqrt(weights.reduce((a, w) => a + (w - mean) ** 2, 0) / weights.length);
    if (Math.abs(std - 0.05) > 0.005 || Math.abs(mean) > 0.005) fail(t(`new MLP([400, 30, 1]): the 12,000 weights into the hidden layer\n  expected: mean about 0, standard deviation about 1 / sqrt(400) = 0.05\n  got:      mean ${mean}, standard deviation ${std}`, `new MLP([400, 30, 1])：进入隐藏层的 12,000 个权重\n  expected: 平均值约为 0，标准差约为 1 / sqrt(400) = 0.05\n  got:      平均值 ${mean}，标准差 ${std}`));
    if (mlp.layers.some((layer) => layer.biases.some((b) => b.data !== 0))) fail(t("new MLP([400, 30, 1]): every bias should start at 0", "new MLP([400, 30, 1])：每个偏置都应该从 0 开始"));
  });

  it("trainStep: the loss is 1/2 sum (t - o)^2 over the samples, and every parameter moves by -learningRate * its measured slope | trainStep：损失是对各样本求和的 1/2 sum (t - o)^2，每个参数都移动 -learningRate * 它测出的斜率", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom([2, 3, 1], [1, 2, 2], [2, 2, 1, 1]), hundredths(0.01, 1), (seed, sizes, learningRate) => {
        const mlp = new MLP(sizes, seed);
        const samples = [0, 1].map((i) => ({ inputs: Array.from({ length: sizes[0] }, (_, j) => ((i + j) % 3) / 2 - 0.4), targets: Array.from({ length: sizes[sizes.length - 1] }, (_, k) => (i + k) % 2) }));
        const params = parametersOf(mlp, `new MLP([${sizes}], ${seed})`);
        const before = params.map((p) => p.data);
        const loss = lossOf(mlp, samples);
        const data = { length: params.length } as { [i: number]: number; length: number };
        params.forEach((p, i) => Object.defineProperty(data, i, { get: () => p.data, set: (x: number) => (p.data = x) }));
        const steps: number[] = [];
        const returned = expectNumber(trainStep(mlp, samples, learningRate), t(`trainStep(new MLP([${sizes}], ${seed}), 2 samples, ${learningRate}): the loss`, `trainStep(new MLP([${sizes}], ${seed}), 2 个样本, ${learningRate})：损失`));
        params.forEach((p, i) => steps.push((p.data - before[i]) / -learningRate));
        expectClose(returned, loss, t(`trainStep(new MLP([${sizes}], ${seed}), ...) returns the loss before the step, 1/2 * sum over the samples of sum((t - o)^2)`, `trainStep(new MLP([${sizes}], ${seed}), ...) 返回这一步之前的损失，即对各样本求和的 1/2 * sum((t - o)^2)`), 1e-9);
        params.forEach((p, i) => (p.data = before[i]));
        expectGradient(steps, numericGradient(() => lossOf(mlp, samples), data), t(`trainStep: (parameter after - before) / -learningRate, for new MLP([${sizes}], ${seed}), learningRate ${learningRate}, against the measured slope of the loss`, `trainStep：(参数之后 - 之前) / -learningRate，new MLP([${sizes}], ${seed})，learningRate ${learningRate}，与测出的损失斜率对比`));
      }),
      propertyOptions(100),
    );
  });

  it("trainStep zeroes the slopes first: two steps in a row give the same result as two fresh ones | trainStep 先把斜率清零：连续走两步，和两次全新的一步结果相同", () => {
    const a = new MLP([2, 3, 1], 7);
    trainStep(a, XOR, 0.5);
    const second = parametersOf(a, "new MLP([2, 3, 1], 7)").map((p) => p.data);
    // The second step, from a copy of the weights with every grad at 0.
    trainStep(a, XOR, 0.5);
    const b = new MLP([2, 3, 1], 7);
    parametersOf(b, "new MLP([2, 3, 1], 7)").forEach((p, i) => (p.data = second[i]));
    trainStep(b, XOR, 0.5);
    const pa = parametersOf(a, "a").map((p) => p.data);
    parametersOf(b, "b").forEach((p, i) => expectClose(pa[i], p.data, t(`parameter [${i}] after two steps: backward adds to grad, so a step that does not zero the slopes first also walks by the last step's slopes`, `两步之后的参数 [${i}]：backward 是往 grad 上加，所以没有先清零斜率的那一步，还会按上一步的斜率再走一遍`), 1e-12));
  });

  it("XOR: a 2-4-1 MLP trained with trainStep learns all four rows (exercise 03 showed one layer cannot) | XOR：用 trainStep 训练的 2-4-1 MLP 能学会全部四行（练习 03 说明了单层做不到）", () => {
    const mlp = new MLP([2, 4, 1], 1);
    const losses: number[] = [];
    for (let step = 0; step < 500; step++) losses.push(trainStep(mlp, XOR, 0.5));
    const final = lossOf(mlp, XOR);
    for (const { inputs, targets } of XOR) {
      const [o] = outputsOf(mlp, inputs, t(`after 500 steps, mlp.call([${inputs}])`, `500 步之后，mlp.call([${inputs}])`));
      if (Math.round(o) !== targets[0]) fail(t(`XOR after 500 trainSteps with learning rate 0.5 (new MLP([2, 4, 1], 1))\n  [${inputs}] should give ${targets[0]}, got ${o}\n  loss went from ${losses[0]} to ${final}`, `用学习率 0.5 训练 500 次 trainStep 之后的 XOR（new MLP([2, 4, 1], 1)）\n  [${inputs}] 应该给出 ${targets[0]}，实际是 ${o}\n  损失从 ${losses[0]} 变成了 ${final}`));
    }
    if (!(final < 0.05)) fail(t(`XOR after 500 trainSteps: the loss should be below 0.05, got ${final} (it started at ${losses[0]})`, `训练 500 次 trainStep 之后的 XOR：损失应该低于 0.05，实际是 ${final}（起始是 ${losses[0]}）`));
  });

  it("bad input: sizes, inputs, samples and learning rate are checked with clear errors | 不合理的输入：大小、输入、样本和学习率都要检查，并给出清楚的错误", () => {
    expectThrowsMentioning(() => new MLP([2]), ["[2]", "two"], t("new MLP([2]): a network needs inputs and outputs", "new MLP([2])：网络需要有输入和输出"));
    expectThrowsMentioning(() => new MLP([2, 0, 1]), ["layer 1", "0"], "new MLP([2, 0, 1])");
    expectThrowsMentioning(() => new MLP([2, 1.5, 1]), ["layer 1", "1.5"], "new MLP([2, 1.5, 1])");
    const mlp = new MLP([2, 3, 1]);
    expectThrowsMentioning(() => mlp.call([1, 2, 3]), ["2", "3"], "new MLP([2, 3, 1]).call([1, 2, 3])");
    expectThrowsMentioning(() => trainStep(mlp, [], 0.1), ["no samples"], t("trainStep with no samples", "没有样本的 trainStep"));
    expectThrowsMentioning(() => trainStep(mlp, XOR, 0), ["learningRate", "0"], t("trainStep with learning rate 0", "学习率为 0 的 trainStep"));
    expectThrowsMentioning(() => trainStep(mlp, [{ inputs: [0, 1], targets: [1, 0] }], 0.1), ["1 outputs", "2 targets"], t("trainStep with 2 targets for 1 output", "只有 1 个输出却传 2 个目标值的 trainStep"));
  });
});
