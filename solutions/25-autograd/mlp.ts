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
  // BEGIN SOLUTION
  if (who.cols !== wih.rows) throw new Error(`valueGradients: wih is ${wih.shape}, so who needs ${wih.rows} columns (one per hidden node), got ${who.shape}`);
  if (inputs.rows !== wih.cols || inputs.cols !== 1) throw new Error(`valueGradients: wih is ${wih.shape}, so the inputs must be ${wih.cols}x1, got ${inputs.shape}`);
  if (targets.rows !== who.rows || targets.cols !== 1) throw new Error(`valueGradients: who is ${who.shape}, so the targets must be ${who.rows}x1, got ${targets.shape}`);
  const wihValues = Array.from(wih.data, (w) => new Value(w));
  const whoValues = Array.from(who.data, (w) => new Value(w));
  const rowsOf = (values: Value[], cols: number) => Array.from({ length: values.length / cols }, (_, r) => values.slice(r * cols, (r + 1) * cols));
  const I = Array.from(inputs.data, (x) => new Value(x));
  const hidden = rowsOf(wihValues, wih.cols).map((row) => weightedSum(row, I).sigmoid());
  const outputs = rowsOf(whoValues, who.cols).map((row) => weightedSum(row, hidden).sigmoid());
  const error = outputs.reduce((sum, o, k) => sum.add(o.neg().add(targets.data[k]).pow(2).mul(0.5)), new Value(0));
  error.backward();
  return {
    wih: new Matrix(wih.rows, wih.cols, Float64Array.from(wihValues, (w) => w.grad)),
    who: new Matrix(who.rows, who.cols, Float64Array.from(whoValues, (w) => w.grad)),
  };
  // END SOLUTION
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
    // BEGIN SOLUTION
    if (!Array.isArray(sizes) || sizes.length < 2) throw new Error(`MLP needs at least two layer sizes, inputs and outputs, like [2, 4, 1]; got ${JSON.stringify(sizes)}`);
    sizes.forEach((n, i) => {
      if (!Number.isInteger(n) || n < 1) throw new Error(`MLP: layer ${i} must have a whole number of nodes, at least 1, got ${n}`);
    });
    const rng = createRng(seed);
    for (let l = 1; l < sizes.length; l++) {
      const fanIn = sizes[l - 1];
      this.layers.push({
        weights: Array.from({ length: sizes[l] }, () => Array.from({ length: fanIn }, () => new Value(randomNormal(rng, 0, 1 / Math.sqrt(fanIn))))),
        biases: Array.from({ length: sizes[l] }, () => new Value(0)),
      });
    }
    // END SOLUTION
  }

  /** Every weight and bias, layer by layer: what training adjusts. */
  parameters(): Value[] {
    // BEGIN SOLUTION
    return this.layers.flatMap((layer) => [...layer.weights.flat(), ...layer.biases]);
    // END SOLUTION
  }

  /** The outputs for these inputs, as Values that remember how they were made. */
  call(inputs: readonly (number | Value)[]): Value[] {
    // BEGIN SOLUTION
    if (!Array.isArray(inputs) || inputs.length !== this.sizes[0]) {
      throw new Error(`MLP.call: the network has ${this.sizes[0]} inputs, got ${Array.isArray(inputs) ? inputs.length : String(inputs)}`);
    }
    let signals = inputs.map((x) => (x instanceof Value ? x : new Value(x)));
    this.layers.forEach((layer, l) => {
      const last = l === this.layers.length - 1;
      signals = layer.weights.map((row, k) => {
        const sum = weightedSum(row, signals).add(layer.biases[k]);
        return last ? sum.sigmoid() : sum.tanh();
      });
    });
    return signals;
    // END SOLUTION
  }

  /** Set every parameter's grad back to 0: backward() adds to grad, it never resets it. */
  zeroGrad(): void {
    // BEGIN SOLUTION
    for (const p of this.parameters()) p.grad = 0;
    // END SOLUTION
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
  // BEGIN SOLUTION
  if (samples.length === 0) throw new Error("trainStep: there are no samples to learn from");
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) throw new Error(`trainStep: learningRate must be a number above 0, got ${learningRate}`);
  mlp.zeroGrad();
  let loss = new Value(0);
  for (const { inputs, targets } of samples) {
    const outputs = mlp.call(inputs);
    if (targets.length !== outputs.length) throw new Error(`trainStep: the network has ${outputs.length} outputs, but a sample has ${targets.length} targets`);
    outputs.forEach((o, k) => (loss = loss.add(o.sub(targets[k]).pow(2).mul(0.5))));
  }
  loss.backward();
  for (const p of mlp.parameters()) p.data -= learningRate * p.grad;
  return loss.data;
  // END SOLUTION
}

// BEGIN SOLUTION
/** w1 * x1 + w2 * x2 + ...: one node's combined input. */
function weightedSum(weights: Value[], inputs: Value[]): Value {
  return weights.reduce((sum, w, i) => sum.add(w.mul(inputs[i])), new Value(0));
}
// END SOLUTION
