import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectCloseNumbers, expectMatrix, expectNumber, expectNumbers, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { Matrix } from "../05-matrix/matrix";
import { createRng, initWeights, makeTargets, randomNormal, scaleInput, scaleInputs } from "./prepare";

const DRAWS = 10_000;

/**
 * The values must look like draws from normal(mean, std). With N = 10,000 draws a correct
 * generator's sample mean is off by about std / sqrt(N) = 0.01 std and its sample standard
 * deviation by about std / sqrt(2N) = 0.007 std; the share of draws within one standard
 * deviation of the mean (68.27% for a bell curve) by sqrt(0.68 * 0.32 / N) = 0.47 points, within
 * two (95.45%) by 0.21 points. Each check allows five of those typical errors, so a correct
 * generator fails one by bad luck less than once in a million seeds, while a uniform spread with
 * the same standard deviation (57.7% within one) or a doubled or halved std fails at once.
 */
function expectNormal(values: number[], mean: number, std: number, what: string): void {
  const n = values.length;
  const sampleMean = values.reduce((a, b) => a + b, 0) / n;
  const sampleStd = Math.sqrt(values.reduce((a, v) => a + (v - sampleMean) ** 2, 0) / (n - 1));
  const share = (k: number) => values.filter((v) => Math.abs(v - mean) < k * std).length / n;
  expectClose(sampleMean, mean, t(`${what}: the mean of ${n} draws`, `${what}：${n} 次抽样的平均值`), (5 * std) / Math.sqrt(n));
  expectClose(sampleStd, std, t(`${what}: the standard deviation of ${n} draws`, `${what}：${n} 次抽样的标准差`), (5 * std) / Math.sqrt(2 * n));
  expectClose(share(1), 0.6827, t(`${what}: the share of draws within one standard deviation of the mean, as for a bell curve`, `${what}：落在平均值一个标准差以内的抽样比例，和钟形曲线一样`), 5 * Math.sqrt((0.6827 * 0.3173) / n));
  expectClose(share(2), 0.9545, t(`${what}: the share of draws within two standard deviations of the mean, as for a bell curve`, `${what}：落在平均值两个标准差以内的抽样比例，和钟形曲线一样`), 5 * Math.sqrt((0.9545 * 0.0455) / n));
}

function draws(seed: number, count: number, mean: number, std: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => expectNumber(randomNormal(rng, mean, std), `randomNormal(createRng(${seed}), ${mean}, ${std}), draw ${i + 1} | randomNormal(createRng(${seed}), ${mean}, ${std})，第 ${i + 1} 次抽取`));
}

/** createRng(seed), except that every `every`-th number is exactly 0 (which a real generator can return). */
function rngWithZeros(seed: number, every: number): () => number {
  const rng = createRng(seed);
  let calls = 0;
  return () => (calls++ % every === 0 ? 0 : rng());
}

const weightsOf = (got: unknown, rows: number, cols: number, what: string) => expectMatrix(got, rows, cols, what).flat();

describe("09 prepare: inputs, targets and starting weights (book 1.16) | 09 准备数据：输入、目标值和初始权重（书中 1.16 节）", () => {
  it("scaleInput: pixel 0 becomes 0.01 (never 0), 255 becomes 1.00 | scaleInput：像素 0 变成 0.01（绝不是 0），255 变成 1.00", () => {
    expectClose(scaleInput(0), 0.01, t("scaleInput(0): a zero input would stop its weights from learning (book 1.16)", "scaleInput(0)：输入为 0 会让它的权重无法学习（书中 1.16 节）"), 1e-12);
    expectClose(scaleInput(255), 1.0, "scaleInput(255) = 255 / 255 * 0.99 + 0.01", 1e-12);
    expectClose(scaleInput(51), 0.208, "scaleInput(51) = 51 / 255 * 0.99 + 0.01 = 0.2 * 0.99 + 0.01", 1e-12);
  });

  it("scaleInput, for every pixel value 0..255: pixel / 255 * 0.99 + 0.01, within [0.01, 1.00], and a brighter pixel gives a bigger input | 对 0..255 的每个像素值，scaleInput 是 pixel / 255 * 0.99 + 0.01，在 [0.01, 1.00] 内，越亮的像素输入越大", () => {
    let previous = -Infinity;
    for (let pixel = 0; pixel <= 255; pixel++) {
      const x = expectNumber(scaleInput(pixel), `scaleInput(${pixel})`);
      expectClose(x, (pixel / 255) * 0.99 + 0.01, `scaleInput(${pixel})`, 1e-12);
      if (x < 0.01 - 1e-12 || x > 1 + 1e-12) fail(t(`scaleInput(${pixel})\n  expected: a number from 0.01 to 1.00\n  got:      ${x}`, `scaleInput(${pixel})\n  expected: 一个 0.01 到 1.00 之间的数\n  got:      ${x}`));
      if (!(x > previous)) fail(t(`scaleInput(${pixel}) = ${x} is not bigger than scaleInput(${pixel - 1}) = ${previous}`, `scaleInput(${pixel}) = ${x} 并不比 scaleInput(${pixel - 1}) = ${previous} 大`));
      previous = x;
    }
  });

  it("scaleInputs scales every pixel of an image, from a plain array or a Uint8Array, and leaves the pixels as they were | scaleInputs 缩放图像的每个像素（普通数组或 Uint8Array 都行），不改动原像素", () => {
    const pixels = Uint8Array.from([0, 255, 51, 102]);
    expectCloseNumbers(scaleInputs(pixels), [0.01, 1.0, 0.208, 0.406], "scaleInputs(Uint8Array [0, 255, 51, 102])", 1e-12);
    expectCloseNumbers(Array.from(pixels), [0, 255, 51, 102], t("the pixels after scaleInputs: they must not change", "scaleInputs 之后的像素：它们不能被改动"), 0);
    const got = scaleInputs([0, 255]);
    if (!Array.isArray(got)) fail(t(`scaleInputs([0, 255])\n  expected: a plain array (number[])\n  got:      ${String(got)}`, `scaleInputs([0, 255])\n  expected: 一个普通数组（number[]）\n  got:      ${String(got)}`));
    expectCloseNumbers(got, [0.01, 1.0], "scaleInputs([0, 255])", 1e-12);
  });

  it("scaleInputs, for any image: one input per pixel, each scaleInput of its pixel | 对任意图像，scaleInputs 给每个像素一个输入，等于该像素的 scaleInput", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), (pixels) => {
        const expected = pixels.map((p) => (p / 255) * 0.99 + 0.01);
        expectCloseNumbers(scaleInputs(pixels), expected, `scaleInputs([${pixels}])`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("makeTargets: 0.01 everywhere and 0.99 for the label, because a sigmoid never reaches 0 or 1 (book 1.16) | makeTargets：其余都是 0.01，标签处是 0.99，因为 sigmoid 永远到不了 0 或 1（书中 1.16 节）", () => {
    expectCloseNumbers(makeTargets(3), [0.01, 0.01, 0.01, 0.99, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01], t("makeTargets(3): ten output nodes, one per digit", "makeTargets(3)：十个输出节点，每个数字一个"), 1e-12);
    expectCloseNumbers(makeTargets(0), [0.99, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01], "makeTargets(0)", 1e-12);
    expectCloseNumbers(makeTargets(2, 3), [0.01, 0.01, 0.99], "makeTargets(2, outputNodes 3)", 1e-12);
  });

  it("makeTargets, for any number of output nodes and any label: the label's node gets 0.99, every other 0.01 | 对任意输出节点数和任意标签，makeTargets 让标签对应的节点得 0.99，其余得 0.01", () => {
    const labelled = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 })));
    fc.assert(
      fc.property(labelled, ([n, label]) => {
        const expected = Array.from({ length: n }, (_, i) => (i === label ? 0.99 : 0.01));
        expectCloseNumbers(makeTargets(label, n), expected, `makeTargets(${label}, ${n})`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("makeTargets with a label that has no output node: a clear error that names the label, never a silent wrong array | 标签没有对应的输出节点时，makeTargets 给出写明标签的清楚错误，绝不悄悄返回错误的数组", () => {
    for (const label of [-1, 12, 2.5, Number.NaN]) {
      expectThrowsMentioning(() => makeTargets(label), [String(label)], t(`makeTargets(${label}): a digit label is a whole number from 0 to 9`, `makeTargets(${label})：数字标签是 0 到 9 的整数`));
    }
    expectThrowsMentioning(() => makeTargets(7, 5), ["7"], t("makeTargets(7, outputNodes 5): only labels 0 to 4 have a node", "makeTargets(7, outputNodes 5)：只有标签 0 到 4 有对应的节点"));
  });

  it("randomNormal(rng, 0, 1): 10,000 draws look like a bell curve with mean 0 and standard deviation 1 | randomNormal(rng, 0, 1)：抽取 10,000 次，看起来是均值 0、标准差 1 的钟形曲线", () => {
    expectNormal(draws(2016, DRAWS, 0, 1), 0, 1, "randomNormal(createRng(2016), 0, 1)");
  });

  it("randomNormal(rng, mean, std) shifts and stretches the curve: mean 5, standard deviation 0.2 | randomNormal(rng, mean, std) 平移并伸缩曲线：均值 5，标准差 0.2", () => {
    expectNormal(draws(7, DRAWS, 5, 0.2), 5, 0.2, "randomNormal(createRng(7), 5, 0.2)");
  });

  it("randomNormal takes its randomness from the rng it is given: the same seed repeats the same numbers, another seed does not | randomNormal 的随机性来自传给它的 rng：同一个种子重复同样的数，换个种子就不同", () => {
    const first = draws(42, 5, 0, 1);
    expectCloseNumbers(draws(42, 5, 0, 1), first, t("five draws from createRng(42), a second time: a seeded experiment must repeat exactly", "再次从 createRng(42) 抽取五个数：带种子的实验必须原样重复"), 0);
    const other = draws(43, 5, 0, 1);
    if (other.every((x, i) => x === first[i])) fail(t(`randomNormal with createRng(42) and createRng(43) gave the same numbers [${first}]: use the rng you are given, not Math.random`, `用 createRng(42) 和 createRng(43) 的 randomNormal 给出了相同的数 [${first}]：要用传给你的 rng，而不是 Math.random`));
  });

  it("randomNormal stays finite when the rng returns exactly 0 (log(0) is -Infinity) | rng 恰好返回 0 时 randomNormal 仍是有限值（log(0) 是 -Infinity）", () => {
    const rng = rngWithZeros(5, 3);
    for (let i = 0; i < 20; i++) expectNumber(randomNormal(rng, 0, 1), t(`randomNormal(an rng that returns 0 on every third call, 0, 1), draw ${i + 1}`, `randomNormal(每第三次调用返回 0 的 rng, 0, 1)，第 ${i + 1} 次抽样`));
  });

  it("initWeights(rows, cols, rng): a rows x cols Matrix, the shape of the links between two layers | initWeights(rows, cols, rng)：rows x cols 的 Matrix，就是两层之间连接的形状", () => {
    const weights = initWeights(3, 4, createRng(1));
    expectMatrix(weights, 3, 4, t("initWeights(3, 4, rng): 3 nodes with 4 links into each", "initWeights(3, 4, rng)：3 个节点，每个有 4 条传入链接"));
    if (!(weights instanceof Matrix)) fail(t("initWeights(3, 4, rng)\n  expected: a Matrix from exercise 05 (new Matrix(rows, cols))\n  got:      another kind of object", "initWeights(3, 4, rng)\n  expected: 一个练习 05 的 Matrix（new Matrix(rows, cols)）\n  got:      另一种对象"));
  });

  it("initWeights: 10,000 weights look like normal(0, 1 / sqrt(incoming links)); incoming links are the columns | initWeights：10,000 个权重看起来服从 normal(0, 1 / sqrt(传入连接数))；传入连接数就是列数", () => {
    expectNormal(weightsOf(initWeights(100, 100, createRng(3)), 100, 100, "initWeights(100, 100)"), 0, 0.1, t("initWeights(100, 100, createRng(3)): 100 links into each node, so std 1/sqrt(100) = 0.1", "initWeights(100, 100, createRng(3))：每个节点 100 条传入链接，所以标准差是 1/sqrt(100) = 0.1"));
    expectNormal(weightsOf(initWeights(10, 1000, createRng(4)), 10, 1000, "initWeights(10, 1000)"), 0, 1 / Math.sqrt(1000), t("initWeights(10, 1000, createRng(4)): 1000 links into each node, so std 1/sqrt(1000) = 0.032", "initWeights(10, 1000, createRng(4))：每个节点 1000 条传入链接，所以标准差是 1/sqrt(1000) = 0.032"));
    expectNormal(weightsOf(initWeights(1000, 10, createRng(5)), 1000, 10, "initWeights(1000, 10)"), 0, 1 / Math.sqrt(10), t("initWeights(1000, 10, createRng(5)): only 10 links into each node, so std 1/sqrt(10) = 0.32", "initWeights(1000, 10, createRng(5))：每个节点只有 10 条传入链接，所以标准差是 1/sqrt(10) = 0.32"));
  });

  it("initWeights never gives a weight of exactly 0 (a zero weight cannot learn), even when the rng returns 0 now and then | 即使 rng 偶尔返回 0，initWeights 也绝不给出恰好为 0 的权重（为 0 的权重无法学习）", () => {
    // With the usual Box-Muller formula an rng value of exactly 0 can make a weight exactly 0.
    for (const every of [3, 5, 7]) {
      const weights = weightsOf(initWeights(20, 20, rngWithZeros(every, every)), 20, 20, t(`initWeights(20, 20, an rng that returns 0 on every ${every}th call)`, `initWeights(20, 20, 每第 ${every} 次调用返回 0 的 rng)`));
      const zero = weights.indexOf(0);
      if (zero >= 0) fail(t(`initWeights(20, 20, an rng that returns 0 on every ${every}th call)\n  expected: no weight exactly 0 (draw again when you get one)\n  got:      0 at entry ${zero}`, `initWeights(20, 20, 每第 ${every} 次调用返回 0 的 rng)\n  expected: 没有恰好为 0 的权重（抽到 0 时重新抽）\n  got:      第 ${zero} 项是 0`));
    }
    const many = weightsOf(initWeights(100, 100, createRng(6)), 100, 100, "initWeights(100, 100)");
    if (many.includes(0)) fail(t("initWeights(100, 100, createRng(6)) gave a weight of exactly 0", "initWeights(100, 100, createRng(6)) 给出了恰好为 0 的权重"));
  });

  it("initWeights is repeatable: the same seed gives the same weights, another seed others, and the rng moves on between calls | initWeights 可以重复：同一个种子给出同样的权重，换个种子就不同，两次调用之间 rng 会继续前进", () => {
    const a = weightsOf(initWeights(4, 3, createRng(42)), 4, 3, "initWeights(4, 3, createRng(42))");
    expectNumbers(a, 12, "initWeights(4, 3, createRng(42))");
    expectCloseNumbers(weightsOf(initWeights(4, 3, createRng(42)), 4, 3, "initWeights(4, 3, createRng(42))"), a, t("initWeights(4, 3, createRng(42)) a second time: the same seed must give the same network", "再次调用 initWeights(4, 3, createRng(42))：同样的种子必须给出同样的网络"), 0);
    const b = weightsOf(initWeights(4, 3, createRng(43)), 4, 3, "initWeights(4, 3, createRng(43))");
    if (b.every((w, i) => w === a[i])) fail(t("initWeights with createRng(42) and createRng(43) gave the same weights: draw them from the rng you are given", "用 createRng(42) 和 createRng(43) 的 initWeights 给出了相同的权重：要从传给你的 rng 里抽取"));
    const rng = createRng(42);
    const first = weightsOf(initWeights(4, 3, rng), 4, 3, t("initWeights(4, 3, rng), first call", "initWeights(4, 3, rng)，第一次调用"));
    const second = weightsOf(initWeights(4, 3, rng), 4, 3, t("initWeights(4, 3, rng), second call", "initWeights(4, 3, rng)，第二次调用"));
    if (second.every((w, i) => w === first[i])) fail(t("two calls of initWeights(4, 3, rng) on the same rng gave the same weights: each call must draw new numbers from it", "用同一个 rng 两次调用 initWeights(4, 3, rng) 给出了相同的权重：每次调用都必须从中抽取新的数"));
  });
});
