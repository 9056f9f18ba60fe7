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
    throw new Error("not implemented yet: SGD constructor in exercises/23-optimisers/optimisers.ts");
  }

  step(parameters: Parameter[]): void {
    throw new Error("not implemented yet: SGD.step in exercises/23-optimisers/optimisers.ts");
  }
}

/** velocity = momentum * velocity - learningRate * grad; value += velocity. Velocities start at 0. */
export class Momentum implements Optimiser {
  /** Not readonly: a training schedule may lower it between epochs (the deep gate does). */
  learningRate: number;
  readonly momentum: number;

  constructor(learningRate: number, momentum = 0.9) {
    this.learningRate = learningRate;
    this.momentum = momentum;
    throw new Error("not implemented yet: Momentum constructor in exercises/23-optimisers/optimisers.ts");
  }

  step(parameters: Parameter[]): void {
    throw new Error("not implemented yet: Momentum.step in exercises/23-optimisers/optimisers.ts");
  }
}

/** meanSquare = decay * meanSquare + (1 - decay) * grad^2; value -= learningRate * grad / (sqrt(meanSquare) + epsilon). */
export class RMSprop implements Optimiser {
  /** Not readonly: a training schedule may lower it between epochs (the deep gate does). */
  learningRate: number;
  readonly decay: number;
  readonly epsilon: number;

  constructor(learningRate: number, decay = 0.99, epsilon = 1e-8) {
    this.learningRate = learningRate;
    this.decay = decay;
    this.epsilon = epsilon;
    throw new Error("not implemented yet: RMSprop constructor in exercises/23-optimisers/optimisers.ts");
  }

  step(parameters: Parameter[]): void {
    throw new Error("not implemented yet: RMSprop.step in exercises/23-optimisers/optimisers.ts");
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

  constructor(learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) {
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    throw new Error("not implemented yet: Adam constructor in exercises/23-optimisers/optimisers.ts");
  }

  step(parameters: Parameter[]): void {
    throw new Error("not implemented yet: Adam.step in exercises/23-optimisers/optimisers.ts");
  }
}

/** f(x, y) = x^2 / 20 + y^2: a valley twenty times steeper across (y) than along (x). */
export const valley = (x: number, y: number) => (x * x) / 20 + y * y;

/**
 * `steps` steps of the optimiser on the valley from `start`, with the gradient
 * [x / 10, 2y] of f. Returns the points visited, `start` first (steps + 1 points).
 */
export function descend(optimiser: Optimiser, start: [number, number], steps: number): [number, number][] {
  throw new Error("not implemented yet: descend in exercises/23-optimisers/optimisers.ts");
}

/** A batch of digits as a batch x 784 matrix, one image per row, pixels / 255 (0 to 1). */
export function batchOf(digits: readonly Digit[]): Matrix {
  throw new Error("not implemented yet: batchOf in exercises/23-optimisers/optimisers.ts");
}

/**
 * One epoch: the digits in a shuffled order (Fisher-Yates with `rng`), cut into batches of
 * batchSize (the last one may be smaller); for each, forward, loss, backward and one optimiser
 * step. `onBatch(count)` is told after each batch (for a progress bar). Returns the mean loss.
 */
export function trainEpoch(model: Sequential, optimiser: Optimiser, digits: readonly Digit[], batchSize: number, rng: () => number, onBatch?: (count: number) => void): number {
  throw new Error("not implemented yet: trainEpoch in exercises/23-optimisers/optimisers.ts");
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
