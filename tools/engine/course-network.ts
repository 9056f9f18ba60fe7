// The engine behind exercise 10's interface, `new NeuralNetwork(inputNodes, hiddenNodes,
// outputNodes, learningRate, seed)` with train and query, for the course's own checks of the
// full MNIST gate (exercise 19): `npm test` and the grader's reference baseline run the gate's
// test unchanged, and gate-plugin.ts hands it this class instead of the reference's. The
// engine's tests prove it learns what the reference learns. Learners' runs never see it.
import type { MatrixLike } from "../model-json";
import type { EngineNetwork } from "./index";
import { loadEngineFile } from "./node";

export class NeuralNetwork {
  private readonly net: EngineNetwork;

  constructor(inputNodes: number, hiddenNodes: number, outputNodes: number, learningRate: number, seed = 1) {
    this.net = loadEngineFile().createNetwork({ inputNodes, hiddenNodes, outputNodes, learningRate, seed });
  }

  get inputNodes(): number { return this.net.inputNodes; }
  get hiddenNodes(): number { return this.net.hiddenNodes; }
  get outputNodes(): number { return this.net.outputNodes; }
  get learningRate(): number { return this.net.learningRate; }
  get wih(): MatrixLike { return this.net.wih; }
  get who(): MatrixLike { return this.net.who; }

  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
    this.net.train(inputs, targets);
  }

  query(inputs: ArrayLike<number>): number[] {
    return this.net.query(inputs);
  }
}
