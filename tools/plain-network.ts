// The book's algorithm as most people would first write it in JavaScript, for `npm run bench`
// to compare the reference network with. Same starting weights as the reference.
import { createRng, initWeights } from "../solutions/09-prepare/prepare";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Arrays of rows, fresh arrays at every step, one loop for each line of the book. */
export class PlainNetwork {
  wih: number[][];
  who: number[][];

  constructor(readonly inputNodes: number, readonly hiddenNodes: number, readonly outputNodes: number, readonly learningRate: number, seed = 1) {
    const rng = createRng(seed);
    this.wih = initWeights(hiddenNodes, inputNodes, rng).toArray();
    this.who = initWeights(outputNodes, hiddenNodes, rng).toArray();
  }

  query(inputs: ArrayLike<number>): number[] {
    const hidden = this.wih.map((row) => sigmoid(weightedSum(row, inputs)));
    return this.who.map((row) => sigmoid(weightedSum(row, hidden)));
  }

  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
    const hidden = this.wih.map((row) => sigmoid(weightedSum(row, inputs)));
    const outputs = this.who.map((row) => sigmoid(weightedSum(row, hidden)));
    const outputErrors = outputs.map((o, k) => targets[k] - o);
    const hiddenErrors = hidden.map((_, j) => this.who.reduce((sum, row, k) => sum + row[j] * outputErrors[k], 0));
    for (let k = 0; k < this.outputNodes; k++) {
      const step = this.learningRate * outputErrors[k] * outputs[k] * (1 - outputs[k]);
      for (let j = 0; j < this.hiddenNodes; j++) this.who[k][j] += step * hidden[j];
    }
    for (let j = 0; j < this.hiddenNodes; j++) {
      const step = this.learningRate * hiddenErrors[j] * hidden[j] * (1 - hidden[j]);
      for (let i = 0; i < this.inputNodes; i++) this.wih[j][i] += step * inputs[i];
    }
  }
}

function weightedSum(row: number[], values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < row.length; i++) sum += row[i] * values[i];
  return sum;
}
