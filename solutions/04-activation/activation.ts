// Book 1.6: a neuron fires only when its input is large enough. A hard step is too abrupt
// to learn with, so the book uses the smooth S-shaped sigmoid, 1 / (1 + e^-x).

/** 1 when x is at or above the threshold, otherwise 0. */
export function step(x: number, threshold = 0): number {
  // BEGIN SOLUTION
  return x >= threshold ? 1 : 0;
  // END SOLUTION
}

/** The logistic function. Always between 0 and 1, and never NaN for a real number. */
export function sigmoid(x: number): number {
  // BEGIN SOLUTION
  if (Number.isNaN(x)) throw new Error("sigmoid got NaN: some earlier calculation went wrong (0/0, or Infinity - Infinity)");
  // For very negative x, e^-x overflows to Infinity; e^x / (1 + e^x) is the same value and stays finite.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const ex = Math.exp(x);
  return ex / (1 + ex);
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
  if (!(y > 0 && y < 1)) throw new Error(`logit needs a value strictly between 0 and 1, got ${y}`);
  return Math.log(y / (1 - y));
  // END SOLUTION
}
