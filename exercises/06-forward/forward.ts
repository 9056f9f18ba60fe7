// Book 1.7 and 1.9: signals flow forward. Each layer combines its inputs with its weights,
// X = W . I, and each node squashes its combined input with the sigmoid, O = sigmoid(X).
import { Matrix, dot, map } from "../05-matrix/matrix";
import { sigmoid } from "../04-activation/activation";

/** X = W . I: the combined, moderated input of every node in the next layer. */
export function layerInputs(weights: Matrix, inputs: Matrix): Matrix {
  throw new Error("not implemented yet: layerInputs in exercises/06-forward/forward.ts");
}

/** O = sigmoid(W . I): what every node of the next layer outputs. */
export function layerOutputs(weights: Matrix, inputs: Matrix): Matrix {
  throw new Error("not implemented yet: layerOutputs in exercises/06-forward/forward.ts");
}

export interface ForwardPass {
  hiddenInputs: Matrix;
  hiddenOutputs: Matrix;
  finalInputs: Matrix;
  finalOutputs: Matrix;
}

/** A three-layer network: inputs -> hidden layer (wih) -> output layer (who). */
export function forward(wih: Matrix, who: Matrix, inputs: Matrix): ForwardPass {
  throw new Error("not implemented yet: forward in exercises/06-forward/forward.ts");
}
