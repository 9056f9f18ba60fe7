// The modern MNIST gate: your Part 4 network (ReLU and He from 21, Dense layers with biases and
// Sequential from 22, softmax cross-entropy from 20, Adam and mini-batches from 23), trained on
// all 60,000 training images, must get at least 98% of the 10,000 test images right: beyond
// the book's stretch mark of 97.5%, without rotations. These are your choices for that run.

export interface DeepSettings {
  /** Nodes in each hidden layer, input side first: [256] is one hidden layer, [512, 128] two. */
  hiddenLayers: number[];
  /** The hidden layers' activation (exercise 21); "relu" and "leaky relu" start from He weights, "tanh" from Xavier. */
  activation: "relu" | "leaky relu" | "tanh";
  /** Adam's learning rate in the first epoch (exercise 23; 0.001 is Adam's usual one). */
  learningRate: number;
  /** After each epoch the learning rate is multiplied by this: 1 keeps it, 0.5 halves it. */
  learningRateDecay: number;
  /** Passes over the 60,000 training images. */
  epochs: number;
  /** Images per step. */
  batchSize: number;
  /** The seed of the starting weights and of the shuffling: the same seed, the same run. */
  seed: number;
}

/**
 * Return your settings. A first try: `{ hiddenLayers: [100], activation: "relu", learningRate:
 * 0.001, learningRateDecay: 1, epochs: 1, batchSize: 100, seed: 1 }` scores about 95%, where the
 * book's network ended; see the README for what takes it to 98%.
 */
export function settings(): DeepSettings {
  // BEGIN SOLUTION
  return { hiddenLayers: [256, 128], activation: "relu", learningRate: 0.002, learningRateDecay: 0.75, epochs: 6, batchSize: 128, seed: 1 };
  // END SOLUTION
}
