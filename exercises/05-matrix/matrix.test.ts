import { describe, it } from "vitest";
import fc from "fast-check";
import { expectCloseMatrix, expectMatrix, fail, propertyOptions, t as tr } from "../_testkit/check";
import { Matrix, add, addInPlace, dot, map, multiply, scale, subtract, transpose } from "./matrix";

const m = Matrix.fromArray;

// Random matrices for the property tests: 1 to 6 rows and columns, entries from -10 to 10.
const dim = fc.integer({ min: 1, max: 6 });
const entry = fc.double({ min: -10, max: 10, noNaN: true });
const matrixOf = (rows: number, cols: number) =>
  fc.array(entry, { minLength: rows * cols, maxLength: rows * cols }).map((values) => new Matrix(rows, cols, Float64Array.from(values)));
const anyMatrix = fc.tuple(dim, dim).chain(([rows, cols]) => matrixOf(rows, cols));
const sameShapePair = fc.tuple(dim, dim).chain(([rows, cols]) => fc.tuple(matrixOf(rows, cols), matrixOf(rows, cols)));
/** a (n x k) and b (k x p): a pair that can be multiplied. */
const dotPair = fc.tuple(dim, dim, dim).chain(([n, k, p]) => fc.tuple(matrixOf(n, k), matrixOf(k, p)));
const dotTriple = fc.tuple(dim, dim, dim, dim).chain(([n, k, p, q]) => fc.tuple(matrixOf(n, k), matrixOf(k, p), matrixOf(p, q)));

/** The matrix product written the slow, obvious way: the definition from book 1.8. */
function naiveDot(a: Matrix, b: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) {
    out.push([]);
    for (let j = 0; j < b.cols; j++) {
      let sum = 0;
      for (let k = 0; k < a.cols; k++) sum += a.get(i, k) * b.get(k, j);
      out[i].push(sum);
    }
  }
  return out;
}

/** The operation must throw, and its message must name both shapes (twice, when they are the same). */
function expectShapeError(run: () => unknown, a: Matrix, b: Matrix, what: string): void {
  let message: string | undefined;
  try {
    run();
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  const expected = tr(`an error naming both shapes, ${a.shape} and ${b.shape}`, `写出两个形状 ${a.shape} 和 ${b.shape} 的错误`);
  if (message === undefined) fail(`${what}\n  expected: ${expected}\n  got:      ${tr("no error", "没有报错")}`);
  const count = (shape: string) => message!.split(shape).length - 1;
  const named = a.shape === b.shape ? count(a.shape) >= 2 : count(a.shape) >= 1 && count(b.shape) >= 1;
  if (!named) fail(`${what}\n  expected: ${expected} ${tr("(use a.shape and b.shape)", "（用 a.shape 和 b.shape）")}\n  got:      ${JSON.stringify(message)}`);
}

/** Every entry of the result, as a Matrix of Float64Array, with the expected shape. */
function expectFloat64Matrix(got: unknown, rows: number, cols: number, what: string): void {
  expectMatrix(got, rows, cols, what);
  if (!(got instanceof Matrix)) fail(`${what}\n  expected: ${tr("a Matrix (use new Matrix(rows, cols))", "一个 Matrix（用 new Matrix(rows, cols)）")}\n  got:      ${tr("a plain object", "一个普通对象")}`);
  if (!((got as Matrix).data instanceof Float64Array)) fail(`${what}\n  expected: ${tr("a Matrix whose data is a Float64Array", "data 是 Float64Array 的 Matrix")}`);
}

describe("05 matrix: rows x columns, multiplication and transpose (book 1.8, 1.13) | 05 矩阵：行 x 列、乘法和转置（书中 1.8、1.13 节）", () => {
  it("dot: the book's 2x2 example, [[1, 2], [3, 4]] . [[5, 6], [7, 8]] = [[19, 22], [43, 50]] | dot：书中 2x2 的例子，[[1, 2], [3, 4]] . [[5, 6], [7, 8]] = [[19, 22], [43, 50]]", () => {
    const product = dot(m([[1, 2], [3, 4]]), m([[5, 6], [7, 8]]));
    expectFloat64Matrix(product, 2, 2, "dot([[1, 2], [3, 4]], [[5, 6], [7, 8]])");
    expectCloseMatrix(product, [[19, 22], [43, 50]], "dot([[1, 2], [3, 4]], [[5, 6], [7, 8]]): row 1 times column 1 is 1*5 + 2*7 = 19 (book 1.8) | dot([[1, 2], [3, 4]], [[5, 6], [7, 8]])：第 1 行乘第 1 列是 1*5 + 2*7 = 19（书中 1.8 节）");
  });

  it("dot: the weights times the inputs give every node's combined signal, X = W . I (book 1.8, 1.9) | dot：权重乘以输入，得到每个节点的组合信号，X = W . I（书中 1.8、1.9 节）", () => {
    const W = m([[0.9, 0.3], [0.2, 0.8]]);
    expectCloseMatrix(dot(W, Matrix.column([1.0, 0.5])), [[1.05], [0.6]], "dot(W 2x2, I = [1.0, 0.5] as a 2x1 column): the two-layer example (book 1.7, 1.8) | dot(W 2x2, I = [1.0, 0.5] 作为 2x1 的列)：两层网络的例子（书中 1.7、1.8 节）");
    const Wih = m([[0.9, 0.3, 0.4], [0.2, 0.8, 0.2], [0.1, 0.5, 0.6]]);
    expectCloseMatrix(dot(Wih, Matrix.column([0.9, 0.1, 0.8])), [[1.16], [0.42], [0.62]], "dot(W_input_hidden 3x3, I 3x1): X_hidden of the three-layer example (book 1.9) | dot(W_input_hidden 3x3, I 3x1)：三层网络例子中的 X_hidden（书中 1.9 节）");
  });

  it("dot: a 2x3 times a 3x2 is a 2x2 (rows of the left, columns of the right) | dot：2x3 乘 3x2 得到 2x2（左边的行数、右边的列数）", () => {
    const product = dot(m([[1, 2, 3], [4, 5, 6]]), m([[7, 8], [9, 10], [11, 12]]));
    expectFloat64Matrix(product, 2, 2, "dot(2x3, 3x2)");
    expectCloseMatrix(product, [[58, 64], [139, 154]], "dot([[1, 2, 3], [4, 5, 6]], [[7, 8], [9, 10], [11, 12]])");
    expectCloseMatrix(dot(m([[1], [2]]), m([[3, 4, 5]])), [[3, 4, 5], [6, 8, 10]], "dot(2x1 column, 1x3 row): a 2x3 table of products | dot(2x1 的列, 1x3 的行)：2x3 的乘积表");
  });

  it("dot equals the matrix product written as a plain triple loop, on random shapes | 在随机形状上，dot 与用三重循环写的矩阵乘积相同", () => {
    fc.assert(
      fc.property(dotPair, ([a, b]) => {
        expectCloseMatrix(dot(a, b), naiveDot(a, b), `dot(${a.shape}, ${b.shape})`, 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("dot refuses shapes that do not fit, with an error naming both shapes | dot 拒绝不匹配的形状，错误信息写出两个形状", () => {
    const a = m([[1, 2, 3], [4, 5, 6]]);
    expectShapeError(() => dot(a, m([[1, 2], [3, 4]])), a, m([[1, 2], [3, 4]]), "dot(2x3, 2x2): 3 columns on the left, 2 rows on the right | dot(2x3, 2x2)：左边 3 列，右边 2 行");
    expectShapeError(() => dot(a, a), a, a, "dot(2x3, 2x3): a 2x3 cannot multiply a 2x3 (did you mean to transpose one?) | dot(2x3, 2x3)：2x3 不能乘 2x3（是不是想先转置其中一个？）");
    const column = Matrix.column([0.9, 0.1, 0.8]);
    expectShapeError(() => dot(column, column), column, column, "dot(3x1, 3x1): inputs go on the right of the weights, W . I | dot(3x1, 3x1)：输入放在权重的右边，W . I");
  });

  it("multiplying by the identity changes nothing: A . I = A = I . A | 乘以单位矩阵不改变任何东西：A . I = A = I . A", () => {
    fc.assert(
      fc.property(anyMatrix, (a) => {
        const expected = a.toArray();
        expectCloseMatrix(dot(a, Matrix.identity(a.cols)), expected, `dot(A ${a.shape}, identity ${a.cols}x${a.cols}) | dot(A ${a.shape}, ${a.cols}x${a.cols} 单位矩阵)`, 1e-12);
        expectCloseMatrix(dot(Matrix.identity(a.rows), a), expected, `dot(identity ${a.rows}x${a.rows}, A ${a.shape}) | dot(${a.rows}x${a.rows} 单位矩阵, A ${a.shape})`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("the order of two products does not matter: (A . B) . C = A . (B . C) | 两次乘法的先后不影响结果：(A . B) . C = A . (B . C)", () => {
    fc.assert(
      fc.property(dotTriple, ([a, b, c]) => {
        const left = dot(dot(a, b), c);
        expectCloseMatrix(dot(a, dot(b, c)), expectMatrix(left, a.rows, c.cols, `(A . B) . C for A ${a.shape}, B ${b.shape}, C ${c.shape} | (A . B) . C，其中 A ${a.shape}、B ${b.shape}、C ${c.shape}`), `A . (B . C) against (A . B) . C for A ${a.shape}, B ${b.shape}, C ${c.shape} | A . (B . C) 与 (A . B) . C 对比，其中 A ${a.shape}、B ${b.shape}、C ${c.shape}`, 1e-8);
      }),
      propertyOptions(),
    );
  });

  it("transpose: rows become columns, a 2x3 becomes a 3x2 (book 1.13) | transpose：行变成列，2x3 变成 3x2（书中 1.13 节）", () => {
    const t = transpose(m([[1, 2, 3], [4, 5, 6]]));
    expectFloat64Matrix(t, 3, 2, "transpose([[1, 2, 3], [4, 5, 6]])");
    expectCloseMatrix(t, [[1, 4], [2, 5], [3, 6]], "transpose([[1, 2, 3], [4, 5, 6]]) (book 1.13)");
    expectCloseMatrix(transpose(m([[1, 2, 3], [4, 5, 6], [7, 8, 9]])), [[1, 4, 7], [2, 5, 8], [3, 6, 9]], "transpose of a 3x3: flipped along its diagonal (book 1.13) | 3x3 矩阵的转置：沿对角线翻转（书中 1.13 节）");
    expectCloseMatrix(transpose(Matrix.column([0.8, 0.5])), [[0.8, 0.5]], "transpose of a 2x1 column: a 1x2 row | 2x1 列的转置：1x2 的行");
  });

  it("transpose moves entry (i, j) to (j, i), and transposing twice gives the matrix back | transpose 把元素 (i, j) 移到 (j, i)，转置两次得到原矩阵", () => {
    fc.assert(
      fc.property(anyMatrix, (a) => {
        const t = expectMatrix(transpose(a), a.cols, a.rows, `transpose(${a.shape})`);
        for (let i = 0; i < a.rows; i++) {
          for (let j = 0; j < a.cols; j++) {
            if (t[j][i] !== a.get(i, j)) fail(`${tr(`transpose(${a.shape}), entry (${j}, ${i})`, `transpose(${a.shape})，元素 (${j}, ${i})`)}\n  expected: ${a.get(i, j)}, ${tr(`the entry (${i}, ${j}) of the input`, `输入的元素 (${i}, ${j})`)}\n  got:      ${t[j][i]}`);
          }
        }
        expectCloseMatrix(transpose(transpose(a)), a.toArray(), `transpose(transpose(${a.shape}))`, 0);
      }),
      propertyOptions(),
    );
  });

  it("the transpose of a product is the product of the transposes, swapped: (A . B)^T = B^T . A^T | 乘积的转置等于转置的乘积，顺序对调：(A . B)^T = B^T . A^T", () => {
    fc.assert(
      fc.property(dotPair, ([a, b]) => {
        const left = expectMatrix(transpose(dot(a, b)), b.cols, a.rows, `transpose(dot(A ${a.shape}, B ${b.shape}))`);
        expectCloseMatrix(dot(transpose(b), transpose(a)), left, `B^T . A^T against (A . B)^T for A ${a.shape}, B ${b.shape} | B^T . A^T 与 (A . B)^T 对比，其中 A ${a.shape}、B ${b.shape}`, 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("add and subtract work entry by entry: [[1, 2], [3, 4]] + [[5, 6], [7, 8]] = [[6, 8], [10, 12]] | add 和 subtract 逐个元素计算：[[1, 2], [3, 4]] + [[5, 6], [7, 8]] = [[6, 8], [10, 12]]", () => {
    const a = m([[1, 2], [3, 4]]);
    const b = m([[5, 6], [7, 8]]);
    const sum = add(a, b);
    expectFloat64Matrix(sum, 2, 2, "add(2x2, 2x2)");
    expectCloseMatrix(sum, [[6, 8], [10, 12]], "add([[1, 2], [3, 4]], [[5, 6], [7, 8]])");
    expectCloseMatrix(subtract(b, a), [[4, 4], [4, 4]], "subtract([[5, 6], [7, 8]], [[1, 2], [3, 4]])");
    expectCloseMatrix(subtract(Matrix.column([0.99, 0.01]), Matrix.column([0.8, 0.3])), [[0.19], [-0.29]], "subtract(targets, outputs): the output errors, target - actual | subtract(targets, outputs)：输出误差，目标值 - 实际值");
  });

  it("add and subtract undo each other: (A + B) - B = A, and A + B = B + A | add 和 subtract 互为逆运算：(A + B) - B = A，并且 A + B = B + A", () => {
    fc.assert(
      fc.property(sameShapePair, ([a, b]) => {
        const sum = add(a, b);
        const expected = a.toArray().map((row, i) => row.map((x, j) => x + b.get(i, j)));
        expectCloseMatrix(sum, expected, `add(${a.shape}, ${b.shape}), entry by entry | add(${a.shape}, ${b.shape})，逐元素`, 1e-12);
        expectCloseMatrix(add(b, a), expected, `add(B, A) against add(A, B), ${a.shape} | add(B, A) 与 add(A, B) 对比，${a.shape}`, 1e-12);
        expectCloseMatrix(subtract(sum, b), a.toArray(), `subtract(add(A, B), B) against A, ${a.shape} | subtract(add(A, B), B) 与 A 对比，${a.shape}`, 1e-9);
        expectCloseMatrix(subtract(a, a), a.toArray().map((row) => row.map(() => 0)), `subtract(A, A), ${a.shape}`, 0);
      }),
      propertyOptions(),
    );
  });

  it("add and subtract refuse two different shapes, with an error naming both | add 和 subtract 拒绝两个不同的形状，错误信息写出两者", () => {
    const a = m([[1, 2, 3], [4, 5, 6]]);
    const b = transpose(a);
    expectShapeError(() => add(a, b), a, b, "add(2x3, 3x2)");
    expectShapeError(() => subtract(a, b), a, b, "subtract(2x3, 3x2)");
    const column = Matrix.column([1, 2]);
    expectShapeError(() => add(column, m([[1, 2]])), column, m([[1, 2]]), "add(2x1 column, 1x2 row): a column and a row are different shapes | add(2x1 的列, 1x2 的行)：列和行是不同的形状");
    // Only the columns differ, then only the rows: both must be checked.
    const square = m([[1, 2], [3, 4]]);
    expectShapeError(() => add(a, square), a, square, "add(2x3, 2x2): same rows, different columns | add(2x3, 2x2)：行数相同，列数不同");
    expectShapeError(() => subtract(b, square), b, square, "subtract(3x2, 2x2): same columns, different rows | subtract(3x2, 2x2)：列数相同，行数不同");
  });

  it("addInPlace(a, b) is numpy's a += b: it adds b into a itself, [[1, 2], [3, 4]] += [[5, 6], [7, 8]] makes a [[6, 8], [10, 12]] | addInPlace(a, b) 就是 numpy 的 a += b：把 b 加进 a 本身，[[1, 2], [3, 4]] += [[5, 6], [7, 8]] 让 a 变成 [[6, 8], [10, 12]]", () => {
    const a = m([[1, 2], [3, 4]]);
    const data = a.data;
    const b = m([[5, 6], [7, 8]]);
    addInPlace(a, b);
    if (a.data !== data) fail("addInPlace(a, b) gave a a new data array: add into the numbers a already has (a.data[i] += b.data[i]) | addInPlace(a, b) 给了 a 一个新的 data 数组：要加进 a 已有的数里（a.data[i] += b.data[i]）");
    expectCloseMatrix(a, [[6, 8], [10, 12]], "a = [[1, 2], [3, 4]] after addInPlace(a, [[5, 6], [7, 8]]) | addInPlace(a, [[5, 6], [7, 8]]) 之后的 a = [[1, 2], [3, 4]]");
    expectCloseMatrix(b, [[5, 6], [7, 8]], "b = [[5, 6], [7, 8]] after addInPlace(a, b): only a changes | addInPlace(a, b) 之后的 b = [[5, 6], [7, 8]]：只有 a 会变");
  });

  it("addInPlace(a, b) leaves a equal to add(a, b), on random shapes; addInPlace(a, a) doubles a | 在随机形状上，addInPlace(a, b) 之后 a 等于 add(a, b)；addInPlace(a, a) 让 a 翻倍", () => {
    fc.assert(
      fc.property(sameShapePair, ([a, b]) => {
        const expected = a.toArray().map((row, i) => row.map((x, j) => x + b.get(i, j)));
        const bBefore = b.toArray();
        addInPlace(a, b);
        expectCloseMatrix(a, expected, `A after addInPlace(A, B), ${a.shape} | addInPlace(A, B) 之后的 A，${a.shape}`, 0);
        expectCloseMatrix(b, bBefore, `B after addInPlace(A, B), ${b.shape}: it must not change | addInPlace(A, B) 之后的 B，${b.shape}：它不能变`, 0);
        const doubled = a.toArray().map((row) => row.map((x) => 2 * x));
        addInPlace(a, a);
        expectCloseMatrix(a, doubled, `A after addInPlace(A, A), ${a.shape}: every entry doubled | addInPlace(A, A) 之后的 A，${a.shape}：每个元素都翻倍`, 0);
      }),
      propertyOptions(),
    );
  });

  it("addInPlace refuses two different shapes, with an error naming both, and then leaves a as it was | addInPlace 拒绝两个不同的形状，错误信息写出两者，并且不改动 a", () => {
    const a = m([[1, 2, 3], [4, 5, 6]]);
    const b = transpose(a);
    expectShapeError(() => addInPlace(a, b), a, b, "addInPlace(2x3, 3x2)");
    const square = m([[1, 2], [3, 4]]);
    expectShapeError(() => addInPlace(a, square), a, square, "addInPlace(2x3, 2x2): same rows, different columns | addInPlace(2x3, 2x2)：行数相同，列数不同");
    expectShapeError(() => addInPlace(b, square), b, square, "addInPlace(3x2, 2x2): same columns, different rows | addInPlace(3x2, 2x2)：列数相同，行数不同");
    expectCloseMatrix(a, [[1, 2, 3], [4, 5, 6]], "a after the refused addInPlace calls: check the shapes before changing anything | 被拒绝的 addInPlace 调用之后的 a：先检查形状，再改动任何东西", 0);
  });

  it("multiply is entry by entry (numpy's *), not the matrix product: [[1, 2], [3, 4]] * [[5, 6], [7, 8]] = [[5, 12], [21, 32]] | multiply 是逐元素相乘（numpy 的 *），不是矩阵乘积：[[1, 2], [3, 4]] * [[5, 6], [7, 8]] = [[5, 12], [21, 32]]", () => {
    const product = multiply(m([[1, 2], [3, 4]]), m([[5, 6], [7, 8]]));
    expectFloat64Matrix(product, 2, 2, "multiply(2x2, 2x2)");
    expectCloseMatrix(product, [[5, 12], [21, 32]], "multiply([[1, 2], [3, 4]], [[5, 6], [7, 8]]): 1*5, 2*6, 3*7, 4*8, not dot's [[19, 22], [43, 50]] | multiply([[1, 2], [3, 4]], [[5, 6], [7, 8]])：1*5、2*6、3*7、4*8，不是 dot 的 [[19, 22], [43, 50]]");
    const a = m([[1, 2, 3]]);
    expectShapeError(() => multiply(a, Matrix.column([1, 2, 3])), a, Matrix.column([1, 2, 3]), "multiply(1x3, 3x1)");
    const wide = m([[1, 2, 3], [4, 5, 6]]);
    expectShapeError(() => multiply(wide, a), wide, a, "multiply(2x3, 1x3): same columns, different rows | multiply(2x3, 1x3)：列数相同，行数不同");
  });

  it("multiply gives entry (i, j) of A times entry (i, j) of B, and A * B = B * A | multiply 给出 A 的 (i, j) 元素乘以 B 的 (i, j) 元素，并且 A * B = B * A", () => {
    fc.assert(
      fc.property(sameShapePair, ([a, b]) => {
        const expected = a.toArray().map((row, i) => row.map((x, j) => x * b.get(i, j)));
        expectCloseMatrix(multiply(a, b), expected, `multiply(${a.shape}, ${b.shape})`, 1e-12);
        expectCloseMatrix(multiply(b, a), expected, `multiply(B, A) against multiply(A, B), ${a.shape} | multiply(B, A) 与 multiply(A, B) 对比，${a.shape}`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("scale multiplies every entry by a number: 0.5 * [[2, -4], [6, 8]] = [[1, -2], [3, 4]] | scale 把每个元素乘以一个数：0.5 * [[2, -4], [6, 8]] = [[1, -2], [3, 4]]", () => {
    const half = scale(m([[2, -4], [6, 8]]), 0.5);
    expectFloat64Matrix(half, 2, 2, "scale(2x2, 0.5)");
    expectCloseMatrix(half, [[1, -2], [3, 4]], "scale([[2, -4], [6, 8]], 0.5)");
    fc.assert(
      fc.property(anyMatrix, entry, (a, k) => {
        expectCloseMatrix(scale(a, k), a.toArray().map((row) => row.map((x) => k * x)), `scale(${a.shape}, ${k})`, 1e-12);
        expectCloseMatrix(scale(a, 1), a.toArray(), `scale(${a.shape}, 1)`, 0);
      }),
      propertyOptions(),
    );
  });

  it("map applies a function to every entry and keeps the shape | map 对每个元素应用一个函数，形状不变", () => {
    const squares = map(m([[1, -2, 3], [4, 5, -6]]), (x) => x * x);
    expectFloat64Matrix(squares, 2, 3, "map(2x3, x => x * x)");
    expectCloseMatrix(squares, [[1, 4, 9], [16, 25, 36]], "map([[1, -2, 3], [4, 5, -6]], x => x * x)");
    fc.assert(
      fc.property(anyMatrix, (a) => {
        const fn = (x: number) => 1 / (1 + Math.exp(-x));
        expectCloseMatrix(map(a, fn), a.toArray().map((row) => row.map(fn)), `map(${a.shape}, sigmoid)`, 0);
      }),
      propertyOptions(),
    );
  });

  it("every operation returns a new matrix and leaves its inputs as they were | 每个运算都返回新矩阵，不改动它的输入", () => {
    fc.assert(
      fc.property(sameShapePair, ([a, b]) => {
        const [aBefore, bBefore] = [a.toArray(), b.toArray()];
        const square = Matrix.identity(a.cols);
        const results: [string, unknown][] = [
          ["dot(A, I)", dot(a, square)],
          ["transpose(A)", transpose(a)],
          ["add(A, B)", add(a, b)],
          ["subtract(A, B)", subtract(a, b)],
          ["multiply(A, B)", multiply(a, b)],
          ["scale(A, 2)", scale(a, 2)],
          ["map(A, x => x)", map(a, (x) => x)],
        ];
        for (const [name, result] of results) {
          if (result === a || result === b || (result as Matrix | undefined)?.data === a.data || (result as Matrix | undefined)?.data === b.data) {
            fail(`${name} returned one of its inputs (or shares its data): make a new Matrix for the answer, so the inputs stay as they were | ${name} 返回了它的某个输入（或与输入共用 data）：为答案新建一个 Matrix，让输入保持原样`);
          }
        }
        expectCloseMatrix(a, aBefore, `A, ${a.shape}, after dot, transpose, add, subtract, multiply, scale and map: it must not change | dot、transpose、add、subtract、multiply、scale 和 map 之后的 A（${a.shape}）：不能被改动`, 0);
        expectCloseMatrix(b, bBefore, `B, ${b.shape}, after add, subtract and multiply: it must not change | add、subtract 和 multiply 之后的 B（${b.shape}）：不能被改动`, 0);
      }),
      propertyOptions(),
    );
  });
});
