// The book's network as the book writes it: a new matrix for every operation, from exercise 05.
import { sigmoid } from "../../../solutions/04-activation/activation";
import { Matrix, add, dot, map, multiply, scale, subtract, transpose } from "../../../solutions/05-matrix/matrix";
import { createRng, initWeights } from "../../../solutions/09-prepare/prepare";

export class NeuralNetwork {
  wih: Matrix;
  who: Matrix;

  constructor(readonly inputNodes: number, readonly hiddenNodes: number, readonly outputNodes: number, readonly learningRate: number, seed = 1) {
    for (const [name, value] of [["inputNodes", inputNodes], ["hiddenNodes", hiddenNodes], ["outputNodes", outputNodes]] as const) {
      if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got ${value}`);
    }
    if (!(learningRate > 0)) throw new Error(`learningRate must be above 0, got ${learningRate}`);
    const rng = createRng(seed);
    this.wih = initWeights(hiddenNodes, inputNodes, rng);
    this.who = initWeights(outputNodes, hiddenNodes, rng);
  }

  query(inputs: ArrayLike<number>): number[] {
    const I = this.column("query", "inputs", inputs, this.inputNodes);
    const hidden = map(dot(this.wih, I), sigmoid);
    return Array.from(map(dot(this.who, hidden), sigmoid).data);
  }

  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
    const I = this.column("train", "inputs", inputs, this.inputNodes);
    const T = this.column("train", "targets", targets, this.outputNodes);
    const hidden = map(dot(this.wih, I), sigmoid);
    const out = map(dot(this.who, hidden), sigmoid);
    const outputErrors = subtract(T, out);
    const hiddenErrors = dot(transpose(this.who), outputErrors);
    const slope = (errors: Matrix, o: Matrix) => multiply(errors, multiply(o, map(o, (x) => 1 - x)));
    this.who = add(this.who, scale(dot(slope(outputErrors, out), transpose(hidden)), this.learningRate));
    this.wih = add(this.wih, scale(dot(slope(hiddenErrors, hidden), transpose(I)), this.learningRate));
  }

  private column(fn: string, name: string, values: ArrayLike<number>, count: number): Matrix {
    if (values.length !== count) throw new Error(`${fn}: expected ${count} ${name}, got ${values.length}`);
    return Matrix.column(Array.from(values));
  }
}
