// Trains a network away from the page, so drawing stays smooth: with the lab's WebAssembly engine
// (tools/engine/, fast) or with the learner's own NeuralNetwork.train (exercise 10). Either way
// the inputs and targets come from the learner's exercise 09. Every few images it reports
// progress; at each point of the curve it also measures accuracy on 500 test images and sends
// the weights, so the page can answer drawings while the network learns.
import type { LearnerModules } from "./learner";
import type { Weights } from "./network";
import { fetchMnist, type Trainer, type TrainReport, type TrainRequest } from "./protocol";

/** The curve's test images: few enough that measuring at every point stays cheap next to training. */
const TEST_IMAGES = 500;

const post = (report: TrainReport) => (self as unknown as Worker).postMessage(report);

interface Sample {
  inputs: ArrayLike<number>;
  targets: ArrayLike<number>;
}

interface Trainable {
  trainer: Trainer;
  /** Points on the accuracy curve: the engine is fast enough to measure more often. */
  points: number;
  train(samples: Sample[]): void;
  query(inputs: ArrayLike<number>): ArrayLike<number>;
  weights(): Weights;
}

/** What the lab uses of tools/engine/index.ts (loaded by address, so the page works without it). */
interface EngineModule {
  loadEngine(wasm: ArrayBuffer, source?: string): Promise<{
    createNetwork(options: { inputNodes: number; hiddenNodes: number; outputNodes: number; learningRate: number; seed?: number }): {
      trainEpoch(samples: Iterable<Sample>): number;
      query(inputs: ArrayLike<number>): number[];
      readonly wih: { data: Float64Array };
      readonly who: { data: Float64Array };
    };
  }>;
}

/** The exercise whose code runs now ("" for the lab's own): an error is reported as coming from it. */
let inside = "";

self.onmessage = (event: MessageEvent<TrainRequest>) => {
  train(event.data).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: "error", message: e.message, stack: e.stack, dir: inside || undefined });
  });
};

const shape = (r: TrainRequest) => ({ inputNodes: 784, hiddenNodes: r.hidden, outputNodes: 10, learningRate: r.rate });

async function engineTrainer(r: TrainRequest): Promise<Trainable> {
  inside = "";
  const { loadEngine } = (await import(/* @vite-ignore */ r.engine!.module)) as EngineModule;
  const engine = await loadEngine(await (await fetch(r.engine!.wasm)).arrayBuffer(), "tools/engine/engine.wasm");
  // The engine draws its starting weights with exercise 09's createRng and initWeights: the learner's own here.
  inside = "09-prepare";
  const net = engine.createNetwork({ ...shape(r), seed: r.seed });
  inside = "";
  return {
    trainer: "engine",
    points: 20,
    train: (samples) => net.trainEpoch(samples),
    query: (inputs) => net.query(inputs),
    weights: () => ({ ...shape(r), wih: net.wih.data, who: net.who.data }),
  };
}

async function learnerTrainer(r: TrainRequest): Promise<Trainable> {
  inside = "10-network";
  const code = (await import(/* @vite-ignore */ r.learnerBase + "10-network/network.ts")) as LearnerModules["10-network"];
  const net = new code.NeuralNetwork(784, r.hidden, 10, r.rate, r.seed);
  return {
    trainer: "mine",
    points: 10,
    train: (samples) => samples.forEach(({ inputs, targets }) => net.train(inputs, targets)),
    query: (inputs) => net.query(inputs),
    weights: () => ({ ...shape(r), wih: Float64Array.from(net.wih.data), who: Float64Array.from(net.who.data) }),
  };
}

async function train(r: TrainRequest): Promise<void> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  inside = "09-prepare";
  const prepare = (await import(/* @vite-ignore */ r.learnerBase + "09-prepare/prepare.ts")) as LearnerModules["09-prepare"];
  const t = r.trainer === "engine" ? await engineTrainer(r) : await learnerTrainer(r);
  inside = "";
  const [trainSet, testSet] = await Promise.all([fetchMnist("train", r.count), fetchMnist("test", TEST_IMAGES)]);
  inside = "09-prepare";
  const inputsOf = (images: Uint8Array, i: number) => prepare.scaleInputs(images.subarray(i * 784, (i + 1) * 784));
  const testInputs = Array.from({ length: testSet.count }, (_, i) => inputsOf(testSet.images, i));
  const targets = Array.from({ length: 10 }, (_, label) => prepare.makeTargets(label));

  const total = r.count * r.epochs;
  post({ type: "start", trainer: t.trainer, total });
  const accuracy = () => {
    inside = t.trainer === "mine" ? "10-network" : "";
    let right = 0;
    testInputs.forEach((inputs, i) => {
      const out = t.query(inputs);
      let best = 0;
      for (let k = 1; k < out.length; k++) if (out[k] > out[best]) best = k;
      if (best === testSet.labels[i]) right++;
    });
    return right / testSet.count;
  };
  const curveEvery = Math.max(1, Math.round(total / t.points));
  const progressEvery = Math.max(1, Math.min(curveEvery, t.trainer === "engine" ? 1000 : 250));
  post({ type: "progress", seen: 0, total, seconds: seconds(), training: 0, accuracy: accuracy() });
  let seen = 0;
  /** Seconds spent in the training steps themselves (not in reading MNIST or measuring accuracy). */
  let training = 0;
  while (seen < total) {
    const step = Math.min(progressEvery, curveEvery - (seen % curveEvery), total - seen);
    inside = "09-prepare";
    const samples = Array.from({ length: step }, (_, k) => {
      const i = (seen + k) % r.count;
      return { inputs: inputsOf(trainSet.images, i), targets: targets[trainSet.labels[i]] };
    });
    inside = t.trainer === "mine" ? "10-network" : "";
    const before = performance.now();
    t.train(samples);
    training += (performance.now() - before) / 1000;
    seen += step;
    if (seen % curveEvery === 0 || seen === total) post({ type: "progress", seen, total, seconds: seconds(), training, accuracy: accuracy(), weights: t.weights() });
    else post({ type: "progress", seen, total, seconds: seconds(), training });
  }
  inside = "";
  post({ type: "done", seconds: seconds(), training, weights: t.weights(), trainer: t.trainer });
}
