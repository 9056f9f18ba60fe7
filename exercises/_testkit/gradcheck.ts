// Gradient checking, shared by every exercise with a backward pass (Part 4 on). The analytic
// gradient a learner's backward pass gives must match the slope measured by nudging each
// number by +-h and watching the loss move (a central difference).
import { expectNumbers, fail, type What } from "./check";

/**
 * The slope of f at x along each coordinate: (f(x + h e_i) - f(x - h e_i)) / 2h. x is changed
 * in place while measuring and put back before returning.
 */
export function numericGradient(f: () => number, x: { length: number; [i: number]: number }, h = 1e-5): number[] {
  const slopes: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const keep = x[i];
    x[i] = keep + h;
    const up = f();
    x[i] = keep - h;
    const down = f();
    x[i] = keep;
    slopes.push((up - down) / (2 * h));
  }
  return slopes;
}

/**
 * Every analytic slope equals the numeric one to a relative 1e-5. The central difference itself
 * is off by about h^2 (the curve bends) plus 1e-16 * loss / h (rounding); a slope that is itself
 * tiny cannot be compared relatively below that noise, hence the small absolute floor.
 */
export function expectGradient(analytic: unknown, numeric: readonly number[], what: What, relative = 1e-5, floor = 1e-9): void {
  const got = expectNumbers(analytic, numeric.length, what);
  got.forEach((g, i) => {
    const n = numeric[i];
    if (Math.abs(g - n) > relative * Math.max(Math.abs(g), Math.abs(n)) + floor) {
      fail(`gradient check failed: ${what}, item [${i}]\n  analytic (your backward pass): ${g}\n  numeric (central difference):  ${n}`);
    }
  });
}
