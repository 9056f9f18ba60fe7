// The frameworks article's Sequential / nn.Module and Deep Learning from Scratch ch. 5.6 - 5.7
// (Affine and Softmax-with-Loss layers). Two things the book's network does not have:
//   - a bias for every node, a number added to its weighted sum, so a node can fire even when
//     all its inputs are 0 (and a line need not pass through the origin);
//   - mini-batches: many samples at once, one per row, through the same weights.
// And one idea that frameworks are built on: a network is a list of layers, each of which can
// go forward (and remember what it saw) and backward (turn the gradient of its output into the
// gradients of its parameters and of its input).
import { Matrix, dot, map, multiply, transpose } from "../05-matrix/matrix";
import { softmaxCrossEntropy, softmaxCrossEntropyGradient } from "../20-softmax/softmax";
import { heWeights, type Activation, type Init } from "../21-activations/activations";

/** A number the network learns, with the gradient of the loss for it (filled in by backward). */
export interface Parameter {
  name: string;
  value: Matrix;
  grad: Matrix;
}

export interface Layer {
  /** x: batch x inputs, one sample per row. Returns batch x outputs. */
  forward(x: Matrix): Matrix;
  /**
   * gradOutput: the loss's gradient for every output of the last forward (batch x outputs).
   * Stores the gradients of the layer's parameters and returns the gradient for its input,
   * unless needInputGradient is false (the first layer's input is the data: nothing to learn).
   */
  backward(gradOutput: Matrix, needInputGradient?: boolean): Matrix | undefined;
  parameters(): Parameter[];
}

/** y = x . weights + bias: weights is inputs x outputs, bias 1 x outputs (added to every row). */
export class Dense implements Layer {
  readonly inputs: number;
  readonly outputs: number;
  weights: Matrix;
  bias: Matrix;
  readonly weightsGrad: Matrix;
  readonly biasGrad: Matrix;
  /** The input of the last forward, which backward needs. */
  private x: Matrix | undefined;

  /** Weights from init (He by default), biases 0. */
  constructor(inputs: number, outputs: number, rng: () => number, init: Init = heWeights) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.weights = init(inputs, outputs, rng);
    this.bias = new Matrix(1, outputs);
    this.weightsGrad = new Matrix(inputs, outputs);
    this.biasGrad = new Matrix(1, outputs);
  }

  forward(x: Matrix): Matrix {
    // BEGIN SOLUTION
    if (x.cols !== this.inputs) {
      throw new Error(`Dense(${this.inputs} -> ${this.outputs}).forward: the batch is ${x.shape}, but this layer takes ${x.rows}x${this.inputs} (one row per sample, ${this.inputs} numbers each)`);
    }
    this.x = x;
    const y = dot(x, this.weights);
    for (let i = 0; i < y.rows; i++) {
      for (let j = 0; j < y.cols; j++) y.data[i * y.cols + j] += this.bias.data[j];
    }
    return y;
    // END SOLUTION
  }

  backward(gradOutput: Matrix, needInputGradient = true): Matrix | undefined {
    // BEGIN SOLUTION
    if (this.x === undefined) throw new Error(`Dense(${this.inputs} -> ${this.outputs}).backward: call forward first; backward needs the input it saw`);
    const x = this.x;
    if (gradOutput.rows !== x.rows || gradOutput.cols !== this.outputs) {
      throw new Error(`Dense(${this.inputs} -> ${this.outputs}).backward: gradOutput is ${gradOutput.shape}, but the last forward gave ${x.rows}x${this.outputs}; it needs one gradient per output`);
    }
    // Each weight (i, j) met input i of every sample: add up input i times output j's gradient.
    // (Written into the grad matrices in place: an optimiser may hold on to them.)
    this.weightsGrad.data.set(dot(transpose(x), gradOutput).data);
    // The bias is added to every sample's output, so its gradient is the sum down each column.
    this.biasGrad.data.fill(0);
    for (let i = 0; i < gradOutput.rows; i++) {
      for (let j = 0; j < this.outputs; j++) this.biasGrad.data[j] += gradOutput.data[i * this.outputs + j];
    }
    // Input i sent its signal along every weight (i, j): its gradient gathers them back.
    return needInputGradient ? dot(gradOutput, transpose(this.weights)) : undefined;
    // END SOLUTION
  }

  parameters(): Parameter[] {
    return [
      { name: `Dense(${this.inputs} -> ${this.outputs}).weights`, value: this.weights, grad: this.weightsGrad },
      { name: `Dense(${this.inputs} -> ${this.outputs}).bias`, value: this.bias, grad: this.biasGrad },
    ];
  }
}

/** The activation applied to every number: a layer without parameters. */
export class ActivationLayer implements Layer {
  readonly activation: Activation;
  private z: Matrix | undefined;

  constructor(activation: Activation) {
    this.activation = activation;
  }

  forward(z: Matrix): Matrix {
    // BEGIN SOLUTION
    this.z = z;
    return map(z, this.activation.f);
    // END SOLUTION
  }

  backward(gradOutput: Matrix): Matrix {
    // BEGIN SOLUTION
    if (this.z === undefined) throw new Error(`${this.activation.name} layer: call forward first; backward needs the input it saw`);
    if (gradOutput.rows !== this.z.rows || gradOutput.cols !== this.z.cols) {
      throw new Error(`${this.activation.name} layer: gradOutput is ${gradOutput.shape}, but the last forward gave ${this.z.shape}`);
    }
    return multiply(gradOutput, map(this.z, this.activation.slope));
    // END SOLUTION
  }

  parameters(): Parameter[] {
    return [];
  }
}

/** Layers one after the other: the output of each is the input of the next. */
export class Sequential {
  readonly layers: Layer[];

  constructor(layers: Layer[]) {
    if (layers.length === 0) throw new Error("Sequential needs at least one layer");
    this.layers = layers;
  }

  forward(x: Matrix): Matrix {
    // BEGIN SOLUTION
    return this.layers.reduce((signal, layer) => layer.forward(signal), x);
    // END SOLUTION
  }

  /** Backward through every layer, last first; afterwards every parameter's grad is filled in. */
  backward(gradOutput: Matrix): void {
    // BEGIN SOLUTION
    let g = gradOutput;
    for (let i = this.layers.length - 1; i >= 0; i--) g = this.layers[i].backward(g, i > 0)!;
    // END SOLUTION
  }

  /** Every layer's parameters, first layer first. */
  parameters(): Parameter[] {
    // BEGIN SOLUTION
    return this.layers.flatMap((layer) => layer.parameters());
    // END SOLUTION
  }

  /** The class with the largest output, for every row. */
  predict(x: Matrix): number[] {
    // BEGIN SOLUTION
    const out = this.forward(x);
    const classes: number[] = [];
    for (let i = 0; i < out.rows; i++) {
      let best = 0;
      for (let j = 1; j < out.cols; j++) if (out.data[i * out.cols + j] > out.data[i * out.cols + best]) best = j;
      classes.push(best);
    }
    return classes;
    // END SOLUTION
  }
}

/**
 * Softmax and cross-entropy over a batch (exercise 20), the loss frameworks call
 * CrossEntropyLoss: the MEAN loss of the rows, and its gradient for every logit,
 * (softmax(row) - onehot(label)) / batch. The mean makes a batch's step the average of its samples'.
 */
export function softmaxCrossEntropyLoss(logits: Matrix, labels: readonly number[]): { loss: number; gradient: Matrix } {
  // BEGIN SOLUTION
  if (labels.length !== logits.rows) {
    throw new Error(`softmaxCrossEntropyLoss: the batch has ${logits.rows} rows of logits (${logits.shape}) but ${labels.length} labels; give one label per sample`);
  }
  const n = logits.rows;
  const gradient = new Matrix(n, logits.cols);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = Array.from(logits.data.subarray(i * logits.cols, (i + 1) * logits.cols));
    loss += softmaxCrossEntropy(row, labels[i]);
    const p = softmaxCrossEntropyGradient(row, labels[i]);
    for (let j = 0; j < logits.cols; j++) gradient.data[i * logits.cols + j] = p[j] / n;
  }
  return { loss: loss / n, gradient };
  // END SOLUTION
}
