import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectCloseNumbers, expectNumber, expectNumbers, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { classifyBug, lineAt, trainClassifier, updateSlope, type Example } from "./classifier";

// The book's bugs (width x, length y) and the targets it trains towards: just above the
// ladybird (1.1 instead of 1.0) and just below the caterpillar (2.9 instead of 3.0).
const LADYBIRD = { width: 3.0, length: 1.0 };
const CATERPILLAR = { width: 1.0, length: 3.0 };
const EXAMPLES: Example[] = [
  { x: 3.0, target: 1.1 },
  { x: 1.0, target: 2.9 },
];

const smallDouble = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const nonZeroX = fc.oneof(smallDouble(0.1, 10), smallDouble(-10, -0.1));

describe("02 classifier: a line y = A x that learns its slope (book 1.4) | 02 分类器：会学习斜率的直线 y = A x（书中 1.4 节）", () => {
  it("lineAt is the line's height A x: the book's first line A = 0.25 is 0.75 at x = 3.0 | lineAt 是直线的高度 A x：书中第一条直线 A = 0.25 在 x = 3.0 处是 0.75", () => {
    expectClose(lineAt(0.25, 3.0), 0.75, "lineAt(0.25, 3.0) (book 1.4)");
    expectClose(lineAt(2, -1.5), -3, "lineAt(2, -1.5)");
  });

  it("lineAt is A * x for any A and x | 对任意 A 和 x，lineAt 都等于 A * x", () => {
    fc.assert(
      fc.property(smallDouble(-10, 10), smallDouble(-100, 100), (A, x) => {
        expectClose(lineAt(A, x), A * x, `lineAt(${A}, ${x})`, 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("the book's first update: A = 0.25, x = 3.0, target 1.1 gives E = 0.35, dA = 0.1167, A = 0.3667 | 书中的第一次更新：A = 0.25、x = 3.0、目标 1.1，得到 E = 0.35、dA = 0.1167、A = 0.3667", () => {
    expectClose(1.1 - lineAt(0.25, 3.0), 0.35, "the error E = target - lineAt(0.25, 3.0) (book 1.4) | 误差 E = 目标值 - lineAt(0.25, 3.0)（书中 1.4 节）");
    const A = expectNumber(updateSlope(0.25, 3.0, 1.1), "updateSlope(0.25, 3.0, 1.1)");
    expectClose(A - 0.25, 0.1167, "the change dA = E / x = 0.35 / 3.0 made by updateSlope(0.25, 3.0, 1.1) (book 1.4) | updateSlope(0.25, 3.0, 1.1) 造成的变化 dA = E / x = 0.35 / 3.0（书中 1.4 节）");
    expectClose(A, 0.3667, "updateSlope(0.25, 3.0, 1.1): the new slope (book 1.4) | updateSlope(0.25, 3.0, 1.1)：新的斜率（书中 1.4 节）");
  });

  it("without moderation the second example wins outright: x = 1.0, target 2.9 gives A = 2.9 | 不加节制时，第二个样本完全说了算：x = 1.0、目标 2.9 得到 A = 2.9", () => {
    expectClose(updateSlope(0.3667, 1.0, 2.9), 2.9, "updateSlope(0.3667, 1.0, 2.9): the line now fits only the caterpillar (book 1.4) | updateSlope(0.3667, 1.0, 2.9)：直线现在只迁就毛毛虫（书中 1.4 节）");
    expectCloseNumbers(trainClassifier(0.25, EXAMPLES), [0.3667, 2.9], "trainClassifier(0.25, the book's two examples), learning rate 1 (book 1.4) | trainClassifier(0.25, 书中的两个样本)，学习率 1（书中 1.4 节）");
  });

  it("with learning rate 1 the new line passes exactly through the last example, forgetting the ones before | 学习率为 1 时，新直线恰好穿过最后一个样本，忘掉了之前的样本", () => {
    fc.assert(
      fc.property(smallDouble(-5, 5), nonZeroX, smallDouble(-10, 10), (A, x, target) => {
        const next = updateSlope(A, x, target);
        expectClose(lineAt(next, x), target, `lineAt(updateSlope(${A}, ${x}, ${target}), ${x})`, 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("the learning rate L moderates each step: with L = 0.5 the book's slopes are 0.3083, then 1.6042 | 学习率 L 让每一步更温和：L = 0.5 时书中的斜率依次是 0.3083、1.6042", () => {
    expectClose(updateSlope(0.25, 3.0, 1.1, 0.5), 0.3083, "updateSlope(0.25, 3.0, 1.1, L = 0.5) (book 1.4)");
    expectCloseNumbers(trainClassifier(0.25, EXAMPLES, 0.5), [0.3083, 1.6042], "trainClassifier(0.25, the book's two examples, L = 0.5) (book 1.4) | trainClassifier(0.25, 书中的两个样本, L = 0.5)（书中 1.4 节）");
  });

  it("a learning rate L between 0 and 1 leaves (1 - L) of the error: a step never overshoots | 学习率 L 在 0 和 1 之间时，误差剩下 (1 - L)：每一步都不会走过头", () => {
    fc.assert(
      fc.property(smallDouble(-5, 5), nonZeroX, smallDouble(-10, 10), smallDouble(0.01, 1), (A, x, target, L) => {
        const before = target - lineAt(A, x);
        const next = updateSlope(A, x, target, L);
        const after = target - lineAt(next, x);
        if (Math.abs(after - (1 - L) * before) > 1e-9 * (1 + Math.abs(before))) {
          fail(
            `updateSlope(${A}, ${x}, ${target}, L = ${L}) gave A = ${next} | updateSlope(${A}, ${x}, ${target}, L = ${L}) 得到 A = ${next}\n` +
              `  the error went from ${before} to ${after}, but it should be (1 - L) * ${before} = ${(1 - L) * before} | 误差从 ${before} 变成了 ${after}，但应该是 (1 - L) * ${before} = ${(1 - L) * before}`,
          );
        }
      }),
      propertyOptions(),
    );
  });

  it("trainClassifier gives one slope per example, each an updateSlope of the one before, and leaves the examples alone | trainClassifier 为每个样本给出一个斜率，每个都是对前一个做 updateSlope，并且不改动样本", () => {
    const examples = fc.array(fc.record({ x: nonZeroX, target: smallDouble(-10, 10) }), { maxLength: 8 });
    fc.assert(
      fc.property(smallDouble(-5, 5), examples, smallDouble(0.01, 1), (A, list, L) => {
        const copy = JSON.stringify(list);
        const what = t(`trainClassifier(${A}, ${list.length} examples, L = ${L})`, `trainClassifier(${A}, ${list.length} 个样本, L = ${L})`);
        const history = expectNumbers(trainClassifier(A, list, L), list.length, what);
        history.forEach((slope, i) => {
          const previous = i === 0 ? A : history[i - 1];
          expectClose(slope, updateSlope(previous, list[i].x, list[i].target, L), t(`${what}, slope after example [${i}]`, `${what}，第 [${i}] 个样本之后的斜率`), 1e-9);
        });
        if (JSON.stringify(list) !== copy) fail(t(`${what} changed the examples it was given`, `${what} 改动了传给它的样本`));
      }),
      propertyOptions(),
    );
  });

  it("the starting line A = 0.25 gets the ladybird wrong; the final moderated line separates both bugs | 起始直线 A = 0.25 把瓢虫分错了；最终经过节制的直线能把两种虫子分开", () => {
    const start = classifyBug(0.25, LADYBIRD.width, LADYBIRD.length);
    if (start !== "caterpillar") {
      fail(`classifyBug(0.25, width 3.0, length 1.0)\n  expected: "caterpillar" (the line is at 0.75, below the ladybird, which is the book's point: the first guess is wrong) | expected: "caterpillar"（直线在 0.75，在瓢虫下方，这正是书中要说明的：第一次猜测是错的）\n  got:      ${JSON.stringify(start)}`);
    }
    const history = expectNumbers(trainClassifier(0.25, EXAMPLES, 0.5), 2, "trainClassifier(0.25, the book's two examples, L = 0.5) | trainClassifier(0.25, 书中的两个样本, L = 0.5)");
    const A = history[1];
    const bugs = [
      { ...LADYBIRD, expected: "ladybird" },
      { ...CATERPILLAR, expected: "caterpillar" },
    ];
    for (const bug of bugs) {
      const got = classifyBug(A, bug.width, bug.length);
      if (got !== bug.expected) {
        fail(`classifyBug(${A}, width ${bug.width}, length ${bug.length}) with the book's final line (book 1.4) | classifyBug(${A}, width ${bug.width}, length ${bug.length})，用书中最终的直线（书中 1.4 节）\n  expected: ${JSON.stringify(bug.expected)}\n  got:      ${JSON.stringify(got)}`);
      }
    }
  });

  it("classifyBug: below the line is a ladybird, above it a caterpillar | classifyBug：直线下方是瓢虫，上方是毛毛虫", () => {
    fc.assert(
      fc.property(smallDouble(-5, 5), smallDouble(-10, 10), smallDouble(0.01, 10), fc.boolean(), (A, width, gap, above) => {
        const length = lineAt(A, width) + (above ? gap : -gap);
        const expected = above ? "caterpillar" : "ladybird";
        const got = classifyBug(A, width, length);
        if (got !== expected) {
          fail(`classifyBug(${A}, width ${width}, length ${length}): the line is at ${A * width} there | classifyBug(${A}, width ${width}, length ${length})：直线在那里的高度是 ${A * width}\n  expected: ${JSON.stringify(expected)}\n  got:      ${JSON.stringify(got)}`);
        }
      }),
      propertyOptions(),
    );
  });

  it("updateSlope refuses x = 0 with a clear error instead of returning Infinity or NaN | updateSlope 遇到 x = 0 时给出清楚的错误，而不是返回 Infinity 或 NaN", () => {
    expectClose(updateSlope(0.25, 3.0, 1.1), 0.3667, "updateSlope(0.25, 3.0, 1.1) works first | 先确认 updateSlope(0.25, 3.0, 1.1) 能正常工作");
    expectThrowsMentioning(() => updateSlope(0.25, 0, 1.1), ["x"], "updateSlope(0.25, 0, 1.1): every line y = A x is 0 at x = 0, whatever A is | updateSlope(0.25, 0, 1.1)：不管 A 是多少，直线 y = A x 在 x = 0 处都是 0");
  });
});
