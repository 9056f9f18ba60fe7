import { describe, it } from "vitest";
import fc from "fast-check";
import { expectCloseMatrix, expectMatrix, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { expectGradient, numericGradient } from "../_testkit/gradcheck";
import { Matrix } from "../05-matrix/matrix";
import { selfAttention, selfAttentionBackward, softmaxRows, type AttentionWeights } from "./attention";

const hundredths = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);
const matrix = (rows: number, cols: number) => fc.array(hundredths(-1.5, 1.5), { minLength: rows * cols, maxLength: rows * cols }).map((d) => new Matrix(rows, cols, Float64Array.from(d)));
const size = fc.integer({ min: 1, max: 4 });

// A random sequence of 1-4 tokens with 1-4 numbers each, and weights making queries and keys of
// width 1-3 and values of width 1-3; `lossWeights` defines L = sum(output * lossWeights).
const attentionCase = fc.record({ n: size, dModel: size, d: fc.integer({ min: 1, max: 3 }), dv: fc.integer({ min: 1, max: 3 }), causal: fc.boolean() }).chain((s) =>
  fc.record({
    causal: fc.constant(s.causal),
    x: matrix(s.n, s.dModel),
    w: fc.record({ wq: matrix(s.dModel, s.d), wk: matrix(s.dModel, s.d), wv: matrix(s.dModel, s.dv) }),
    lossWeights: matrix(s.n, s.dv),
  }),
);
type Case = { causal: boolean; x: Matrix; w: AttentionWeights; lossWeights: Matrix };
const describeCase = ({ x, w, causal }: Case) => t(`${x.rows} tokens of ${x.cols} numbers, Q and K ${w.wq.cols} wide, V ${w.wv.cols} wide${causal ? ", causal" : ""}`, `${x.rows} 个词元，每个 ${x.cols} 个数，Q 和 K 宽 ${w.wq.cols}，V 宽 ${w.wv.cols}${causal ? "，带因果掩码" : ""}`);

function passOf(x: Matrix, w: AttentionWeights, causal: boolean, what: string) {
  const pass = selfAttention(x, w, causal);
  if (typeof pass !== "object" || pass === null) fail(`${what}\n  expected: { q, k, v, weights, output }\n  got:      ${String(pass)}`);
  return {
    weights: expectMatrix(pass.weights, x.rows, x.rows, t(`${what}.weights: one row and one column per token`, `${what}.weights：每个词元一行一列`)),
    output: expectMatrix(pass.output, x.rows, w.wv.cols, t(`${what}.output: one row per token, as wide as V`, `${what}.output：每个词元一行，和 V 一样宽`)),
  };
}

/** Compares rows already checked by passOf. */
const expectCloseRows = (got: number[][], expected: number[][], what: string, tolerance: number) => expectCloseMatrix(Matrix.fromArray(got), expected, what, tolerance);

const identity = () => Matrix.fromArray([[1, 0], [0, 1]]);

// Property tests with gradient checks take a few seconds; a busy machine may need many more.
const LIMIT_MS = 120_000;

describe("27 attention: scaled dot-product self-attention, forward and backward | 27 注意力：缩放点积自注意力，前向与反向", { timeout: LIMIT_MS }, () => {
  it("two tokens [1, 0] and [1, 1] with Wq = Wk = Wv = I: token 0 attends half and half, token 1 takes 0.670 of itself (worked by hand) | 两个词元 [1, 0] 和 [1, 1]，Wq = Wk = Wv = I：词元 0 对两者各关注一半，词元 1 取自己的 0.670（手算验证）", () => {
    const x = Matrix.fromArray([[1, 0], [1, 1]]);
    // scores = X X^T / sqrt(2) = [[0.7071, 0.7071], [0.7071, 1.4142]]; row 1: softmax gives 1 / (1 + e^0.7071) = 0.33024.
    const { weights, output } = passOf(x, { wq: identity(), wk: identity(), wv: identity() }, false, t("selfAttention(X = [[1, 0], [1, 1]], identity weights)", "selfAttention(X = [[1, 0], [1, 1]], 单位矩阵权重)"));
    expectCloseRows(weights, [[0.5, 0.5], [0.33024, 0.66976]], t("selfAttention(...).weights: softmax of each row of Q K^T / sqrt(2)", "selfAttention(...).weights：Q K^T / sqrt(2) 每一行的 softmax"), 1e-5);
    expectCloseRows(output, [[1, 0.5], [1, 0.66976]], t("selfAttention(...).output: row i is the weighted mix of the value rows [1, 0] and [1, 1]", "selfAttention(...).output：第 i 行是值向量行 [1, 0] 和 [1, 1] 的加权混合"), 1e-5);
  });

  it("the same two tokens with the causal mask: token 0 may only see itself | 同样的两个词元加上因果掩码：词元 0 只能看到自己", () => {
    const x = Matrix.fromArray([[1, 0], [1, 1]]);
    const { weights, output } = passOf(x, { wq: identity(), wk: identity(), wv: identity() }, true, t("selfAttention(X = [[1, 0], [1, 1]], identity weights, causal)", "selfAttention(X = [[1, 0], [1, 1]], 单位矩阵权重, 因果)"));
    expectCloseRows(weights, [[1, 0], [0.33024, 0.66976]], t("causal selfAttention(...).weights: row 0 covers token 0 only", "带因果掩码的 selfAttention(...).weights：第 0 行只覆盖词元 0"), 1e-5);
    expectCloseRows(output, [[1, 0], [1, 0.66976]], t("causal selfAttention(...).output", "带因果掩码的 selfAttention(...).output"), 1e-5);
  });

  it("softmaxRows: a softmax along each row; with the mask, row i over columns 0..i only | softmaxRows：沿每一行做 softmax；有掩码时，第 i 行只在第 0..i 列上做", () => {
    const scores = Matrix.fromArray([[0, Math.log(3)], [Math.log(2), Math.log(2)]]);
    expectCloseMatrix(softmaxRows(scores), [[0.25, 0.75], [0.5, 0.5]], "softmaxRows([[0, ln 3], [ln 2, ln 2]])", 1e-12);
    expectCloseMatrix(softmaxRows(scores, true), [[1, 0], [0.5, 0.5]], "softmaxRows([[0, ln 3], [ln 2, ln 2]], causal)", 1e-12);
  });

  it("every row of the attention weights is at least 0 and adds up to 1, and with the mask the future has weight exactly 0 | 注意力权重的每一行都至少为 0 并且加起来等于 1；有掩码时，未来的权重恰好是 0", () => {
    fc.assert(
      fc.property(attentionCase, (c) => {
        const { weights } = passOf(c.x, c.w, c.causal, t(`selfAttention with ${describeCase(c)}`, `${describeCase(c)} 的 selfAttention`));
        weights.forEach((row, i) => {
          const total = row.reduce((a, b) => a + b, 0);
          if (Math.abs(total - 1) > 1e-12 || row.some((a) => a < 0)) fail(t(`selfAttention with ${describeCase(c)}: weights row ${i} is [${row}], it should be at least 0 and add up to 1 (sum ${total})`, `${describeCase(c)} 的 selfAttention：权重第 ${i} 行是 [${row}]，它应该都至少为 0 并且加起来等于 1（总和 ${total}）`));
          if (c.causal && row.some((a, j) => j > i && a !== 0)) fail(t(`causal selfAttention with ${describeCase(c)}: token ${i} gives weight to a later token, row ${i} is [${row}]; entries after column ${i} must be exactly 0`, `${describeCase(c)} 的带因果掩码 selfAttention：词元 ${i} 给了后面的词元权重，第 ${i} 行是 [${row}]；第 ${i} 列之后的项必须恰好为 0`));
        });
      }),
      propertyOptions(100),
    );
  });

  it("with the mask, changing a later token never changes an earlier token's output | 有掩码时，改动后面的词元永远不会改变前面词元的输出", () => {
    fc.assert(
      fc.property(attentionCase, hundredths(-1, 1), (c, change) => {
        if (c.x.rows < 2) return;
        const before = passOf(c.x, c.w, true, t(`causal selfAttention with ${describeCase(c)}`, `${describeCase(c)} 的带因果掩码 selfAttention`)).output;
        const changed = new Matrix(c.x.rows, c.x.cols, Float64Array.from(c.x.data));
        for (let j = 0; j < c.x.cols; j++) changed.set(c.x.rows - 1, j, changed.get(c.x.rows - 1, j) + change + 0.5);
        const after = passOf(changed, c.w, true, t(`causal selfAttention with the last token changed`, `最后一个词元改动后的带因果掩码 selfAttention`)).output;
        expectCloseRows(after.slice(0, -1), before.slice(0, -1), t(`causal selfAttention with ${describeCase(c)}: the outputs of tokens 0..${c.x.rows - 2} after the last token changed`, `${describeCase(c)} 的带因果掩码 selfAttention：最后一个词元改动后，词元 0..${c.x.rows - 2} 的输出`), 1e-12);
      }),
      propertyOptions(100),
    );
  });

  it("permutation equivariance: shuffling the tokens (no mask) shuffles the outputs the same way, and changes nothing else | 置换等变性：（不带掩码时）打乱词元的顺序，输出也以同样的方式打乱，别的什么都不变", () => {
    const shuffled = attentionCase.chain((c) => fc.tuple(fc.constant({ ...c, causal: false }), fc.shuffledSubarray(Array.from({ length: c.x.rows }, (_, i) => i), { minLength: c.x.rows })));
    fc.assert(
      fc.property(shuffled, ([c, order]) => {
        const permuted = Matrix.fromArray(order.map((i) => c.x.toArray()[i]));
        const original = passOf(c.x, c.w, false, t(`selfAttention with ${describeCase(c)}`, `${describeCase(c)} 的 selfAttention`)).output;
        const got = passOf(permuted, c.w, false, t(`selfAttention of the tokens in the order [${order}]`, `词元按 [${order}] 排列时的 selfAttention`)).output;
        expectCloseRows(got, order.map((i) => original[i]), t(`selfAttention of the tokens reordered as [${order}]: output row r should be the original output row order[r]`, `词元重排为 [${order}] 时的 selfAttention：输出的第 r 行应该是原来输出的第 order[r] 行`), 1e-12);
      }),
      propertyOptions(100),
    );
  });

  it("GRADIENT CHECK: the slopes of X, Wq, Wk and Wv equal the measured ones (relative 1e-5), with and without the mask | 梯度检验：X、Wq、Wk 和 Wv 的斜率都等于测出的斜率（相对误差 1e-5），带掩码和不带掩码都检验", () => {
    fc.assert(
      fc.property(attentionCase, (c) => {
        const loss = () => {
          const out = selfAttention(c.x, c.w, c.causal).output;
          return out.data.reduce((sum, o, i) => sum + o * c.lossWeights.data[i], 0);
        };
        const grads = selfAttentionBackward(c.x, c.w, c.lossWeights, c.causal);
        if (typeof grads !== "object" || grads === null) fail(t(`selfAttentionBackward should return { x, wq, wk, wv }, got ${String(grads)}`, `selfAttentionBackward 应该返回 { x, wq, wk, wv }，实际是 ${String(grads)}`));
        for (const [name, values] of [["x", c.x], ["wq", c.w.wq], ["wk", c.w.wk], ["wv", c.w.wv]] as const) {
          expectMatrix(grads[name], values.rows, values.cols, t(`selfAttentionBackward(...).${name} for ${describeCase(c)}: the shape of ${name}`, `${describeCase(c)} 的 selfAttentionBackward(...).${name}：和 ${name} 的形状相同`));
          expectGradient(grads[name].data, numericGradient(loss, values.data), t(`selfAttentionBackward(...).${name} for ${describeCase(c)}`, `${describeCase(c)} 的 selfAttentionBackward(...).${name}`));
        }
      }),
      propertyOptions(150),
    );
  });

  it("bad input: matrices that do not fit together give an error naming both shapes | 不合理的输入：对不上的矩阵给出写明两个形状的错误", () => {
    const x = Matrix.fromArray([[1, 0, 2], [0, 1, 1]]);
    const w = (rows: number, cols: number) => new Matrix(rows, cols, new Float64Array(rows * cols).fill(0.1));
    expectThrowsMentioning(() => selfAttention(x, { wq: w(2, 2), wk: w(3, 2), wv: w(3, 2) }, false), ["2x3", "wq", "2x2"], t("selfAttention with X 2x3 and wq 2x2", "X 是 2x3、wq 是 2x2 的 selfAttention"));
    expectThrowsMentioning(() => selfAttention(x, { wq: w(3, 2), wk: w(3, 3), wv: w(3, 2) }, false), ["3x2", "3x3"], t("selfAttention with wq 3x2 and wk 3x3: Q K^T needs the same width", "wq 是 3x2、wk 是 3x3 的 selfAttention：Q K^T 需要两者一样宽"));
    expectThrowsMentioning(() => selfAttention(x, { wq: w(3, 2), wk: w(3, 2), wv: w(4, 2) }, false), ["wv", "4x2"], t("selfAttention with wv 4x2 for tokens of 3 numbers", "词元是 3 个数、wv 却是 4x2 的 selfAttention"));
    expectThrowsMentioning(() => selfAttentionBackward(x, { wq: w(3, 2), wk: w(3, 2), wv: w(3, 2) }, w(2, 3), false), ["2x2", "2x3"], t("selfAttentionBackward with a 2x3 outputGrad for a 2x2 output", "输出是 2x2 却传 2x3 outputGrad 的 selfAttentionBackward"));
    expectThrowsMentioning(() => softmaxRows(w(2, 3), true), ["square", "2x3"], t("softmaxRows(2x3 scores, causal)", "softmaxRows(2x3 的分数, 因果)"));
    expectThrowsMentioning(() => selfAttention(x, { wq: w(3, 2), wk: w(2, 2), wv: w(3, 2) }, false), ["wk", "2x2"], t("selfAttention with wk 2x2 for tokens of 3 numbers", "词元是 3 个数、wk 却是 2x2 的 selfAttention"));
    expectThrowsMentioning(() => selfAttentionBackward(x, { wq: w(3, 2), wk: w(3, 2), wv: w(3, 2) }, w(3, 2), false), ["2x2", "3x2"], t("selfAttentionBackward with an outputGrad of 3 rows for 2 tokens", "2 个词元却传 3 行 outputGrad 的 selfAttentionBackward"));
  });
});
