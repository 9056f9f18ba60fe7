// Assertions for the course's tests. Each one first checks that the learner's function
// returned the right *kind* of value (a number, an array of the right length, a matrix of
// the right shape) and says so in plain words, so a half-written function gets a message
// a beginner can act on instead of a crash inside this file.

export class CheckFailure extends Error {
  override name = "AssertionError";
}

/** Where a number comes from: shown in every message, e.g. "sigmoid(0) (book 1.6)". */
export type What = string;

const DEFAULT_TOLERANCE = 1e-3;

export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined (did the function forget to `return`?)";
  if (value === null) return "null";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (isMatrixLike(value)) return `a ${value.rows}x${value.cols} matrix`;
  if (typeof value === "function") return "a function (did you forget to call it?)";
  return `${typeof value} ${safeJson(value)}`;
}

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? text.slice(0, 77) + "..." : text;
  } catch {
    return "(unprintable)";
  }
}

export function fail(message: string): never {
  throw new CheckFailure(message);
}

/** The value must be a finite number; returns it typed as one. */
export function expectNumber(got: unknown, what: What): number {
  if (typeof got !== "number") fail(`${what}\n  expected: a number\n  got:      ${describeValue(got)}`);
  if (!Number.isFinite(got)) fail(`${what}\n  expected: a finite number\n  got:      ${got}`);
  return got;
}

/**
 * |got - expected| <= tolerance. The default tolerance is an absolute 1e-3 because the book
 * prints truncated numbers (it shows 0.726 for 0.72630), which `toBeCloseTo(x, 3)` rejects.
 */
export function expectClose(got: unknown, expected: number, what: What, tolerance = DEFAULT_TOLERANCE): void {
  const value = expectNumber(got, what);
  if (Math.abs(value - expected) > tolerance) {
    fail(`${what}\n  expected: ${expected} (give or take ${tolerance})\n  got:      ${value}`);
  }
}

/** An array (or typed array) of finite numbers of the given length; returns a plain copy. */
export function expectNumbers(got: unknown, length: number, what: What): number[] {
  if (!Array.isArray(got) && !(ArrayBuffer.isView(got) && !(got instanceof DataView))) {
    fail(`${what}\n  expected: an array of ${length} numbers\n  got:      ${describeValue(got)}`);
  }
  const values = Array.from(got as ArrayLike<unknown>);
  if (values.length !== length) {
    fail(`${what}\n  expected: ${length} numbers\n  got:      ${values.length} numbers [${values.slice(0, 12).join(", ")}${values.length > 12 ? ", ..." : ""}]`);
  }
  values.forEach((v, i) => expectNumber(v, `${what}, item [${i}]`));
  return values as number[];
}

export function expectCloseNumbers(got: unknown, expected: ArrayLike<number>, what: What, tolerance = DEFAULT_TOLERANCE): void {
  const values = expectNumbers(got, expected.length, what);
  const bad = values.findIndex((v, i) => Math.abs(v - expected[i]) > tolerance);
  if (bad >= 0) {
    fail(
      `${what}, item [${bad}]\n  expected: [${Array.from(expected).map(format).join(", ")}] (give or take ${tolerance})\n` +
        `  got:      [${values.map(format).join(", ")}]`,
    );
  }
}

export interface MatrixLike {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
}

export function isMatrixLike(value: unknown): value is MatrixLike {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Partial<MatrixLike>;
  return typeof m.rows === "number" && typeof m.cols === "number" && m.data !== undefined && typeof m.data.length === "number";
}

/** A matrix with the given shape whose entries are all finite; returns its rows. */
export function expectMatrix(got: unknown, rows: number, cols: number, what: What): number[][] {
  if (!isMatrixLike(got)) fail(`${what}\n  expected: a ${rows}x${cols} Matrix\n  got:      ${describeValue(got)}`);
  if (got.rows !== rows || got.cols !== cols) {
    fail(`${what}\n  expected shape: ${rows}x${cols} (rows x columns)\n  got shape:      ${got.rows}x${got.cols}`);
  }
  if (got.data.length !== rows * cols) {
    fail(`${what}\n  a ${rows}x${cols} matrix holds ${rows * cols} numbers, but its data has ${got.data.length}`);
  }
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) row.push(expectNumber(got.data[i * cols + j], `${what}, entry (${i}, ${j})`));
    out.push(row);
  }
  return out;
}

export function expectCloseMatrix(got: unknown, expected: number[][], what: What, tolerance = DEFAULT_TOLERANCE): void {
  const rows = expected.length;
  const cols = rows === 0 ? 0 : expected[0].length;
  const values = expectMatrix(got, rows, cols, what);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (Math.abs(values[i][j] - expected[i][j]) > tolerance) {
        fail(
          `${what}, entry (${i}, ${j})\n  expected: ${formatRows(expected)} (give or take ${tolerance})\n` +
            `  got:      ${formatRows(values)}`,
        );
      }
    }
  }
}

/** The function must throw, and its message must mention every one of `words`. */
export function expectThrowsMentioning(run: () => unknown, words: string[], what: What): void {
  let message: string | undefined;
  try {
    run();
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  if (message === undefined) fail(`${what}\n  expected: an error mentioning ${words.map((w) => JSON.stringify(w)).join(", ")}\n  got:      no error`);
  // A stub's own error must never satisfy a test, even when it happens to contain the words.
  if (message.startsWith("not implemented yet")) fail(`${what}\n  expected: an error mentioning ${words.map((w) => JSON.stringify(w)).join(", ")}\n  got:      ${message}`);
  const missing = words.filter((w) => !message!.includes(w));
  if (missing.length > 0) {
    fail(`${what}\n  expected: an error mentioning ${words.map((w) => JSON.stringify(w)).join(", ")}\n  got:      ${JSON.stringify(message)}`);
  }
}

/** A fixed seed keeps property tests repeatable and their names stable. */
export function propertyOptions(numRuns = 100, seed = 20161) {
  return { numRuns, seed };
}

function format(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(5).replace(/0+$/, "");
}

function formatRows(rows: number[][]): string {
  return "[" + rows.map((r) => "[" + r.map(format).join(", ") + "]").join(", ") + "]";
}
