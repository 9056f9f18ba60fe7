import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectNumber, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { numericSlope, slopesAgree } from "../_testkit/gradcheck";
import { Value } from "./autograd";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Checks a result is a Value before reading it, so a half-written method gets a clear message. */
function valueOf(got: unknown, what: string): Value {
  if (!(got instanceof Value)) fail(t(`${what}\n  expected: a new Value\n  got:      ${got === undefined ? "undefined (did the method forget to `return`?)" : String(got)}`, `${what}\n  expected: 一个新的 Value\n  got:      ${got === undefined ? "undefined（方法是不是忘了 `return`？）" : String(got)}`));
  return got;
}

// One operation at a time: [name, run it on x, its value, its slope d/dx], at a point where all are defined.
const unary: [string, (x: Value) => Value, (x: number) => number, (x: number) => number][] = [
  ["x.exp()", (x) => x.exp(), Math.exp, Math.exp],
  ["x.log()", (x) => x.log(), Math.log, (x) => 1 / x],
  ["x.tanh()", (x) => x.tanh(), Math.tanh, (x) => 1 - Math.tanh(x) ** 2],
  ["x.relu()", (x) => x.relu(), (x) => Math.max(0, x), (x) => (x > 0 ? 1 : 0)],
  ["x.sigmoid()", (x) => x.sigmoid(), sigmoid, (x) => sigmoid(x) * (1 - sigmoid(x))],
  ["x.neg()", (x) => x.neg(), (x) => -x, () => -1],
  ["x.pow(3)", (x) => x.pow(3), (x) => x ** 3, (x) => 3 * x ** 2],
  ["x.pow(0.5)", (x) => x.pow(0.5), Math.sqrt, (x) => 0.5 / Math.sqrt(x)],
  ["x.pow(-1)", (x) => x.pow(-1), (x) => 1 / x, (x) => -1 / x ** 2],
  ["x.add(3)", (x) => x.add(3), (x) => x + 3, () => 1],
  ["x.mul(3)", (x) => x.mul(3), (x) => 3 * x, () => 3],
  ["x.sub(3)", (x) => x.sub(3), (x) => x - 3, () => 1],
  ["x.div(4)", (x) => x.div(4), (x) => x / 4, () => 0.25],
];

// Two inputs: [name, run it, value, slope d/da, slope d/db].
const binary: [string, (a: Value, b: Value) => Value, (a: number, b: number) => number, (a: number, b: number) => number, (a: number, b: number) => number][] = [
  ["a.add(b)", (a, b) => a.add(b), (a, b) => a + b, () => 1, () => 1],
  ["a.sub(b)", (a, b) => a.sub(b), (a, b) => a - b, () => 1, () => -1],
  ["a.mul(b)", (a, b) => a.mul(b), (a, b) => a * b, (_a, b) => b, (a) => a],
  ["a.div(b)", (a, b) => a.div(b), (a, b) => a / b, (_a, b) => 1 / b, (a, b) => -a / b ** 2],
];

// ---- Random expression trees: any mix of the operations on three variables. ----
type Expr =
  | { kind: "var"; index: number }
  | { kind: "const"; value: number }
  | { kind: "unary"; op: "exp" | "log" | "tanh" | "relu" | "sigmoid" | "neg"; arg: Expr }
  | { kind: "pow"; exponent: number; arg: Expr }
  | { kind: "binary"; op: "add" | "sub" | "mul" | "div"; left: Expr; right: Expr };

const hundredths = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);
const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", maxDepth: 5 },
    fc.record({ kind: fc.constant("var" as const), index: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ kind: fc.constant("const" as const), value: hundredths(-3, 3) }),
    fc.record({ kind: fc.constant("unary" as const), op: fc.constantFrom("exp", "log", "tanh", "relu", "sigmoid", "neg" as const), arg: tie("expr") }),
    fc.record({ kind: fc.constant("pow" as const), exponent: fc.constantFrom(2, 3, 0.5, -1), arg: tie("expr") }),
    fc.record({ kind: fc.constant("binary" as const), op: fc.constantFrom("add", "sub", "mul", "div" as const), left: tie("expr"), right: tie("expr") }),
  ),
})) as { expr: fc.Arbitrary<Expr> };

const show = (e: Expr): string => {
  switch (e.kind) {
    case "var": return `x${e.index}`;
    case "const": return String(e.value);
    case "unary": return `${show(e.arg)}.${e.op}()`;
    case "pow": return `${show(e.arg)}.pow(${e.exponent})`;
    case "binary": return `${show(e.left)}.${e.op}(${show(e.right)})`;
  }
};

/** Thrown when a tree leaves the ground where every slope is defined and measurable. */
class OffGround extends Error {}

/**
 * The test's own arithmetic for a tree. `kinks` records on which side of 0 every relu's input
 * was at the first evaluation; later evaluations (the nudged ones) must stay on the same side,
 * or the measured slope would straddle the kink. Values stay within +-1000, logs and
 * fractional powers away from 0, denominators away from 0.
 */
function evaluate(e: Expr, xs: number[], kinks: boolean[], counter = { i: 0 }): number {
  const inRange = (v: number) => {
    if (!(Math.abs(v) <= 1000)) throw new OffGround();
    return v;
  };
  const awayFromZero = (v: number) => {
    if (!(Math.abs(v) > 0.1)) throw new OffGround();
    return v;
  };
  switch (e.kind) {
    case "var":
      return xs[e.index];
    case "const":
      return e.value;
    case "pow": {
      const a = evaluate(e.arg, xs, kinks, counter);
      if (e.exponent < 1) awayFromZero(a);
      if (!Number.isInteger(e.exponent) && a < 0) throw new OffGround();
      return inRange(a ** e.exponent);
    }
    case "binary": {
      const a = evaluate(e.left, xs, kinks, counter);
      const b = evaluate(e.right, xs, kinks, counter);
      if (e.op === "add") return a + b;
      if (e.op === "sub") return a - b;
      if (e.op === "mul") return inRange(a * b);
      return inRange(a / awayFromZero(b));
    }
    case "unary": {
      const a = evaluate(e.arg, xs, kinks, counter);
      if (e.op === "exp") return inRange(Math.exp(a));
      if (e.op === "log") {
        if (!(a > 0.1)) throw new OffGround();
        return Math.log(a);
      }
      if (e.op === "tanh") return Math.tanh(a);
      if (e.op === "sigmoid") return sigmoid(a);
      if (e.op === "neg") return -a;
      // relu: the same side of its kink at every evaluation
      const i = counter.i++;
      if (Math.abs(a) < 1e-6) throw new OffGround();
      if (kinks.length <= i) kinks.push(a > 0);
      else if (kinks[i] !== a > 0) throw new OffGround();
      return a > 0 ? a : 0;
    }
  }
}

/** The same tree built from the learner's Values; the variables are shared, as in a real network. */
function build(e: Expr, xs: Value[]): Value {
  switch (e.kind) {
    case "var": return xs[e.index];
    case "const": return new Value(e.value);
    case "pow": return valueOf(build(e.arg, xs).pow(e.exponent), `.pow(${e.exponent})`);
    case "unary": return valueOf(build(e.arg, xs)[e.op](), `.${e.op}()`);
    case "binary": return valueOf(build(e.left, xs)[e.op](build(e.right, xs)), `.${e.op}(...)`);
  }
}

// Property tests with gradient checks take a few seconds; a busy machine may need many more.
const LIMIT_MS = 120_000;

describe("25 autograd: a Value that finds its own slopes | 25 自动求导：一个能自己求出斜率的 Value", { timeout: LIMIT_MS }, () => {
  it("each operation gives the right number: 2 + 3, 2 * 3, 2 - 3, 2 / 4, 2 ** 3, e^1, ln 2, tanh, relu, sigmoid | 每种运算都给出正确的数：2 + 3、2 * 3、2 - 3、2 / 4、2 ** 3、e^1、ln 2、tanh、relu、sigmoid", () => {
    const two = () => new Value(2);
    const cases: [string, () => unknown, number][] = [
      ["new Value(2).add(3)", () => two().add(3), 5],
      ["new Value(2).add(new Value(3))", () => two().add(new Value(3)), 5],
      ["new Value(2).mul(3)", () => two().mul(3), 6],
      ["new Value(2).sub(3)", () => two().sub(3), -1],
      ["new Value(2).div(4)", () => two().div(4), 0.5],
      ["new Value(2).pow(3)", () => two().pow(3), 8],
      ["new Value(2).neg()", () => two().neg(), -2],
      ["new Value(1).exp()", () => new Value(1).exp(), Math.E],
      ["new Value(2).log()", () => two().log(), Math.log(2)],
      ["new Value(0.5).tanh()", () => new Value(0.5).tanh(), Math.tanh(0.5)],
      ["new Value(-2).relu()", () => new Value(-2).relu(), 0],
      ["new Value(2).relu()", () => two().relu(), 2],
      ["new Value(0).sigmoid()", () => new Value(0).sigmoid(), 0.5],
      [t("new Value(2.3).sigmoid(): the book's output node in 1.15", "new Value(2.3).sigmoid()：书中 1.15 节的那个输出节点"), () => new Value(2.3).sigmoid(), 0.908877],
    ];
    for (const [what, run, expected] of cases) expectClose(valueOf(run(), what).data, expected, `${what}.data`, 1e-6);
  });

  it("an operation makes a new Value and leaves its inputs alone | 一次运算生成一个新的 Value，并且不改动它的输入", () => {
    const a = new Value(2);
    const b = new Value(3);
    const c = valueOf(a.mul(b), "a.mul(b)");
    if (c === a || c === b) fail(t("a.mul(b) returned one of its inputs: every operation must return a new Value", "a.mul(b) 返回了它的一个输入：每次运算都必须返回一个新的 Value"));
    if (a.data !== 2 || b.data !== 3) fail(t(`a.mul(b) changed its inputs: a.data is ${a.data}, b.data is ${b.data} (expected 2 and 3)`, `a.mul(b) 改动了它的输入：a.data 是 ${a.data}，b.data 是 ${b.data}（应该是 2 和 3）`));
  });

  it("backward on one operation: the slope of the result for its input is the operation's derivative | 对单次运算 backward：结果对输入的斜率就是这个运算的导数", () => {
    for (const [name, run, , slope] of unary) {
      for (const x0 of [0.7, 1.9, -1.3]) {
        if ((name === "x.log()" || name === "x.pow(0.5)") && x0 < 0) continue;
        const x = new Value(x0);
        const y = valueOf(run(x), t(`${name} with x = ${x0}`, `x = ${x0} 时的 ${name}`));
        y.backward();
        expectClose(y.grad, 1, t(`${name} with x = ${x0}, after y.backward(): y.grad, the slope of y for itself`, `x = ${x0} 时的 ${name}，y.backward() 之后：y.grad，即 y 对它自己的斜率`), 1e-12);
        expectClose(x.grad, slope(x0), t(`${name} with x = ${x0}: x.grad after y.backward(), the derivative at ${x0}`, `x = ${x0} 时的 ${name}：y.backward() 之后的 x.grad，即在 ${x0} 处的导数`), 1e-9);
      }
    }
    for (const [name, run, , da, db] of binary) {
      const a = new Value(1.5);
      const b = new Value(-2.5);
      const y = valueOf(run(a, b), t(`${name} with a = 1.5, b = -2.5`, `a = 1.5、b = -2.5 时的 ${name}`));
      y.backward();
      expectClose(a.grad, da(1.5, -2.5), t(`${name} with a = 1.5, b = -2.5: a.grad`, `a = 1.5、b = -2.5 时的 ${name}：a.grad`), 1e-12);
      expectClose(b.grad, db(1.5, -2.5), t(`${name} with a = 1.5, b = -2.5: b.grad`, `a = 1.5、b = -2.5 时的 ${name}：b.grad`), 1e-12);
    }
  });

  it("relu at exactly 0 is 0, with slope 0 (the value chosen at the kink) | relu 恰好在 0 处是 0，斜率为 0（在拐点处选定的值）", () => {
    const x = new Value(0);
    const y = valueOf(x.relu(), "new Value(0).relu()");
    y.backward();
    expectClose(y.data, 0, "new Value(0).relu().data", 0);
    expectClose(x.grad, 0, t("the slope of relu at exactly 0, x.grad", "relu 恰好在 0 处的斜率，x.grad"), 0);
  });

  it("pow at 0: 0^2 is 0 with slope 0, 0^1 is 0 with slope 1; 0^0.5 and 0^-1 have no finite slope and are errors | 0 处的 pow：0^2 是 0、斜率 0，0^1 是 0、斜率 1；0^0.5 和 0^-1 没有有限的斜率，要报错", () => {
    for (const [k, slope] of [[2, 0], [1, 1]]) {
      const x = new Value(0);
      const y = valueOf(x.pow(k), `new Value(0).pow(${k})`);
      y.backward();
      expectClose(y.data, 0, `new Value(0).pow(${k}).data`, 0);
      expectClose(x.grad, slope, t(`the slope of x^${k} at x = 0`, `x^${k} 在 x = 0 处的斜率`), 0);
    }
    expectThrowsMentioning(() => new Value(0).pow(0.5), ["0", "0.5"], t("new Value(0).pow(0.5): the square root's slope at 0 is infinite", "new Value(0).pow(0.5)：平方根在 0 处的斜率是无穷大"));
  });

  it("a value used twice collects the slope from both uses: a + a has slope 2, a * a has slope 2a | 一个值用了两次，会把两处的斜率都收集起来：a + a 的斜率是 2，a * a 的斜率是 2a", () => {
    const a = new Value(3);
    const sum = valueOf(a.add(a), "a.add(a)");
    sum.backward();
    expectClose(a.grad, 2, t("a = 3, y = a.add(a): a.grad (1 from each use; `=` instead of `+=` in a backwardStep gives 1)", "a = 3，y = a.add(a)：a.grad（每处使用贡献 1；在 backwardStep 里用 `=` 代替 `+=` 会得到 1）"), 0);
    const b = new Value(3);
    const square = valueOf(b.mul(b), "b.mul(b)");
    square.backward();
    expectClose(b.grad, 6, t("b = 3, y = b.mul(b): b.grad = 2 * 3 (b times the other b, twice)", "b = 3，y = b.mul(b)：b.grad = 2 * 3（b 乘以另一个 b，两次）"), 1e-12);
  });

  it("backward waits until a value has collected all of its slope before passing it on (topological order) | backward 要等一个值收集完它的全部斜率，才继续往前传（拓扑顺序）", () => {
    // x feeds y twice, once directly and once through z; y must hand on its slope only once it is complete.
    const x = new Value(0.5);
    const y = valueOf(x.mul(3), "x.mul(3)");
    const z = valueOf(y.tanh(), "y.tanh()");
    const out = valueOf(y.mul(z).add(y.exp()), "y.mul(z).add(y.exp())");
    out.backward();
    const f = (t: number) => 3 * t * Math.tanh(3 * t) + Math.exp(3 * t);
    const expected = numericSlope(f, 0.5);
    if (!slopesAgree(x.grad, expected)) {
      fail(t(`out = y * tanh(y) + e^y with y = 3x, x = 0.5: x.grad\n  expected: ${expected}\n  got:      ${x.grad}\n  tip: collect every value in a topological order first, then call backwardStep from the last value to the first`, `out = y * tanh(y) + e^y，其中 y = 3x，x = 0.5：x.grad\n  expected: ${expected}\n  got:      ${x.grad}\n  提示：先按拓扑顺序收集每个值，再从最后一个值到第一个值依次调用 backwardStep`));
    }
  });

  it("a long chain of 20,000 operations: backward does not overflow the call stack | 20,000 次运算的长链：backward 不会让调用栈溢出", () => {
    const x = new Value(1);
    let y = x;
    for (let i = 0; i < 20_000; i++) y = valueOf(y.add(0.0001), "y.add(0.0001)");
    y.backward();
    expectClose(x.grad, 1, t("y = x + 0.0001 + 0.0001 + ... (20,000 times): x.grad (a recursive backward can overflow the stack; collect the order with a loop and your own stack)", "y = x + 0.0001 + 0.0001 + ...（20,000 次）：x.grad（递归的 backward 可能让栈溢出；用循环和你自己的栈来收集顺序）"), 1e-12);
  });

  it("RANDOM EXPRESSION TREES: every variable's grad equals the slope measured by nudging it (relative 1e-5) | 随机表达式树：每个变量的 grad 都等于微调它测出的斜率（相对误差 1e-5）", () => {
    let checked = 0;
    fc.assert(
      fc.property(expr, fc.tuple(hundredths(-2, 2), hundredths(-2, 2), hundredths(-2, 2)), (e, xs) => {
        let analytic: number[];
        let numeric: number[];
        try {
          const kinks: boolean[] = [];
          evaluate(e, xs, kinks);
          // Every nudged evaluation must stay on the same ground (same relu sides, in range).
          numeric = xs.map((x0, i) => numericSlope((x) => evaluate(e, xs.map((v, j) => (j === i ? x : v)), kinks), x0));
        } catch (error) {
          if (error instanceof OffGround) return fc.pre(false);
          throw error;
        }
        checked++;
        const vars = xs.map((x) => new Value(x));
        const out = build(e, vars);
        expectClose(out.data, evaluate(e, xs, []), t(`the value of ${show(e)} at x = [${xs}]`, `${show(e)} 在 x = [${xs}] 处的值`), 1e-9 * Math.max(1, Math.abs(out.data)));
        out.backward();
        analytic = vars.map((v, i) => expectNumber(v.grad, `x${i}.grad`));
        analytic.forEach((got, i) => {
          if (!slopesAgree(got, numeric[i])) {
            fail(t(`gradient check failed for y = ${show(e)} at x0 = ${xs[0]}, x1 = ${xs[1]}, x2 = ${xs[2]}\n  x${i}.grad (your backward): ${got}\n  measured slope:            ${numeric[i]}`, `y = ${show(e)} 在 x0 = ${xs[0]}、x1 = ${xs[1]}、x2 = ${xs[2]} 处梯度检验失败\n  x${i}.grad（你的 backward）：${got}\n  测出的斜率：              ${numeric[i]}`));
          }
        });
      }),
      { ...propertyOptions(300), maxSkipsPerRun: 1000 },
    );
    if (checked < 100) fail(t(`only ${checked} random trees stayed where their slopes are defined; expected at least 100`, `只有 ${checked} 棵随机树停留在斜率有定义的地方；应该至少有 100 棵`));
  });

  it("bad input: log of 0 or less, division by 0, a bad exponent and an overflow give clear errors | 不合理的输入：0 或负数的 log、除以 0、不合理的指数和溢出都给出清楚的错误", () => {
    expectThrowsMentioning(() => new Value(0).log(), ["log", "0"], t("new Value(0).log(): ln 0 is -Infinity", "new Value(0).log()：ln 0 是 -Infinity"));
    expectThrowsMentioning(() => new Value(-2).log(), ["log", "-2"], "new Value(-2).log()");
    expectThrowsMentioning(() => new Value(3).div(0), ["divide", "0"], "new Value(3).div(0)");
    expectThrowsMentioning(() => new Value(3).div(new Value(0)), ["divide", "0"], "new Value(3).div(new Value(0))");
    expectThrowsMentioning(() => new Value(-8).pow(0.5), ["-8", "0.5"], t("new Value(-8).pow(0.5): the square root of a negative number", "new Value(-8).pow(0.5)：负数的平方根"));
    expectThrowsMentioning(() => new Value(2).pow(NaN), ["exponent", "NaN"], "new Value(2).pow(NaN)");
    expectThrowsMentioning(() => new Value(0).pow(-1), ["0", "-1"], t("new Value(0).pow(-1): one over zero", "new Value(0).pow(-1)：一除以零"));
    expectThrowsMentioning(() => new Value(1000).exp(), ["finite", "exp"], t("new Value(1000).exp(): e^1000 is Infinity", "new Value(1000).exp()：e^1000 是 Infinity"));
    expectThrowsMentioning(() => new Value(1).add(NaN), ["finite", "NaN"], "new Value(1).add(NaN)");
  });
});
