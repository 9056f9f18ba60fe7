// The network the page is using: its weights (from a model file, or trained here) and the code
// that answers with them (the learner's NeuralNetwork.query of exercise 10, or the engine's).
import type { LearnerModules, LearnerNetwork } from "./learner";

export interface Weights {
  inputNodes: number;
  hiddenNodes: number;
  outputNodes: number;
  learningRate: number;
  /** hiddenNodes x inputNodes, row after row. */
  wih: Float64Array;
  /** outputNodes x hiddenNodes, row after row. */
  who: Float64Array;
}

export const sizes = (w: Pick<Weights, "inputNodes" | "hiddenNodes" | "outputNodes">) => `${w.inputNodes}-${w.hiddenNodes}-${w.outputNodes}`;

/** The header that carries a checked model's sizes; its weights are the body, as 64-bit numbers (server.ts sendWeights). */
export const MODEL_HEADER = "x-nn-kata-model";

/** A model file as the server checked it (tools/model-json.ts parseModel), or the server's reason why not. */
export async function readWeights(response: Response): Promise<Weights | { error: string }> {
  const header = response.headers.get(MODEL_HEADER);
  if (!header) return { error: ((await response.json()) as { error?: string }).error ?? `the lab server answered ${response.status}` };
  const sizes = JSON.parse(header) as Omit<Weights, "wih" | "who">;
  const all = new Float64Array(await response.arrayBuffer());
  const split = sizes.hiddenNodes * sizes.inputNodes;
  return { ...sizes, wih: all.subarray(0, split), who: all.subarray(split) };
}

/** Drawings are 28 x 28 pixels and there are ten digits. */
export const fitsDrawings = (w: Weights) => w.inputNodes === 784 && w.outputNodes === 10;

/** The learner's NeuralNetwork (exercise 10) holding these weights. */
export function learnerNetwork(code: LearnerModules["10-network"], w: Weights): LearnerNetwork {
  const net = new code.NeuralNetwork(w.inputNodes, w.hiddenNodes, w.outputNodes, w.learningRate);
  for (const [name, rows, cols, data] of [["wih", w.hiddenNodes, w.inputNodes, w.wih], ["who", w.outputNodes, w.hiddenNodes, w.who]] as const) {
    const m = net[name];
    if (!m || m.rows !== rows || m.cols !== cols || !(m.data instanceof Float64Array)) {
      throw new Error(`new NeuralNetwork(${w.inputNodes}, ${w.hiddenNodes}, ${w.outputNodes}, ...) should make ${name} a ${rows}x${cols} Matrix, but it is ${m ? `${m.rows}x${m.cols}` : String(m)}`);
    }
    m.data.set(data);
  }
  return net;
}

export const argmax = (values: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
};
