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
    throw new Error("not implemented yet: Dense.forward in exercises/22-layers/layers.ts");
  }

  backward(gradOutput: Matrix, needInputGradient = true): Matrix | undefined {
    throw new Error("not implemented yet: Dense.backward in exercises/22-layers/layers.ts");
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
    throw new Error("not implemented yet: ActivationLayer.forward in exercises/22-layers/layers.ts");
  }

  backward(gradOutput: Matrix): Matrix {
    throw new Error("not implemented yet: ActivationLayer.backward in exercises/22-layers/layers.ts");
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
    throw new Error("not implemented yet: Sequential.forward in exercises/22-layers/layers.ts");
  }

  /** Backward through every layer, last first; afterwards every parameter's grad is filled in. */
  backward(gradOutput: Matrix): void {
    throw new Error("not implemented yet: Sequential.backward in exercises/22-layers/layers.ts");
  }

  /** Every layer's parameters, first layer first. */
  parameters(): Parameter[] {
    throw new Error("not implemented yet: Sequential.parameters in exercises/22-layers/layers.ts");
  }

  /** The class with the largest output, for every row. */
  predict(x: Matrix): number[] {
    throw new Error("not implemented yet: Sequential.predict in exercises/22-layers/layers.ts");
  }
}

/**
 * Softmax and cross-entropy over a batch (exercise 20), the loss frameworks call
 * CrossEntropyLoss: the MEAN loss of the rows, and its gradient for every logit,
 * (softmax(row) - onehot(label)) / batch. The mean makes a batch's step the average of its samples'.
 */
export function softmaxCrossEntropyLoss(logits: Matrix, labels: readonly number[]): { loss: number; gradient: Matrix } {
  throw new Error("not implemented yet: softmaxCrossEntropyLoss in exercises/22-layers/layers.ts");
}
