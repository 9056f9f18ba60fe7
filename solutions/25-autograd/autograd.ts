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
    // BEGIN SOLUTION
    const that = toValue(other);
    const out = new Value(this.data + that.data, [this, that], "+");
    out.backwardStep = () => {
      // `+=`, not `=`: a value used twice collects the slope from both uses.
      this.grad += out.grad;
      that.grad += out.grad;
    };
    return out;
    // END SOLUTION
  }

  /** this * other */
  mul(other: Value | number): Value {
    // BEGIN SOLUTION
    const that = toValue(other);
    const out = new Value(this.data * that.data, [this, that], "*");
    out.backwardStep = () => {
      this.grad += that.data * out.grad;
      that.grad += this.data * out.grad;
    };
    return out;
    // END SOLUTION
  }

  /** -this */
  neg(): Value {
    // BEGIN SOLUTION
    return this.mul(-1);
    // END SOLUTION
  }

  /** this - other */
  sub(other: Value | number): Value {
    // BEGIN SOLUTION
    return this.add(toValue(other).neg());
    // END SOLUTION
  }

  /** this ** exponent, for a fixed number exponent (2 squares, -1 divides one by it, 0.5 is the square root). */
  pow(exponent: number): Value {
    // BEGIN SOLUTION
    if (typeof exponent !== "number" || !Number.isFinite(exponent)) throw new Error(`pow: the exponent must be a finite number, got ${String(exponent)}`);
    if (this.data === 0 && exponent < 1 && exponent !== 0) throw new Error(`pow: 0 to the power ${exponent} has no slope (it is infinite or undefined); keep the base away from 0`);
    if (this.data < 0 && !Number.isInteger(exponent)) throw new Error(`pow: ${this.data} to the power ${exponent} is not a real number; a negative base needs a whole-number exponent`);
    const out = new Value(this.data ** exponent, [this], `**${exponent}`);
    out.backwardStep = () => {
      this.grad += exponent * this.data ** (exponent - 1) * out.grad;
    };
    return out;
    // END SOLUTION
  }

  /** this / other, as this * other^-1 */
  div(other: Value | number): Value {
    // BEGIN SOLUTION
    const that = toValue(other);
    if (that.data === 0) throw new Error(`div: cannot divide ${this.data} by 0`);
    return this.mul(that.pow(-1));
    // END SOLUTION
  }

  /** e ** this */
  exp(): Value {
    // BEGIN SOLUTION
    const out = new Value(Math.exp(this.data), [this], "exp");
    out.backwardStep = () => {
      this.grad += out.data * out.grad; // (e^x)' = e^x
    };
    return out;
    // END SOLUTION
  }

  /** The natural logarithm, for a value above 0. */
  log(): Value {
    // BEGIN SOLUTION
    if (!(this.data > 0)) throw new Error(`log: the logarithm needs a number above 0, got ${this.data}`);
    const out = new Value(Math.log(this.data), [this], "log");
    out.backwardStep = () => {
      this.grad += out.grad / this.data;
    };
    return out;
    // END SOLUTION
  }

  /** tanh: an S-curve from -1 to 1. */
  tanh(): Value {
    // BEGIN SOLUTION
    const out = new Value(Math.tanh(this.data), [this], "tanh");
    out.backwardStep = () => {
      this.grad += (1 - out.data ** 2) * out.grad;
    };
    return out;
    // END SOLUTION
  }

  /** relu: the value when it is above 0, otherwise 0. At exactly 0 its slope is taken as 0. */
  relu(): Value {
    // BEGIN SOLUTION
    const out = new Value(this.data > 0 ? this.data : 0, [this], "relu");
    out.backwardStep = () => {
      this.grad += (this.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
    // END SOLUTION
  }

  /** The book's sigmoid, 1 / (1 + e^-x). */
  sigmoid(): Value {
    // BEGIN SOLUTION
    const out = new Value(1 / (1 + Math.exp(-this.data)), [this], "sigmoid");
    out.backwardStep = () => {
      this.grad += out.data * (1 - out.data) * out.grad; // the book's o * (1 - o)
    };
    return out;
    // END SOLUTION
  }

  /**
   * Fill in `grad` of every value this one was made from: d(this) / d(that value). The slope
   * of this value with respect to itself is 1; then every value, latest first, passes its slope
   * on to its children. A value must pass its slope on only after it has collected all of it,
   * from every value that used it: so the order is a topological order of the graph, reversed.
   */
  backward(): void {
    // BEGIN SOLUTION
    const order: Value[] = [];
    const visited = new Set<Value>();
    // Depth first, without recursion, so a long chain cannot overflow the call stack.
    const stack: [Value, boolean][] = [[this, false]];
    while (stack.length > 0) {
      const [value, childrenDone] = stack.pop()!;
      if (childrenDone) {
        order.push(value); // after all of its children: a topological order
        continue;
      }
      if (visited.has(value)) continue;
      visited.add(value);
      stack.push([value, true]);
      for (const child of value.children) if (!visited.has(child)) stack.push([child, false]);
    }
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
    // END SOLUTION
  }
}

/** A plain number becomes a constant Value, so `x.mul(2)` works like `x.mul(new Value(2))`. */
export function toValue(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x, [], "constant");
}
