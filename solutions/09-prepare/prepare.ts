// Book 1.16: a network learns well only from well-prepared numbers. Inputs go into the
// range the sigmoid is happy with, targets stay inside what a sigmoid can output, and the
// first weights are small, random and different from each other.
import { Matrix } from "../05-matrix/matrix";

/** A pixel 0..255 becomes 0.01..1.00: never exactly 0, because a zero input cannot change its weights. */
export function scaleInput(pixel: number): number {
  // BEGIN SOLUTION
  return (pixel / 255) * 0.99 + 0.01;
  // END SOLUTION
}

export function scaleInputs(pixels: ArrayLike<number>): number[] {
  // BEGIN SOLUTION
  return Array.from(pixels, scaleInput);
  // END SOLUTION
}

/** 0.01 for every output node except 0.99 for the label: a sigmoid never reaches 0 or 1. */
export function makeTargets(label: number, outputNodes = 10): number[] {
  // BEGIN SOLUTION
  if (!Number.isInteger(label) || label < 0 || label >= outputNodes) {
    throw new Error(`makeTargets: the label must be a whole number from 0 to ${outputNodes - 1}, got ${label}`);
  }
  const targets = new Array<number>(outputNodes).fill(0.01);
  targets[label] = 0.99;
  return targets;
  // END SOLUTION
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
  // BEGIN SOLUTION
  const u1 = 1 - rng(); // in (0, 1]: log(0) would be -Infinity
  const u2 = rng();
  return mean + std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  // END SOLUTION
}

/**
 * A rows x cols weight matrix: each weight drawn from a normal distribution with mean 0 and
 * standard deviation 1 / sqrt(cols), cols being the number of links coming into each node.
 */
export function initWeights(rows: number, cols: number, rng: () => number): Matrix {
  // BEGIN SOLUTION
  const weights = new Matrix(rows, cols);
  const std = Math.pow(cols, -0.5);
  for (let i = 0; i < weights.data.length; i++) {
    let w = 0;
    while (w === 0) w = randomNormal(rng, 0, std);
    weights.data[i] = w;
  }
  return weights;
  // END SOLUTION
}
