// Convolution: instead of one weight for every pixel (784 per hidden node in the book's network),
// a small kernel, say 3 x 3, slides over the picture and computes the same weighted sum at every
// place. The same few weights look for the same pattern (an edge, a corner) everywhere.
// Max-pooling then keeps only the strongest answer of each 2 x 2 block.
// Both have a backward pass, so a network built from them learns by gradient descent like any other.

/** A stack of pictures of the same size: `channels` x `height` x `width` numbers. */
export interface Volume {
  channels: number;
  height: number;
  width: number;
  /** Channel after channel, each row after row: (c, y, x) is data[(c * height + y) * width + x]. */
  data: Float64Array;
}

/** `outChannels` kernels, each with one `size` x `size` grid per input channel. */
export interface Kernels {
  outChannels: number;
  inChannels: number;
  size: number;
  /** (o, c, i, j) is data[((o * inChannels + c) * size + i) * size + j]. */
  data: Float64Array;
}

export function volume(channels: number, height: number, width: number, data?: ArrayLike<number>): Volume {
  for (const [name, n] of [["channels", channels], ["height", height], ["width", width]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`volume: ${name} must be a whole number of at least 1, got ${n}`);
  }
  if (data !== undefined && data.length !== channels * height * width) {
    throw new Error(`volume: ${channels}x${height}x${width} holds ${channels * height * width} numbers, but ${data.length} were given`);
  }
  return { channels, height, width, data: data === undefined ? new Float64Array(channels * height * width) : Float64Array.from(data) };
}

export function kernels(outChannels: number, inChannels: number, size: number, data?: ArrayLike<number>): Kernels {
  for (const [name, n] of [["outChannels", outChannels], ["inChannels", inChannels], ["size", size]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`kernels: ${name} must be a whole number of at least 1, got ${n}`);
  }
  const count = outChannels * inChannels * size * size;
  if (data !== undefined && data.length !== count) throw new Error(`kernels: ${outChannels}x${inChannels}x${size}x${size} holds ${count} numbers, but ${data.length} were given`);
  return { outChannels, inChannels, size, data: data === undefined ? new Float64Array(count) : Float64Array.from(data) };
}

/** "2x28x28": how error messages name a volume's shape. */
export const shapeOf = (v: Volume) => `${v.channels}x${v.height}x${v.width}`;

/**
 * "Valid" convolution with stride 1 (what deep-learning libraries call convolution: the kernel is
 * not flipped). Output channel o at (y, x) is bias[o] plus, over every input channel c and kernel
 * position (i, j), kernel(o, c, i, j) * input(c, y + i, x + j). The output is
 * outChannels x (height - size + 1) x (width - size + 1).
 */
export function conv2d(input: Volume, kernel: Kernels, bias: ArrayLike<number>): Volume {
  throw new Error("not implemented yet: conv2d in exercises/26-conv/conv.ts");
}

export interface ConvGradients {
  /** dL/d(input), the shape of the input: what is passed back to the layer before. */
  input: Volume;
  /** dL/d(kernel), the shape of the kernels. */
  kernel: Kernels;
  /** dL/d(bias), one per output channel. */
  bias: number[];
}

/**
 * The backward pass of conv2d. `outputGrad` is dL/d(output), the shape of conv2d's output.
 * Each output number was a sum of kernel * input products, so its slope flows back to both:
 *   dKernel(o, c, i, j) += outputGrad(o, y, x) * input(c, y + i, x + j)
 *   dInput(c, y + i, x + j) += outputGrad(o, y, x) * kernel(o, c, i, j)
 *   dBias(o) += outputGrad(o, y, x)
 * summed over every output position (y, x).
 */
export function conv2dBackward(input: Volume, kernel: Kernels, outputGrad: Volume): ConvGradients {
  throw new Error("not implemented yet: conv2dBackward in exercises/26-conv/conv.ts");
}

/**
 * 2 x 2 max-pooling with stride 2: every channel shrinks to half its height and width, each
 * number the largest of its 2 x 2 block. An odd last row or column is left out (as in PyTorch).
 */
export function maxPool(input: Volume): Volume {
  throw new Error("not implemented yet: maxPool in exercises/26-conv/conv.ts");
}

/**
 * The backward pass of maxPool: only the largest number of each block reached the output, so
 * only it gets that output's slope; the other three get 0. (When two numbers tie for the
 * largest, the first one in reading order gets it.)
 */
export function maxPoolBackward(input: Volume, outputGrad: Volume): Volume {
  throw new Error("not implemented yet: maxPoolBackward in exercises/26-conv/conv.ts");
}
