// Book 1.4: a straight line y = A x through the origin separates ladybirds (wide, short)
// from caterpillars (thin, long). We learn the slope A from examples, one at a time.

/** The line's height at x. */
export function lineAt(A: number, x: number): number {
  throw new Error("not implemented yet: lineAt in exercises/02-classifier/classifier.ts");
}

/**
 * One learning step from one example (x, target). The error is E = target - A x, and
 * the change that would fix it completely is dA = E / x; the learning rate L moderates it.
 */
export function updateSlope(A: number, x: number, target: number, learningRate = 1): number {
  throw new Error("not implemented yet: updateSlope in exercises/02-classifier/classifier.ts");
}

export interface Example {
  x: number;
  target: number;
}

/** Learn from each example in turn; returns A after each one (not including the start). */
export function trainClassifier(A: number, examples: Example[], learningRate = 1): number[] {
  throw new Error("not implemented yet: trainClassifier in exercises/02-classifier/classifier.ts");
}

/** Below the line is a ladybird, above it a caterpillar (width x, length y). */
export function classifyBug(A: number, width: number, length: number): "ladybird" | "caterpillar" {
  throw new Error("not implemented yet: classifyBug in exercises/02-classifier/classifier.ts");
}
