// Self-attention, the heart of the Transformer. A sentence (or any sequence) is a matrix X with
// one row per token. Every token asks a question (its row of Q = X Wq), every token offers a
// key (K = X Wk) and a value (V = X Wv). How well question i matches key j, Q K^T / sqrt(d),
// becomes, after a softmax along each row, how much token i takes of token j's value:
//   output = softmax(Q K^T / sqrt(d)) V
// With a causal mask a token may only look at itself and the tokens before it.
import { Matrix, dot, transpose } from "../05-matrix/matrix";
import { softmax } from "../20-softmax/softmax";

/** The three learned matrices: each is dModel x d (dModel numbers per token in, d out). */
export interface AttentionWeights {
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
}

export interface AttentionPass {
  q: Matrix;
  k: Matrix;
  v: Matrix;
  /** n x n: row i is how much token i attends to each token; each row adds up to 1. */
  weights: Matrix;
  /** n x (columns of wv): one new row per token. */
  output: Matrix;
}

/**
 * A softmax along every row of the scores (your softmax from exercise 20). With `causal`, row i
 * only covers columns 0..i: the later columns, the future, get weight exactly 0.
 */
export function softmaxRows(scores: Matrix, causal = false): Matrix {
  // BEGIN SOLUTION
  if (causal && scores.rows !== scores.cols) throw new Error(`softmaxRows: a causal mask needs square scores (one row and one column per token), got ${scores.shape}`);
  const out = new Matrix(scores.rows, scores.cols);
  for (let i = 0; i < scores.rows; i++) {
    const allowed = causal ? i + 1 : scores.cols;
    const row = Array.from(scores.data.subarray(i * scores.cols, i * scores.cols + allowed));
    out.data.set(softmax(row), i * scores.cols);
  }
  return out;
  // END SOLUTION
}

/** softmax(Q K^T / sqrt(d)) V with Q = X Wq, K = X Wk, V = X Wv; d is the width of Q and K. */
export function selfAttention(x: Matrix, w: AttentionWeights, causal = false): AttentionPass {
  // BEGIN SOLUTION
  checkShapes("selfAttention", x, w);
  const q = dot(x, w.wq);
  const k = dot(x, w.wk);
  const v = dot(x, w.wv);
  const scores = dot(q, transpose(k));
  const scale = 1 / Math.sqrt(q.cols);
  for (let i = 0; i < scores.data.length; i++) scores.data[i] *= scale;
  const weights = softmaxRows(scores, causal);
  return { q, k, v, weights, output: dot(weights, v) };
  // END SOLUTION
}

export interface AttentionGradients {
  x: Matrix;
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
}

/**
 * The backward pass: given dL/d(output) (the shape of the output), the slopes of L for X, Wq,
 * Wk and Wv. With A the weights, S = Q K^T / sqrt(d) and G = outputGrad:
 *   dV = A^T G,  dA = G V^T,  dS = A * (dA - the sum of A * dA along each row)  (softmax's backward)
 *   dQ = dS K / sqrt(d),  dK = dS^T Q / sqrt(d)
 *   dWq = X^T dQ,  dWk = X^T dK,  dWv = X^T dV,  dX = dQ Wq^T + dK Wk^T + dV Wv^T
 * (X is used three times, so its slope is the sum of three.)
 */
export function selfAttentionBackward(x: Matrix, w: AttentionWeights, outputGrad: Matrix, causal = false): AttentionGradients {
  // BEGIN SOLUTION
  const { q, k, v, weights: A } = selfAttention(x, w, causal);
  if (outputGrad.rows !== x.rows || outputGrad.cols !== w.wv.cols) {
    throw new Error(`selfAttentionBackward: outputGrad must have the output's shape, ${x.rows}x${w.wv.cols}, got ${outputGrad.shape}`);
  }
  const dV = dot(transpose(A), outputGrad);
  const dA = dot(outputGrad, transpose(v));
  const dS = new Matrix(A.rows, A.cols);
  const scale = 1 / Math.sqrt(q.cols);
  for (let i = 0; i < A.rows; i++) {
    let rowSum = 0;
    for (let j = 0; j < A.cols; j++) rowSum += A.get(i, j) * dA.get(i, j);
    // Masked entries have A = 0, so they get no slope: the future did not take part.
    for (let j = 0; j < A.cols; j++) dS.set(i, j, A.get(i, j) * (dA.get(i, j) - rowSum) * scale);
  }
  const dQ = dot(dS, k);
  const dK = dot(transpose(dS), q);
  const xT = transpose(x);
  const dX = dot(dQ, transpose(w.wq));
  const fromK = dot(dK, transpose(w.wk));
  const fromV = dot(dV, transpose(w.wv));
  for (let i = 0; i < dX.data.length; i++) dX.data[i] += fromK.data[i] + fromV.data[i];
  return { x: dX, wq: dot(xT, dQ), wk: dot(xT, dK), wv: dot(xT, dV) };
  // END SOLUTION
}

// BEGIN SOLUTION
function checkShapes(fn: string, x: Matrix, w: AttentionWeights): void {
  for (const name of ["wq", "wk", "wv"] as const) {
    if (w[name].rows !== x.cols) {
      throw new Error(`${fn}: X is ${x.shape} (${x.cols} numbers per token), so ${name} needs ${x.cols} rows, got ${w[name].shape}`);
    }
  }
  if (w.wq.cols !== w.wk.cols) throw new Error(`${fn}: Q K^T needs queries and keys of the same width, but wq is ${w.wq.shape} and wk is ${w.wk.shape}`);
}
// END SOLUTION
