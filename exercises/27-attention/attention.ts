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
  throw new Error("not implemented yet: softmaxRows in exercises/27-attention/attention.ts");
}

/** softmax(Q K^T / sqrt(d)) V with Q = X Wq, K = X Wk, V = X Wv; d is the width of Q and K. */
export function selfAttention(x: Matrix, w: AttentionWeights, causal = false): AttentionPass {
  throw new Error("not implemented yet: selfAttention in exercises/27-attention/attention.ts");
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
  throw new Error("not implemented yet: selfAttentionBackward in exercises/27-attention/attention.ts");
}
