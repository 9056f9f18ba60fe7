// Book 1.2: a machine that turns kilometres into miles with one adjustable number, c.
// We do not know c; we guess it, look at how wrong the answer is, and nudge c.

/** The model: miles = c * km. */
export function predict(c: number, km: number): number {
  // BEGIN SOLUTION
  return c * km;
  // END SOLUTION
}

/** How wrong the prediction is: the true value minus the calculated one. */
export function error(target: number, actual: number): number {
  // BEGIN SOLUTION
  return target - actual;
  // END SOLUTION
}

/**
 * One refinement: move c by a fraction (learningRate) of the change that would remove the
 * whole error for this example. Error is in miles; dividing by km turns it into a change of c.
 */
export function refine(c: number, km: number, miles: number, learningRate: number): number {
  // BEGIN SOLUTION
  // 0 km is 0 miles whatever c is, so that example says nothing about c (and e / 0 is Infinity).
  if (km === 0) throw new Error("refine: km is 0, and 0 km is 0 miles for every c, so there is nothing to learn from it; use an example with km other than 0");
  const e = error(miles, predict(c, km));
  return c + learningRate * (e / km);
  // END SOLUTION
}

/** Start from a guess and refine it `steps` times; returns every c along the way, guess first. */
export function findConstant(km: number, miles: number, guess: number, learningRate: number, steps: number): number[] {
  // BEGIN SOLUTION
  const history = [guess];
  let c = guess;
  for (let step = 0; step < steps; step++) {
    c = refine(c, km, miles, learningRate);
    history.push(c);
  }
  return history;
  // END SOLUTION
}
