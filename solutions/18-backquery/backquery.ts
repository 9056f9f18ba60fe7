// Book 3.2: what does the network "think" a 3 looks like? Run it backwards. Put the answer we
// want at the output (0.99 for the label, 0.01 elsewhere), undo the sigmoid with logit, send the
// signal back through the transposed weights, and read off a picture at the inputs.
//
// Two snags the book deals with: logit only takes values strictly between 0 and 1, and the
// numbers coming back through the weights can be any size. So after each layer we stretch the
// values to span exactly 0.01 to 0.99 ("rescale").
import { logit } from "../04-activation/activation";
import { Matrix, dot, map, transpose } from "../05-matrix/matrix";
import { makeTargets } from "../09-prepare/prepare";
import type { NeuralNetwork } from "../10-network/network";
import { toPng } from "../13-evaluate/evaluate";

/** Only the weights are needed, so a hand-made network with chosen weights works too. */
export type Backqueryable = Pick<NeuralNetwork, "wih" | "who">;

/** Stretch the values so the smallest becomes 0.01 and the largest 0.99, keeping their order and spacing. */
export function rescale(values: ArrayLike<number>): number[] {
  // BEGIN SOLUTION
  const list = Array.from(values);
  const min = Math.min(...list);
  const shifted = list.map((x) => x - min);
  const max = Math.max(...shifted);
  if (!(max > 0)) {
    throw new Error(`rescale: all ${list.length} values are the same (${list[0]}), so there is no smallest and largest to stretch to 0.01 and 0.99`);
  }
  return shifted.map((x) => (x / max) * 0.98 + 0.01);
  // END SOLUTION
}

/** Both layers of the backwards run: the hidden layer and the inputs, each rescaled to 0.01..0.99. */
export function backqueryLayers(net: Backqueryable, label: number): { hidden: number[]; inputs: number[] } {
  // BEGIN SOLUTION
  const outputNodes = net.who.rows;
  if (!Number.isInteger(label) || label < 0 || label >= outputNodes) {
    throw new Error(`backquery: the label must be a whole number from 0 to ${outputNodes - 1} (one for each output node), got ${label}`);
  }
  const finalOutputs = Matrix.column(makeTargets(label, outputNodes));
  const finalInputs = map(finalOutputs, logit);
  const hidden = rescale(dot(transpose(net.who), finalInputs).data);
  const hiddenInputs = map(Matrix.column(hidden), logit);
  const inputs = rescale(dot(transpose(net.wih), hiddenInputs).data);
  return { hidden, inputs };
  // END SOLUTION
}

/** The picture the network has of `label`: inputNodes values from 0.01 to 0.99 (784 for MNIST). */
export function backquery(net: Backqueryable, label: number): number[] {
  // BEGIN SOLUTION
  return backqueryLayers(net, label).inputs;
  // END SOLUTION
}

/** That picture as a 28 x 28 PNG: inputs scaled back to grey 0..255, bright where the network wants ink. */
export function backqueryPng(net: Backqueryable, label: number): Buffer {
  // BEGIN SOLUTION
  return toPng(backquery(net, label).map((x) => ((x - 0.01) / 0.99) * 255));
  // END SOLUTION
}
