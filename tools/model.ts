// A trained network saved as JSON and loaded back: the sizes, the learning rate and both weight
// matrices as rows of numbers. Loading checks everything, because a model file may be cut off,
// edited by hand or made for another network, and names what it expected and what it found.
import fs from "node:fs";
import { writeFileAtomic } from "../runner/harness/atomic-write";
import { modelToJson, parseModel, type MatrixLike, type ModelFile, type SavableNetwork } from "./model-json";
import { toolTexts, type Lang } from "./messages";

export { MODEL_FORMAT, modelToJson, parseModel, type ModelFile, type SavableNetwork } from "./model-json";

export function saveModel(net: SavableNetwork, file: string): void {
  writeFileAtomic(file, modelToJson(net) + "\n");
}

/**
 * Read a model file and put its weights into a new network made by `make` (e.g. the class of
 * exercise 10). `expect` checks the sizes the caller needs, e.g. { inputNodes: 784 } for images.
 */
export function loadModel<N extends SavableNetwork>(
  file: string,
  make: (inputNodes: number, hiddenNodes: number, outputNodes: number, learningRate: number) => N,
  expect: Partial<Pick<ModelFile, "inputNodes" | "outputNodes">> = {},
  lang: Lang = "en",
): N {
  if (!fs.existsSync(file)) throw new Error(toolTexts[lang].noModelFile(file));
  const model = parseModel(fs.readFileSync(file, "utf8"), file);
  for (const name of ["inputNodes", "outputNodes"] as const) {
    if (expect[name] !== undefined && model[name] !== expect[name]) {
      throw new Error(`${file} holds a ${model.inputNodes}-${model.hiddenNodes}-${model.outputNodes} network, but ${expect[name]} ${name} are needed here (a 28 x 28 image has 784 pixels; there are 10 digits)`);
    }
  }
  const net = make(model.inputNodes, model.hiddenNodes, model.outputNodes, model.learningRate);
  fill(net.wih, model.wih, `${file}: the network's wih`);
  fill(net.who, model.who, `${file}: the network's who`);
  return net;
}

function fill(target: MatrixLike, rows: number[][], what: string): void {
  const cols = rows[0].length;
  if (target.rows !== rows.length || target.cols !== cols || target.data.length !== rows.length * cols) {
    throw new Error(`${what} is ${target.rows}x${target.cols}, but the file's is ${rows.length}x${cols}`);
  }
  rows.forEach((row, i) => target.data.set(row, i * cols));
}
