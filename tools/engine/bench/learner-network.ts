// The network as a learner first writes it from the book, for `npm run bench`: exercise 05's
// functions, a new matrix for every operation, and the weights replaced by `add` rather than
// changed in place with `addInPlace`. It learns exactly what the reference learns.
import { Matrix, add, dot, map, multiply, scale, subtract, transpose } from "../../../solutions/05-matrix/matrix";
import { createRng, initWeights } from "../../../solutions/09-prepare/prepare";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export class LearnerNetwork {
  wih: Matrix;
  who: Matrix;

  constructor(readonly inputNodes: number, readonly hiddenNodes: number, readonly outputNodes: number, readonly learningRate: number, seed = 1) {
    const rng = createRng(seed);
    this.wih = initWeights(hiddenNodes, inputNodes, rng);
    this.who = initWeights(outputNodes, hiddenNodes, rng);
  }

  query(inputs: ArrayLike<number>): number[] {
    const hidden = map(dot(this.wih, Matrix.column(inputs)), sigmoid);
    return Array.from(map(dot(this.who, hidden), sigmoid).data);
  }

  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
    const I = Matrix.column(inputs);
    const hidden = map(dot(this.wih, I), sigmoid);
    const out = map(dot(this.who, hidden), sigmoid);
    const outputErrors = subtract(Matrix.column(targets), out);
    const hiddenErrors = dot(transpose(this.who), outputErrors);
    this.who = add(this.who, scale(dot(multiply(multiply(outputErrors, out), map(out, (o) => 1 - o)), transpose(hidden)), this.learningRate));
    this.wih = add(this.wih, scale(dot(multiply(multiply(hiddenErrors, hidden), map(hidden, (h) => 1 - h)), transpose(I)), this.learningRate));
  }
}
