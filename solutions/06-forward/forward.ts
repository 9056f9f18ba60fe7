// Book 1.7 and 1.9: signals flow forward. Each layer combines its inputs with its weights,
// X = W . I, and each node squashes its combined input with the sigmoid, O = sigmoid(X).
import { Matrix, dot, map } from "../05-matrix/matrix";
import { sigmoid } from "../04-activation/activation";

/** X = W . I: the combined, moderated input of every node in the next layer. */
export function layerInputs(weights: Matrix, inputs: Matrix): Matrix {
  // BEGIN SOLUTION
  if (inputs.rows !== weights.cols || inputs.cols !== 1) {
    throw new Error(
      `layerInputs: the weights are ${weights.shape} (${weights.rows} nodes, ${weights.cols} links into each), ` +
        `so the inputs must be a ${weights.cols}x1 column, got ${inputs.shape}`,
    );
  }
  return dot(weights, inputs);
  // END SOLUTION
}

/** O = sigmoid(W . I): what every node of the next layer outputs. */
export function layerOutputs(weights: Matrix, inputs: Matrix): Matrix {
  // BEGIN SOLUTION
  return map(layerInputs(weights, inputs), sigmoid);
  // END SOLUTION
}

export interface ForwardPass {
  hiddenInputs: Matrix;
  hiddenOutputs: Matrix;
  finalInputs: Matrix;
  finalOutputs: Matrix;
}

/** A three-layer network: inputs -> hidden layer (wih) -> output layer (who). */
export function forward(wih: Matrix, who: Matrix, inputs: Matrix): ForwardPass {
  // BEGIN SOLUTION
  const hiddenInputs = layerInputs(wih, inputs);
  const hiddenOutputs = map(hiddenInputs, sigmoid);
  const finalInputs = layerInputs(who, hiddenOutputs);
  const finalOutputs = map(finalInputs, sigmoid);
  return { hiddenInputs, hiddenOutputs, finalInputs, finalOutputs };
  // END SOLUTION
}
