import { describe, it } from "vitest";
import fc from "fast-check";
import { describeValue, expectClose, expectNumber, expectThrowsMentioning, fail, propertyOptions } from "../_testkit/check";
import { logit, sigmoid, sigmoidSlope, step } from "./activation";

const between = (min: number, max: number) => fc.double({ min, max, noNaN: true });
// Any number at all, from -Infinity to Infinity, but not NaN.
const anyNumber = fc.double({ noNaN: true });

describe("04 activation: step, sigmoid and its inverse (book 1.6) | 04 激活函数：阶跃函数、S 函数及其反函数（书中 1.6 节）", () => {
  it("step gives 0 below the threshold and 1 once the input reaches it | step 在阈值以下给 0，输入达到阈值就给 1", () => {
    const cases: [number, number | undefined, number][] = [
      [-1, undefined, 0],
      [0, undefined, 1], // reaching the threshold is enough to fire
      [2.5, undefined, 1],
      [0.5, 1, 0],
      [1, 1, 1],
      [-3, -4, 1],
    ];
    for (const [x, threshold, expected] of cases) {
      const call = threshold === undefined ? `step(${x})` : `step(${x}, ${threshold})`;
      const got = threshold === undefined ? step(x) : step(x, threshold);
      if (got !== expected) fail(`${call} (book 1.6) | ${call}（书中 1.6 节）\n  expected: ${expected}\n  got:      ${describeValue(got)}`);
    }
  });

  it("step(x, threshold) is 1 exactly when x >= threshold | step(x, threshold) 恰好在 x >= threshold 时为 1", () => {
    fc.assert(
      fc.property(between(-1e3, 1e3), between(-1e3, 1e3), (x, threshold) => {
        const expected = x >= threshold ? 1 : 0;
        const got = step(x, threshold);
        if (got !== expected) fail(`step(${x}, ${threshold})\n  expected: ${expected}\n  got:      ${describeValue(got)}`);
      }),
      propertyOptions(),
    );
  });

  it("sigmoid gives the book's numbers: 0.5 at 0, and 0.7408, 0.6457, 0.761, 0.603, 0.650 for the book's signals | sigmoid 给出书中的数字：0 处是 0.5，书中各信号依次是 0.7408、0.6457、0.761、0.603、0.650", () => {
    expectClose(sigmoid(0), 0.5, "sigmoid(0): exactly half way (book 1.6) | sigmoid(0)：正好一半（书中 1.6 节）", 1e-12);
    expectClose(sigmoid(1.05), 0.7408, "sigmoid(1.05), the two-layer example (book 1.7) | sigmoid(1.05)，两层网络的例子（书中 1.7 节）");
    expectClose(sigmoid(0.6), 0.6457, "sigmoid(0.6), the two-layer example (book 1.7) | sigmoid(0.6)，两层网络的例子（书中 1.7 节）");
    expectClose(sigmoid(1.16), 0.761, "sigmoid(1.16), the three-layer example (book 1.9) | sigmoid(1.16)，三层网络的例子（书中 1.9 节）");
    expectClose(sigmoid(0.42), 0.603, "sigmoid(0.42), the three-layer example (book 1.9) | sigmoid(0.42)，三层网络的例子（书中 1.9 节）");
    expectClose(sigmoid(0.62), 0.65, "sigmoid(0.62), the three-layer example (book 1.9) | sigmoid(0.62)，三层网络的例子（书中 1.9 节）");
    expectClose(sigmoid(-1), 1 / (1 + Math.E), "sigmoid(-1) = 1 / (1 + e)", 1e-12);
  });

  it("sigmoid is strictly between 0 and 1 for moderate inputs (|x| <= 30) | 输入不太大时（|x| <= 30），sigmoid 严格介于 0 和 1 之间", () => {
    fc.assert(
      fc.property(between(-30, 30), (x) => {
        const y = expectNumber(sigmoid(x), `sigmoid(${x})`);
        if (!(y > 0 && y < 1)) fail(`sigmoid(${x})\n  expected: a number strictly between 0 and 1 | expected: 严格介于 0 和 1 之间的数\n  got:      ${y}`);
      }),
      propertyOptions(),
    );
  });

  it("sigmoid stays a number from 0 to 1 even for huge inputs: x = +-1e4, +-1e308, +-Infinity | 即使输入极大（x = +-1e4、+-1e308、+-Infinity），sigmoid 仍是 0 到 1 之间的数", () => {
    expectClose(sigmoid(1e4), 1, "sigmoid(1e4): a huge signal fires fully | sigmoid(1e4)：巨大的信号让神经元完全激发", 1e-12);
    expectClose(sigmoid(-1e4), 0, "sigmoid(-1e4): e^10000 is Infinity in JavaScript, and the answer must still be a number | sigmoid(-1e4)：e^10000 在 JavaScript 里是 Infinity，但答案仍然必须是一个数", 1e-12);
    for (const x of [1e308, -1e308, Infinity, -Infinity]) {
      const y = expectNumber(sigmoid(x), `sigmoid(${x}) must be a finite number, not NaN or Infinity | sigmoid(${x}) 必须是有限的数，不能是 NaN 或 Infinity`);
      if (y < 0 || y > 1) fail(`sigmoid(${x})\n  expected: a number from 0 to 1 | expected: 0 到 1 之间的数\n  got:      ${y}`);
    }
    fc.assert(
      fc.property(anyNumber, (x) => {
        const y = expectNumber(sigmoid(x), `sigmoid(${x})`);
        if (y < 0 || y > 1) fail(`sigmoid(${x})\n  expected: a number from 0 to 1 | expected: 0 到 1 之间的数\n  got:      ${y}`);
      }),
      propertyOptions(),
    );
  });

  it("sigmoid(NaN) is a clear error, not a silent NaN passed on to the next layer | sigmoid(NaN) 给出清楚的错误，而不是把 NaN 悄悄传给下一层", () => {
    expectClose(sigmoid(0), 0.5, "sigmoid(0) works first | 先确认 sigmoid(0) 能正常工作");
    expectThrowsMentioning(() => sigmoid(NaN), ["NaN"], "sigmoid(NaN): NaN in means a bug earlier on; say so | sigmoid(NaN)：输入 NaN 说明前面有 bug，要明确指出");
  });

  it("sigmoid is symmetric: sigmoid(-x) = 1 - sigmoid(x) | sigmoid 是对称的：sigmoid(-x) = 1 - sigmoid(x)", () => {
    fc.assert(
      fc.property(between(-50, 50), (x) => {
        expectClose(sigmoid(-x), 1 - sigmoid(x), `sigmoid(${-x}) against 1 - sigmoid(${x}) | sigmoid(${-x}) 与 1 - sigmoid(${x}) 对比`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("sigmoid never goes down as x goes up, and goes strictly up in the middle | x 增大时 sigmoid 从不下降，在中间段严格上升", () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (p, q) => {
        const [a, b] = p <= q ? [p, q] : [q, p];
        const [sa, sb] = [sigmoid(a), sigmoid(b)];
        if (!(sa <= sb)) fail(`${a} <= ${b}, so sigmoid(${a}) should be <= sigmoid(${b}) | ${a} <= ${b}，所以 sigmoid(${a}) 应该 <= sigmoid(${b})\n  got: ${sa} and ${sb}`);
      }),
      propertyOptions(),
    );
    fc.assert(
      fc.property(between(-20, 20), between(1e-3, 5), (a, gap) => {
        const b = a + gap;
        const [sa, sb] = [sigmoid(a), sigmoid(b)];
        if (!(sa < sb)) fail(`${a} < ${b}, so sigmoid(${a}) should be < sigmoid(${b}) | ${a} < ${b}，所以 sigmoid(${a}) 应该 < sigmoid(${b})\n  got: ${sa} and ${sb}`);
      }),
      propertyOptions(),
    );
  });

  it("sigmoidSlope(o) = o (1 - o): steepest (0.25) in the middle, flat when saturated | sigmoidSlope(o) = o (1 - o)：中间最陡（0.25），饱和时变平", () => {
    expectClose(sigmoidSlope(0.5), 0.25, "sigmoidSlope(0.5), the slope of the sigmoid at x = 0 | sigmoidSlope(0.5)，sigmoid 在 x = 0 处的斜率", 1e-12);
    expectClose(sigmoidSlope(0.9), 0.09, "sigmoidSlope(0.9)", 1e-12);
    expectClose(sigmoidSlope(sigmoid(2.3)), 0.0828, "sigmoidSlope(sigmoid(2.3)), used in the weight update (book 1.15) | sigmoidSlope(sigmoid(2.3))，用于权重更新（书中 1.15 节）");
    expectClose(sigmoidSlope(sigmoid(10)), 0, "sigmoidSlope(sigmoid(10)): a saturated neuron hardly learns (book 1.16) | sigmoidSlope(sigmoid(10))：饱和的神经元几乎学不动（书中 1.16 节）", 1e-4);
    fc.assert(
      fc.property(between(0, 1), (o) => {
        expectClose(sigmoidSlope(o), o * (1 - o), `sigmoidSlope(${o})`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("sigmoidSlope(sigmoid(x)) matches the slope measured with a central finite difference | sigmoidSlope(sigmoid(x)) 与用中心差分测得的斜率一致", () => {
    const h = 1e-4;
    fc.assert(
      fc.property(between(-15, 15), (x) => {
        const measured = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h);
        expectClose(sigmoidSlope(sigmoid(x)), measured, `sigmoidSlope(sigmoid(${x})) against (sigmoid(x + h) - sigmoid(x - h)) / 2h, h = ${h} | sigmoidSlope(sigmoid(${x})) 与 (sigmoid(x + h) - sigmoid(x - h)) / 2h 对比，h = ${h}`, 1e-8);
      }),
      propertyOptions(),
    );
  });

  it("logit undoes the sigmoid: logit(0.5) = 0, logit(0.99) = 4.595, logit(0.01) = -4.595 | logit 是 sigmoid 的逆运算：logit(0.5) = 0、logit(0.99) = 4.595、logit(0.01) = -4.595", () => {
    expectClose(logit(0.5), 0, "logit(0.5)", 1e-12);
    expectClose(logit(0.99), 4.595, "logit(0.99): the signal behind the largest target (used by backquery, book 3) | logit(0.99)：最大目标值背后的信号（反向查询要用，书中第 3 章）");
    expectClose(logit(0.01), -4.595, "logit(0.01): the signal behind the smallest target | logit(0.01)：最小目标值背后的信号");
    expectClose(logit(sigmoid(1.05)), 1.05, "logit(sigmoid(1.05))", 1e-9);
  });

  it("logit(sigmoid(x)) = x where the sigmoid is not saturated (|x| <= 15), and sigmoid(logit(y)) = y | 在 sigmoid 未饱和处（|x| <= 15）logit(sigmoid(x)) = x，并且 sigmoid(logit(y)) = y", () => {
    fc.assert(
      fc.property(between(-15, 15), (x) => {
        expectClose(logit(sigmoid(x)), x, `logit(sigmoid(${x}))`, 1e-6);
      }),
      propertyOptions(),
    );
    fc.assert(
      fc.property(between(1e-9, 1 - 1e-9), (y) => {
        expectClose(sigmoid(logit(y)), y, `sigmoid(logit(${y}))`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("logit of a number that is not strictly between 0 and 1 is a clear error that shows the number | 对不严格介于 0 和 1 之间的数求 logit，给出写明这个数的清楚错误", () => {
    expectClose(logit(0.5), 0, "logit(0.5) works first | 先确认 logit(0.5) 能正常工作", 1e-12);
    for (const y of [0, 1, -0.25, 1.5, Infinity, -Infinity, NaN]) {
      expectThrowsMentioning(() => logit(y), [String(y)], `logit(${y}): only numbers strictly between 0 and 1 have a logit; the message should show the number it got | logit(${y})：只有严格介于 0 和 1 之间的数才有 logit；错误信息应写出它收到的数`);
    }
  });
});
