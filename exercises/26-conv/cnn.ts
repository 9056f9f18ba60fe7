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
  throw new Error("not implemented yet: edgeMap in exercises/26-conv/cnn.ts");
}

/**
 * The edge map as a greyscale PNG (with exercise 13's toPng): the size of each edge, |value|,
 * scaled so the strongest is 255 (white). A picture without edges is all black.
 */
export function edgePng(pixels: ArrayLike<number>, kernel: number[][] = SOBEL_X): Buffer {
  throw new Error("not implemented yet: edgePng in exercises/26-conv/cnn.ts");
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
    throw new Error("not implemented yet: TinyCnn.query in exercises/26-conv/cnn.ts");
  }

  /** One step of gradient descent on the cross-entropy of this picture: every weight -= learningRate * slope. */
  train(pixels: ArrayLike<number>, label: number, learningRate: number): Step {
    throw new Error("not implemented yet: TinyCnn.train in exercises/26-conv/cnn.ts");
  }
}
