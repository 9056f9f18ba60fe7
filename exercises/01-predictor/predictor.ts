// Book 1.2: a machine that turns kilometres into miles with one adjustable number, c.
// We do not know c; we guess it, look at how wrong the answer is, and nudge c.

/** The model: miles = c * km. */
export function predict(c: number, km: number): number {
  throw new Error("not implemented yet: predict in exercises/01-predictor/predictor.ts");
}

/** How wrong the prediction is: the true value minus the calculated one. */
export function error(target: number, actual: number): number {
  throw new Error("not implemented yet: error in exercises/01-predictor/predictor.ts");
}

/**
 * One refinement: move c by a fraction (learningRate) of the change that would remove the
 * whole error for this example. Error is in miles; dividing by km turns it into a change of c.
 */
export function refine(c: number, km: number, miles: number, learningRate: number): number {
  throw new Error("not implemented yet: refine in exercises/01-predictor/predictor.ts");
}

/** Start from a guess and refine it `steps` times; returns every c along the way, guess first. */
export function findConstant(km: number, miles: number, guess: number, learningRate: number, steps: number): number[] {
  throw new Error("not implemented yet: findConstant in exercises/01-predictor/predictor.ts");
}
