import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectCloseNumbers, expectNumber, expectNumbers, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { expectGradient, numericGradient } from "../_testkit/gradcheck";
import { crossEntropy, softmax, softmaxCrossEntropy, softmaxCrossEntropyGradient } from "./softmax";

// Generous, so a busy machine never fails a test that takes a second on a quiet one.
const LIMIT_MS = 120_000;

// Logits in hundredths (1.37, -2.5) keep a failing example readable.
const logit = fc.integer({ min: -1000, max: 1000 }).map((n) => n / 100);
const logits = fc.array(logit, { minLength: 1, maxLength: 10 });
const logitsWithLabel = logits.chain((z) => fc.tuple(fc.constant(z), fc.integer({ min: 0, max: z.length - 1 })));

/** The test's own loss, written out the long way, to measure slopes against. */
function loss(z: number[], label: number): number {
  const max = Math.max(...z);
  const sum = z.reduce((s, v) => s + Math.exp(v - max), 0);
  return Math.log(sum) - (z[label] - max);
}

function callSoftmax(z: number[]): number[] {
  return expectNumbers(softmax(z), z.length, t(`softmax([${z}]): one probability per logit`, `softmax([${z}])：每个 logit 一个概率`));
}

describe("20 softmax: probabilities and cross-entropy (Deep Learning from Scratch ch. 3.5, 4.2) | 20 Softmax：概率与交叉熵（《深度学习入门》3.5、4.2 节）", { timeout: LIMIT_MS }, () => {
  it("softmax gives the worked numbers: [0.3, 2.9, 4.0] -> [0.0182, 0.2452, 0.7366]; [1, 2, 3] -> [0.0900, 0.2447, 0.6652] | softmax 给出示例中的数：[0.3, 2.9, 4.0] -> [0.0182, 0.2452, 0.7366]；[1, 2, 3] -> [0.0900, 0.2447, 0.6652]", () => {
    expectCloseNumbers(softmax([0.3, 2.9, 4.0]), [0.01821, 0.24519, 0.73659], t("softmax([0.3, 2.9, 4.0]) (Deep Learning from Scratch 3.5)", "softmax([0.3, 2.9, 4.0])（《深度学习入门》3.5 节）"), 1e-5);
    expectCloseNumbers(softmax([1, 2, 3]), [0.09003, 0.24473, 0.66524], "softmax([1, 2, 3])", 1e-5);
    expectCloseNumbers(softmax([5]), [1], t("softmax([5]): a single class gets all of it", "softmax([5])：只有一个类别，它分到全部"), 1e-12);
    expectCloseNumbers(softmax([0, 0, 0, 0]), [0.25, 0.25, 0.25, 0.25], t("softmax of equal logits: the same share for each", "相等的 logits 的 softmax：每个分到同样的份额"), 1e-12);
  });

  it("softmax gives positive numbers that add up to 1, the largest logit the largest probability | softmax 给出加起来等于 1 的正数，最大的 logit 得到最大的概率", () => {
    fc.assert(
      fc.property(logits, (z) => {
        const p = callSoftmax(z);
        const sum = p.reduce((a, b) => a + b, 0);
        expectClose(sum, 1, t(`softmax([${z}]) adds up to`, `softmax([${z}]) 的总和`), 1e-12);
        p.forEach((v, i) => {
          if (!(v > 0 && v <= 1)) fail(t(`softmax([${z}]), item [${i}]\n  expected: a probability above 0 and at most 1\n  got:      ${v}`, `softmax([${z}])，第 [${i}] 项\n  expected: 一个大于 0、至多为 1 的概率\n  got:      ${v}`));
        });
        for (let i = 0; i < z.length; i++) {
          for (let j = 0; j < z.length; j++) {
            if (z[i] > z[j] && !(p[i] > p[j])) fail(t(`softmax([${z}]): logit [${i}] = ${z[i]} > logit [${j}] = ${z[j]}, so probability ${p[i]} should be > ${p[j]}`, `softmax([${z}])：logit [${i}] = ${z[i]} > logit [${j}] = ${z[j]}，所以概率 ${p[i]} 应该 > ${p[j]}`));
          }
        }
      }),
      propertyOptions(),
    );
  });

  it("adding the same number to every logit changes nothing: softmax(z + c) = softmax(z) | 给每个 logit 加上同一个数不会改变什么：softmax(z + c) = softmax(z)", () => {
    fc.assert(
      fc.property(logits, fc.integer({ min: -500, max: 500 }), (z, c) => {
        expectCloseNumbers(softmax(z.map((v) => v + c)), callSoftmax(z), t(`softmax([${z}] + ${c}) against softmax([${z}])`, `softmax([${z}] + ${c}) 与 softmax([${z}]) 对比`), 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("no overflow: logits of +-1e4 give numbers, not NaN (subtract the largest logit first) | 不溢出：+-1e4 的 logits 给出数而不是 NaN（先减去最大的 logit）", () => {
    expectCloseNumbers(softmax([1e4, 0, -1e4]), [1, 0, 0], t("softmax([1e4, 0, -1e4]): e^10000 is Infinity, Infinity / Infinity is NaN", "softmax([1e4, 0, -1e4])：e^10000 是 Infinity，Infinity / Infinity 是 NaN"), 1e-12);
    expectCloseNumbers(softmax([1e4, 1e4]), [0.5, 0.5], "softmax([1e4, 1e4])", 1e-12);
    expectCloseNumbers(softmax([-1e4, -1e4, -1e4, -1e4]), [0.25, 0.25, 0.25, 0.25], t("softmax([-1e4, -1e4, -1e4, -1e4]): e^-10000 is 0, and 0 / 0 is NaN", "softmax([-1e4, -1e4, -1e4, -1e4])：e^-10000 是 0，而 0 / 0 是 NaN"), 1e-12);
    expectCloseNumbers(softmax([1e4 + 1, 1e4]), softmax([1, 0]), t("softmax([10001, 10000]) equals softmax([1, 0])", "softmax([10001, 10000]) 等于 softmax([1, 0])"), 1e-12);
  });

  it("cross-entropy of [0.2, 0.7, 0.1] against class 1 is -ln 0.7 = 0.357; against class 0, -ln 0.2 = 1.609 | [0.2, 0.7, 0.1] 对类别 1 的交叉熵是 -ln 0.7 = 0.357；对类别 0 是 -ln 0.2 = 1.609", () => {
    expectClose(crossEntropy([0.2, 0.7, 0.1], 1), 0.35667, "crossEntropy([0.2, 0.7, 0.1], 1)", 1e-5);
    expectClose(crossEntropy([0.2, 0.7, 0.1], 0), 1.60944, t("crossEntropy([0.2, 0.7, 0.1], 0): less sure of the right class, a bigger loss", "crossEntropy([0.2, 0.7, 0.1], 0)：对正确类别越没把握，损失越大"), 1e-5);
    expectClose(crossEntropy([0, 1, 0], 1), 0, t("crossEntropy([0, 1, 0], 1): certain and right", "crossEntropy([0, 1, 0], 1)：确定而且正确"), 1e-12);
    expectClose(crossEntropy([0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0], 2), 0.5108, t("crossEntropy of Deep Learning from Scratch's ten outputs, label 2", "《深度学习入门》中十个输出的 crossEntropy，标签 2"), 1e-4);
  });

  it("cross-entropy of a probability 0 is a large finite number, not Infinity | 概率为 0 时的交叉熵是一个很大的有限数，而不是 Infinity", () => {
    const got = expectNumber(crossEntropy([1, 0], 1), t("crossEntropy([1, 0], 1): the right class got probability 0; ln 0 is -Infinity", "crossEntropy([1, 0], 1)：正确类别的概率是 0；ln 0 是 -Infinity"));
    if (!(got > 20)) fail(t(`crossEntropy([1, 0], 1)\n  expected: a large loss (above 20)\n  got:      ${got}`, `crossEntropy([1, 0], 1)\n  expected: 一个很大的损失（大于 20）\n  got:      ${got}`));
  });

  it("softmaxCrossEntropy(z, label) = crossEntropy(softmax(z), label), and stays exact at +-1e4 | softmaxCrossEntropy(z, label) = crossEntropy(softmax(z), label)，并且在 +-1e4 时依然精确", () => {
    fc.assert(
      fc.property(logitsWithLabel, ([z, label]) => {
        expectClose(softmaxCrossEntropy(z, label), loss(z, label), `softmaxCrossEntropy([${z}], ${label})`, 1e-9);
        expectClose(softmaxCrossEntropy(z, label), crossEntropy(softmax(z), label), t(`softmaxCrossEntropy([${z}], ${label}) against crossEntropy(softmax(z), label)`, `softmaxCrossEntropy([${z}], ${label}) 与 crossEntropy(softmax(z), label) 对比`), 1e-9);
      }),
      propertyOptions(),
    );
    expectClose(softmaxCrossEntropy([1e4, -1e4], 1), 2e4, t("softmaxCrossEntropy([1e4, -1e4], 1): the log of the probability is -20000, no need to round it to 0 first", "softmaxCrossEntropy([1e4, -1e4], 1)：概率的对数是 -20000，不必先把概率舍入成 0"), 1e-6);
    expectClose(softmaxCrossEntropy([1e4, -1e4], 0), 0, "softmaxCrossEntropy([1e4, -1e4], 0)", 1e-12);
  });

  it("the gradient is softmax(z) - t: for [1, 2, 3] and class 0 it is [-0.9100, 0.2447, 0.6652] | 梯度是 softmax(z) - t：对 [1, 2, 3] 和类别 0，它是 [-0.9100, 0.2447, 0.6652]", () => {
    expectCloseNumbers(softmaxCrossEntropyGradient([1, 2, 3], 0), [0.09003 - 1, 0.24473, 0.66524], "softmaxCrossEntropyGradient([1, 2, 3], 0)", 1e-5);
    expectCloseNumbers(softmaxCrossEntropyGradient([1e4, -1e4], 0), [0, 0], t("softmaxCrossEntropyGradient([1e4, -1e4], 0): certain and right, nothing to learn", "softmaxCrossEntropyGradient([1e4, -1e4], 0)：确定而且正确，没什么可学的"), 1e-12);
    expectCloseNumbers(softmaxCrossEntropyGradient([1e4, -1e4], 1), [1, -1], t("softmaxCrossEntropyGradient([1e4, -1e4], 1): certain and wrong", "softmaxCrossEntropyGradient([1e4, -1e4], 1)：确定却是错的"), 1e-12);
    fc.assert(
      fc.property(logitsWithLabel, ([z, label]) => {
        const onehot = z.map((_, k) => (k === label ? 1 : 0));
        expectCloseNumbers(softmaxCrossEntropyGradient(z, label), callSoftmax(z).map((p, k) => p - onehot[k]), `softmaxCrossEntropyGradient([${z}], ${label}) = softmax - onehot`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("GRADIENT CHECK: softmax(z) - t is the slope of the loss for every logit (central differences, relative 1e-5) | 梯度检验：对每个 logit，softmax(z) - t 都是损失的斜率（中心差分，相对误差 1e-5）", () => {
    fc.assert(
      fc.property(logitsWithLabel, ([z, label]) => {
        const analytic = softmaxCrossEntropyGradient(z, label);
        const x = [...z];
        expectGradient(analytic, numericGradient(() => loss(x, label), x), `softmaxCrossEntropyGradient([${z}], ${label})`);
      }),
      { ...propertyOptions(200), endOnFailure: true },
    );
  });

  it("the gradient adds up to 0 and is negative only at the label: the right logit goes up, the others down | 梯度加起来等于 0，只在标签处为负：正确的 logit 往上走，其余往下走", () => {
    fc.assert(
      fc.property(logitsWithLabel, ([z, label]) => {
        const g = expectNumbers(softmaxCrossEntropyGradient(z, label), z.length, `softmaxCrossEntropyGradient([${z}], ${label})`);
        expectClose(g.reduce((a, b) => a + b, 0), 0, t(`softmaxCrossEntropyGradient([${z}], ${label}) adds up to`, `softmaxCrossEntropyGradient([${z}], ${label}) 的总和`), 1e-12);
        g.forEach((v, k) => {
          if (k !== label && !(v >= 0)) fail(t(`softmaxCrossEntropyGradient([${z}], ${label}), item [${k}]\n  expected: >= 0 (a wrong class)\n  got:      ${v}`, `softmaxCrossEntropyGradient([${z}], ${label})，第 [${k}] 项\n  expected: >= 0（一个错误的类别）\n  got:      ${v}`));
        });
        if (!(g[label] <= 0)) fail(t(`softmaxCrossEntropyGradient([${z}], ${label}), item [${label}] (the label)\n  expected: <= 0\n  got:      ${g[label]}`, `softmaxCrossEntropyGradient([${z}], ${label})，第 [${label}] 项（标签）\n  expected: <= 0\n  got:      ${g[label]}`));
      }),
      propertyOptions(),
    );
  });

  it("an empty vector, NaN or Infinity is a clear error | 空向量、NaN 或 Infinity 都给出清楚的错误", () => {
    expectCloseNumbers(softmax([0, 0]), [0.5, 0.5], t("softmax([0, 0]) works first", "softmax([0, 0]) 先要能用"));
    for (const [name, run] of [
      ["softmax([])", () => softmax([])],
      ["crossEntropy([], 0)", () => crossEntropy([], 0)],
      ["softmaxCrossEntropy([], 0)", () => softmaxCrossEntropy([], 0)],
      ["softmaxCrossEntropyGradient([], 0)", () => softmaxCrossEntropyGradient([], 0)],
    ] as const) {
      expectThrowsMentioning(run, ["empty"], t(`${name}: there is nothing to spread the probability over; say the array is empty`, `${name}：没有东西可以分概率；要说明数组是空的`));
    }
    expectThrowsMentioning(() => softmax([1, NaN, 2]), ["NaN", "[1]"], t("softmax([1, NaN, 2]): say which logit is NaN", "softmax([1, NaN, 2])：要说出哪个 logit 是 NaN"));
    expectThrowsMentioning(() => softmax([Infinity, 0]), ["Infinity"], t("softmax([Infinity, 0]): Infinity - Infinity is NaN", "softmax([Infinity, 0])：Infinity - Infinity 是 NaN"));
    expectThrowsMentioning(() => softmaxCrossEntropyGradient([0, NaN], 0), ["NaN"], "softmaxCrossEntropyGradient([0, NaN], 0)");
    expectThrowsMentioning(() => softmaxCrossEntropy([NaN, 0], 0), ["NaN"], "softmaxCrossEntropy([NaN, 0], 0)");
    expectThrowsMentioning(() => crossEntropy([0.5, NaN], 0), ["NaN"], "crossEntropy([0.5, NaN], 0)");
  });

  it("a label out of range, or not a whole number, is a clear error naming the label and the classes | 标签超出范围或者不是整数时，给出写明标签和类别的清楚错误", () => {
    expectClose(crossEntropy([0.5, 0.5], 1), Math.LN2, t("crossEntropy([0.5, 0.5], 1) works first", "crossEntropy([0.5, 0.5], 1) 先要能用"), 1e-12);
    for (const label of [3, -1, 1.5]) {
      expectThrowsMentioning(() => crossEntropy([0.2, 0.7, 0.1], label), [String(label), "0 to 2"], t(`crossEntropy([0.2, 0.7, 0.1], ${label}): three classes, labels 0 to 2`, `crossEntropy([0.2, 0.7, 0.1], ${label})：三个类别，标签是 0 到 2`));
      expectThrowsMentioning(() => softmaxCrossEntropy([1, 2, 3], label), [String(label), "0 to 2"], `softmaxCrossEntropy([1, 2, 3], ${label})`);
      expectThrowsMentioning(() => softmaxCrossEntropyGradient([1, 2, 3], label), [String(label), "0 to 2"], `softmaxCrossEntropyGradient([1, 2, 3], ${label})`);
    }
    expectThrowsMentioning(() => crossEntropy([1.5, -0.5], 0), ["1.5"], t("crossEntropy([1.5, -0.5], 0): not probabilities; pass softmax's output", "crossEntropy([1.5, -0.5], 0)：这不是概率；要传入 softmax 的输出"));
  });
});
