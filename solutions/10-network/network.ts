// Book chapter 2 (2.1 - 2.4): the whole network as one class, built from your own sigmoid (04),
// matrix (05) and weight initialisation (09). It does two things: `query` (inputs in, outputs
// out) and `train` (query, compare with the targets, send the error back, adjust the weights).
// Each step is one line of the book's numpy code; with dot, transpose, multiply, add, addInPlace,
// subtract, scale and map from exercise 05 you can write it just like the book.
import { sigmoid } from "../04-activation/activation";
// BEGIN SOLUTION
import { Matrix, addInPlace, dot, map, multiply, scale, subtract, transpose } from "../05-matrix/matrix";
// STUB: import { Matrix, add, addInPlace, dot, map, multiply, scale, subtract, transpose } from "../05-matrix/matrix";
// END SOLUTION
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
    const I = column("query", "inputs", inputs, this.inputNodes);
    const hidden = map(dot(this.wih, I), sigmoid);
    const out = map(dot(this.who, hidden), sigmoid);
    return Array.from(out.data);
    // END SOLUTION
  }

  /** One step of learning from one example. */
  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
    // BEGIN SOLUTION
    const I = column("train", "inputs", inputs, this.inputNodes);
    const T = column("train", "targets", targets, this.outputNodes);
    const hidden = map(dot(this.wih, I), sigmoid);
    const out = map(dot(this.who, hidden), sigmoid);
    const outputErrors = subtract(T, out);
    const hiddenErrors = dot(transpose(this.who), outputErrors); // before who changes
    addInPlace(this.who, scale(dot(multiply(multiply(outputErrors, out), map(out, (o) => 1 - o)), transpose(hidden)), this.learningRate));
    addInPlace(this.wih, scale(dot(multiply(multiply(hiddenErrors, hidden), map(hidden, (h) => 1 - h)), transpose(I)), this.learningRate));
    // END SOLUTION
  }
}

// BEGIN SOLUTION
/** The values as an n x 1 column, after checking there are `expected` of them. */
function column(method: string, name: string, values: ArrayLike<number>, expected: number): Matrix {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new Error(`${method}: ${name} must be an array of ${expected} numbers, got ${String(values)}`);
  }
  if (values.length !== expected) {
    throw new Error(`${method}: expected ${expected} ${name}, one for each node, but got ${values.length}`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new Error(`${method}: ${name}[${i}] is ${values[i]}; every one must be a finite number`);
  }
  return Matrix.column(values);
}
// END SOLUTION
