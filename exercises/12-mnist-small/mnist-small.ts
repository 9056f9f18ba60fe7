// Book 2.5.1 - 2.5.3: the first real test of the network. The book starts with a small slice
// of MNIST (100 training records, 10 test records) before it dares the full 60,000. We do the
// same with a bigger slice: train on the first few thousand digits, then keep a scorecard of
// the test digits: 1 when the network's answer is right, 0 when it is wrong.
import { makeTargets, scaleInputs } from "../09-prepare/prepare";
import type { NeuralNetwork } from "../10-network/network";
import type { Digit } from "../11-idx/idx";

// Only the method each function uses, so a test can hand in a pretend network that records calls.
export type Trainable = Pick<NeuralNetwork, "train">;
export type Queryable = Pick<NeuralNetwork, "query">;

/** One epoch: every digit once, in file order, scaled inputs and one-hot targets (book 2.5.2). */
export function trainEpoch(net: Trainable, digits: readonly Digit[]): void {
  throw new Error("not implemented yet: trainEpoch in exercises/12-mnist-small/mnist-small.ts");
}

/** The index of the largest value: the network's answer is the output node that fires most. */
export function argmax(values: ArrayLike<number>): number {
  throw new Error("not implemented yet: argmax in exercises/12-mnist-small/mnist-small.ts");
}

/** The digit the network sees in these raw 0..255 pixels. */
export function predict(net: Queryable, pixels: ArrayLike<number>): number {
  throw new Error("not implemented yet: predict in exercises/12-mnist-small/mnist-small.ts");
}

/** The book's scorecard: for each test digit, 1 if the network got it right, else 0. */
export function scorecard(net: Queryable, digits: readonly Digit[]): number[] {
  throw new Error("not implemented yet: scorecard in exercises/12-mnist-small/mnist-small.ts");
}

/** The fraction of the scorecard that is right: 0.9 means 90 out of 100. */
export function performance(card: readonly number[]): number {
  throw new Error("not implemented yet: performance in exercises/12-mnist-small/mnist-small.ts");
}
