import { describe, it } from "vitest";
import fc from "fast-check";
import { describeValue, fail, propertyOptions, t } from "../_testkit/check";
import { and, nand, or, thresholdUnit, xor } from "./logic";

type Gate = (a: number, b: number) => number;

// The four rows of every truth table, in this order: (0,0), (0,1), (1,0), (1,1).
const ROWS: [number, number][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const TABLES: Record<string, number[]> = {
  AND: [0, 0, 0, 1],
  OR: [0, 1, 1, 1],
  NAND: [1, 1, 1, 0],
  XOR: [0, 1, 1, 0],
};

function showTable(outputs: unknown[]): string {
  return ROWS.map(([a, b], i) => `${a} ${b} -> ${describeValue(outputs[i])}`).join(", ");
}

function expectTruthTable(name: string, gate: Gate, expected: number[]): void {
  const got = ROWS.map(([a, b]) => gate(a, b));
  if (got.some((value, i) => value !== expected[i])) {
    fail(`the truth table of ${name} (book 1.5) | ${name} 的真值表（书中 1.5 节）\n  expected: ${showTable(expected)}\n  got:      ${showTable(got)}`);
  }
}

/** How many rows of the truth table the gate gets right. */
const rowsRight = (gate: Gate, table: number[]) => ROWS.filter(([a, b], i) => gate(a, b) === table[i]).length;

/** Weights -3, -2.75, ..., 3 for w1, w2 and the bias: a single unit for every gate that has one. */
function gridSearch(table: number[]): [number, number, number] | undefined {
  const grid = Array.from({ length: 25 }, (_, i) => -3 + i * 0.25);
  for (const w1 of grid) for (const w2 of grid) for (const bias of grid) {
    if (rowsRight(thresholdUnit(w1, w2, bias), table) === 4) return [w1, w2, bias];
  }
  return undefined;
}

const weight = fc.double({ min: -100, max: 100, noNaN: true });
// Quarters from -10 to 10 add up exactly, so the sum is the same whatever order it is added in.
const quarter = fc.integer({ min: -40, max: 40 }).map((n) => n / 4);

describe("03 logic: gates from linear classifiers, and why XOR needs two layers (book 1.5) | 03 逻辑门：用线性分类器做逻辑门，以及为什么 XOR 需要两层（书中 1.5 节）", () => {
  it("thresholdUnit(w1, w2, bias) fires (1) when w1 a + w2 b + bias is above 0, else gives 0 | thresholdUnit(w1, w2, bias) 在 w1 a + w2 b + bias 大于 0 时激发（1），否则给 0", () => {
    const cases: [number, number, number, number, number, number][] = [
      // w1, w2, bias, a, b, expected
      [1, 1, -1.5, 1, 1, 1], // 0.5 > 0
      [1, 1, -1.5, 1, 0, 0], // -0.5
      [0.5, -2, 0, 4, 1, 0], // 2 - 2 = 0 exactly: not above 0
      [-1, 0, 0.25, 0, 7, 1], // 0.25
    ];
    for (const [w1, w2, bias, a, b, expected] of cases) {
      const got = thresholdUnit(w1, w2, bias)(a, b);
      if (got !== expected) {
        fail(`thresholdUnit(${w1}, ${w2}, ${bias})(${a}, ${b}): the sum is ${w1 * a + w2 * b + bias} | thresholdUnit(${w1}, ${w2}, ${bias})(${a}, ${b})：加权和是 ${w1 * a + w2 * b + bias}\n  expected: ${expected}\n  got:      ${describeValue(got)}`);
      }
    }
  });

  it("thresholdUnit gives 1 exactly when the weighted sum is above 0, for any weights and inputs | 对任意权重和输入，thresholdUnit 恰好在加权和大于 0 时给 1", () => {
    fc.assert(
      fc.property(quarter, quarter, quarter, quarter, quarter, (w1, w2, bias, a, b) => {
        const sum = w1 * a + w2 * b + bias;
        const expected = sum > 0 ? 1 : 0;
        const got = thresholdUnit(w1, w2, bias)(a, b);
        if (got !== expected) fail(`thresholdUnit(${w1}, ${w2}, ${bias})(${a}, ${b}): the sum is ${sum} | thresholdUnit(${w1}, ${w2}, ${bias})(${a}, ${b})：加权和是 ${sum}\n  expected: ${expected}\n  got:      ${describeValue(got)}`);
      }),
      propertyOptions(),
    );
  });

  it("AND, OR and NAND have the right truth tables | AND、OR 和 NAND 的真值表正确", () => {
    expectTruthTable("and", and, TABLES.AND);
    expectTruthTable("or", or, TABLES.OR);
    expectTruthTable("nand", nand, TABLES.NAND);
  });

  it("AND, OR and NAND are each one straight line: a grid search finds a single unit for each | AND、OR 和 NAND 各是一条直线：网格搜索能为每个门找到单个阈值单元", () => {
    for (const name of ["AND", "OR", "NAND"]) {
      if (gridSearch(TABLES[name]) === undefined) {
        fail(`no thresholdUnit(w1, w2, bias) with weights from -3 to 3 gets all four rows of ${name} right, but w1 = 1, w2 = 1, bias = -1.5 does AND: check thresholdUnit | 在 -3 到 3 的权重中找不到能答对 ${name} 全部四行的 thresholdUnit(w1, w2, bias)，可是 w1 = 1、w2 = 1、bias = -1.5 就是 AND：检查 thresholdUnit`);
      }
    }
  });

  it("no single threshold unit gets all four XOR rows right, whatever its weights (random weights) | 无论权重如何，没有哪个单独的阈值单元能答对 XOR 的全部四行（随机权重）", () => {
    fc.assert(
      fc.property(weight, weight, weight, (w1, w2, bias) => {
        const unit = thresholdUnit(w1, w2, bias);
        const outputs = ROWS.map(([a, b]) => unit(a, b));
        if (outputs.some((o) => o !== 0 && o !== 1)) fail(`thresholdUnit(${w1}, ${w2}, ${bias}) gave ${showTable(outputs)}: a threshold unit only ever gives 0 or 1 | thresholdUnit(${w1}, ${w2}, ${bias}) 给出 ${showTable(outputs)}：阈值单元只会给 0 或 1`);
        if (rowsRight(unit, TABLES.XOR) === 4) {
          fail(`thresholdUnit(${w1}, ${w2}, ${bias}) got all four XOR rows right (${showTable(outputs)}), but one straight line cannot split XOR (book 1.5): check thresholdUnit | thresholdUnit(${w1}, ${w2}, ${bias}) 答对了 XOR 的全部四行（${showTable(outputs)}），可是一条直线分不开 XOR（书中 1.5 节）：检查 thresholdUnit`);
        }
      }),
      propertyOptions(500),
    );
  });

  it("no single threshold unit gets all four XOR rows right (grid search over weights -3 to 3) | 没有哪个单独的阈值单元能答对 XOR 的全部四行（在 -3 到 3 的权重上网格搜索）", () => {
    const found = gridSearch(TABLES.XOR);
    if (found !== undefined) fail(`thresholdUnit(${found.join(", ")}) got all four XOR rows right, but one straight line cannot split XOR (book 1.5): check thresholdUnit | thresholdUnit(${found.join(", ")}) 答对了 XOR 的全部四行，可是一条直线分不开 XOR（书中 1.5 节）：检查 thresholdUnit`);
    // A fair search: the same grid does find units for the gates that a line can split.
    if (gridSearch(TABLES.OR) === undefined) fail("the grid search found no unit for OR either: check thresholdUnit | 网格搜索连 OR 的单元也找不到：检查 thresholdUnit");
  });

  it("two layers of classifiers do what one cannot: xor gets all four rows right | 两层分类器能做到一层做不到的事：xor 答对全部四行", () => {
    expectTruthTable("xor", xor, TABLES.XOR);
  });

  it("xor is made of gates, so like every gate it answers 0 or 1 for any two numbers, not only 0 and 1 | xor 由门搭成，所以和每个门一样，对任意两个数（不只是 0 和 1）都回答 0 或 1", () => {
    // A gate is a threshold unit: whatever goes in, 0 or 1 comes out. So is anything wired from
    // gates. A shortcut such as a bitwise `a ^ b` is not: 2 ^ 0 is 2, and 0.5 ^ 0 is 0.
    const input = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -5, max: 5, noNaN: true }));
    const gates: [string, Gate][] = [["and", and], ["or", or], ["nand", nand], ["xor", xor]];
    fc.assert(
      fc.property(input, input, (a, b) => {
        for (const [name, gate] of gates) {
          const got = gate(a, b);
          if (got !== 0 && got !== 1) fail(`${name}(${a}, ${b})\n  expected: 0 or 1 (${t("a gate's output", "门的输出")})\n  got:      ${describeValue(got)}`);
        }
      }),
      propertyOptions(),
    );
  });
});
