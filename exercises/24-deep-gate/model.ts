// The network your settings describe, built from your exercises 09, 21 and 22: Dense, activation,
// ..., Dense to 10 outputs (the softmax is in the loss). Given: nothing to write here. The deep
// gate and `npm run train -- --model deep` both build it this way.
import { createRng } from "../09-prepare/prepare";
import { LEAKY_RELU, RELU, TANH, heWeights, xavierWeights } from "../21-activations/activations";
import { ActivationLayer, Dense, Sequential, type Layer } from "../22-layers/layers";
import type { DeepSettings } from "./settings";

/** The model, and the seeded random numbers that made its weights (trainEpoch shuffles with them next). */
export function buildModel(s: DeepSettings): { model: Sequential; rng: () => number } {
  const rng = createRng(s.seed);
  const activation = s.activation === "tanh" ? TANH : s.activation === "leaky relu" ? LEAKY_RELU : RELU;
  const init = s.activation === "tanh" ? xavierWeights : heWeights;
  const sizes = [784, ...s.hiddenLayers];
  const layers: Layer[] = [];
  for (let l = 1; l < sizes.length; l++) layers.push(new Dense(sizes[l - 1], sizes[l], rng, init), new ActivationLayer(activation));
  layers.push(new Dense(sizes.at(-1)!, 10, rng, init));
  return { model: new Sequential(layers), rng };
}

/** "784-256-128-10 relu, Adam from 0.002 (x 0.75 an epoch), 6 epochs in batches of 128, seed 1" */
export const describeSettings = (s: DeepSettings) =>
  `784-${s.hiddenLayers.join("-")}-10 ${s.activation}, Adam from ${s.learningRate} (x ${s.learningRateDecay} an epoch), ` +
  `${s.epochs} epoch${s.epochs === 1 ? "" : "s"} in batches of ${s.batchSize}, seed ${s.seed}`;
