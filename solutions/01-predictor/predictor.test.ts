import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectNumbers, expectThrowsMentioning, fail, propertyOptions } from "../_testkit/check";
import { error, findConstant, predict, refine } from "./predictor";

// The book's example: 100 km is 62.137 miles.
const KM = 100;
const MILES = 62.137;

describe("01 predictor: miles = c * km (book 1.2) | 01 预测机：英里 = c * 公里（书中 1.2 节）", () => {
  it("predict multiplies km by c: c = 0.5 turns 100 km into 50 miles | predict 把公里数乘以 c：c = 0.5 时 100 公里变成 50 英里", () => {
    expectClose(predict(0.5, KM), 50, "predict(0.5, 100) (book 1.2)");
    expectClose(predict(0.6, KM), 60, "predict(0.6, 100) (book 1.2)");
  });

  it("predict is c * km for any c and km | 对任意 c 和公里数，predict 都等于 c * km", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -1000, max: 1000, noNaN: true }), (c, km) => {
        expectClose(predict(c, km), c * km, `predict(${c}, ${km})`, 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("error is target minus actual: the book's errors for c = 0.5, 0.6, 0.7, 0.61 are 12.137, 2.137, -7.863, 1.137 | 误差 = 目标值 - 实际值：书中 c = 0.5、0.6、0.7、0.61 的误差是 12.137、2.137、-7.863、1.137", () => {
    expectClose(error(MILES, predict(0.5, KM)), 12.137, "error for c = 0.5 (book 1.2) | c = 0.5 时的误差（书中 1.2 节）");
    expectClose(error(MILES, predict(0.6, KM)), 2.137, "error for c = 0.6 (book 1.2) | c = 0.6 时的误差（书中 1.2 节）");
    expectClose(error(MILES, predict(0.7, KM)), -7.863, "error for c = 0.7: negative, we overshot (book 1.2) | c = 0.7 时的误差：负数，走过头了（书中 1.2 节）");
    expectClose(error(MILES, predict(0.61, KM)), 1.137, "error for c = 0.61: a smaller nudge after the overshoot (book 1.2) | c = 0.61 时的误差：走过头之后轻推一小步（书中 1.2 节）");
    expectClose(error(10, 4), 6, "error(10, 4): target first, then the machine's answer | error(10, 4)：先写目标值，再写机器的答案");
  });

  it("refine moves c towards the answer, by a fraction of the error set by the learning rate | refine 让 c 向答案靠近，每次只走误差的一部分，比例由学习率决定", () => {
    // From c = 0.5 the error is 12.137 miles, i.e. 0.12137 of c per km.
    expectClose(refine(0.5, KM, MILES, 1), 0.62137, "refine(0.5, 100, 62.137, learningRate 1): one full step lands on the answer | refine(0.5, 100, 62.137, learningRate 1)：走完整一步正好落在答案上");
    expectClose(refine(0.5, KM, MILES, 0.5), 0.560685, "refine(0.5, 100, 62.137, learningRate 0.5): half a step | refine(0.5, 100, 62.137, learningRate 0.5)：走半步", 1e-6);
    expectClose(refine(0.7, KM, MILES, 0.5), 0.660685, "refine(0.7, 100, 62.137, learningRate 0.5): c was too big, so it goes down | refine(0.7, 100, 62.137, learningRate 0.5)：c 太大了，所以往下走", 1e-6);
  });

  it("each refine step leaves (1 - learningRate) of the error: it never makes a guess worse | 每次 refine 后误差剩下 (1 - learningRate)：猜测绝不会变差", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        (c, rate, km) => {
          const miles = 0.62137 * km;
          const before = error(miles, predict(c, km));
          const next = refine(c, km, miles, rate);
          const after = error(miles, predict(next, km));
          if (Math.abs(after - (1 - rate) * before) > 1e-9 * (1 + Math.abs(before))) {
            fail(
              `refine(${c}, ${km}, ${miles}, learningRate ${rate}) gave c = ${next} | refine(${c}, ${km}, ${miles}, learningRate ${rate}) 得到 c = ${next}\n` +
                `  the error went from ${before} to ${after}, but it should be (1 - ${rate}) * ${before} = ${(1 - rate) * before} | 误差从 ${before} 变成了 ${after}，但应该是 (1 - ${rate}) * ${before} = ${(1 - rate) * before}`,
            );
          }
        },
      ),
      propertyOptions(),
    );
  });

  it("refine refuses km = 0 with a clear error instead of returning Infinity or NaN | refine 遇到 km = 0 时给出清楚的错误，而不是返回 Infinity 或 NaN", () => {
    expectClose(refine(0.5, KM, MILES, 1), 0.62137, "refine(0.5, 100, 62.137, 1) works first | 先确认 refine(0.5, 100, 62.137, 1) 能正常工作");
    expectThrowsMentioning(() => refine(0.5, 0, MILES, 0.5), ["km"], "refine(0.5, 0, 62.137, 0.5): 0 km tells us nothing about c | refine(0.5, 0, 62.137, 0.5)：0 公里对 c 什么也说明不了");
  });

  it("findConstant converges to c = 0.62137 and records every step, starting with the guess | findConstant 收敛到 c = 0.62137，并从最初的猜测开始记录每一步", () => {
    const history = expectNumbers(findConstant(KM, MILES, 0.5, 0.5, 20), 21, "findConstant(100, 62.137, guess 0.5, learningRate 0.5, 20 steps) | findConstant(100, 62.137, 猜测 0.5, learningRate 0.5, 20 步)");
    expectClose(history[0], 0.5, "the first entry is the starting guess | 第一项是最初的猜测");
    expectClose(history[1], 0.560685, "after one step | 走一步之后", 1e-6);
    expectClose(history[20], 0.62137, "after 20 steps c is the true km-to-miles constant | 20 步之后 c 就是真正的公里换算英里常数", 1e-5);
    expectNumbers(findConstant(KM, MILES, 0.5, 0.5, 0), 1, "findConstant(..., 0 steps): just the guess | findConstant(..., 0 步)：只有最初的猜测");
  });

  it("findConstant: every step is one refine of the step before | findConstant：每一步都是对上一步做一次 refine", () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.integer({ min: 0, max: 12 }), (guess, rate, steps) => {
        const history = expectNumbers(findConstant(KM, MILES, guess, rate, steps), steps + 1, `findConstant(100, 62.137, ${guess}, ${rate}, ${steps} steps) | findConstant(100, 62.137, ${guess}, ${rate}, ${steps} 步)`);
        history.slice(1).forEach((c, i) => {
          expectClose(c, refine(history[i], KM, MILES, rate), `findConstant(100, 62.137, ${guess}, ${rate}, ${steps}), entry [${i + 1}] = refine(entry [${i}]) | findConstant(100, 62.137, ${guess}, ${rate}, ${steps})，第 [${i + 1}] 项 = refine(第 [${i}] 项)`, 1e-12);
        });
      }),
      propertyOptions(),
    );
  });
});
