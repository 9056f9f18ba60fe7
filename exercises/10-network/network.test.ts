import { describe, it } from "vitest";
import fc from "fast-check";
import { expectCloseMatrix, expectCloseNumbers, expectMatrix, expectNumbers, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { Matrix } from "../05-matrix/matrix";
import { createRng, initWeights } from "../09-prepare/prepare";
import { NeuralNetwork } from "./network";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const weightedSums = (weights: number[][], inputs: number[]) => weights.map((row) => row.reduce((sum, w, j) => sum + w * inputs[j], 0));
const transpose = (rows: number[][]) => rows[0].map((_, j) => rows.map((row) => row[j]));

/** The test's own forward pass, on plain arrays: the hidden and the final outputs. */
function forward(wih: number[][], who: number[][], inputs: number[]) {
  const hidden = weightedSums(wih, inputs).map(sigmoid);
  return { hidden, outputs: weightedSums(who, hidden).map(sigmoid) };
}

/** E = 1/2 * sum((t - o)^2), the error that training walks downhill on. */
function networkError(wih: number[][], who: number[][], inputs: number[], targets: number[]): number {
  return forward(wih, who, inputs).outputs.reduce((sum, o, k) => sum + 0.5 * (targets[k] - o) ** 2, 0);
}

/**
 * The book's step for wih: learningRate * ((whoBack^T . e) * h * (1 - h)) . I^T, where the forward
 * pass uses `who` and the errors go back through `whoBack` (the same `who`, unless a test asks
 * what a wrong order of steps would give).
 */
function bookHiddenStep(wih: number[][], who: number[][], inputs: number[], targets: number[], learningRate: number, whoBack = who): number[][] {
  const { hidden, outputs } = forward(wih, who, inputs);
  const hiddenErrors = weightedSums(transpose(whoBack), outputs.map((o, k) => targets[k] - o));
  return wih.map((row, j) => row.map((_, i) => learningRate * hiddenErrors[j] * hidden[j] * (1 - hidden[j]) * inputs[i]));
}

/** The weights of a network as plain rows, after checking their shape. */
function weightsOf(net: NeuralNetwork) {
  return {
    wih: expectMatrix(net.wih, net.hiddenNodes, net.inputNodes, t("net.wih: one row per hidden node, one column per input node (hiddenNodes x inputNodes)", "net.wih：每个隐藏节点一行，每个输入节点一列（hiddenNodes x inputNodes）")),
    who: expectMatrix(net.who, net.outputNodes, net.hiddenNodes, t("net.who: one row per output node, one column per hidden node (outputNodes x hiddenNodes)", "net.who：每个输出节点一行，每个隐藏节点一列（outputNodes x hiddenNodes）")),
  };
}

function queryOf(net: NeuralNetwork, inputs: ArrayLike<number>, what: string): number[] {
  return expectNumbers(net.query(inputs), net.outputNodes, t(`${what}: one answer per output node`, `${what}：每个输出节点一个答案`));
}

// Random small networks for the property tests: 1 to 6 nodes a layer, a seed for the starting
// weights, a learning rate, inputs and targets. Numbers in hundredths keep a failing example readable.
const hundredths = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);
const numbers = (count: number, min: number, max: number) => fc.array(hundredths(min, max), { minLength: count, maxLength: count });
const nodes = fc.integer({ min: 1, max: 6 });
const smallNetwork = (outputs = nodes) =>
  fc.tuple(nodes, nodes, outputs).chain(([inputNodes, hiddenNodes, outputNodes]) =>
    fc.record({
      sizes: fc.constant([inputNodes, hiddenNodes, outputNodes] as const),
      learningRate: hundredths(0.01, 1),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      inputs: numbers(inputNodes, 0.01, 1),
      targets: numbers(outputNodes, 0.01, 0.99),
    }),
  );
type Example = { sizes: readonly [number, number, number]; learningRate: number; seed: number; inputs: number[]; targets: number[] };
const build = ({ sizes, learningRate, seed }: Example) => new NeuralNetwork(sizes[0], sizes[1], sizes[2], learningRate, seed);
const describeExample = ({ sizes, learningRate, seed, inputs, targets }: Example) =>
  t(`new NeuralNetwork(${sizes.join(", ")}, ${learningRate}, seed ${seed}), train([${inputs}], [${targets}])`, `new NeuralNetwork(${sizes.join(", ")}, ${learningRate}, 种子 ${seed})，train([${inputs}], [${targets}])`);

/** Trains once and returns the weights before and after. */
function trainOnce(example: Example) {
  const net = build(example);
  const before = weightsOf(net);
  net.train(example.inputs, example.targets);
  return { before, after: weightsOf(net) };
}

// The numerical slope of E nudges one weight by +-h (a central difference); its error is about
// h^2 (the curve bends) plus 1e-16 * E / h (rounding), smallest near h = 1e-5, where it stays
// below 1e-10. Steps are compared to a relative 1e-5, with an absolute floor of 1e-9 for the
// tiny steps of weights whose node is saturated.
const H = 1e-5;
const RELATIVE = 1e-5;
const FLOOR = 1e-9;
const differ = (a: number, b: number, relative = RELATIVE, floor = FLOOR) => Math.abs(a - b) > relative * Math.max(Math.abs(a), Math.abs(b)) + floor;

function numericSlope(layer: "wih" | "who", weights: { wih: number[][]; who: number[][] }, r: number, c: number, inputs: number[], targets: number[]): number {
  const row = weights[layer][r];
  const w = row[c];
  row[c] = w + H;
  const up = networkError(weights.wih, weights.who, inputs, targets);
  row[c] = w - H;
  const down = networkError(weights.wih, weights.who, inputs, targets);
  row[c] = w;
  return (up - down) / (2 * H);
}

// XOR, with the book's scaling: inputs and targets 0.01 for false and 0.99 for true.
const XOR = [
  { inputs: [0.01, 0.01], target: 0.01 },
  { inputs: [0.01, 0.99], target: 0.99 },
  { inputs: [0.99, 0.01], target: 0.99 },
  { inputs: [0.99, 0.99], target: 0.01 },
];

describe("10 network: the NeuralNetwork class (book 2.4) | 10 神经网络：NeuralNetwork 类（书中 2.4 节）", () => {
  it("the constructor keeps the sizes and the learning rate, and makes wih hiddenNodes x inputNodes and who outputNodes x hiddenNodes | 构造函数保存各层大小和学习率，并建立 hiddenNodes x inputNodes 的 wih 和 outputNodes x hiddenNodes 的 who", () => {
    const net = new NeuralNetwork(3, 5, 2, 0.3);
    const fields = { inputNodes: net.inputNodes, hiddenNodes: net.hiddenNodes, outputNodes: net.outputNodes, learningRate: net.learningRate };
    if (JSON.stringify(fields) !== JSON.stringify({ inputNodes: 3, hiddenNodes: 5, outputNodes: 2, learningRate: 0.3 })) {
      fail(t(`new NeuralNetwork(3, 5, 2, 0.3)\n  expected: inputNodes 3, hiddenNodes 5, outputNodes 2, learningRate 0.3\n  got:      ${JSON.stringify(fields)}`, `new NeuralNetwork(3, 5, 2, 0.3)\n  expected: inputNodes 3、hiddenNodes 5、outputNodes 2、learningRate 0.3\n  got:      ${JSON.stringify(fields)}`));
    }
    expectMatrix(net.wih, 5, 3, t("new NeuralNetwork(3, 5, 2, 0.3).wih: a row for each of the 5 hidden nodes, a column for each of the 3 inputs", "new NeuralNetwork(3, 5, 2, 0.3).wih：5 个隐藏节点各占一行，3 个输入各占一列"));
    expectMatrix(net.who, 2, 5, t("new NeuralNetwork(3, 5, 2, 0.3).who: a row for each of the 2 output nodes, a column for each of the 5 hidden nodes", "new NeuralNetwork(3, 5, 2, 0.3).who：2 个输出节点各占一行，5 个隐藏节点各占一列"));
    for (const name of ["wih", "who"] as const) {
      if (!(net[name] instanceof Matrix)) fail(t(`new NeuralNetwork(3, 5, 2, 0.3).${name}\n  expected: a Matrix of your exercise 05\n  got:      another kind of object`, `new NeuralNetwork(3, 5, 2, 0.3).${name}\n  expected: 你在练习 05 写的 Matrix\n  got:      另一种对象`));
    }
  });

  it("the starting weights come from your initWeights (exercise 09): wih first, then who, from one createRng(seed) | 初始权重来自你的 initWeights（练习 09）：用同一个 createRng(seed)，先 wih 后 who", () => {
    const net = new NeuralNetwork(4, 3, 2, 0.3, 99);
    const rng = createRng(99);
    const wih = initWeights(3, 4, rng).toArray();
    const who = initWeights(2, 3, rng).toArray();
    expectCloseMatrix(net.wih, wih, t("new NeuralNetwork(4, 3, 2, 0.3, seed 99).wih: expected initWeights(hiddenNodes 3, inputNodes 4, rng) with rng = createRng(99)", "new NeuralNetwork(4, 3, 2, 0.3, 种子 99).wih：应当是 initWeights(hiddenNodes 3, inputNodes 4, rng)，其中 rng = createRng(99)"), 0);
    expectCloseMatrix(net.who, who, t("new NeuralNetwork(4, 3, 2, 0.3, seed 99).who: expected initWeights(outputNodes 2, hiddenNodes 3, rng), the same rng, after wih", "new NeuralNetwork(4, 3, 2, 0.3, 种子 99).who：应当是 initWeights(outputNodes 2, hiddenNodes 3, rng)，用同一个 rng，在 wih 之后"), 0);
  });

  it("the same seed gives the same network, another seed another one; the seed is 1 when not given | 同一个种子得到同一个网络，换个种子就不同；不给种子时种子为 1", () => {
    const a = weightsOf(new NeuralNetwork(3, 4, 2, 0.3, 7));
    const b = new NeuralNetwork(3, 4, 2, 0.3, 7);
    expectCloseMatrix(b.wih, a.wih, t("new NeuralNetwork(3, 4, 2, 0.3, seed 7).wih, made twice", "new NeuralNetwork(3, 4, 2, 0.3, 种子 7).wih，创建两次"), 0);
    expectCloseMatrix(b.who, a.who, t("new NeuralNetwork(3, 4, 2, 0.3, seed 7).who, made twice", "new NeuralNetwork(3, 4, 2, 0.3, 种子 7).who，创建两次"), 0);
    const c = weightsOf(new NeuralNetwork(3, 4, 2, 0.3, 8));
    if (JSON.stringify(c) === JSON.stringify(a)) fail(t("new NeuralNetwork(3, 4, 2, 0.3) with seeds 7 and 8 gave the same weights: make the rng with createRng(seed)", "new NeuralNetwork(3, 4, 2, 0.3) 用种子 7 和 8 给出了相同的权重：用 createRng(seed) 创建 rng"));
    const seedOne = weightsOf(new NeuralNetwork(3, 4, 2, 0.3, 1));
    const byDefault = new NeuralNetwork(3, 4, 2, 0.3);
    expectCloseMatrix(byDefault.wih, seedOne.wih, t("new NeuralNetwork(3, 4, 2, 0.3).wih without a seed must be the same as with seed 1", "不给种子的 new NeuralNetwork(3, 4, 2, 0.3).wih 必须和种子为 1 时相同"), 0);
    expectCloseMatrix(byDefault.who, seedOne.who, t("new NeuralNetwork(3, 4, 2, 0.3).who without a seed must be the same as with seed 1", "不给种子的 new NeuralNetwork(3, 4, 2, 0.3).who 必须和种子为 1 时相同"), 0);
  });

  it("query on the book's three-layer example (1.9) answers [0.726, 0.708, 0.778] | 对书中三层网络的例子（1.9 节），query 回答 [0.726, 0.708, 0.778]", () => {
    const net = new NeuralNetwork(3, 3, 3, 0.3);
    net.wih = Matrix.fromArray([[0.9, 0.3, 0.4], [0.2, 0.8, 0.2], [0.1, 0.5, 0.6]]);
    net.who = Matrix.fromArray([[0.3, 0.7, 0.5], [0.6, 0.5, 0.2], [0.8, 0.1, 0.9]]);
    expectCloseNumbers(net.query([0.9, 0.1, 0.8]), [0.726, 0.708, 0.778], t("query([0.9, 0.1, 0.8]) with the book's weights of section 1.9 (book 1.9, 2.4)", "用书中 1.9 节的权重 query([0.9, 0.1, 0.8])（书中 1.9、2.4 节）"));
    expectCloseNumbers(net.query(Float64Array.from([0.9, 0.1, 0.8])), [0.726, 0.708, 0.778], t("query(a Float64Array [0.9, 0.1, 0.8]): any array-like of numbers will do", "query(Float64Array [0.9, 0.1, 0.8])：任何由数组成的类数组都可以"));
  });

  it("query, for any small network: one answer per output node, each strictly between 0 and 1, as sigmoid(who . sigmoid(wih . inputs)) | 对任意小的网络，query 给每个输出节点一个答案，都严格介于 0 和 1 之间，等于 sigmoid(who . sigmoid(wih . inputs))", () => {
    fc.assert(
      fc.property(smallNetwork(), (example) => {
        const net = build(example);
        const { wih, who } = weightsOf(net);
        const what = t(`new NeuralNetwork(${example.sizes.join(", ")}, ${example.learningRate}, seed ${example.seed}).query([${example.inputs}])`, `new NeuralNetwork(${example.sizes.join(", ")}, ${example.learningRate}, 种子 ${example.seed}).query([${example.inputs}])`);
        const answer = queryOf(net, example.inputs, what);
        answer.forEach((o, k) => {
          if (!(o > 0 && o < 1)) fail(t(`${what}, item [${k}]\n  expected: a sigmoid output, strictly between 0 and 1\n  got:      ${o}`, `${what}，第 [${k}] 项\n  expected: S 函数的输出，严格在 0 和 1 之间\n  got:      ${o}`));
        });
        expectCloseNumbers(answer, forward(wih, who, example.inputs).outputs, what, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("query does not change the weights; asking twice gives the same answer | query 不改变权重；问两次得到同样的答案", () => {
    const net = new NeuralNetwork(3, 4, 2, 0.3, 5);
    const before = weightsOf(net);
    const first = queryOf(net, [0.9, 0.1, 0.8], "query([0.9, 0.1, 0.8])");
    expectCloseNumbers(queryOf(net, [0.9, 0.1, 0.8], t("query([0.9, 0.1, 0.8]) again", "再次 query([0.9, 0.1, 0.8])")), first, t("query([0.9, 0.1, 0.8]) asked a second time", "第二次 query([0.9, 0.1, 0.8])"), 0);
    expectCloseMatrix(net.wih, before.wih, t("net.wih after query: only train changes the weights", "query 之后的 net.wih：只有 train 会改动权重"), 0);
    expectCloseMatrix(net.who, before.who, t("net.who after query: only train changes the weights", "query 之后的 net.who：只有 train 会改动权重"), 0);
  });

  it("query with the wrong number of inputs: an error naming the expected and the actual count | query 的输入个数不对：错误信息写出应有的和实际的个数", () => {
    const net = new NeuralNetwork(7, 3, 2, 0.3);
    expectThrowsMentioning(() => net.query([0.1, 0.2, 0.3, 0.4, 0.5]), ["7", "5"], t("query(5 numbers) on a network with 7 input nodes", "在有 7 个输入节点的网络上 query(5 个数)"));
  });

  it("train with the wrong number of inputs or targets: an error naming the expected and the actual count | train 的输入或目标个数不对：错误信息写出应有的和实际的个数", () => {
    const net = new NeuralNetwork(7, 3, 2, 0.3);
    expectThrowsMentioning(() => net.train([0.1, 0.2, 0.3, 0.4, 0.5], [0.5, 0.5]), ["7", "5"], t("train(5 inputs, ...) on a network with 7 input nodes", "在有 7 个输入节点的网络上 train(5 个输入, ...)"));
    expectThrowsMentioning(() => net.train([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], [0.5, 0.5, 0.5, 0.5]), ["targets", "2", "4"], t("train(7 inputs, 4 targets) on a network with 2 output nodes", "在有 2 个输出节点的网络上 train(7 个输入, 4 个目标值)"));
  });

  it("query and train leave the arrays they are given as they were | query 和 train 不改动传给它们的数组", () => {
    const net = new NeuralNetwork(3, 4, 2, 0.3, 5);
    const inputs = [0.9, 0.1, 0.8];
    const targets = [0.99, 0.01];
    net.query(inputs);
    net.train(inputs, targets);
    expectCloseNumbers(inputs, [0.9, 0.1, 0.8], t("the inputs after query(inputs) and train(inputs, targets): they must not change", "query(inputs) 和 train(inputs, targets) 之后的 inputs：不能被改动"), 0);
    expectCloseNumbers(targets, [0.99, 0.01], t("the targets after train(inputs, targets): they must not change", "train(inputs, targets) 之后的 targets：不能被改动"), 0);
  });

  it("bad sizes or learning rates: a clear error naming what is wrong, never a broken network | 层大小或学习率不对：给出写明问题的清楚错误，绝不造出一个坏掉的网络", () => {
    const cases: [() => unknown, string[], string][] = [
      [() => new NeuralNetwork(0, 3, 2, 0.3), ["inputNodes", "0"], t("new NeuralNetwork(0, 3, 2, 0.3): no input nodes", "new NeuralNetwork(0, 3, 2, 0.3)：没有输入节点")],
      [() => new NeuralNetwork(3, -1, 2, 0.3), ["hiddenNodes", "-1"], "new NeuralNetwork(3, -1, 2, 0.3)"],
      [() => new NeuralNetwork(3, 2.5, 2, 0.3), ["hiddenNodes", "2.5"], t("new NeuralNetwork(3, 2.5, 2, 0.3): half a node", "new NeuralNetwork(3, 2.5, 2, 0.3)：半个节点")],
      [() => new NeuralNetwork(3, 3, Number.NaN, 0.3), ["outputNodes", "NaN"], "new NeuralNetwork(3, 3, NaN, 0.3)"],
      [() => new NeuralNetwork(3, 3, 2, 0), ["learningRate", "0"], t("new NeuralNetwork(3, 3, 2, learningRate 0): it would never learn", "new NeuralNetwork(3, 3, 2, learningRate 0)：它永远学不到东西")],
      [() => new NeuralNetwork(3, 3, 2, -0.1), ["learningRate", "-0.1"], t("new NeuralNetwork(3, 3, 2, learningRate -0.1): it would walk uphill", "new NeuralNetwork(3, 3, 2, learningRate -0.1)：它会往上坡走")],
      [() => new NeuralNetwork(3, 3, 2, Number.NaN), ["learningRate", "NaN"], "new NeuralNetwork(3, 3, 2, learningRate NaN)"],
    ];
    for (const [run, words, what] of cases) expectThrowsMentioning(run, words, what);
  });

  it("train moves every weight of who by exactly -learningRate times the slope of E (a gradient check, for random small networks) | train 把 who 的每个权重恰好移动 -learningRate 乘以 E 的斜率（对随机小网络做梯度检验）", () => {
    fc.assert(
      fc.property(smallNetwork(), (example) => {
        const { before, after } = trainOnce(example);
        before.who.forEach((row, r) =>
          row.forEach((w, c) => {
            const slope = numericSlope("who", before, r, c, example.inputs, example.targets);
            const step = after.who[r][c] - w;
            if (differ(step, -example.learningRate * slope)) {
              fail(
                t(`gradient check failed: layer who, weight (row ${r}, col ${c}), after ${describeExample(example)}\n`, `梯度检验失败：who 层，权重（第 ${r} 行，第 ${c} 列），在 ${describeExample(example)} 之后\n`) +
                  t(`  expected step: ${-example.learningRate * slope} (-learningRate * the numerical slope of E, h = ${H})\n  got step:      ${step}`, `  期望的步长：${-example.learningRate * slope}（-learningRate * E 的数值斜率，h = ${H}）\n  实际的步长：${step}`),
              );
            }
          }),
        );
      }),
      { ...propertyOptions(200), endOnFailure: true },
    );
  });

  it("train moves wih by the book's step, learningRate * ((who^T . e) * h * (1 - h)) . I^T, for random small networks | 对随机小网络，train 按书中的步长移动 wih：learningRate * ((who^T . e) * h * (1 - h)) . I^T", () => {
    fc.assert(
      fc.property(smallNetwork(), (example) => {
        const { before, after } = trainOnce(example);
        const expected = bookHiddenStep(before.wih, before.who, example.inputs, example.targets, example.learningRate);
        before.wih.forEach((row, r) =>
          row.forEach((w, c) => {
            const step = after.wih[r][c] - w;
            if (differ(step, expected[r][c], 1e-9, 1e-15)) {
              fail(t(`the step of wih, weight (row ${r}, col ${c}), after ${describeExample(example)}\n  expected: ${expected[r][c]}\n  got:      ${step}`, `wih 的步长，权重（第 ${r} 行，第 ${c} 列），在 ${describeExample(example)} 之后\n  expected: ${expected[r][c]}\n  got:      ${step}`));
            }
          }),
        );
      }),
      { ...propertyOptions(200), endOnFailure: true },
    );
  });

  it("with one output node the book's step for wih points straight downhill: -learningRate / (o (1 - o)) times the slope of E | 只有一个输出节点时，书中 wih 的步子正好指向下坡：-learningRate / (o (1 - o)) 乘以 E 的斜率", () => {
    // The book sends the plain error e back to the hidden layer; the exact slope would send e * o * (1 - o).
    // With one output node that is the same direction, only longer by 1 / (o (1 - o)).
    fc.assert(
      fc.property(smallNetwork(fc.constant(1)), (example) => {
        const { before, after } = trainOnce(example);
        const [o] = forward(before.wih, before.who, example.inputs).outputs;
        before.wih.forEach((row, r) =>
          row.forEach((w, c) => {
            const expected = (-example.learningRate * numericSlope("wih", before, r, c, example.inputs, example.targets)) / (o * (1 - o));
            const step = after.wih[r][c] - w;
            if (differ(step, expected, RELATIVE, FLOOR / (o * (1 - o)))) {
              fail(t(`gradient check failed: layer wih, weight (row ${r}, col ${c}), after ${describeExample(example)}\n  expected step: ${expected}\n  got step:      ${step}`, `梯度检验失败：wih 层，权重（第 ${r} 行，第 ${c} 列），在 ${describeExample(example)} 之后\n  期望的步长：${expected}\n  实际的步长：${step}`));
            }
          }),
        );
      }),
      { ...propertyOptions(100), endOnFailure: true },
    );
  });

  it("train sends the errors back through who as it was BEFORE this step changed it (book 2.4) | train 用这一步改变之前（BEFORE）的 who 把误差传回去（书中 2.4 节）", () => {
    const example: Example = { sizes: [2, 2, 2], learningRate: 0.9, seed: 3, inputs: [0.9, 0.2], targets: [0.99, 0.01] };
    const { before, after } = trainOnce(example);
    const withOld = bookHiddenStep(before.wih, before.who, example.inputs, example.targets, example.learningRate);
    const withNew = bookHiddenStep(before.wih, before.who, example.inputs, example.targets, example.learningRate, after.who);
    const step = after.wih.map((row, r) => row.map((w, c) => w - before.wih[r][c]));
    const matches = (expected: number[][]) => step.every((row, r) => row.every((s, c) => !differ(s, expected[r][c], 1e-9, 1e-15)));
    if (matches(withOld)) return;
    const why = matches(withNew)
      ? t("your hidden errors used who AFTER it was updated: compute hiddenErrors = who^T . outputErrors before you change who", "你的隐藏层误差用的是更新之后的 who：先算出 hiddenErrors = who^T . outputErrors，再改动 who")
      : t("the step of wih is not learningRate * ((who^T . e) * h * (1 - h)) . I^T", "wih 的步长不是 learningRate * ((who^T . e) * h * (1 - h)) . I^T");
    fail(`${describeExample(example)}\n  ${why}\n  ${t("expected wih step: ", "期望的 wih 步长：")}${JSON.stringify(withOld)}\n  ${t("got:               ", "实际：           ")}${JSON.stringify(step)}`);
  });

  it("the error falls as training goes on: after 10, 50, 200 and 1000 epochs it is lower each time, and below a tenth of where it started | 训练进行时误差下降：10、50、200、1000 个世代后一次比一次低，最后不到起点的十分之一", () => {
    const data = [
      { inputs: [0.9, 0.1, 0.8], targets: [0.99, 0.01] },
      { inputs: [0.1, 0.9, 0.2], targets: [0.01, 0.99] },
      { inputs: [0.8, 0.7, 0.1], targets: [0.99, 0.99] },
      { inputs: [0.2, 0.1, 0.3], targets: [0.01, 0.01] },
    ];
    const net = new NeuralNetwork(3, 4, 2, 0.3, 1);
    const totalError = () => data.reduce((sum, d) => sum + queryOf(net, d.inputs, `query([${d.inputs}])`).reduce((s, o, k) => s + 0.5 * (d.targets[k] - o) ** 2, 0), 0);
    const errors = [totalError()];
    let epoch = 0;
    for (const checkpoint of [10, 50, 200, 1000]) {
      for (; epoch < checkpoint; epoch++) for (const d of data) net.train(d.inputs, d.targets);
      errors.push(totalError());
    }
    const shown = errors.map((e) => e.toFixed(4)).join(", ");
    if (!errors.every((e, i) => i === 0 || e < errors[i - 1])) fail(t(`new NeuralNetwork(3, 4, 2, 0.3), the error over 4 examples after 0, 10, 50, 200, 1000 epochs\n  expected: lower each time\n  got:      ${shown}`, `new NeuralNetwork(3, 4, 2, 0.3)，训练 0、10、50、200、1000 轮之后在 4 个样本上的误差\n  expected: 每次都更低\n  got:      ${shown}`));
    if (!(errors[4] < errors[0] / 10)) fail(t(`new NeuralNetwork(3, 4, 2, 0.3), the error after 1000 epochs\n  expected: below a tenth of the starting ${errors[0].toFixed(4)}\n  got:      ${shown}`, `new NeuralNetwork(3, 4, 2, 0.3)，训练 1000 轮之后的误差\n  expected: 低于起始误差 ${errors[0].toFixed(4)} 的十分之一\n  got:      ${shown}`));
  });

  it("a network with 8 hidden nodes learns XOR, which no single layer can (exercise 03) | 有 8 个隐藏节点的网络能学会单层做不到的 XOR（练习 03）", () => {
    // The book's network has no bias, so an input of (0.01, 0.01) reaches every hidden node as
    // about 0 and gives 0.5 whatever the weights: 2 hidden nodes can hold XOR only with huge,
    // finely balanced weights that training rarely finds. With 8 it learned XOR from every one
    // of 600 seeds tried, with every answer on the right side of 0.5 by more than 0.4.
    const net = new NeuralNetwork(2, 8, 1, 0.5, 1);
    for (let epoch = 0; epoch < 2000; epoch++) for (const { inputs, target } of XOR) net.train(inputs, [target]);
    const answers = XOR.map(({ inputs }) => queryOf(net, inputs, `query([${inputs}])`)[0]);
    XOR.forEach(({ inputs, target }, i) => {
      const ok = target > 0.5 ? answers[i] > 0.8 : answers[i] < 0.2;
      if (!ok) fail(t(`new NeuralNetwork(2, 8, 1, 0.5, seed 1) after 2000 epochs of XOR: query([${inputs}])\n  expected: ${target > 0.5 ? "above 0.8 (true)" : "below 0.2 (false)"}\n  got:      ${answers[i]} (all four answers: ${answers.map((a) => a.toFixed(3)).join(", ")})`, `new NeuralNetwork(2, 8, 1, 0.5, 种子 1) 在 XOR 上训练 2000 轮之后：query([${inputs}])\n  expected: ${target > 0.5 ? "高于 0.8（true）" : "低于 0.2（false）"}\n  got:      ${answers[i]}（全部四个答案：${answers.map((a) => a.toFixed(3)).join(", ")}）`));
    });
  });
});
