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
  // BEGIN SOLUTION
  checkConv("conv2d", input, kernel, bias);
  const { size } = kernel;
  const out = volume(kernel.outChannels, input.height - size + 1, input.width - size + 1);
  for (let o = 0; o < out.channels; o++) {
    for (let y = 0; y < out.height; y++) {
      for (let x = 0; x < out.width; x++) {
        let sum = bias[o];
        for (let c = 0; c < input.channels; c++) {
          for (let i = 0; i < size; i++) {
            const inRow = (c * input.height + y + i) * input.width + x;
            const kRow = ((o * kernel.inChannels + c) * size + i) * size;
            for (let j = 0; j < size; j++) sum += kernel.data[kRow + j] * input.data[inRow + j];
          }
        }
        out.data[(o * out.height + y) * out.width + x] = sum;
      }
    }
  }
  return out;
  // END SOLUTION
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
  // BEGIN SOLUTION
  checkConv("conv2dBackward", input, kernel, new Array(kernel.outChannels).fill(0));
  const { size } = kernel;
  const outHeight = input.height - size + 1;
  const outWidth = input.width - size + 1;
  if (outputGrad.channels !== kernel.outChannels || outputGrad.height !== outHeight || outputGrad.width !== outWidth) {
    throw new Error(`conv2dBackward: outputGrad must have the shape of conv2d's output, ${kernel.outChannels}x${outHeight}x${outWidth}, got ${shapeOf(outputGrad)}`);
  }
  const grads: ConvGradients = {
    input: volume(input.channels, input.height, input.width),
    kernel: kernels(kernel.outChannels, kernel.inChannels, size),
    bias: new Array<number>(kernel.outChannels).fill(0),
  };
  for (let o = 0; o < kernel.outChannels; o++) {
    for (let y = 0; y < outHeight; y++) {
      for (let x = 0; x < outWidth; x++) {
        const g = outputGrad.data[(o * outHeight + y) * outWidth + x];
        grads.bias[o] += g;
        for (let c = 0; c < input.channels; c++) {
          for (let i = 0; i < size; i++) {
            const inRow = (c * input.height + y + i) * input.width + x;
            const kRow = ((o * kernel.inChannels + c) * size + i) * size;
            for (let j = 0; j < size; j++) {
              grads.kernel.data[kRow + j] += g * input.data[inRow + j];
              grads.input.data[inRow + j] += g * kernel.data[kRow + j];
            }
          }
        }
      }
    }
  }
  return grads;
  // END SOLUTION
}

/**
 * 2 x 2 max-pooling with stride 2: every channel shrinks to half its height and width, each
 * number the largest of its 2 x 2 block. An odd last row or column is left out (as in PyTorch).
 */
export function maxPool(input: Volume): Volume {
  // BEGIN SOLUTION
  checkPool("maxPool", input);
  const out = volume(input.channels, Math.floor(input.height / 2), Math.floor(input.width / 2));
  forEachBlock(input, out, (outIndex, best) => (out.data[outIndex] = input.data[best]));
  return out;
  // END SOLUTION
}

/**
 * The backward pass of maxPool: only the largest number of each block reached the output, so
 * only it gets that output's slope; the other three get 0. (When two numbers tie for the
 * largest, the first one in reading order gets it.)
 */
export function maxPoolBackward(input: Volume, outputGrad: Volume): Volume {
  // BEGIN SOLUTION
  checkPool("maxPoolBackward", input);
  const expected = `${input.channels}x${Math.floor(input.height / 2)}x${Math.floor(input.width / 2)}`;
  if (shapeOf(outputGrad) !== expected) throw new Error(`maxPoolBackward: outputGrad must have the shape of maxPool's output, ${expected}, got ${shapeOf(outputGrad)}`);
  const grad = volume(input.channels, input.height, input.width);
  forEachBlock(input, outputGrad, (outIndex, best) => (grad.data[best] += outputGrad.data[outIndex]));
  return grad;
  // END SOLUTION
}

// BEGIN SOLUTION
/** Calls visit(index in the pooled output, index of the block's largest input) for every 2 x 2 block. */
function forEachBlock(input: Volume, pooled: Volume, visit: (outIndex: number, best: number) => void): void {
  for (let c = 0; c < pooled.channels; c++) {
    for (let y = 0; y < pooled.height; y++) {
      for (let x = 0; x < pooled.width; x++) {
        const top = (c * input.height + 2 * y) * input.width + 2 * x;
        let best = top;
        for (const index of [top + 1, top + input.width, top + input.width + 1]) if (input.data[index] > input.data[best]) best = index;
        visit((c * pooled.height + y) * pooled.width + x, best);
      }
    }
  }
}

function checkConv(fn: string, input: Volume, kernel: Kernels, bias: ArrayLike<number>): void {
  if (input.channels !== kernel.inChannels) {
    throw new Error(`${fn}: the input ${shapeOf(input)} has ${input.channels} channels, but the kernels expect ${kernel.inChannels} (kernels ${kernel.outChannels}x${kernel.inChannels}x${kernel.size}x${kernel.size})`);
  }
  if (kernel.size > input.height || kernel.size > input.width) {
    throw new Error(`${fn}: a ${kernel.size}x${kernel.size} kernel does not fit in a ${input.height}x${input.width} picture ("valid" convolution needs the kernel to fit inside)`);
  }
  if (bias.length !== kernel.outChannels) throw new Error(`${fn}: there are ${kernel.outChannels} output channels, so ${kernel.outChannels} biases are needed, got ${bias.length}`);
}

function checkPool(fn: string, input: Volume): void {
  if (input.height < 2 || input.width < 2) throw new Error(`${fn}: 2x2 pooling needs a picture at least 2x2, got ${shapeOf(input)}`);
}
// END SOLUTION
