import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectCloseMatrix, expectCloseNumbers, expectMatrix, expectNumbers, expectThrowsMentioning, propertyOptions, t } from "../_testkit/check";
import { Matrix } from "../05-matrix/matrix";
import { hiddenErrors, hiddenErrorsBySplit, splitError } from "./backprop";

// The book's example (1.11, 1.12): two hidden nodes, two output nodes. w_jk is the link from
// hidden node j to output node k. In `who` a row is the node the links go INTO, so row k holds
// the links into output node k: who = [[w11, w21], [w12, w22]].
const W11 = 2.0;
const W21 = 3.0;
const W12 = 1.0;
const W22 = 4.0;
const WHO = Matrix.fromArray([
  [W11, W21],
  [W12, W22],
]);
const OUTPUT_ERRORS = Matrix.column([0.8, 0.5]);

const column = (values: number[]) => values.map((v) => [v]);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

// Random layers: 1 to 6 nodes each side, positive weights (a proportion needs them), errors from -1 to 1.
const nodes = fc.integer({ min: 1, max: 6 });
const positiveWeight = fc.double({ min: 0.05, max: 5, noNaN: true });
const anyError = fc.double({ min: -1, max: 1, noNaN: true });
const layer = fc.tuple(nodes, nodes).chain(([outputNodes, hiddenNodes]) =>
  fc.record({
    who: fc.array(fc.array(positiveWeight, { minLength: hiddenNodes, maxLength: hiddenNodes }), { minLength: outputNodes, maxLength: outputNodes }),
    errors: fc.array(anyError, { minLength: outputNodes, maxLength: outputNodes }),
  }),
);

/** Hidden node j collects who[k][j] / (row k's sum) of output k's error, from every output node k. */
function splitByHand(who: number[][], errors: number[]): number[] {
  return who[0].map((_, j) => sum(who.map((row, k) => (errors[k] * row[j]) / sum(row))));
}

describe("07 backprop: sharing the output error back along the links (book 1.10 - 1.13) | 07 反向传播：把输出误差沿着连接分回去（书中 1.10 - 1.13 节）", () => {
  it("splitError: one node with links of weight 3.0 and 1.0 splits its error 0.8 into 0.6 and 0.2 (book 1.10) | splitError：一个节点的两条连接权重为 3.0 和 1.0，把误差 0.8 分成 0.6 和 0.2（书中 1.10 节）", () => {
    expectCloseNumbers(splitError(0.8, [3.0, 1.0]), [0.6, 0.2], t("splitError(0.8, [3.0, 1.0]): 3/4 of 0.8 and 1/4 of 0.8 (book 1.10)", "splitError(0.8, [3.0, 1.0])：0.8 的 3/4 和 0.8 的 1/4（书中 1.10 节）"));
  });

  it("splitError on the book's two output nodes: e1 = 0.8 splits 0.32 / 0.48, e2 = 0.5 splits 0.1 / 0.4 (book 1.11, 1.12) | 书中两个输出节点的 splitError：e1 = 0.8 分成 0.32 / 0.48，e2 = 0.5 分成 0.1 / 0.4（书中 1.11、1.12 节）", () => {
    expectCloseNumbers(splitError(0.8, [W11, W21]), [0.32, 0.48], t("splitError(0.8, [w11 = 2.0, w21 = 3.0]): 2/5 and 3/5 of 0.8", "splitError(0.8, [w11 = 2.0, w21 = 3.0])：0.8 的 2/5 和 3/5"));
    expectCloseNumbers(splitError(0.5, [W12, W22]), [0.1, 0.4], t("splitError(0.5, [w12 = 1.0, w22 = 4.0]): 1/5 and 4/5 of 0.5 (book 1.12)", "splitError(0.5, [w12 = 1.0, w22 = 4.0])：0.5 的 1/5 和 4/5（书中 1.12 节）"));
  });

  it("splitError works for any number of links and for negative errors | splitError 对任意多条连接和负的误差都适用", () => {
    expectCloseNumbers(splitError(-0.9, [1, 2, 3, 3]), [-0.1, -0.2, -0.3, -0.3], "splitError(-0.9, [1, 2, 3, 3])", 1e-9);
    expectCloseNumbers(splitError(0.7, [5]), [0.7], t("splitError(0.7, [5]): a single link takes the whole error", "splitError(0.7, [5])：只有一条链接，它承担全部误差"), 1e-9);
  });

  it("splitError refuses weights that add up to 0 (there is no proportion to split by) with a clear error, not NaN | 权重之和为 0 时（没有比例可分）splitError 给出清楚的错误，而不是 NaN", () => {
    expectThrowsMentioning(() => splitError(0.5, [1, -1]), ["weights"], t("splitError(0.5, [1, -1]): the weights add up to 0", "splitError(0.5, [1, -1])：权重加起来是 0"));
    expectThrowsMentioning(() => splitError(0.5, []), ["weights"], t("splitError(0.5, []): no links at all", "splitError(0.5, [])：一条链接都没有"));
  });

  it("hiddenErrorsBySplit: the book's hidden errors are 0.32 + 0.1 = 0.42 and 0.48 + 0.4 = 0.88 (book 1.12) | hiddenErrorsBySplit：书中的隐藏层误差是 0.32 + 0.1 = 0.42 和 0.48 + 0.4 = 0.88（书中 1.12 节）", () => {
    const e = hiddenErrorsBySplit(WHO, OUTPUT_ERRORS);
    expectMatrix(e, 2, 1, t("hiddenErrorsBySplit(who 2x2, outputErrors 2x1): one error per hidden node, a 2x1 column", "hiddenErrorsBySplit(who 2x2, outputErrors 2x1)：每个隐藏节点一个误差，是一个 2x1 的列"));
    expectCloseMatrix(e, column([0.42, 0.88]), t("hiddenErrorsBySplit([[2, 3], [1, 4]], [0.8, 0.5]): hidden node 1 collects 0.32 from e1 and 0.1 from e2 (book 1.12)", "hiddenErrorsBySplit([[2, 3], [1, 4]], [0.8, 0.5])：隐藏节点 1 从 e1 收到 0.32，从 e2 收到 0.1（书中 1.12 节）"));
  });

  it("hiddenErrorsBySplit with more hidden nodes than output nodes: who is outputNodes x hiddenNodes | 隐藏节点比输出节点多时的 hiddenErrorsBySplit：who 是 outputNodes x hiddenNodes", () => {
    // Output node 1 has links 1, 1, 2 from three hidden nodes; output node 2 has links 3, 1, 0.
    const who = Matrix.fromArray([
      [1, 1, 2],
      [3, 1, 0],
    ]);
    const e = hiddenErrorsBySplit(who, Matrix.column([0.4, 0.8]));
    expectMatrix(e, 3, 1, t("hiddenErrorsBySplit(who 2x3, outputErrors 2x1): three hidden nodes, so a 3x1 column", "hiddenErrorsBySplit(who 2x3, outputErrors 2x1)：三个隐藏节点，所以是 3x1 的列"));
    expectCloseMatrix(e, column([0.1 + 0.6, 0.1 + 0.2, 0.2]), "hiddenErrorsBySplit([[1, 1, 2], [3, 1, 0]], [0.4, 0.8])", 1e-9);
  });

  it("hiddenErrors: the matrix form who^T . e gives [2.1, 4.4] for the book's weights: the same links, no denominators (book 1.13) | hiddenErrors：矩阵形式 who^T . e 对书中的权重给出 [2.1, 4.4]：同样的连接，没有分母（书中 1.13 节）", () => {
    const e = hiddenErrors(WHO, OUTPUT_ERRORS);
    expectMatrix(e, 2, 1, t("hiddenErrors(who 2x2, outputErrors 2x1): a 2x1 column", "hiddenErrors(who 2x2, outputErrors 2x1)：一个 2x1 的列"));
    expectCloseMatrix(e, column([W11 * 0.8 + W12 * 0.5, W21 * 0.8 + W22 * 0.5]), t("hiddenErrors([[2, 3], [1, 4]], [0.8, 0.5]): hidden node 1 gets w11*e1 + w12*e2 = 2.1 (book 1.13)", "hiddenErrors([[2, 3], [1, 4]], [0.8, 0.5])：隐藏节点 1 得到 w11*e1 + w12*e2 = 2.1（书中 1.13 节）"), 1e-9);
  });

  it("hiddenErrors with a 2x3 who: the transpose turns 2 output errors into 3 hidden errors | who 为 2x3 时的 hiddenErrors：转置把 2 个输出误差变成 3 个隐藏层误差", () => {
    const who = Matrix.fromArray([
      [1, 1, 2],
      [3, 1, 0],
    ]);
    expectCloseMatrix(hiddenErrors(who, Matrix.column([0.4, 0.8])), column([2.8, 1.2, 0.8]), "hiddenErrors([[1, 1, 2], [3, 1, 0]], [0.4, 0.8]) = who^T . e", 1e-9);
  });

  it("errors that do not fit the weights: an error that names both shapes | 误差与权重对不上：错误信息写出两个形状", () => {
    const threeErrors = Matrix.column([0.8, 0.5, 0.1]);
    expectThrowsMentioning(() => hiddenErrorsBySplit(WHO, threeErrors), ["2x2", "3x1"], t("hiddenErrorsBySplit(who 2x2, outputErrors 3x1): two output nodes, three errors", "hiddenErrorsBySplit(who 2x2, outputErrors 3x1)：两个输出节点，却有三个误差"));
    expectThrowsMentioning(() => hiddenErrors(WHO, threeErrors), ["2x2", "3x1"], t("hiddenErrors(who 2x2, outputErrors 3x1): two output nodes, three errors", "hiddenErrors(who 2x2, outputErrors 3x1)：两个输出节点，却有三个误差"));
  });

  it("splitError conserves the error: the shares add up to it, each in proportion to its weight (any positive weights) | splitError 保持误差总量：各份之和等于它，每份与权重成正比（任意正权重）", () => {
    fc.assert(
      fc.property(anyError, fc.array(positiveWeight, { minLength: 1, maxLength: 8 }), (error, weights) => {
        const what = `splitError(${error}, [${weights}])`;
        const shares = expectNumbers(splitError(error, weights), weights.length, t(`${what}: one share per link`, `${what}：每条链接一份`));
        expectClose(sum(shares), error, t(`${what}: the shares must add up to the error`, `${what}：各份加起来必须等于误差`), 1e-9);
        expectCloseNumbers(shares, weights.map((w) => (error * w) / sum(weights)), t(`${what}: share i is error * w_i / (sum of the weights)`, `${what}：第 i 份是 error * w_i / (权重之和)`), 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("hiddenErrorsBySplit conserves the total error: the hidden errors add up to the output errors (any positive weights) | hiddenErrorsBySplit 保持误差总量：隐藏层误差之和等于输出误差之和（任意正权重）", () => {
    fc.assert(
      fc.property(layer, ({ who, errors }) => {
        const what = `hiddenErrorsBySplit(${JSON.stringify(who)}, [${errors}])`;
        const got = expectMatrix(hiddenErrorsBySplit(Matrix.fromArray(who), Matrix.column(errors)), who[0].length, 1, what).map((r) => r[0]);
        expectClose(sum(got), sum(errors), t(`${what}: nothing lost, nothing made up, so the totals match`, `${what}：误差不多不少，所以总和相等`), 1e-9);
        expectCloseNumbers(got, splitByHand(who, errors), t(`${what}: hidden node j collects who[k][j] / (sum of row k) of e_k from every output k`, `${what}：隐藏节点 j 从每个输出节点 k 收到 e_k 的 who[k][j] / (第 k 行之和)`), 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("hiddenErrors (who^T . e) is the proportional split without its denominators, for any positive weights | 对任意正权重，hiddenErrors（who^T . e）就是去掉分母的按比例分配", () => {
    // Without the denominator, output k's error reaches hidden node j as who[k][j] * e_k. That is the
    // proportional split of a bigger error, e_k times the sum of row k: the denominators cancel.
    fc.assert(
      fc.property(layer, ({ who, errors }) => {
        const W = Matrix.fromArray(who);
        const what = `hiddenErrors(${JSON.stringify(who)}, [${errors}])`;
        const undivided = who[0].map((_, j) => sum(who.map((row, k) => row[j] * errors[k])));
        expectCloseMatrix(hiddenErrors(W, Matrix.column(errors)), column(undivided), t(`${what}: hidden j gets sum over k of who[k][j] * e_k`, `${what}：隐藏节点 j 得到对所有 k 求和的 who[k][j] * e_k`), 1e-9);
        const scaledErrors = Matrix.column(errors.map((e, k) => e * sum(who[k])));
        const bySplit = expectMatrix(hiddenErrorsBySplit(W, scaledErrors), who[0].length, 1, t("hiddenErrorsBySplit(who, e_k * sum of row k)", "hiddenErrorsBySplit(who, e_k * 第 k 行之和)"));
        expectCloseMatrix(hiddenErrors(W, Matrix.column(errors)), bySplit, t(`${what} must equal hiddenErrorsBySplit(who, e_k * (sum of row k))`, `${what} 必须等于 hiddenErrorsBySplit(who, e_k * (第 k 行之和))`), 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("hiddenErrors keeps its arguments as they were | hiddenErrors 不改动它的参数", () => {
    const who = Matrix.fromArray(WHO.toArray());
    const errors = Matrix.column([0.8, 0.5]);
    hiddenErrors(who, errors);
    hiddenErrorsBySplit(who, errors);
    expectCloseMatrix(who, WHO.toArray(), t("who after hiddenErrors and hiddenErrorsBySplit: they must not change it", "hiddenErrors 和 hiddenErrorsBySplit 之后的 who：它们不能改动它"), 0);
    expectCloseMatrix(errors, column([0.8, 0.5]), t("outputErrors after hiddenErrors and hiddenErrorsBySplit: they must not change them", "hiddenErrors 和 hiddenErrorsBySplit 之后的 outputErrors：它们不能改动它"), 0);
  });
});
