// Gradient checking, shared by every test of a backward pass (Part 5). A slope worked out by a
// backward pass is compared with the slope measured from outside: nudge one number a little
// up and down and watch the loss change.
import { expectNumber, fail } from "./check";

/**
 * The slope of f at x, measured: the central difference (f(x + h) - f(x - h)) / 2h has an error
 * of about h^2; combining it at h and h/2 as (4 D(h/2) - D(h)) / 3 (Richardson) cancels that
 * term and leaves about h^4, so h can stay large enough (1e-3) for rounding not to matter.
 */
export function numericSlope(f: (x: number) => number, x: number, h = 1e-3): number {
  const central = (step: number) => (f(x + step) - f(x - step)) / (2 * step);
  return (4 * central(h / 2) - central(h)) / 3;
}

/** Relative 1e-5, plus a tiny absolute floor for slopes that are 0 or nearly so. */
export function slopesAgree(analytic: number, numeric: number, relative = 1e-5, floor = 1e-9): boolean {
  return Math.abs(analytic - numeric) <= relative * Math.max(Math.abs(analytic), Math.abs(numeric)) + floor;
}

/**
 * Checks every slope of one array of numbers. `values` is the array the loss reads (it is nudged
 * in place and put back), `analytic` the slopes a backward pass gave for it, `loss` recomputes
 * the loss from scratch. `what` names the array in the message, e.g. "kernelGrad".
 */
export function expectGradient(values: { [i: number]: number; length: number }, analytic: unknown, loss: () => number, what: string, context = ""): void {
  const slopes = analytic as ArrayLike<unknown>;
  if (slopes === null || typeof slopes !== "object" || slopes.length !== values.length) {
    fail(`${what}\n  expected: ${values.length} slopes, one for each number it belongs to\n  got:      ${slopes === null || typeof slopes !== "object" ? String(slopes) : `${slopes.length} numbers`}${context ? `\n  for ${context}` : ""}`);
  }
  for (let i = 0; i < values.length; i++) {
    const original = values[i];
    const numeric = numericSlope((x) => {
      values[i] = x;
      const l = loss();
      values[i] = original;
      return l;
    }, original);
    const got = expectNumber(slopes[i], `${what} [${i}]`);
    if (!slopesAgree(got, numeric)) {
      fail(
        `gradient check failed: ${what} [${i}]${context ? `, for ${context}` : ""}\n` +
          `  analytic (your backward pass): ${got}\n  numeric (nudging that number by +-0.001): ${numeric}`,
      );
    }
  }
}
