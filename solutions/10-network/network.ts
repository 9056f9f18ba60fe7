// Book chapter 2 (2.1 - 2.4): the whole network as one class, built from your own sigmoid (04),
// matrix (05) and weight initialisation (09). It does two things: `query` (inputs in, outputs
// out) and `train` (query, compare with the targets, send the error back, adjust the weights).
// Each step is one line of the book's numpy code; with dot, transpose, multiply, add, subtract,
// scale and map from exercise 05 you can write it just like the book.
import { sigmoid } from "../04-activation/activation";
// BEGIN SOLUTION
import { Matrix } from "../05-matrix/matrix";
// STUB: import { Matrix, add, dot, map, multiply, scale, subtract, transpose } from "../05-matrix/matrix";
// END SOLUTION
import { createRng, initWeights } from "../09-prepare/prepare";

// BEGIN SOLUTION
// This reference writes each of the book's matrix lines as a loop over the matrices' numbers
// (entry (i, j) of a matrix is data[i * cols + j]), into arrays made once in the constructor.
// It is the same arithmetic (only some sums are added up in another order); it just does not
// build new matrices for every image, which makes it fast enough for 60,000 images.
// `npm run bench` measures it against a plain version.
// END SOLUTION

export class NeuralNetwork {
  readonly inputNodes: number;
  readonly hiddenNodes: number;
  readonly outputNodes: number;
  readonly learningRate: number;
  /** Weights from the input layer into the hidden layer: hiddenNodes x inputNodes. */
  wih!: Matrix;
  /** Weights from the hidden layer into the output layer: outputNodes x hiddenNodes. */
  who!: Matrix;
  // BEGIN SOLUTION
  // Working arrays, made once: a training step reuses them instead of allocating new ones.
  private inputs!: Float64Array;
  private hiddenOutputs!: Float64Array;
  private finalOutputs!: Float64Array;
  private outputErrors!: Float64Array;
  private hiddenErrors!: Float64Array;
  /** learningRate * hiddenErrors * hidden * (1 - hidden): row j of wih moves by hiddenSteps[j] * I. */
  private hiddenSteps!: Float64Array;
  // END SOLUTION

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
    this.inputs = new Float64Array(inputNodes);
    this.hiddenOutputs = new Float64Array(hiddenNodes);
    this.finalOutputs = new Float64Array(outputNodes);
    this.outputErrors = new Float64Array(outputNodes);
    this.hiddenErrors = new Float64Array(hiddenNodes);
    this.hiddenSteps = new Float64Array(hiddenNodes);
    // END SOLUTION
  }

  /** Feed the inputs forward; returns the output layer's values. */
  query(inputs: ArrayLike<number>): number[] {
    // BEGIN SOLUTION
    const I = this.load("query", inputs, this.inputs);
    this.hiddenLayer(I);
    this.outputLayer();
    return Array.from(this.finalOutputs);
    // END SOLUTION
  }

  /** One step of learning from one example. */
  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
    // BEGIN SOLUTION
    const I = this.load("train", inputs, this.inputs);
    this.checkCount("train", "targets", targets, this.outputNodes);
    this.hiddenLayer(I);
    this.outputLayer();
    this.backward(targets);
    this.updateWih(I);
    // END SOLUTION
  }

  // BEGIN SOLUTION
  /**
   * Train on each sample in turn: the same as calling train(inputs, targets) for each, with the
   * same weights at the end, only faster. wih (hiddenNodes x 784 numbers) is by far the biggest
   * thing the network touches, and train goes through it twice per sample: for wih . I, then to
   * update it. Here the update of row j for one sample and the weighted sum of row j for the
   * next sample are done in the same pass, so wih is read only once per sample.
   */
  trainMany(samples: Iterable<{ inputs: ArrayLike<number>; targets: ArrayLike<number> }>): void {
    let I = new Float64Array(this.inputNodes);
    let previous = new Float64Array(this.inputNodes);
    let pending = false; // the previous sample's update of wih is still to be made
    for (const { inputs, targets } of samples) {
      this.load("trainMany", inputs, I);
      this.checkCount("trainMany", "targets", targets, this.outputNodes);
      if (pending) this.updateWihThenHiddenLayer(previous, I);
      else this.hiddenLayer(I);
      this.outputLayer();
      this.backward(targets);
      [previous, I] = [I, previous];
      pending = true;
    }
    if (pending) this.updateWih(previous);
  }

  /** hidden = sigmoid(wih . I) */
  private hiddenLayer(I: Float64Array): void {
    const n = this.inputNodes;
    for (let j = 0; j < this.hiddenNodes; j++) this.hiddenOutputs[j] = sigmoid(rowDot(this.wih.data, j * n, I, n));
  }

  /** wih += learningRate * ((hiddenErrors * hidden * (1 - hidden)) . I^T), the factors made by backward. */
  private updateWih(I: Float64Array): void {
    const wih = this.wih.data;
    const n = this.inputNodes;
    for (let j = 0; j < this.hiddenNodes; j++) {
      const step = this.hiddenSteps[j];
      for (let i = 0; i < n; i++) wih[j * n + i] += step * I[i];
    }
  }

  /** updateWih(previous) and hiddenLayer(I) in one pass over each row of wih. */
  private updateWihThenHiddenLayer(previous: Float64Array, I: Float64Array): void {
    const wih = this.wih.data;
    const n = this.inputNodes;
    for (let j = 0; j < this.hiddenNodes; j++) {
      const step = this.hiddenSteps[j];
      const row = j * n;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0; // four running sums, as in rowDot
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        s0 += (wih[row + i] += step * previous[i]) * I[i];
        s1 += (wih[row + i + 1] += step * previous[i + 1]) * I[i + 1];
        s2 += (wih[row + i + 2] += step * previous[i + 2]) * I[i + 2];
        s3 += (wih[row + i + 3] += step * previous[i + 3]) * I[i + 3];
      }
      for (; i < n; i++) s0 += (wih[row + i] += step * previous[i]) * I[i];
      this.hiddenOutputs[j] = sigmoid(s0 + s1 + s2 + s3);
    }
  }

  /** out = sigmoid(who . hidden) */
  private outputLayer(): void {
    const who = this.who.data;
    const h = this.hiddenNodes;
    for (let k = 0; k < this.outputNodes; k++) {
      let sum = 0;
      for (let j = 0; j < h; j++) sum += who[k * h + j] * this.hiddenOutputs[j];
      this.finalOutputs[k] = sigmoid(sum);
    }
  }

  /** The errors, the step of who, and the factors of the step of wih (updateWih makes that step). */
  private backward(targets: ArrayLike<number>): void {
    const who = this.who.data;
    const h = this.hiddenNodes;
    const out = this.finalOutputs;
    const hidden = this.hiddenOutputs;
    // outputErrors = targets - out
    for (let k = 0; k < this.outputNodes; k++) this.outputErrors[k] = targets[k] - out[k];
    // hiddenErrors = who^T . outputErrors, with who as it is before this step changes it
    for (let j = 0; j < h; j++) {
      let sum = 0;
      for (let k = 0; k < this.outputNodes; k++) sum += who[k * h + j] * this.outputErrors[k];
      this.hiddenErrors[j] = sum;
    }
    // who += learningRate * ((outputErrors * out * (1 - out)) . hidden^T)
    for (let k = 0; k < this.outputNodes; k++) {
      const step = this.learningRate * this.outputErrors[k] * out[k] * (1 - out[k]);
      for (let j = 0; j < h; j++) who[k * h + j] += step * hidden[j];
    }
    for (let j = 0; j < h; j++) this.hiddenSteps[j] = this.learningRate * this.hiddenErrors[j] * hidden[j] * (1 - hidden[j]);
  }

  /** Checks the number of inputs and copies them into `into`. */
  private load(method: string, inputs: ArrayLike<number>, into: Float64Array): Float64Array {
    this.checkCount(method, "inputs", inputs, this.inputNodes);
    into.set(inputs);
    return into;
  }

  private checkCount(method: string, name: string, values: ArrayLike<number>, expected: number): void {
    if (values === null || typeof values !== "object" || typeof values.length !== "number") {
      throw new Error(`${method}: ${name} must be an array of ${expected} numbers, got ${String(values)}`);
    }
    if (values.length !== expected) {
      throw new Error(`${method}: expected ${expected} ${name}, one for each node, but got ${values.length}`);
    }
  }
  // END SOLUTION
}

// BEGIN SOLUTION
/**
 * The weighted sum of the n numbers of `weights` from `offset` on with the values x: one node's
 * input. Four running sums instead of one: every addition to a sum has to wait until the one
 * before it is finished, but four separate sums can be worked on at the same time, which makes
 * this about twice as fast. (The order of the additions changes, so the last digits can differ.)
 */
function rowDot(weights: Float64Array, offset: number, x: Float64Array, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += weights[offset + i] * x[i];
    s1 += weights[offset + i + 1] * x[i + 1];
    s2 += weights[offset + i + 2] * x[i + 2];
    s3 += weights[offset + i + 3] * x[i + 3];
  }
  for (; i < n; i++) s0 += weights[offset + i] * x[i];
  return s0 + s1 + s2 + s3;
}
// END SOLUTION
