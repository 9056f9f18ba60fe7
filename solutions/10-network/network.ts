// Book chapter 2 (2.1 - 2.4): the whole network as one class, built from your own sigmoid (04),
// matrix (05) and weight initialisation (09). It does two things: `query` (inputs in, outputs
// out) and `train` (query, compare with the targets, send the error back, adjust the weights).
import { sigmoid } from "../04-activation/activation";
import { Matrix, add, dot, map, multiply, scale, subtract, transpose } from "../05-matrix/matrix";
import { createRng, initWeights } from "../09-prepare/prepare";

export class NeuralNetwork {
  readonly inputNodes: number;
  readonly hiddenNodes: number;
  readonly outputNodes: number;
  readonly learningRate: number;
  /** Weights from the input layer into the hidden layer: hiddenNodes x inputNodes. */
  wih!: Matrix;
  /** Weights from the hidden layer into the output layer: outputNodes x hiddenNodes. */
  who!: Matrix;

  /** `seed` makes the random starting weights repeatable. */
  constructor(inputNodes: number, hiddenNodes: number, outputNodes: number, learningRate: number, seed = 1) {
    this.inputNodes = inputNodes;
    this.hiddenNodes = hiddenNodes;
    this.outputNodes = outputNodes;
    this.learningRate = learningRate;
    // BEGIN SOLUTION
    for (const [name, count] of [["inputNodes", inputNodes], ["hiddenNodes", hiddenNodes], ["outputNodes", outputNodes]] as const) {
      if (!Number.isInteger(count) || count < 1) throw new Error(`NeuralNetwork: ${name} must be a whole number of at least 1, got ${count}`);
    }
    if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
      throw new Error(`NeuralNetwork: learningRate must be a number above 0 (the book uses 0.1 to 0.3), got ${learningRate}`);
    }
    const rng = createRng(seed);
    this.wih = initWeights(hiddenNodes, inputNodes, rng);
    this.who = initWeights(outputNodes, hiddenNodes, rng);
    // END SOLUTION
  }

  /** Feed the inputs forward; returns the output layer's values. */
  query(inputs: ArrayLike<number>): number[] {
    // BEGIN SOLUTION
    const hiddenOutputs = map(dot(this.wih, this.column("query", "inputs", inputs, this.inputNodes)), sigmoid);
    const finalOutputs = map(dot(this.who, hiddenOutputs), sigmoid);
    return Array.from(finalOutputs.data);
    // END SOLUTION
  }

  /** One step of learning from one example. */
  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
    // BEGIN SOLUTION
    const I = this.column("train", "inputs", inputs, this.inputNodes);
    const T = this.column("train", "targets", targets, this.outputNodes);
    const hiddenOutputs = map(dot(this.wih, I), sigmoid);
    const finalOutputs = map(dot(this.who, hiddenOutputs), sigmoid);

    const outputErrors = subtract(T, finalOutputs);
    // Split the errors back with the weights as they were, before `who` changes below.
    const hiddenErrors = dot(transpose(this.who), outputErrors);

    const slope = (errors: Matrix, outputs: Matrix) => multiply(errors, map(outputs, (o) => o * (1 - o)));
    this.who = add(this.who, scale(dot(slope(outputErrors, finalOutputs), transpose(hiddenOutputs)), this.learningRate));
    this.wih = add(this.wih, scale(dot(slope(hiddenErrors, hiddenOutputs), transpose(I)), this.learningRate));
    // END SOLUTION
  }

  // BEGIN SOLUTION
  private column(method: string, name: string, values: ArrayLike<number>, expected: number): Matrix {
    if (values === null || typeof values !== "object" || typeof values.length !== "number") {
      throw new Error(`${method}: ${name} must be an array of ${expected} numbers, got ${String(values)}`);
    }
    if (values.length !== expected) {
      throw new Error(`${method}: expected ${expected} ${name}, one for each node, but got ${values.length}`);
    }
    return Matrix.column(values);
  }
  // END SOLUTION
}
