// Book 1.6: a neuron fires only when its input is large enough. A hard step is too abrupt
// to learn with, so the book uses the smooth S-shaped sigmoid, 1 / (1 + e^-x).

/** 1 when x is at or above the threshold, otherwise 0. */
export function step(x: number, threshold = 0): number {
  // BEGIN SOLUTION
  return x >= threshold ? 1 : 0;
  // END SOLUTION
}

/** The logistic function 1 / (1 + e^-x). Always between 0 and 1, and never NaN for a real number. */
export function sigmoid(x: number): number {
  // BEGIN SOLUTION
  // NaN in means a bug upstream; passing it on would hide where it came from.
  if (Number.isNaN(x)) throw new Error("sigmoid got NaN: an earlier calculation went wrong (0 / 0, or Infinity - Infinity); check the numbers fed into it");
  // For x = -1e4, e^-x overflows to Infinity, and 1 / (1 + Infinity) is 0: still a number, so no special case.
  return 1 / (1 + Math.exp(-x));
  // END SOLUTION
}

/** The slope of the sigmoid, from its output o = sigmoid(x): o * (1 - o). */
export function sigmoidSlope(o: number): number {
  // BEGIN SOLUTION
  return o * (1 - o);
  // END SOLUTION
}

/** The inverse of the sigmoid: logit(y) = ln(y / (1 - y)), for y strictly between 0 and 1. */
export function logit(y: number): number {
  // BEGIN SOLUTION
  // 0 and 1 have no logit (ln 0 is -Infinity, y / 0 is Infinity), and outside them the log is NaN.
  if (!(y > 0 && y < 1)) throw new Error(`logit needs a number strictly between 0 and 1 (an output of the sigmoid), got ${y}`);
  return Math.log(y / (1 - y));
  // END SOLUTION
}
