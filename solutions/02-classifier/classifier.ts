// Book 1.4: a straight line y = A x through the origin separates ladybirds (wide, short)
// from caterpillars (thin, long). We learn the slope A from examples, one at a time.

/** The line's height at x. */
export function lineAt(A: number, x: number): number {
  // BEGIN SOLUTION
  return A * x;
  // END SOLUTION
}

/**
 * One learning step from one example (x, target). The error is E = target - A x, and
 * the change that would fix it completely is dA = E / x; the learning rate L moderates it.
 */
export function updateSlope(A: number, x: number, target: number, learningRate = 1): number {
  // BEGIN SOLUTION
  // Every line y = A x passes through (0, 0), so an example at x = 0 says nothing about A (and E / 0 is Infinity).
  if (x === 0) throw new Error("updateSlope: x is 0, and every line y = A x is 0 there whatever A is, so it cannot learn from this example; use one whose x is not 0");
  const E = target - lineAt(A, x);
  return A + learningRate * (E / x);
  // END SOLUTION
}

export interface Example {
  x: number;
  target: number;
}

/** Learn from each example in turn; returns A after each one (not including the start). */
export function trainClassifier(A: number, examples: Example[], learningRate = 1): number[] {
  // BEGIN SOLUTION
  const history: number[] = [];
  for (const { x, target } of examples) {
    A = updateSlope(A, x, target, learningRate);
    history.push(A);
  }
  return history;
  // END SOLUTION
}

/** Below the line is a ladybird, above it a caterpillar (width x, length y). */
export function classifyBug(A: number, width: number, length: number): "ladybird" | "caterpillar" {
  // BEGIN SOLUTION
  return length < lineAt(A, width) ? "ladybird" : "caterpillar";
  // END SOLUTION
}
