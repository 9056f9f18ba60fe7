// The roadmap's "vanishing gradients" and Deep Learning from Scratch ch. 6.2 (initial weights).
// The book's sigmoid is never steeper than 0.25, so every layer the error passes back through
// shrinks it at least four times over: ten layers down, almost nothing is left to learn from.
// Modern networks use activations whose slope is 1 where they are switched on (ReLU), and
// start their weights at a size chosen so the signals neither die out nor blow up (He, Xavier).
import { sigmoid, sigmoidSlope } from "../04-activation/activation";
import { Matrix, dot, map, multiply, transpose } from "../05-matrix/matrix";
import { createRng, randomNormal } from "../09-prepare/prepare";
import { chartPng } from "../14-tuning/tuning";

/** max(0, x): the signal passes when positive, stops otherwise. */
export function relu(x: number): number {
  // BEGIN SOLUTION
  return x > 0 ? x : 0;
  // END SOLUTION
}

/** The slope of relu: 1 for x > 0, 0 for x < 0, and 0 at the kink x = 0 (as PyTorch takes it). */
export function reluSlope(x: number): number {
  // BEGIN SOLUTION
  return x > 0 ? 1 : 0;
  // END SOLUTION
}

/** x for x > 0, alpha * x otherwise: a small slope remains, so a node is never fully switched off. */
export function leakyRelu(x: number, alpha = 0.01): number {
  // BEGIN SOLUTION
  return x > 0 ? x : alpha * x;
  // END SOLUTION
}

/** The slope of leakyRelu: 1 for x > 0, alpha for x <= 0 (the kink takes the left side's slope). */
export function leakyReluSlope(x: number, alpha = 0.01): number {
  // BEGIN SOLUTION
  return x > 0 ? 1 : alpha;
  // END SOLUTION
}

/** (e^x - e^-x) / (e^x + e^-x): an S like the sigmoid, but from -1 to 1 and centred on 0. */
export function tanh(x: number): number {
  // BEGIN SOLUTION
  return Math.tanh(x);
  // END SOLUTION
}

/** The slope of tanh at x: 1 - tanh(x)^2, 1 at the centre (four times the sigmoid's 0.25). */
export function tanhSlope(x: number): number {
  // BEGIN SOLUTION
  const y = Math.tanh(x);
  return 1 - y * y;
  // END SOLUTION
}

/** An activation and its slope, both as functions of the node's combined input x. */
export interface Activation {
  name: string;
  f(x: number): number;
  slope(x: number): number;
}

export const SIGMOID: Activation = { name: "sigmoid", f: sigmoid, slope: (x) => sigmoidSlope(sigmoid(x)) };
export const RELU: Activation = { name: "relu", f: relu, slope: reluSlope };
export const LEAKY_RELU: Activation = { name: "leaky relu", f: (x) => leakyRelu(x), slope: (x) => leakyReluSlope(x) };
export const TANH: Activation = { name: "tanh", f: tanh, slope: tanhSlope };

/** Makes a fanIn x fanOut weight matrix (one row per input, one column per node). */
export type Init = (fanIn: number, fanOut: number, rng: () => number) => Matrix;

/** fanIn x fanOut weights, each normal(0, std). */
export function normalWeights(fanIn: number, fanOut: number, std: number, rng: () => number): Matrix {
  // BEGIN SOLUTION
  for (const [name, n] of [["fanIn", fanIn], ["fanOut", fanOut]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`normalWeights: ${name} must be a whole number of at least 1, got ${n}`);
  }
  if (!(std > 0) || !Number.isFinite(std)) throw new Error(`normalWeights: the standard deviation must be a number above 0, got ${std}`);
  const w = new Matrix(fanIn, fanOut);
  for (let i = 0; i < w.data.length; i++) w.data[i] = randomNormal(rng, 0, std);
  return w;
  // END SOLUTION
}

/** Xavier (Glorot) as Deep Learning from Scratch gives it: std 1 / sqrt(fanIn), the book's own choice (1.16). For sigmoid and tanh. */
export function xavierWeights(fanIn: number, fanOut: number, rng: () => number): Matrix {
  // BEGIN SOLUTION
  return normalWeights(fanIn, fanOut, Math.sqrt(1 / fanIn), rng);
  // END SOLUTION
}

/** He: std sqrt(2 / fanIn). ReLU zeroes half of the signals, so the weights start sqrt(2) times larger. */
export function heWeights(fanIn: number, fanOut: number, rng: () => number): Matrix {
  // BEGIN SOLUTION
  return normalWeights(fanIn, fanOut, Math.sqrt(2 / fanIn), rng);
  // END SOLUTION
}

/** normal(0, 1) weights, the size that makes sigmoid networks vanish. */
export const unitNormalWeights: Init = (fanIn, fanOut, rng) => normalWeights(fanIn, fanOut, 1, rng);

export interface DeepOptions {
  layers: number;
  width: number;
  /** Samples in the batch sent through. */
  batch: number;
  seed: number;
}

export const DEEP: DeepOptions = { layers: 10, width: 100, batch: 100, seed: 1 };

/**
 * The vanishing-gradient experiment. A stack of `layers` layers, each `width` nodes wide, without
 * biases, weights from `init`; a batch of normal(0, 1) inputs goes forward (z = a . W, a = f(z));
 * then a gradient of normal(0, 1) numbers at the top goes back:
 *   delta = g * f'(z);  dW = a_before^T . delta;  g_before = delta . W^T
 * Returns the size of each layer's weight gradient, layer 1 (next to the inputs) first: the
 * root-mean-square sqrt(mean(dW^2)). The random numbers are drawn in this order from
 * createRng(seed): every layer's weights, first layer first, then the inputs, then the top gradient.
 */
export function gradientSizes(activation: Activation, init: Init, options: DeepOptions = DEEP): number[] {
  // BEGIN SOLUTION
  const rng = createRng(options.seed);
  const weights = Array.from({ length: options.layers }, () => init(options.width, options.width, rng));
  const random = () => {
    const m = new Matrix(options.batch, options.width);
    for (let i = 0; i < m.data.length; i++) m.data[i] = randomNormal(rng, 0, 1);
    return m;
  };
  const inputs = random();
  const top = random();
  const before: Matrix[] = []; // the signal going into each layer
  const sums: Matrix[] = []; // each layer's combined inputs z
  let a = inputs;
  for (const W of weights) {
    before.push(a);
    const z = dot(a, W);
    sums.push(z);
    a = map(z, activation.f);
  }
  const sizes: number[] = new Array(options.layers);
  let g = top;
  for (let l = options.layers - 1; l >= 0; l--) {
    const delta = multiply(g, map(sums[l], activation.slope));
    const dW = dot(transpose(before[l]), delta);
    sizes[l] = Math.sqrt(dW.data.reduce((s, v) => s + v * v, 0) / dW.data.length);
    g = dot(delta, transpose(weights[l]));
  }
  return sizes;
  // END SOLUTION
}

/** The sizes as a chart: log10 of each, layer 1 on the left (exercise 14's chartPng). */
export function gradientChartPng(sizes: readonly number[]): Buffer {
  // BEGIN SOLUTION
  return chartPng(sizes.map((s) => Math.log10(Math.max(s, 1e-300))));
  // END SOLUTION
}
