// Deep Learning from Scratch ch. 6.1 and the frameworks article's torch.optim.Adam. Gradient
// descent, the book's only way down, takes a step of the same size in proportion to the slope
// everywhere. On a long narrow valley that zig-zags across the valley and crawls along it.
// Momentum remembers where it was going; RMSprop gives each parameter its own step size from
// the recent size of its gradients; Adam does both. (Parameters and their gradients come from
// exercise 22's Sequential.parameters().)
import { PNG } from "pngjs";
import { Matrix } from "../05-matrix/matrix";
import type { Digit } from "../11-idx/idx";
import { softmaxCrossEntropyLoss, type Parameter, type Sequential } from "../22-layers/layers";

export interface Optimiser {
  /** Move every parameter's value one step, using its grad (filled in by backward). */
  step(parameters: Parameter[]): void;
}

/** Plain gradient descent: value -= learningRate * grad. */
export class SGD implements Optimiser {
  /** Not readonly: a training schedule may lower it between epochs (the deep gate does). */
  learningRate: number;

  constructor(learningRate: number) {
    this.learningRate = learningRate;
    // BEGIN SOLUTION
    checkRate("SGD", learningRate);
    // END SOLUTION
  }

  step(parameters: Parameter[]): void {
    // BEGIN SOLUTION
    for (const p of checked("SGD", parameters)) {
      for (let i = 0; i < p.value.data.length; i++) p.value.data[i] -= this.learningRate * p.grad.data[i];
    }
    // END SOLUTION
  }
}

/** velocity = momentum * velocity - learningRate * grad; value += velocity. Velocities start at 0. */
export class Momentum implements Optimiser {
  /** Not readonly: a training schedule may lower it between epochs (the deep gate does). */
  learningRate: number;
  readonly momentum: number;
  // BEGIN SOLUTION
  private velocities = new Map<Matrix, Float64Array>();
  // END SOLUTION

  constructor(learningRate: number, momentum = 0.9) {
    this.learningRate = learningRate;
    this.momentum = momentum;
    // BEGIN SOLUTION
    checkRate("Momentum", learningRate);
    checkFraction("Momentum", "momentum", momentum);
    // END SOLUTION
  }

  step(parameters: Parameter[]): void {
    // BEGIN SOLUTION
    for (const p of checked("Momentum", parameters)) {
      const v = stateFor(this.velocities, p);
      for (let i = 0; i < v.length; i++) {
        v[i] = this.momentum * v[i] - this.learningRate * p.grad.data[i];
        p.value.data[i] += v[i];
      }
    }
    // END SOLUTION
  }
}

/** meanSquare = decay * meanSquare + (1 - decay) * grad^2; value -= learningRate * grad / (sqrt(meanSquare) + epsilon). */
export class RMSprop implements Optimiser {
  /** Not readonly: a training schedule may lower it between epochs (the deep gate does). */
  learningRate: number;
  readonly decay: number;
  readonly epsilon: number;
  // BEGIN SOLUTION
  private meanSquares = new Map<Matrix, Float64Array>();
  // END SOLUTION

  constructor(learningRate: number, decay = 0.99, epsilon = 1e-8) {
    this.learningRate = learningRate;
    this.decay = decay;
    this.epsilon = epsilon;
    // BEGIN SOLUTION
    checkRate("RMSprop", learningRate);
    checkFraction("RMSprop", "decay", decay);
    // END SOLUTION
  }

  step(parameters: Parameter[]): void {
    // BEGIN SOLUTION
    for (const p of checked("RMSprop", parameters)) {
      const s = stateFor(this.meanSquares, p);
      for (let i = 0; i < s.length; i++) {
        const g = p.grad.data[i];
        s[i] = this.decay * s[i] + (1 - this.decay) * g * g;
        p.value.data[i] -= (this.learningRate * g) / (Math.sqrt(s[i]) + this.epsilon);
      }
    }
    // END SOLUTION
  }
}

/**
 * Adam: momentum (m, the mean of the gradients) and RMSprop (v, the mean of their squares)
 * together. Both start at 0, which makes them too small in the first steps; dividing by
 * 1 - beta^t (t = the number of steps so far, 1 in the first) corrects that:
 *   m = beta1 m + (1 - beta1) g;   v = beta2 v + (1 - beta2) g^2
 *   value -= learningRate * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 */
export class Adam implements Optimiser {
  /** Not readonly: a training schedule may lower it between epochs (the deep gate does). */
  learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  // BEGIN SOLUTION
  private t = 0;
  private means = new Map<Matrix, Float64Array>();
  private meanSquares = new Map<Matrix, Float64Array>();
  // END SOLUTION

  constructor(learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) {
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    // BEGIN SOLUTION
    checkRate("Adam", learningRate);
    checkFraction("Adam", "beta1", beta1);
    checkFraction("Adam", "beta2", beta2);
    // END SOLUTION
  }

  step(parameters: Parameter[]): void {
    // BEGIN SOLUTION
    this.t++;
    const correct1 = 1 - this.beta1 ** this.t;
    const correct2 = 1 - this.beta2 ** this.t;
    for (const p of checked("Adam", parameters)) {
      const m = stateFor(this.means, p);
      const v = stateFor(this.meanSquares, p);
      for (let i = 0; i < m.length; i++) {
        const g = p.grad.data[i];
        m[i] = this.beta1 * m[i] + (1 - this.beta1) * g;
        v[i] = this.beta2 * v[i] + (1 - this.beta2) * g * g;
        p.value.data[i] -= (this.learningRate * (m[i] / correct1)) / (Math.sqrt(v[i] / correct2) + this.epsilon);
      }
    }
    // END SOLUTION
  }
}

// BEGIN SOLUTION
function checkRate(name: string, learningRate: number): void {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new Error(`${name}: the learning rate must be a number above 0, got ${learningRate}`);
  }
}

function checkFraction(name: string, what: string, value: number): void {
  if (!(value >= 0 && value < 1)) throw new Error(`${name}: ${what} must be from 0 up to (not including) 1, got ${value}`);
}

/** The parameters, after checking that each gradient fits its value and holds no NaN. */
function checked(name: string, parameters: Parameter[]): Parameter[] {
  for (const p of parameters) {
    if (p.grad.rows !== p.value.rows || p.grad.cols !== p.value.cols) {
      throw new Error(`${name}.step: ${p.name} is ${p.value.shape} but its gradient is ${p.grad.shape}`);
    }
    for (let i = 0; i < p.grad.data.length; i++) {
      if (!Number.isFinite(p.grad.data[i])) {
        throw new Error(`${name}.step: the gradient of ${p.name} [${i}] is ${p.grad.data[i]}; the loss has blown up (try a smaller learning rate)`);
      }
    }
  }
  return parameters;
}

/** The optimiser's own numbers for one parameter (velocities, means...), zeros at first. */
function stateFor(state: Map<Matrix, Float64Array>, p: Parameter): Float64Array {
  let s = state.get(p.value);
  if (s === undefined) {
    s = new Float64Array(p.value.data.length);
    state.set(p.value, s);
  }
  return s;
}
// END SOLUTION

/** f(x, y) = x^2 / 20 + y^2: a valley twenty times steeper across (y) than along (x). */
export const valley = (x: number, y: number) => (x * x) / 20 + y * y;

/**
 * `steps` steps of the optimiser on the valley from `start`, with the gradient
 * [x / 10, 2y] of f. Returns the points visited, `start` first (steps + 1 points).
 */
export function descend(optimiser: Optimiser, start: [number, number], steps: number): [number, number][] {
  // BEGIN SOLUTION
  const point: Parameter = { name: "(x, y)", value: new Matrix(1, 2, Float64Array.from(start)), grad: new Matrix(1, 2) };
  const path: [number, number][] = [[start[0], start[1]]];
  for (let s = 0; s < steps; s++) {
    const [x, y] = point.value.data;
    point.grad.data.set([x / 10, 2 * y]);
    optimiser.step([point]);
    path.push([point.value.data[0], point.value.data[1]]);
  }
  return path;
  // END SOLUTION
}

/** A batch of digits as a batch x 784 matrix, one image per row, pixels / 255 (0 to 1). */
export function batchOf(digits: readonly Digit[]): Matrix {
  // BEGIN SOLUTION
  if (digits.length === 0) throw new Error("batchOf: there are no digits; give at least one");
  const size = digits[0].pixels.length;
  const batch = new Matrix(digits.length, size);
  digits.forEach((digit, i) => {
    for (let j = 0; j < size; j++) batch.data[i * size + j] = digit.pixels[j] / 255;
  });
  return batch;
  // END SOLUTION
}

/**
 * One epoch: the digits in a shuffled order (Fisher-Yates with `rng`), cut into batches of
 * batchSize (the last one may be smaller); for each, forward, loss, backward and one optimiser
 * step. `onBatch(count)` is told after each batch (for a progress bar). Returns the mean loss.
 */
export function trainEpoch(model: Sequential, optimiser: Optimiser, digits: readonly Digit[], batchSize: number, rng: () => number, onBatch?: (count: number) => void): number {
  // BEGIN SOLUTION
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`trainEpoch: batchSize must be a whole number of at least 1, got ${batchSize}`);
  const order = digits.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let total = 0;
  for (let start = 0; start < order.length; start += batchSize) {
    const batch = order.slice(start, start + batchSize).map((i) => digits[i]);
    const { loss, gradient } = softmaxCrossEntropyLoss(model.forward(batchOf(batch)), batch.map((d) => d.label));
    model.backward(gradient);
    optimiser.step(model.parameters());
    total += loss * batch.length;
    onBatch?.(batch.length);
  }
  return total / digits.length;
  // END SOLUTION
}

export const PATH_COLOURS = [[220, 30, 30], [30, 140, 50], [40, 90, 220], [200, 120, 0]];

/**
 * The paths drawn on the valley: the area x from -10 to 10, y from -5 to 5, its height as
 * shades of grey (darker is lower), each path as a line in PATH_COLOURS[k].
 */
export function pathsPng(paths: readonly [number, number][][], width = 400, height = 200): Buffer {
  const png = new PNG({ width, height });
  const toPixel = ([x, y]: [number, number]) => [((x + 10) / 20) * (width - 1), ((5 - y) / 10) * (height - 1)];
  const paint = (px: number, py: number, [r, g, b]: number[]) => {
    const [x, y] = [Math.round(px), Math.round(py)];
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    png.data.set([r, g, b, 255], 4 * (y * width + x));
  };
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const f = valley((px / (width - 1)) * 20 - 10, 5 - (py / (height - 1)) * 10);
      const grey = Math.round(100 + 155 * Math.sqrt(Math.min(1, f / 25)));
      paint(px, py, [grey, grey, grey]);
    }
  }
  paths.forEach((path, k) => {
    const colour = PATH_COLOURS[k % PATH_COLOURS.length];
    for (let i = 1; i < path.length; i++) {
      const [ax, ay] = toPixel(path[i - 1]);
      const [bx, by] = toPixel(path[i]);
      const steps = Math.max(1, Math.ceil(Math.max(Math.abs(bx - ax), Math.abs(by - ay))));
      for (let s = 0; s <= steps; s++) paint(ax + ((bx - ax) * s) / steps, ay + ((by - ay) * s) / steps, colour);
    }
  });
  return PNG.sync.write(png);
}
