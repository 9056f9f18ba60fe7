import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectNumbers, fail, propertyOptions } from "../_testkit/check";
import { error, findConstant, predict, refine } from "./predictor";

// The book's example: 100 km is 62.137 miles.
const KM = 100;
const MILES = 62.137;

describe("01 predictor: miles = c * km (book 1.2)", () => {
  it("predict multiplies km by c: c = 0.5 turns 100 km into 50 miles", () => {
    expectClose(predict(0.5, KM), 50, "predict(0.5, 100)");
    expectClose(predict(0.6, KM), 60, "predict(0.6, 100)");
  });

  it("predict is c * km for any c and km", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -1000, max: 1000, noNaN: true }), (c, km) => {
        expectClose(predict(c, km), c * km, `predict(${c}, ${km})`, 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("error is target minus actual: the book's errors for c = 0.5, 0.6, 0.7 are 12.137, 2.137, -7.863", () => {
    expectClose(error(MILES, predict(0.5, KM)), 12.137, "error for c = 0.5 (book 1.2)");
    expectClose(error(MILES, predict(0.6, KM)), 2.137, "error for c = 0.6 (book 1.2)");
    expectClose(error(MILES, predict(0.7, KM)), -7.863, "error for c = 0.7: negative, we overshot (book 1.2)");
  });

  it("refine moves c towards the answer, by a fraction of the error set by the learning rate", () => {
    // From c = 0.5 the error is 12.137 miles, i.e. 0.12137 of c per km.
    expectClose(refine(0.5, KM, MILES, 1), 0.62137, "refine(0.5, 100, 62.137, learningRate 1): one full step lands on the answer");
    expectClose(refine(0.5, KM, MILES, 0.5), 0.560685, "refine(0.5, 100, 62.137, learningRate 0.5): half a step", 1e-6);
    expectClose(refine(0.7, KM, MILES, 0.5), 0.660685, "refine(0.7, 100, 62.137, learningRate 0.5): c was too big, so it goes down", 1e-6);
  });

  it("refine never makes a guess worse when the learning rate is between 0 and 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (c, rate) => {
        const before = Math.abs(error(MILES, predict(c, KM)));
        const next = refine(c, KM, MILES, rate);
        const after = Math.abs(error(MILES, predict(next, KM)));
        if (after > before + 1e-9) fail(`refine(${c}, 100, 62.137, ${rate}) gave c = ${next}: the error grew from ${before} to ${after}`);
      }),
      propertyOptions(),
    );
  });

  it("findConstant converges to c = 0.62137 and records every step, starting with the guess", () => {
    const history = expectNumbers(findConstant(KM, MILES, 0.5, 0.5, 20), 21, "findConstant(100, 62.137, guess 0.5, learningRate 0.5, 20 steps)");
    expectClose(history[0], 0.5, "the first entry is the starting guess");
    expectClose(history[1], 0.560685, "after one step", 1e-6);
    expectClose(history[20], 0.62137, "after 20 steps c is the true km-to-miles constant", 1e-5);
  });
});
