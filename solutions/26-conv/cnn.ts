// Convolution at work on MNIST: first one hand-made kernel that finds edges in a real digit,
// then a tiny convolutional network (CNN) that learns its own kernels:
//   28x28 picture -> conv 3x3 (channels kernels) -> relu -> 2x2 max-pool -> dense -> softmax
import { createRng, randomNormal, scaleInputs } from "../09-prepare/prepare";
import { toPng } from "../13-evaluate/evaluate";
import { softmax, softmaxCrossEntropyGradient } from "../20-softmax/softmax";
import { conv2d, conv2dBackward, kernels, maxPool, maxPoolBackward, volume, type Kernels, type Volume } from "./conv";

/** Sobel's kernel for edges that run up and down: it answers where the left and right differ. */
export const SOBEL_X = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];

/**
 * The edges of a square picture of grey levels 0..255: the picture as one channel, its values
 * divided by 255, convolved with the kernel (a grid of numbers), bias 0. A 28x28 digit and a 3x3
 * kernel give 26x26.
 */
export function edgeMap(pixels: ArrayLike<number>, kernel: number[][] = SOBEL_X): Volume {
  // BEGIN SOLUTION
  const side = Math.round(Math.sqrt(pixels.length));
  if (side * side !== pixels.length) throw new Error(`edgeMap: expected a square picture (28x28 = 784 pixels), got ${pixels.length} pixels`);
  const size = kernel.length;
  if (size === 0 || kernel.some((row) => row.length !== size)) throw new Error(`edgeMap: the kernel must be a square grid of numbers, like SOBEL_X (3x3)`);
  const picture = volume(1, side, side, Array.from(pixels, (p) => p / 255));
  return conv2d(picture, kernels(1, 1, size, kernel.flat()), [0]);
  // END SOLUTION
}

/**
 * The edge map as a greyscale PNG (with exercise 13's toPng): the size of each edge, |value|,
 * scaled so the strongest is 255 (white). A picture without edges is all black.
 */
export function edgePng(pixels: ArrayLike<number>, kernel: number[][] = SOBEL_X): Buffer {
  // BEGIN SOLUTION
  const edges = edgeMap(pixels, kernel);
  const sizes = Array.from(edges.data, Math.abs);
  const strongest = Math.max(...sizes);
  return toPng(sizes.map((s) => (strongest === 0 ? 0 : (255 * s) / strongest)), edges.width, edges.height);
  // END SOLUTION
}

/** What one training step saw and changed (for tests and for curiosity). */
export interface Step {
  /** The cross-entropy loss -ln p[label] before the step. */
  loss: number;
  probabilities: number[];
}

/** A tiny CNN for 28x28 digits with 10 classes. */
export class TinyCnn {
  readonly channels: number;
  /** channels x 1 x 3 x 3 */
  kernel: Kernels;
  convBias: number[];
  /** 10 x (channels * 13 * 13): row k holds the weights into class k. */
  dense: Float64Array;
  denseBias: number[];

  /** Weights normal(0, 1 / sqrt(links into the node)) as in the book (exercise 09), biases 0. */
  constructor(channels = 4, seed = 1) {
    if (!Number.isInteger(channels) || channels < 1) throw new Error(`TinyCnn: channels must be a whole number of at least 1, got ${channels}`);
    this.channels = channels;
    const rng = createRng(seed);
    this.kernel = kernels(channels, 1, 3, Array.from({ length: channels * 9 }, () => randomNormal(rng, 0, 1 / 3)));
    this.convBias = new Array(channels).fill(0);
    const features = channels * 13 * 13;
    this.dense = Float64Array.from({ length: 10 * features }, () => randomNormal(rng, 0, 1 / Math.sqrt(features)));
    this.denseBias = new Array(10).fill(0);
  }

  /** The ten class probabilities for a picture of 784 grey levels 0..255 (scaled as in exercise 09). */
  query(pixels: ArrayLike<number>): number[] {
    // BEGIN SOLUTION
    return this.forward(pixels).probabilities;
    // END SOLUTION
  }

  /** One step of gradient descent on the cross-entropy of this picture: every weight -= learningRate * slope. */
  train(pixels: ArrayLike<number>, label: number, learningRate: number): Step {
    // BEGIN SOLUTION
    if (!Number.isInteger(label) || label < 0 || label > 9) throw new Error(`TinyCnn.train: label must be a whole number from 0 to 9, got ${label}`);
    if (!(learningRate > 0) || !Number.isFinite(learningRate)) throw new Error(`TinyCnn.train: learningRate must be a number above 0, got ${learningRate}`);
    const pass = this.forward(pixels);
    const features = pass.pooled.data;
    const n = features.length;
    // Dense layer: logits = dense . features + denseBias.
    const dLogits = softmaxCrossEntropyGradient(pass.logits, label);
    const dFeatures = volume(pass.pooled.channels, pass.pooled.height, pass.pooled.width);
    for (let k = 0; k < 10; k++) {
      for (let i = 0; i < n; i++) {
        dFeatures.data[i] += this.dense[k * n + i] * dLogits[k]; // with the weights before they change
        this.dense[k * n + i] -= learningRate * dLogits[k] * features[i];
      }
      this.denseBias[k] -= learningRate * dLogits[k];
    }
    // Back through the pooling and the relu, then the convolution.
    const dActivated = maxPoolBackward(pass.activated, dFeatures);
    const dConv = volume(dActivated.channels, dActivated.height, dActivated.width, dActivated.data.map((g, i) => (pass.convolved.data[i] > 0 ? g : 0)));
    const grads = conv2dBackward(pass.input, this.kernel, dConv);
    grads.kernel.data.forEach((g, i) => (this.kernel.data[i] -= learningRate * g));
    grads.bias.forEach((g, o) => (this.convBias[o] -= learningRate * g));
    return { loss: -Math.log(pass.probabilities[label]), probabilities: pass.probabilities };
    // END SOLUTION
  }

  // BEGIN SOLUTION
  private forward(pixels: ArrayLike<number>) {
    if (pixels?.length !== 784) throw new Error(`TinyCnn: a picture must have 28x28 = 784 pixels, got ${pixels?.length}`);
    const input = volume(1, 28, 28, scaleInputs(pixels));
    const convolved = conv2d(input, this.kernel, this.convBias);
    const activated = volume(convolved.channels, convolved.height, convolved.width, convolved.data.map((z) => (z > 0 ? z : 0)));
    const pooled = maxPool(activated);
    const n = pooled.data.length;
    const logits = this.denseBias.map((b, k) => {
      let sum = b;
      for (let i = 0; i < n; i++) sum += this.dense[k * n + i] * pooled.data[i];
      return sum;
    });
    return { input, convolved, activated, pooled, logits, probabilities: softmax(logits) };
  }
  // END SOLUTION
}
