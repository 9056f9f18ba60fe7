// Book 1.14 and 1.15: to lower the error, move each weight a little way downhill, against the
// slope of the error. For a weight w_jk from node j into output node k:
//   dE/dw_jk = -e_k * sigmoid(x_k) * (1 - sigmoid(x_k)) * o_j
// where x_k is node k's combined input and o_j is node j's output.
import { Matrix, dot, multiply, scale, transpose, map, subtract } from "../05-matrix/matrix";
import { sigmoid, sigmoidSlope } from "../04-activation/activation";
import { forward } from "../06-forward/forward";
import { hiddenErrors } from "../07-backprop/backprop";

/** The slope of the error for one weight: error e_k, combined input x_k, previous output o_j. */
export function errorSlope(error: number, sumInput: number, prevOutput: number): number {
  // BEGIN SOLUTION
  const o = sigmoid(sumInput);
  return -error * o * (1 - o) * prevOutput;
  // END SOLUTION
}

/** new w = old w - learningRate * slope: a small step downhill. */
export function updateWeight(weight: number, slope: number, learningRate: number): number {
  // BEGIN SOLUTION
  return weight - learningRate * slope;
  // END SOLUTION
}

/**
 * The change for a whole weight matrix at once:
 *   dW = learningRate * (E * O * (1 - O)) . O_prev^T
 * E and O are the errors and outputs of the layer the links go into (n x 1); O_prev the
 * outputs of the layer they come from (m x 1). The result is n x m, the shape of W.
 */
export function weightDeltas(errors: Matrix, outputs: Matrix, prevOutputs: Matrix, learningRate: number): Matrix {
  // BEGIN SOLUTION
  const slopes = multiply(errors, map(outputs, sigmoidSlope));
  return scale(dot(slopes, transpose(prevOutputs)), learningRate);
  // END SOLUTION
}

export interface Gradients {
  wih: Matrix;
  who: Matrix;
}

/**
 * The exact slopes dE/dW of every weight of both layers, for E = 1/2 * sum((t - o)^2).
 * Walking downhill means adding -learningRate * gradient to the weights.
 *   who: minus weightDeltas(outputErrors, finalOutputs, hiddenOutputs, 1)
 *   wih: the same for the hidden layer, whose error is who^T . (E * O * (1 - O)): each output
 *        error times its node's sigmoid slope, shared back along the links.
 */
export function gradients(wih: Matrix, who: Matrix, inputs: Matrix, targets: Matrix): Gradients {
  // BEGIN SOLUTION
  const pass = forward(wih, who, inputs);
  const outputErrors = subtract(targets, pass.finalOutputs);
  // The exact slope sends back each output error times its node's sigmoid slope, e * o * (1 - o).
  // The book (1.13) sends back the plain error e, a simpler rule that exercise 10 keeps.
  const errorsOfHidden = hiddenErrors(who, multiply(outputErrors, map(pass.finalOutputs, sigmoidSlope)));
  return {
    who: scale(weightDeltas(outputErrors, pass.finalOutputs, pass.hiddenOutputs, 1), -1),
    wih: scale(weightDeltas(errorsOfHidden, pass.hiddenOutputs, inputs, 1), -1),
  };
  // END SOLUTION
}
