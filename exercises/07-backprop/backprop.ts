// Book 1.10 - 1.13: the output error is shared out backwards, along the links that caused it,
// in proportion to their weights. Done for every node at once, it becomes W^T . e.
import { Matrix, dot, transpose } from "../05-matrix/matrix";

/** Split one node's error over its incoming links in proportion to their weights. */
export function splitError(error: number, weights: number[]): number[] {
  throw new Error("not implemented yet: splitError in exercises/07-backprop/backprop.ts");
}

/**
 * Hidden-layer errors by the proportional split: hidden node j collects, from every output
 * node k, the share who[k][j] / (sum of row k) of that node's error.
 * `who` is outputNodes x hiddenNodes; `outputErrors` is outputNodes x 1.
 */
export function hiddenErrorsBySplit(who: Matrix, outputErrors: Matrix): Matrix {
  throw new Error("not implemented yet: hiddenErrorsBySplit in exercises/07-backprop/backprop.ts");
}

/** The book's simpler form, without the normalising denominators: e_hidden = who^T . e_output. */
export function hiddenErrors(who: Matrix, outputErrors: Matrix): Matrix {
  throw new Error("not implemented yet: hiddenErrors in exercises/07-backprop/backprop.ts");
}
