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
  throw new Error("not implemented yet: dot in exercises/05-matrix/matrix.ts");
}

/** Rows become columns: entry (i, j) moves to (j, i). */
export function transpose(a: Matrix): Matrix {
  throw new Error("not implemented yet: transpose in exercises/05-matrix/matrix.ts");
}

/** a + b, entry by entry. */
export function add(a: Matrix, b: Matrix): Matrix {
  throw new Error("not implemented yet: add in exercises/05-matrix/matrix.ts");
}

/** a += b (numpy's `+=`, the book's `self.wih += ...`): adds b into a, entry by entry, and changes a. */
export function addInPlace(a: Matrix, b: Matrix): void {
  throw new Error("not implemented yet: addInPlace in exercises/05-matrix/matrix.ts");
}

/** a - b, entry by entry. */
export function subtract(a: Matrix, b: Matrix): Matrix {
  throw new Error("not implemented yet: subtract in exercises/05-matrix/matrix.ts");
}

/** a * b, entry by entry (numpy's `*`, not the matrix product). */
export function multiply(a: Matrix, b: Matrix): Matrix {
  throw new Error("not implemented yet: multiply in exercises/05-matrix/matrix.ts");
}

/** Every entry times the number k. */
export function scale(a: Matrix, k: number): Matrix {
  throw new Error("not implemented yet: scale in exercises/05-matrix/matrix.ts");
}

/** A new matrix of the same shape with fn applied to every entry. */
export function map(a: Matrix, fn: (x: number) => number): Matrix {
  throw new Error("not implemented yet: map in exercises/05-matrix/matrix.ts");
}
