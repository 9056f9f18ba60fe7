// Book 1.6: a neuron fires only when its input is large enough. A hard step is too abrupt
// to learn with, so the book uses the smooth S-shaped sigmoid, 1 / (1 + e^-x).

/** 1 when x is at or above the threshold, otherwise 0. */
export function step(x: number, threshold = 0): number {
  throw new Error("not implemented yet: step in exercises/04-activation/activation.ts");
}

/** The logistic function 1 / (1 + e^-x). Always between 0 and 1, and never NaN for a real number. */
export function sigmoid(x: number): number {
  throw new Error("not implemented yet: sigmoid in exercises/04-activation/activation.ts");
}

/** The slope of the sigmoid, from its output o = sigmoid(x): o * (1 - o). */
export function sigmoidSlope(o: number): number {
  throw new Error("not implemented yet: sigmoidSlope in exercises/04-activation/activation.ts");
}

/** The inverse of the sigmoid: logit(y) = ln(y / (1 - y)), for y strictly between 0 and 1. */
export function logit(y: number): number {
  throw new Error("not implemented yet: logit in exercises/04-activation/activation.ts");
}
