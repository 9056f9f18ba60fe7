// `npm run train -- --model deep`: the Part 4 network (exercises 20-24) on the full MNIST: Dense
// layers with biases, ReLU and He, softmax cross-entropy, Adam on shuffled mini-batches. Its
// settings are exercise 24's settings.ts (yours with --mine), changed by any option given.
import { progressBar } from "../data/report";
import { isUnwritten, load, type Tree } from "./course-code";
import { toolTexts, type Lang } from "./messages";
import type { DeepSettings } from "../exercises/24-deep-gate/settings";

export const DEEP_NEEDS = ["09-prepare", "11-idx", "20-softmax", "21-activations", "22-layers", "23-optimisers"];

interface Digit {
  pixels: Uint8Array;
  label: number;
}

interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

interface Model {
  forward(x: Matrix): Matrix;
  predict(x: Matrix): number[];
}

// The settings' shape is exercise 24's own (its file documents each field for the learner).
export type { DeepSettings };

/** What the course suggests when exercise 24's settings are not written yet. */
const FALLBACK: DeepSettings = { hiddenLayers: [256, 128], activation: "relu", learningRate: 0.002, learningRateDecay: 0.75, epochs: 6, batchSize: 128, seed: 1 };

/** Exercise 24's settings from the tree (the fallback, and onFallback, if its settings() is still a stub), then the overrides. */
export async function deepSettings(tree: Tree, overrides: Partial<DeepSettings>, onFallback: () => void): Promise<DeepSettings> {
  let base = FALLBACK;
  try {
    base = (await load<{ settings(): DeepSettings }>(tree, "24-deep-gate/settings.ts")).settings();
  } catch (error) {
    if (!isUnwritten(error)) throw error;
    onFallback();
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...base, ...defined };
}

/** The settings in one line (exercise 24's describeSettings). */
export async function describeDeep(tree: Tree, s: DeepSettings): Promise<string> {
  return (await load<{ describeSettings(s: DeepSettings): string }>(tree, "24-deep-gate/model.ts")).describeSettings(s);
}

export interface DeepRun {
  curve: { x: number; y: number }[];
  /** Softmax probabilities for every test image. */
  outputs: number[][];
  predicted: number[];
}

/** Train on all of `train` as the settings say; the curve is the accuracy on `watch` every 5,000 images. */
export async function trainDeep(tree: Tree, s: DeepSettings, train: Digit[], test: Digit[], shown: { out?: { write(text: string): unknown; isTTY?: boolean }; lang?: Lang } = {}): Promise<DeepRun> {
  const t = toolTexts[shown.lang ?? "en"];
  const { softmax } = await load<{ softmax(z: number[]): number[] }>(tree, "20-softmax/softmax.ts");
  const { buildModel } = await load<{ buildModel(s: DeepSettings): { model: Model; rng: () => number } }>(tree, "24-deep-gate/model.ts");
  const { Adam, batchOf, trainEpoch } = await load<{
    Adam: new (lr: number) => { learningRate: number };
    batchOf(digits: Digit[]): Matrix;
    trainEpoch(model: Model, optimiser: unknown, digits: Digit[], batchSize: number, rng: () => number, onBatch?: (n: number) => void): number;
  }>(tree, "23-optimisers/optimisers.ts");

  const { model, rng } = buildModel(s);
  const adam = new Adam(s.learningRate);

  const watch = test.slice(0, 1000);
  const watchX = batchOf(watch);
  const curve: { x: number; y: number }[] = [];
  let seen = 0;
  for (let epoch = 1; epoch <= s.epochs; epoch++) {
    const bar = progressBar(t.epochLabel(epoch, s.epochs), train.length, shown);
    trainEpoch(model, adam, train, s.batchSize, rng, (count) => {
      bar.tick(count);
      const before = seen;
      seen += count;
      if (Math.floor(seen / 5000) > Math.floor(before / 5000)) {
        const predicted = model.predict(watchX);
        curve.push({ x: seen, y: predicted.filter((p, i) => p === watch[i].label).length / watch.length });
      }
    });
    bar.done();
    adam.learningRate *= s.learningRateDecay;
  }

  const outputs: number[][] = [];
  const bar = progressBar(t.testingLabel, test.length, shown);
  for (let start = 0; start < test.length; start += 1000) {
    const logits = model.forward(batchOf(test.slice(start, start + 1000)));
    for (let i = 0; i < logits.rows; i++) outputs.push(softmax(Array.from(logits.data.subarray(i * logits.cols, (i + 1) * logits.cols))));
    bar.tick(logits.rows);
  }
  bar.done();
  const predicted = outputs.map((o) => o.indexOf(Math.max(...o)));
  return { curve, outputs, predicted };
}
