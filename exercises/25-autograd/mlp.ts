// Networks built out of Values. Write the forward pass with Value operations and the slopes
// come for free: first exercise 08's exact gradient of the book's network again, without a
// single hand-derived formula, then a small multi-layer network with biases, trained the way
// frameworks train: zero the slopes, compute the loss, loss.backward(), step every parameter.
import { Matrix } from "../05-matrix/matrix";
import type { Gradients } from "../08-gradient/gradient";
import { createRng, randomNormal } from "../09-prepare/prepare";
import { Value } from "./autograd";

/**
 * The same slopes as exercise 08's `gradients`, dE/dW for E = 1/2 * sum((t - o)^2) of the
 * book's network (no biases, sigmoid in both layers), found by one call of backward():
 * make a Value for every weight, run the forward pass with Values, then read each weight's grad.
 */
export function valueGradients(wih: Matrix, who: Matrix, inputs: Matrix, targets: Matrix): Gradients {
  throw new Error("not implemented yet: valueGradients in exercises/25-autograd/mlp.ts");
}

/** One layer: node k's weights are weights[k] (one per input), its bias biases[k]. */
export interface Layer {
  weights: Value[][];
  biases: Value[];
}

/** A multi-layer network with biases: tanh in the hidden layers, the sigmoid at the output. */
export class MLP {
  /** Nodes per layer, inputs first: [2, 4, 1] is 2 inputs, 4 hidden nodes, 1 output. */
  readonly sizes: readonly number[];
  layers: Layer[] = [];

  /** Weights from normal(0, 1 / sqrt(inputs of the node)) as in the book (exercise 09), biases 0. */
  constructor(sizes: readonly number[], seed = 1) {
    this.sizes = sizes;
    throw new Error("not implemented yet: MLP constructor in exercises/25-autograd/mlp.ts");
  }

  /** Every weight and bias, layer by layer: what training adjusts. */
  parameters(): Value[] {
    throw new Error("not implemented yet: MLP.parameters in exercises/25-autograd/mlp.ts");
  }

  /** The outputs for these inputs, as Values that remember how they were made. */
  call(inputs: readonly (number | Value)[]): Value[] {
    throw new Error("not implemented yet: MLP.call in exercises/25-autograd/mlp.ts");
  }

  /** Set every parameter's grad back to 0: backward() adds to grad, it never resets it. */
  zeroGrad(): void {
    throw new Error("not implemented yet: MLP.zeroGrad in exercises/25-autograd/mlp.ts");
  }
}

export interface Sample {
  inputs: number[];
  targets: number[];
}

/**
 * One step of training on all the samples at once, the way frameworks do it:
 *   zero the slopes; loss = 1/2 * sum over the samples of sum((t - o)^2); loss.backward();
 *   every parameter -= learningRate * its grad.
 * Returns the loss before the step.
 */
export function trainStep(mlp: MLP, samples: readonly Sample[], learningRate: number): number {
  throw new Error("not implemented yet: trainStep in exercises/25-autograd/mlp.ts");
}
