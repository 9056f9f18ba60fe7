// How a framework finds every slope for you. In exercises 08 and 10 you worked out the slope of
// the error by hand, layer by layer. `loss.backward()` in PyTorch does it for any calculation:
// while the numbers are worked out, each result remembers which numbers it was made from and
// how (a graph). Afterwards the graph is walked backwards once, from the loss to every input,
// and the chain rule is applied at each step. This is reverse-mode automatic differentiation,
// here for single numbers, in the spirit of Karpathy's micrograd.

/** A number that remembers how it was made, so the slope of a later result can flow back to it. */
export class Value {
  data: number;
  /** d(the value `backward()` was called on) / d(this value), filled in by `backward()`. */
  grad = 0;
  /** The values this one was computed from (none for an input or a weight). */
  readonly children: readonly Value[];
  /** The operation that made it, e.g. "+" or "tanh": only for reading the graph. */
  readonly op: string;
  /** Adds this value's share of the slope to its children's grad (set by the operation that made it). */
  backwardStep: () => void = () => {};

  constructor(data: number, children: readonly Value[] = [], op = "") {
    if (typeof data !== "number" || !Number.isFinite(data)) {
      throw new Error(`Value needs a finite number, got ${String(data)}${op ? ` from "${op}"` : ""}; an earlier step overflowed or divided 0 by 0`);
    }
    this.data = data;
    this.children = children;
    this.op = op;
  }

  /** this + other */
  add(other: Value | number): Value {
    throw new Error("not implemented yet: Value.add in exercises/25-autograd/autograd.ts");
  }

  /** this * other */
  mul(other: Value | number): Value {
    throw new Error("not implemented yet: Value.mul in exercises/25-autograd/autograd.ts");
  }

  /** -this */
  neg(): Value {
    throw new Error("not implemented yet: Value.neg in exercises/25-autograd/autograd.ts");
  }

  /** this - other */
  sub(other: Value | number): Value {
    throw new Error("not implemented yet: Value.sub in exercises/25-autograd/autograd.ts");
  }

  /** this ** exponent, for a fixed number exponent (2 squares, -1 divides one by it, 0.5 is the square root). */
  pow(exponent: number): Value {
    throw new Error("not implemented yet: Value.pow in exercises/25-autograd/autograd.ts");
  }

  /** this / other, as this * other^-1 */
  div(other: Value | number): Value {
    throw new Error("not implemented yet: Value.div in exercises/25-autograd/autograd.ts");
  }

  /** e ** this */
  exp(): Value {
    throw new Error("not implemented yet: Value.exp in exercises/25-autograd/autograd.ts");
  }

  /** The natural logarithm, for a value above 0. */
  log(): Value {
    throw new Error("not implemented yet: Value.log in exercises/25-autograd/autograd.ts");
  }

  /** tanh: an S-curve from -1 to 1. */
  tanh(): Value {
    throw new Error("not implemented yet: Value.tanh in exercises/25-autograd/autograd.ts");
  }

  /** relu: the value when it is above 0, otherwise 0. At exactly 0 its slope is taken as 0. */
  relu(): Value {
    throw new Error("not implemented yet: Value.relu in exercises/25-autograd/autograd.ts");
  }

  /** The book's sigmoid, 1 / (1 + e^-x). */
  sigmoid(): Value {
    throw new Error("not implemented yet: Value.sigmoid in exercises/25-autograd/autograd.ts");
  }

  /**
   * Fill in `grad` of every value this one was made from: d(this) / d(that value). The slope
   * of this value with respect to itself is 1; then every value, latest first, passes its slope
   * on to its children. A value must pass its slope on only after it has collected all of it,
   * from every value that used it: so the order is a topological order of the graph, reversed.
   */
  backward(): void {
    throw new Error("not implemented yet: Value.backward in exercises/25-autograd/autograd.ts");
  }
}

/** A plain number becomes a constant Value, so `x.mul(2)` works like `x.mul(new Value(2))`. */
export function toValue(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x, [], "constant");
}
