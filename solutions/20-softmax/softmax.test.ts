import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectCloseNumbers, expectNumber, expectNumbers, expectThrowsMentioning, fail, propertyOptions } from "../_testkit/check";
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
  return expectNumbers(softmax(z), z.length, `softmax([${z}]): one probability per logit`);
}

describe("20 softmax: probabilities and cross-entropy (Deep Learning from Scratch ch. 3.5, 4.2)", { timeout: LIMIT_MS }, () => {
  it("softmax gives the worked numbers: [0.3, 2.9, 4.0] -> [0.0182, 0.2452, 0.7366]; [1, 2, 3] -> [0.0900, 0.2447, 0.6652]", () => {
    expectCloseNumbers(softmax([0.3, 2.9, 4.0]), [0.01821, 0.24519, 0.73659], "softmax([0.3, 2.9, 4.0]) (Deep Learning from Scratch 3.5)", 1e-5);
    expectCloseNumbers(softmax([1, 2, 3]), [0.09003, 0.24473, 0.66524], "softmax([1, 2, 3])", 1e-5);
    expectCloseNumbers(softmax([5]), [1], "softmax([5]): a single class gets all of it", 1e-12);
    expectCloseNumbers(softmax([0, 0, 0, 0]), [0.25, 0.25, 0.25, 0.25], "softmax of equal logits: the same share for each", 1e-12);
  });

  it("softmax gives positive numbers that add up to 1, the largest logit the largest probability", () => {
    fc.assert(
      fc.property(logits, (z) => {
        const p = callSoftmax(z);
        const sum = p.reduce((a, b) => a + b, 0);
        expectClose(sum, 1, `softmax([${z}]) adds up to`, 1e-12);
        p.forEach((v, i) => {
          if (!(v > 0 && v <= 1)) fail(`softmax([${z}]), item [${i}]\n  expected: a probability above 0 and at most 1\n  got:      ${v}`);
        });
        for (let i = 0; i < z.length; i++) {
          for (let j = 0; j < z.length; j++) {
            if (z[i] > z[j] && !(p[i] > p[j])) fail(`softmax([${z}]): logit [${i}] = ${z[i]} > logit [${j}] = ${z[j]}, so probability ${p[i]} should be > ${p[j]}`);
          }
        }
      }),
      propertyOptions(),
    );
  });

  it("adding the same number to every logit changes nothing: softmax(z + c) = softmax(z)", () => {
    fc.assert(
      fc.property(logits, fc.integer({ min: -500, max: 500 }), (z, c) => {
        expectCloseNumbers(softmax(z.map((v) => v + c)), callSoftmax(z), `softmax([${z}] + ${c}) against softmax([${z}])`, 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("no overflow: logits of +-1e4 give numbers, not NaN (subtract the largest logit first)", () => {
    expectCloseNumbers(softmax([1e4, 0, -1e4]), [1, 0, 0], "softmax([1e4, 0, -1e4]): e^10000 is Infinity, Infinity / Infinity is NaN", 1e-12);
    expectCloseNumbers(softmax([1e4, 1e4]), [0.5, 0.5], "softmax([1e4, 1e4])", 1e-12);
    expectCloseNumbers(softmax([-1e4, -1e4, -1e4, -1e4]), [0.25, 0.25, 0.25, 0.25], "softmax([-1e4, -1e4, -1e4, -1e4]): e^-10000 is 0, and 0 / 0 is NaN", 1e-12);
    expectCloseNumbers(softmax([1e4 + 1, 1e4]), softmax([1, 0]), "softmax([10001, 10000]) equals softmax([1, 0])", 1e-12);
  });

  it("cross-entropy of [0.2, 0.7, 0.1] against class 1 is -ln 0.7 = 0.357; against class 0, -ln 0.2 = 1.609", () => {
    expectClose(crossEntropy([0.2, 0.7, 0.1], 1), 0.35667, "crossEntropy([0.2, 0.7, 0.1], 1)", 1e-5);
    expectClose(crossEntropy([0.2, 0.7, 0.1], 0), 1.60944, "crossEntropy([0.2, 0.7, 0.1], 0): less sure of the right class, a bigger loss", 1e-5);
    expectClose(crossEntropy([0, 1, 0], 1), 0, "crossEntropy([0, 1, 0], 1): certain and right", 1e-12);
    expectClose(crossEntropy([0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0], 2), 0.5108, "crossEntropy of Deep Learning from Scratch's ten outputs, label 2", 1e-4);
  });

  it("cross-entropy of a probability 0 is a large finite number, not Infinity", () => {
    const got = expectNumber(crossEntropy([1, 0], 1), "crossEntropy([1, 0], 1): the right class got probability 0; ln 0 is -Infinity");
    if (!(got > 20)) fail(`crossEntropy([1, 0], 1)\n  expected: a large loss (above 20)\n  got:      ${got}`);
  });

  it("softmaxCrossEntropy(z, label) = crossEntropy(softmax(z), label), and stays exact at +-1e4", () => {
    fc.assert(
      fc.property(logitsWithLabel, ([z, label]) => {
        expectClose(softmaxCrossEntropy(z, label), loss(z, label), `softmaxCrossEntropy([${z}], ${label})`, 1e-9);
        expectClose(softmaxCrossEntropy(z, label), crossEntropy(softmax(z), label), `softmaxCrossEntropy([${z}], ${label}) against crossEntropy(softmax(z), label)`, 1e-9);
      }),
      propertyOptions(),
    );
    expectClose(softmaxCrossEntropy([1e4, -1e4], 1), 2e4, "softmaxCrossEntropy([1e4, -1e4], 1): the log of the probability is -20000, no need to round it to 0 first", 1e-6);
    expectClose(softmaxCrossEntropy([1e4, -1e4], 0), 0, "softmaxCrossEntropy([1e4, -1e4], 0)", 1e-12);
  });

  it("the gradient is softmax(z) - t: for [1, 2, 3] and class 0 it is [-0.9100, 0.2447, 0.6652]", () => {
    expectCloseNumbers(softmaxCrossEntropyGradient([1, 2, 3], 0), [0.09003 - 1, 0.24473, 0.66524], "softmaxCrossEntropyGradient([1, 2, 3], 0)", 1e-5);
    expectCloseNumbers(softmaxCrossEntropyGradient([1e4, -1e4], 0), [0, 0], "softmaxCrossEntropyGradient([1e4, -1e4], 0): certain and right, nothing to learn", 1e-12);
    expectCloseNumbers(softmaxCrossEntropyGradient([1e4, -1e4], 1), [1, -1], "softmaxCrossEntropyGradient([1e4, -1e4], 1): certain and wrong", 1e-12);
    fc.assert(
      fc.property(logitsWithLabel, ([z, label]) => {
        const t = z.map((_, k) => (k === label ? 1 : 0));
        expectCloseNumbers(softmaxCrossEntropyGradient(z, label), callSoftmax(z).map((p, k) => p - t[k]), `softmaxCrossEntropyGradient([${z}], ${label}) = softmax - onehot`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("GRADIENT CHECK: softmax(z) - t is the slope of the loss for every logit (central differences, relative 1e-5)", () => {
    fc.assert(
      fc.property(logitsWithLabel, ([z, label]) => {
        const analytic = softmaxCrossEntropyGradient(z, label);
        const x = [...z];
        expectGradient(analytic, numericGradient(() => loss(x, label), x), `softmaxCrossEntropyGradient([${z}], ${label})`);
      }),
      { ...propertyOptions(200), endOnFailure: true },
    );
  });

  it("the gradient adds up to 0 and is negative only at the label: the right logit goes up, the others down", () => {
    fc.assert(
      fc.property(logitsWithLabel, ([z, label]) => {
        const g = expectNumbers(softmaxCrossEntropyGradient(z, label), z.length, `softmaxCrossEntropyGradient([${z}], ${label})`);
        expectClose(g.reduce((a, b) => a + b, 0), 0, `softmaxCrossEntropyGradient([${z}], ${label}) adds up to`, 1e-12);
        g.forEach((v, k) => {
          if (k !== label && !(v >= 0)) fail(`softmaxCrossEntropyGradient([${z}], ${label}), item [${k}]\n  expected: >= 0 (a wrong class)\n  got:      ${v}`);
        });
        if (!(g[label] <= 0)) fail(`softmaxCrossEntropyGradient([${z}], ${label}), item [${label}] (the label)\n  expected: <= 0\n  got:      ${g[label]}`);
      }),
      propertyOptions(),
    );
  });

  it("an empty vector, NaN or Infinity is a clear error", () => {
    expectCloseNumbers(softmax([0, 0]), [0.5, 0.5], "softmax([0, 0]) works first");
    for (const [name, run] of [
      ["softmax([])", () => softmax([])],
      ["crossEntropy([], 0)", () => crossEntropy([], 0)],
      ["softmaxCrossEntropy([], 0)", () => softmaxCrossEntropy([], 0)],
      ["softmaxCrossEntropyGradient([], 0)", () => softmaxCrossEntropyGradient([], 0)],
    ] as const) {
      expectThrowsMentioning(run, ["empty"], `${name}: there is nothing to spread the probability over; say the array is empty`);
    }
    expectThrowsMentioning(() => softmax([1, NaN, 2]), ["NaN", "[1]"], "softmax([1, NaN, 2]): say which logit is NaN");
    expectThrowsMentioning(() => softmax([Infinity, 0]), ["Infinity"], "softmax([Infinity, 0]): Infinity - Infinity is NaN");
    expectThrowsMentioning(() => softmaxCrossEntropyGradient([0, NaN], 0), ["NaN"], "softmaxCrossEntropyGradient([0, NaN], 0)");
    expectThrowsMentioning(() => softmaxCrossEntropy([NaN, 0], 0), ["NaN"], "softmaxCrossEntropy([NaN, 0], 0)");
    expectThrowsMentioning(() => crossEntropy([0.5, NaN], 0), ["NaN"], "crossEntropy([0.5, NaN], 0)");
  });

  it("a label out of range, or not a whole number, is a clear error naming the label and the classes", () => {
    expectClose(crossEntropy([0.5, 0.5], 1), Math.LN2, "crossEntropy([0.5, 0.5], 1) works first", 1e-12);
    for (const label of [3, -1, 1.5]) {
      expectThrowsMentioning(() => crossEntropy([0.2, 0.7, 0.1], label), [String(label), "0 to 2"], `crossEntropy([0.2, 0.7, 0.1], ${label}): three classes, labels 0 to 2`);
      expectThrowsMentioning(() => softmaxCrossEntropy([1, 2, 3], label), [String(label), "0 to 2"], `softmaxCrossEntropy([1, 2, 3], ${label})`);
      expectThrowsMentioning(() => softmaxCrossEntropyGradient([1, 2, 3], label), [String(label), "0 to 2"], `softmaxCrossEntropyGradient([1, 2, 3], ${label})`);
    }
    expectThrowsMentioning(() => crossEntropy([1.5, -0.5], 0), ["1.5"], "crossEntropy([1.5, -0.5], 0): not probabilities; pass softmax's output");
  });
});
