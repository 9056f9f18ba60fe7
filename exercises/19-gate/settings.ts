// The full MNIST gate: your network, trained on all 60,000 training images, must get at least
// 95% of the 10,000 test images right. These are your choices for that run; exercise 14 is
// where you find good ones. The book's best single epoch (section 2.5) reaches about 95.5%.
//
// The gate prints its progress with the time left. Every epoch is one pass over 60,000
// images; with rotations each image is trained three times (itself, +10 and -10 degrees).

export interface GateSettings {
  /** Nodes in the hidden layer (the input layer has 784, one per pixel; the output layer 10). */
  hiddenNodes: number;
  learningRate: number;
  /** Passes over the whole training set. */
  epochs: number;
  /** Also train on each image rotated by +10 and -10 degrees (exercise 16). */
  rotations: boolean;
  /** The seed of the starting weights: the same seed, the same run. */
  seed: number;
}

/**
 * Return your settings. The book's first try, `{ hiddenNodes: 100, learningRate: 0.3, epochs: 1,
 * rotations: false, seed: 1 }`, scores about 94.7% (94.74% with seed 1): just short of the gate.
 */
export function settings(): GateSettings {
  throw new Error("not implemented yet: settings in exercises/19-gate/settings.ts");
}
