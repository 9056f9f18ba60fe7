// Book 1.16: a network learns well only from well-prepared numbers. Inputs go into the
// range the sigmoid is happy with, targets stay inside what a sigmoid can output, and the
// first weights are small, random and different from each other.
import { Matrix } from "../05-matrix/matrix";

/** A pixel 0..255 becomes 0.01..1.00: never exactly 0, because a zero input cannot change its weights. */
export function scaleInput(pixel: number): number {
  throw new Error("not implemented yet: scaleInput in exercises/09-prepare/prepare.ts");
}

export function scaleInputs(pixels: ArrayLike<number>): number[] {
  throw new Error("not implemented yet: scaleInputs in exercises/09-prepare/prepare.ts");
}

/** 0.01 for every output node except 0.99 for the label: a sigmoid never reaches 0 or 1. */
export function makeTargets(label: number, outputNodes = 10): number[] {
  throw new Error("not implemented yet: makeTargets in exercises/09-prepare/prepare.ts");
}

/**
 * A seeded pseudo-random number generator (mulberry32): the same seed gives the same numbers,
 * so every run of a test or an experiment is repeatable. Returns numbers in [0, 1).
 */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One number from a normal (bell-curve) distribution, by the Box-Muller transform. */
export function randomNormal(rng: () => number, mean: number, std: number): number {
  throw new Error("not implemented yet: randomNormal in exercises/09-prepare/prepare.ts");
}

/**
 * A rows x cols weight matrix: each weight drawn from a normal distribution with mean 0 and
 * standard deviation 1 / sqrt(cols), cols being the number of links coming into each node.
 */
export function initWeights(rows: number, cols: number, rng: () => number): Matrix {
  throw new Error("not implemented yet: initWeights in exercises/09-prepare/prepare.ts");
}
