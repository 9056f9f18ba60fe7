import { describe, it } from "vitest";
import fc from "fast-check";
import { expectCloseMatrix, expectMatrix, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { Matrix } from "../05-matrix/matrix";
import { forward, layerInputs, layerOutputs } from "./forward";

// The book's three-layer example (sections 1.9): three nodes in each layer.
const INPUTS = Matrix.column([0.9, 0.1, 0.8]);
const W_INPUT_HIDDEN = Matrix.fromArray([
  [0.9, 0.3, 0.4],
  [0.2, 0.8, 0.2],
  [0.1, 0.5, 0.6],
]);
const W_HIDDEN_OUTPUT = Matrix.fromArray([
  [0.3, 0.7, 0.5],
  [0.6, 0.5, 0.2],
  [0.8, 0.1, 0.9],
]);
// The book prints truncated numbers (0.975 for 0.97595), so compare with the test kit's
// absolute tolerance of 1e-3.
const X_HIDDEN = [1.16, 0.42, 0.62];
const O_HIDDEN = [0.761, 0.603, 0.65];
const X_OUTPUT = [0.975, 0.888, 1.254];
const O_OUTPUT = [0.726, 0.708, 0.778];

const column = (values: number[]) => values.map((v) => [v]);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** W . I written out the slow way: node i adds up weight (i, j) times input j. */
function weightedSums(weights: number[][], inputs: number[]): number[] {
  return weights.map((row) => row.reduce((sum, w, j) => sum + w * inputs[j], 0));
}

// Random small networks: 1 to 6 nodes a layer, weights from -3 to 3, inputs from 0 to 1.
// Combined inputs then stay within +-18, where the sigmoid is still strictly inside (0, 1).
const nodes = fc.integer({ min: 1, max: 6 });
// Numbers in hundredths (0.37, -1.5) keep a failing example readable.
const hundredths = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);
const numbers = (count: number, min: number, max: number) => fc.array(hundredths(min, max), { minLength: count, maxLength: count });
const rowsOf = (rows: number, cols: number) =>
  numbers(rows * cols, -3, 3).map((flat) => Array.from({ length: rows }, (_, i) => flat.slice(i * cols, (i + 1) * cols)));
const smallNetwork = fc
  .tuple(nodes, nodes, nodes)
  .chain(([inputNodes, hiddenNodes, outputNodes]) =>
    fc.record({ wih: rowsOf(hiddenNodes, inputNodes), who: rowsOf(outputNodes, hiddenNodes), inputs: numbers(inputNodes, 0, 1) }),
  );

describe("06 forward: signals through a three-layer network (book 1.7, 1.9) | 06 前向传播：信号穿过三层网络（书中 1.7、1.9 节）", () => {
  it("layerInputs: X_hidden = W_input_hidden . I = [1.16, 0.42, 0.62] (book 1.9) | layerInputs：X_hidden = W_input_hidden . I = [1.16, 0.42, 0.62]（书中 1.9 节）", () => {
    const x = layerInputs(W_INPUT_HIDDEN, INPUTS);
    expectMatrix(x, 3, 1, t("layerInputs(W_input_hidden, inputs): one combined input per hidden node, a 3x1 column", "layerInputs(W_input_hidden, inputs)：每个隐藏节点一个组合输入，是一个 3x1 的列"));
    expectCloseMatrix(x, column(X_HIDDEN), t("layerInputs(W_input_hidden, [0.9, 0.1, 0.8]): the first is 0.9*0.9 + 0.3*0.1 + 0.4*0.8 = 1.16 (book 1.9)", "layerInputs(W_input_hidden, [0.9, 0.1, 0.8])：第一个是 0.9*0.9 + 0.3*0.1 + 0.4*0.8 = 1.16（书中 1.9 节）"));
  });

  it("layerOutputs: O_hidden = sigmoid(X_hidden) = [0.761, 0.603, 0.650] (book 1.9) | layerOutputs：O_hidden = sigmoid(X_hidden) = [0.761, 0.603, 0.650]（书中 1.9 节）", () => {
    const o = layerOutputs(W_INPUT_HIDDEN, INPUTS);
    expectMatrix(o, 3, 1, "layerOutputs(W_input_hidden, inputs)");
    expectCloseMatrix(o, column(O_HIDDEN), "layerOutputs(W_input_hidden, [0.9, 0.1, 0.8]): sigmoid(1.16) = 0.761 (book 1.9)");
  });

  it("the hidden layer's outputs feed the output layer: X_output = [0.975, 0.888, 1.254], O_output = [0.726, 0.708, 0.778] | 隐藏层的输出送入输出层：X_output = [0.975, 0.888, 1.254]，O_output = [0.726, 0.708, 0.778]", () => {
    const hidden = layerOutputs(W_INPUT_HIDDEN, INPUTS);
    expectCloseMatrix(layerInputs(W_HIDDEN_OUTPUT, hidden), column(X_OUTPUT), "layerInputs(W_hidden_output, O_hidden) (book 1.9)");
    expectCloseMatrix(layerOutputs(W_HIDDEN_OUTPUT, hidden), column(O_OUTPUT), "layerOutputs(W_hidden_output, O_hidden) (book 1.9)");
  });

  it("forward returns all four steps of the book's example: hiddenInputs, hiddenOutputs, finalInputs, finalOutputs | forward 返回书中例子的全部四步：hiddenInputs、hiddenOutputs、finalInputs、finalOutputs", () => {
    const pass = forward(W_INPUT_HIDDEN, W_HIDDEN_OUTPUT, INPUTS);
    if (typeof pass !== "object" || pass === null) fail(t(`forward(wih, who, inputs)\n  expected: an object { hiddenInputs, hiddenOutputs, finalInputs, finalOutputs }\n  got:      ${String(pass)}`, `forward(wih, who, inputs)\n  expected: 一个对象 { hiddenInputs, hiddenOutputs, finalInputs, finalOutputs }\n  got:      ${String(pass)}`));
    expectCloseMatrix(pass.hiddenInputs, column(X_HIDDEN), "forward(...).hiddenInputs, X_hidden (book 1.9)");
    expectCloseMatrix(pass.hiddenOutputs, column(O_HIDDEN), "forward(...).hiddenOutputs, O_hidden (book 1.9)");
    expectCloseMatrix(pass.finalInputs, column(X_OUTPUT), "forward(...).finalInputs, X_output (book 1.9)");
    expectCloseMatrix(pass.finalOutputs, column(O_OUTPUT), t("forward(...).finalOutputs, O_output: the network's answer (book 1.9)", "forward(...).finalOutputs，即 O_output：网络的答案（书中 1.9 节）"));
  });

  it("forward leaves its weights and inputs as they were | forward 不改动它的权重和输入", () => {
    const wih = Matrix.fromArray(W_INPUT_HIDDEN.toArray());
    const who = Matrix.fromArray(W_HIDDEN_OUTPUT.toArray());
    const inputs = Matrix.column([0.9, 0.1, 0.8]);
    forward(wih, who, inputs);
    expectCloseMatrix(wih, W_INPUT_HIDDEN.toArray(), t("wih after forward(wih, who, inputs): forward must not change it", "forward(wih, who, inputs) 之后的 wih：forward 不能改动它"), 0);
    expectCloseMatrix(who, W_HIDDEN_OUTPUT.toArray(), t("who after forward(wih, who, inputs): forward must not change it", "forward(wih, who, inputs) 之后的 who：forward 不能改动它"), 0);
    expectCloseMatrix(inputs, column([0.9, 0.1, 0.8]), t("inputs after forward(wih, who, inputs): forward must not change them", "forward(wih, who, inputs) 之后的 inputs：forward 不能改动它们"), 0);
  });

  it("too few inputs for the weights: an error that names both shapes | 输入比权重要求的少：错误信息写出两个形状", () => {
    expectThrowsMentioning(
      () => layerInputs(W_INPUT_HIDDEN, Matrix.column([0.9, 0.1])),
      ["3x3", "2x1"],
      t("layerInputs(a 3x3 weight matrix, a 2x1 column): three links into each node but only two inputs", "layerInputs(3x3 的权重矩阵, 2x1 的列)：每个节点有三条传入链接，却只有两个输入"),
    );
    expectThrowsMentioning(
      () => layerOutputs(W_INPUT_HIDDEN, Matrix.column([0.9, 0.1, 0.8, 0.5])),
      ["3x3", "4x1"],
      t("layerOutputs(a 3x3 weight matrix, a 4x1 column)", "layerOutputs(3x3 的权重矩阵, 4x1 的列)"),
    );
  });

  it("inputs given as a row instead of a column: an error that names both shapes | 输入给成了行而不是列：错误信息写出两个形状", () => {
    expectThrowsMentioning(
      () => layerInputs(W_INPUT_HIDDEN, Matrix.fromArray([[0.9, 0.1, 0.8]])),
      ["3x3", "1x3"],
      t("layerInputs(a 3x3 weight matrix, a 1x3 row): inputs are a column, one row per input node (Matrix.column)", "layerInputs(3x3 的权重矩阵, 1x3 的行)：输入是一列，每个输入节点占一行（Matrix.column）"),
    );
  });

  it("inputs with more than one column: an error that names both shapes, not a silent 3x2 answer | 输入不止一列：错误信息写出两个形状，而不是悄悄给出 3x2 的答案", () => {
    // dot itself would happily multiply 3x3 by 3x2; the network's inputs must be one column.
    expectThrowsMentioning(
      () => layerInputs(W_INPUT_HIDDEN, Matrix.fromArray([[0.9, 0.9], [0.1, 0.1], [0.8, 0.8]])),
      ["3x3", "3x2"],
      t("layerInputs(a 3x3 weight matrix, a 3x2 matrix): the inputs must be a single 3x1 column", "layerInputs(3x3 的权重矩阵, 3x2 的矩阵)：输入必须是单独一个 3x1 的列"),
    );
  });

  it("forward with weight matrices that do not fit together: an error that names the shapes | forward 的两个权重矩阵对不上：错误信息写出形状", () => {
    // wih is 3x3, so there are 3 hidden nodes; this who expects 4 of them.
    const who = Matrix.fromArray([
      [0.1, 0.2, 0.3, 0.4],
      [0.5, 0.6, 0.7, 0.8],
    ]);
    expectThrowsMentioning(() => forward(W_INPUT_HIDDEN, who, INPUTS), ["2x4", "3x1"], t("forward(wih 3x3, who 2x4, inputs 3x1): who needs one column per hidden node (3), not 4", "forward(wih 3x3, who 2x4, inputs 3x1)：who 需要每个隐藏节点一列（3 列），而不是 4 列"));
  });

  it("layerInputs is every node's weighted sum of its inputs, for any small layer | 对任意小的层，layerInputs 是每个节点对其输入的加权和", () => {
    fc.assert(
      fc.property(smallNetwork, ({ wih, inputs }) => {
        expectCloseMatrix(layerInputs(Matrix.fromArray(wih), Matrix.column(inputs)), column(weightedSums(wih, inputs)), `layerInputs(${JSON.stringify(wih)}, [${inputs}])`, 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("layerOutputs is sigmoid(layerInputs), entry by entry, for any small layer | 对任意小的层，layerOutputs 逐元素等于 sigmoid(layerInputs)", () => {
    fc.assert(
      fc.property(smallNetwork, ({ wih, inputs }) => {
        const expected = weightedSums(wih, inputs).map(sigmoid);
        expectCloseMatrix(layerOutputs(Matrix.fromArray(wih), Matrix.column(inputs)), column(expected), `layerOutputs(${JSON.stringify(wih)}, [${inputs}])`, 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("forward, for any small network: the shapes follow the layers, every output is strictly between 0 and 1, and the steps chain | 对任意小的网络，forward 的形状随层而定，每个输出严格介于 0 和 1 之间，各步首尾相接", () => {
    fc.assert(
      fc.property(smallNetwork, ({ wih, who, inputs }) => {
        const what = `forward(wih ${wih.length}x${inputs.length}, who ${who.length}x${wih.length}, inputs ${inputs.length}x1)`;
        const pass = forward(Matrix.fromArray(wih), Matrix.fromArray(who), Matrix.column(inputs));
        const hiddenInputs = expectMatrix(pass.hiddenInputs, wih.length, 1, t(`${what}.hiddenInputs: one per hidden node`, `${what}.hiddenInputs：每个隐藏节点一个`)).map((r) => r[0]);
        const hiddenOutputs = expectMatrix(pass.hiddenOutputs, wih.length, 1, t(`${what}.hiddenOutputs: one per hidden node`, `${what}.hiddenOutputs：每个隐藏节点一个`)).map((r) => r[0]);
        const finalInputs = expectMatrix(pass.finalInputs, who.length, 1, t(`${what}.finalInputs: one per output node`, `${what}.finalInputs：每个输出节点一个`)).map((r) => r[0]);
        const finalOutputs = expectMatrix(pass.finalOutputs, who.length, 1, t(`${what}.finalOutputs: one per output node`, `${what}.finalOutputs：每个输出节点一个`)).map((r) => r[0]);
        for (const [name, values] of [["hiddenOutputs", hiddenOutputs], ["finalOutputs", finalOutputs]] as const) {
          values.forEach((o, i) => {
            if (!(o > 0 && o < 1)) fail(t(`${what}.${name}, item [${i}]\n  expected: a sigmoid output, strictly between 0 and 1\n  got:      ${o}`, `${what}.${name}，第 [${i}] 项\n  expected: S 函数的输出，严格在 0 和 1 之间\n  got:      ${o}`));
          });
        }
        expectCloseMatrix(pass.hiddenInputs, column(weightedSums(wih, inputs)), `${what}.hiddenInputs = wih . inputs`, 1e-9);
        expectCloseMatrix(pass.hiddenOutputs, column(hiddenInputs.map(sigmoid)), `${what}.hiddenOutputs = sigmoid(hiddenInputs)`, 1e-9);
        expectCloseMatrix(pass.finalInputs, column(weightedSums(who, hiddenOutputs)), `${what}.finalInputs = who . hiddenOutputs`, 1e-9);
        expectCloseMatrix(pass.finalOutputs, column(finalInputs.map(sigmoid)), `${what}.finalOutputs = sigmoid(finalInputs)`, 1e-9);
      }),
      propertyOptions(),
    );
  });
});
