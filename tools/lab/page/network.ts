// The network the page is using: its weights (from a model file, or trained here) and the code
// that answers with them (the learner's NeuralNetwork.query of exercise 10, or the engine's).
// A model file as the server has checked it (tools/model-json.ts parseModel).
import type { ModelFile } from "../../model-json";
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

export function fromModelFile(model: ModelFile): Weights {
  return { ...model, wih: Float64Array.from(model.wih.flat()), who: Float64Array.from(model.who.flat()) };
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
