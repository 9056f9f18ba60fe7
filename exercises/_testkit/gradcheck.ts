// Gradient checking, shared by every exercise with a backward pass (Part 4 on). The analytic
// gradient a learner's backward pass gives must match the slope measured by nudging each
// number by +-h and watching the loss move (a central difference).
import { expectNumbers, fail, say, t, type What } from "./check";

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
 * The slope of a function of one number, for functions that bend hard (deep random expression
 * trees): the central difference at h and h/2 combined as (4 D(h/2) - D(h)) / 3 (Richardson)
 * cancels its h^2 error and leaves about h^4, so h can stay large enough (1e-3) for rounding
 * not to matter.
 */
export function numericSlope(f: (x: number) => number, x: number, h = 1e-3): number {
  const central = (step: number) => (f(x + step) - f(x - step)) / (2 * step);
  return (4 * central(h / 2) - central(h)) / 3;
}

/**
 * Relative 1e-5 agreement. The central difference itself is off by about h^2 (the curve bends)
 * plus 1e-16 * loss / h (rounding); a slope that is itself tiny cannot be compared relatively
 * below that noise, hence the small absolute floor.
 */
export function slopesAgree(analytic: number, numeric: number, relative = 1e-5, floor = 1e-9): boolean {
  return Math.abs(analytic - numeric) <= relative * Math.max(Math.abs(analytic), Math.abs(numeric)) + floor;
}

/** Every analytic slope equals the numeric one to a relative 1e-5 (see slopesAgree). */
export function expectGradient(analytic: unknown, numeric: readonly number[], what: What, relative = 1e-5, floor = 1e-9): void {
  const got = expectNumbers(analytic, numeric.length, what);
  got.forEach((g, i) => {
    const n = numeric[i];
    if (!slopesAgree(g, n, relative, floor)) {
      fail(
        t(
          `gradient check failed: ${say(what)}, item [${i}]\n  analytic (your backward pass): ${g}\n  numeric (central difference):  ${n}`,
          `梯度检验失败：${say(what)}，第 [${i}] 项\n  解析值（你的反向传播）：${g}\n  数值（中心差分）：      ${n}`,
        ),
      );
    }
  });
}
