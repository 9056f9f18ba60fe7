// Deep Learning from Scratch ch. 3.5 (softmax) and ch. 4.2 (cross-entropy); the roadmap's
// "multi-class output". The book's network ends in ten sigmoids, each saying "yes" or "no" on
// its own. A classifier really wants ONE answer spread over the ten digits: probabilities that
// are all positive and add up to 1. Softmax turns any ten numbers (logits) into that, and
// cross-entropy scores it: -ln(the probability given to the right digit).

/** e^z_k / sum_j e^z_j for every k: positive numbers adding up to 1, the largest logit the largest. */
export function softmax(logits: number[]): number[] {
  throw new Error("not implemented yet: softmax in exercises/20-softmax/softmax.ts");
}

/** The smallest probability cross-entropy takes the log of: ln(0) would be -Infinity. */
export const MIN_PROBABILITY = 1e-12;

/** -ln(probabilities[label]): 0 when the right class gets probability 1, large when it gets little. */
export function crossEntropy(probabilities: number[], label: number): number {
  throw new Error("not implemented yet: crossEntropy in exercises/20-softmax/softmax.ts");
}

/**
 * crossEntropy(softmax(logits), label), computed without rounding the probability to 0 first:
 * ln(softmax_k) = z_k - max - ln(sum_j e^(z_j - max)). Exact even for logits of +-1e4.
 */
export function softmaxCrossEntropy(logits: number[], label: number): number {
  throw new Error("not implemented yet: softmaxCrossEntropy in exercises/20-softmax/softmax.ts");
}

/**
 * The slope of softmaxCrossEntropy(logits, label) for every logit: softmax(logits) - t, where t
 * is 1 at the label and 0 elsewhere (one-hot). Two hard derivatives, one easy answer.
 */
export function softmaxCrossEntropyGradient(logits: number[], label: number): number[] {
  throw new Error("not implemented yet: softmaxCrossEntropyGradient in exercises/20-softmax/softmax.ts");
}
