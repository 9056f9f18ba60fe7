// Book 1.8 and 1.13: a matrix is a grid of numbers, rows x columns. Multiplying the weight
// matrix by the column of inputs does every neuron's weighted sum in one go: X = W . I.
//
// The numbers live in one flat Float64Array, row after row ("row-major"):
// entry (i, j) is data[i * cols + j].

export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
      throw new Error(`a matrix needs a whole, positive number of rows and columns, got ${rows}x${cols}`);
    }
    if (data !== undefined && data.length !== rows * cols) {
      throw new Error(`a ${rows}x${cols} matrix holds ${rows * cols} numbers, but ${data.length} were given`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  /** "2x3": how every error message names a shape. */
  get shape(): string {
    return `${this.rows}x${this.cols}`;
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  set(i: number, j: number, value: number): void {
    this.data[i * this.cols + j] = value;
  }

  /** Matrix.fromArray([[1, 2, 3], [4, 5, 6]]) is 2x3. */
  static fromArray(rows: number[][]): Matrix {
    if (!Array.isArray(rows) || rows.length === 0 || !Array.isArray(rows[0]) || rows[0].length === 0) {
      throw new Error("Matrix.fromArray needs a non-empty array of non-empty rows, like [[1, 2], [3, 4]]");
    }
    const cols = rows[0].length;
    const m = new Matrix(rows.length, cols);
    rows.forEach((row, i) => {
      if (row.length !== cols) throw new Error(`Matrix.fromArray: row 0 has ${cols} numbers but row ${i} has ${row.length}`);
      row.forEach((value, j) => m.set(i, j, value));
    });
    return m;
  }

  /** A column vector (n x 1), the shape the book gives inputs and outputs. */
  static column(values: ArrayLike<number>): Matrix {
    return new Matrix(values.length, 1, Float64Array.from(values));
  }

  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  static identity(n: number): Matrix {
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) m.set(i, i, 1);
    return m;
  }

  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    return out;
  }
}

/** The matrix product a . b: entry (i, j) is row i of a times column j of b, summed. */
export function dot(a: Matrix, b: Matrix): Matrix {
  // BEGIN SOLUTION
  if (a.cols !== b.rows) {
    throw new Error(
      `dot: cannot multiply a ${a.shape} matrix by a ${b.shape} matrix: ` +
        `the columns of the left one (${a.cols}) must equal the rows of the right one (${b.rows}); ` +
        `check the order, or whether one of them should be transposed`,
    );
  }
  const out = new Matrix(a.rows, b.cols);
  const [A, B, O, n] = [a.data, b.data, out.data, b.cols];
  // Loop order i, k, j walks both b and out along their rows, which is kind to the CPU cache.
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = A[i * a.cols + k];
      // A zero adds nothing. Most pixels of an MNIST digit are 0 (scaled by / 255, as in Part 4),
      // so this skips about 80% of a first layer's work.
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) O[i * n + j] += aik * B[k * n + j];
    }
  }
  return out;
  // END SOLUTION
}

/** Rows become columns: entry (i, j) moves to (j, i). */
export function transpose(a: Matrix): Matrix {
  // BEGIN SOLUTION
  const out = new Matrix(a.cols, a.rows);
  const A = a.data, C = out.data, rows = a.rows, cols = a.cols;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) C[j * rows + i] = A[i * cols + j];
  }
  return out;
  // END SOLUTION
}

/** a + b, entry by entry. */
export function add(a: Matrix, b: Matrix): Matrix {
  // BEGIN SOLUTION
  checkSameShape("add", a, b);
  const out = new Matrix(a.rows, a.cols);
  const A = a.data, B = b.data, C = out.data;
  for (let i = 0; i < A.length; i++) C[i] = A[i] + B[i];
  return out;
  // END SOLUTION
}

/** a += b (numpy's `+=`, the book's `self.wih += ...`): adds b into a, entry by entry, and changes a. */
export function addInPlace(a: Matrix, b: Matrix): void {
  // BEGIN SOLUTION
  checkSameShape("addInPlace", a, b);
  const A = a.data, B = b.data;
  for (let i = 0; i < A.length; i++) A[i] += B[i];
  // END SOLUTION
}

/** a - b, entry by entry. */
export function subtract(a: Matrix, b: Matrix): Matrix {
  // BEGIN SOLUTION
  checkSameShape("subtract", a, b);
  const out = new Matrix(a.rows, a.cols);
  const A = a.data, B = b.data, C = out.data;
  for (let i = 0; i < A.length; i++) C[i] = A[i] - B[i];
  return out;
  // END SOLUTION
}

/** a * b, entry by entry (numpy's `*`, not the matrix product). */
export function multiply(a: Matrix, b: Matrix): Matrix {
  // BEGIN SOLUTION
  checkSameShape("multiply", a, b);
  const out = new Matrix(a.rows, a.cols);
  const A = a.data, B = b.data, C = out.data;
  for (let i = 0; i < A.length; i++) C[i] = A[i] * B[i];
  return out;
  // END SOLUTION
}

/** Every entry times the number k. */
export function scale(a: Matrix, k: number): Matrix {
  // BEGIN SOLUTION
  const out = new Matrix(a.rows, a.cols);
  const A = a.data, C = out.data;
  for (let i = 0; i < A.length; i++) C[i] = A[i] * k;
  return out;
  // END SOLUTION
}

/** A new matrix of the same shape with fn applied to every entry. */
export function map(a: Matrix, fn: (x: number) => number): Matrix {
  // BEGIN SOLUTION
  const out = new Matrix(a.rows, a.cols);
  const A = a.data, C = out.data;
  for (let i = 0; i < A.length; i++) C[i] = fn(A[i]);
  return out;
  // END SOLUTION
}

// BEGIN SOLUTION
function checkSameShape(name: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`${name}: the shapes differ, ${a.shape} and ${b.shape}; entry-by-entry operations need two matrices of the same shape`);
  }
}
// END SOLUTION
