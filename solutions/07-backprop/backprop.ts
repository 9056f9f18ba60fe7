// Book 1.10 - 1.13: the output error is shared out backwards, along the links that caused it,
// in proportion to their weights. Done for every node at once, it becomes W^T . e.
import { Matrix, dot, transpose } from "../05-matrix/matrix";

/** Split one node's error over its incoming links in proportion to their weights. */
export function splitError(error: number, weights: number[]): number[] {
  // BEGIN SOLUTION
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) throw new Error("splitError: the weights add up to 0, so there is no proportion to split the error by");
  return weights.map((w) => (error * w) / total);
  // END SOLUTION
}

/**
 * Hidden-layer errors by the proportional split: hidden node j collects, from every output
 * node k, the share who[k][j] / (sum of row k) of that node's error.
 * `who` is outputNodes x hiddenNodes; `outputErrors` is outputNodes x 1.
 */
export function hiddenErrorsBySplit(who: Matrix, outputErrors: Matrix): Matrix {
  // BEGIN SOLUTION
  if (outputErrors.rows !== who.rows || outputErrors.cols !== 1) {
    throw new Error(`hiddenErrorsBySplit: who is ${who.shape}, so outputErrors must be ${who.rows}x1, got ${outputErrors.shape}`);
  }
  const hidden = new Matrix(who.cols, 1);
  const rows = who.toArray();
  for (let k = 0; k < who.rows; k++) {
    const shares = splitError(outputErrors.get(k, 0), rows[k]);
    shares.forEach((share, j) => (hidden.data[j] += share));
  }
  return hidden;
  // END SOLUTION
}

/** The book's simpler form, without the normalising denominators: e_hidden = who^T . e_output. */
export function hiddenErrors(who: Matrix, outputErrors: Matrix): Matrix {
  // BEGIN SOLUTION
  return dot(transpose(who), outputErrors);
  // END SOLUTION
}
