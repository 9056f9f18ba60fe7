// Trains a network away from the page, so drawing stays smooth: with the learner's own
// NeuralNetwork.train (exercise 10, inputs and targets from exercise 09). Every few images it
// reports progress; at each of 10 points of the curve it also measures accuracy on 500 test images
// and sends the weights, so the page can answer drawings while the network learns.
import type { LearnerModules } from "./learner";
import type { Weights } from "./network";
import { fetchMnist, type TrainReport, type TrainRequest } from "./protocol";

/** The curve's test images: few enough that measuring at 10 points stays cheap next to training. */
export const TEST_IMAGES = 500;

const post = (report: TrainReport) => (self as unknown as Worker).postMessage(report);

interface Trainable {
  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void;
  query(inputs: ArrayLike<number>): ArrayLike<number>;
  weights(): Weights;
}

/** The exercise whose code runs now: an error is reported as coming from it. */
let inside = "";

self.onmessage = (event: MessageEvent<TrainRequest>) => {
  train(event.data).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: "error", message: e.message, stack: e.stack, dir: inside || undefined });
  });
};

async function train(r: TrainRequest): Promise<void> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  inside = "09-prepare";
  const prepare = (await import(/* @vite-ignore */ r.learnerBase + "09-prepare/prepare.ts")) as LearnerModules["09-prepare"];
  inside = "10-network";
  const code = (await import(/* @vite-ignore */ r.learnerBase + "10-network/network.ts")) as LearnerModules["10-network"];
  const net = new code.NeuralNetwork(784, r.hidden, 10, r.rate, r.seed);
  inside = "";
  const trainer: Trainable = {
    train: (inputs, targets) => net.train(inputs, targets),
    query: (inputs) => net.query(inputs),
    weights: () => ({ inputNodes: 784, hiddenNodes: r.hidden, outputNodes: 10, learningRate: r.rate, wih: Float64Array.from(net.wih.data), who: Float64Array.from(net.who.data) }),
  };
  const [trainSet, testSet] = await Promise.all([fetchMnist("train", r.count), fetchMnist("test", TEST_IMAGES)]);
  const inputsOf = (images: Uint8Array, i: number) => prepare.scaleInputs(images.subarray(i * 784, (i + 1) * 784));
  inside = "09-prepare";
  const testInputs = Array.from({ length: testSet.count }, (_, i) => inputsOf(testSet.images, i));
  const targets = Array.from({ length: 10 }, (_, label) => prepare.makeTargets(label));

  const total = r.count * r.epochs;
  post({ type: "start", trainer: "mine", total });
  const accuracy = () => {
    inside = "10-network";
    let right = 0;
    testInputs.forEach((inputs, i) => {
      const out = trainer.query(inputs);
      let best = 0;
      for (let k = 1; k < out.length; k++) if (out[k] > out[best]) best = k;
      if (best === testSet.labels[i]) right++;
    });
    return right / testSet.count;
  };
  const curveEvery = Math.max(1, Math.round(total / 10));
  const progressEvery = Math.max(1, Math.min(curveEvery, 250));
  post({ type: "progress", seen: 0, total, seconds: seconds(), accuracy: accuracy() });
  let seen = 0;
  for (let epoch = 0; epoch < r.epochs; epoch++) {
    for (let i = 0; i < r.count; i++) {
      inside = "09-prepare";
      const inputs = inputsOf(trainSet.images, i);
      inside = "10-network";
      trainer.train(inputs, targets[trainSet.labels[i]]);
      seen++;
      if (seen % curveEvery === 0 || seen === total) post({ type: "progress", seen, total, seconds: seconds(), accuracy: accuracy(), weights: trainer.weights() });
      else if (seen % progressEvery === 0) post({ type: "progress", seen, total, seconds: seconds() });
    }
  }
  inside = "";
  post({ type: "done", seconds: seconds(), weights: trainer.weights(), trainer: "mine" });
}
