// Deep Learning from Scratch ch. 3.5 (softmax) and ch. 4.2 (cross-entropy); the roadmap's
// "multi-class output". The book's network ends in ten sigmoids, each saying "yes" or "no" on
// its own. A classifier really wants ONE answer spread over the ten digits: probabilities that
// are all positive and add up to 1. Softmax turns any ten numbers (logits) into that, and
// cross-entropy scores it: -ln(the probability given to the right digit).

/** e^z_k / sum_j e^z_j for every k: positive numbers adding up to 1, the largest logit the largest. */
export function softmax(logits: number[]): number[] {
  // BEGIN SOLUTION
  checkLogits("softmax", logits);
  // e^1000 is Infinity in floating point. Subtracting the largest logit first changes nothing
  // (the factor e^-max cancels above and below) and keeps every exponent at or below 0.
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
  // END SOLUTION
}

/** The smallest probability cross-entropy takes the log of: ln(0) would be -Infinity. */
export const MIN_PROBABILITY = 1e-12;

/** -ln(probabilities[label]): 0 when the right class gets probability 1, large when it gets little. */
export function crossEntropy(probabilities: number[], label: number): number {
  // BEGIN SOLUTION
  checkVector("crossEntropy", "probabilities", probabilities);
  checkLabel("crossEntropy", label, probabilities.length);
  probabilities.forEach((p, i) => {
    if (p < 0 || p > 1) throw new Error(`crossEntropy: probability [${i}] is ${p}, but probabilities go from 0 to 1 (pass the output of softmax)`);
  });
  return -Math.log(Math.max(probabilities[label], MIN_PROBABILITY));
  // END SOLUTION
}

/**
 * crossEntropy(softmax(logits), label), computed without rounding the probability to 0 first:
 * ln(softmax_k) = z_k - max - ln(sum_j e^(z_j - max)). Exact even for logits of +-1e4.
 */
export function softmaxCrossEntropy(logits: number[], label: number): number {
  // BEGIN SOLUTION
  checkLogits("softmaxCrossEntropy", logits);
  checkLabel("softmaxCrossEntropy", label, logits.length);
  const max = Math.max(...logits);
  const logSum = Math.log(logits.reduce((sum, z) => sum + Math.exp(z - max), 0));
  return -(logits[label] - max - logSum);
  // END SOLUTION
}

/**
 * The slope of softmaxCrossEntropy(logits, label) for every logit: softmax(logits) - t, where t
 * is 1 at the label and 0 elsewhere (one-hot). Two hard derivatives, one easy answer.
 */
export function softmaxCrossEntropyGradient(logits: number[], label: number): number[] {
  // BEGIN SOLUTION
  checkLogits("softmaxCrossEntropyGradient", logits);
  checkLabel("softmaxCrossEntropyGradient", label, logits.length);
  const y = softmax(logits);
  y[label] -= 1;
  return y;
  // END SOLUTION
}

// BEGIN SOLUTION
function checkVector(fn: string, name: string, values: number[]): void {
  if (!Array.isArray(values) || values.length === 0) {
    throw new Error(`${fn}: ${name} must be a non-empty array of numbers, one per class, got ${Array.isArray(values) ? "an empty array" : String(values)}`);
  }
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`${fn}: ${name} [${i}] is ${v}; every one must be a finite number (NaN or Infinity means an earlier calculation went wrong)`);
  });
}

function checkLogits(fn: string, logits: number[]): void {
  checkVector(fn, "logits", logits);
}

function checkLabel(fn: string, label: number, classes: number): void {
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new Error(`${fn}: the label must be a whole number from 0 to ${classes - 1} (there are ${classes} classes), got ${label}`);
  }
}
// END SOLUTION
