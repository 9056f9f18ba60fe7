// Book chapter 2 (2.1 - 2.4): the whole network as one class, built from your own sigmoid (04),
// matrix (05) and weight initialisation (09). It does two things: `query` (inputs in, outputs
// out) and `train` (query, compare with the targets, send the error back, adjust the weights).
// Each step is one line of the book's numpy code; with dot, transpose, multiply, add, addInPlace,
// subtract, scale and map from exercise 05 you can write it just like the book.
import { sigmoid } from "../04-activation/activation";
import { Matrix, add, addInPlace, dot, map, multiply, scale, subtract, transpose } from "../05-matrix/matrix";
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
    throw new Error("not implemented yet: NeuralNetwork constructor in exercises/10-network/network.ts");
  }

  /** Feed the inputs forward; returns the output layer's values. */
  query(inputs: ArrayLike<number>): number[] {
    throw new Error("not implemented yet: NeuralNetwork.query in exercises/10-network/network.ts");
  }

  /** One step of learning from one example. */
  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
    throw new Error("not implemented yet: NeuralNetwork.train in exercises/10-network/network.ts");
  }
}
