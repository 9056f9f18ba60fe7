// Hand-written learner code for the similarity tests and the benchmark's class: four learners
// who solved the matrix and activation exercises independently, each in their own style, and a
// fifth who copied the first, renamed every variable and reordered the functions.
import type { Course } from "../course";

type Bodies = Record<string, string>;

/** The stub with each named function's `throw new Error("not implemented yet: ...")` replaced. */
export function fillStub(stub: string, bodies: Bodies): string {
  return stub.replace(/^(\s*)throw new Error\("not implemented yet: (\w+) in [^"]+"\);$/gm, (line, indent: string, name: string) =>
    bodies[name] === undefined ? line : bodies[name].split("\n").map((l) => indent + l).join("\n"),
  );
}

export const MATRIX: Record<string, Bodies> = {
  loops: {
    dot: `if (a.cols !== b.rows) throw new Error(\`dot: \${a.shape} . \${b.shape} needs a.cols = b.rows\`);
const result = new Matrix(a.rows, b.cols);
for (let row = 0; row < a.rows; row++) {
  for (let col = 0; col < b.cols; col++) {
    let total = 0;
    for (let k = 0; k < a.cols; k++) total += a.get(row, k) * b.get(k, col);
    result.set(row, col, total);
  }
}
return result;`,
    transpose: `const result = new Matrix(a.cols, a.rows);
for (let row = 0; row < a.rows; row++) {
  for (let col = 0; col < a.cols; col++) result.set(col, row, a.get(row, col));
}
return result;`,
    add: `if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(\`add: shapes \${a.shape} and \${b.shape} differ\`);
const result = new Matrix(a.rows, a.cols);
for (let row = 0; row < a.rows; row++) {
  for (let col = 0; col < a.cols; col++) result.set(row, col, a.get(row, col) + b.get(row, col));
}
return result;`,
    subtract: `if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(\`subtract: shapes \${a.shape} and \${b.shape} differ\`);
const result = new Matrix(a.rows, a.cols);
for (let row = 0; row < a.rows; row++) {
  for (let col = 0; col < a.cols; col++) result.set(row, col, a.get(row, col) - b.get(row, col));
}
return result;`,
    multiply: `if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(\`multiply: shapes \${a.shape} and \${b.shape} differ\`);
const result = new Matrix(a.rows, a.cols);
for (let row = 0; row < a.rows; row++) {
  for (let col = 0; col < a.cols; col++) result.set(row, col, a.get(row, col) * b.get(row, col));
}
return result;`,
    scale: `const result = new Matrix(a.rows, a.cols);
for (let row = 0; row < a.rows; row++) {
  for (let col = 0; col < a.cols; col++) result.set(row, col, a.get(row, col) * k);
}
return result;`,
    map: `const result = new Matrix(a.rows, a.cols);
for (let row = 0; row < a.rows; row++) {
  for (let col = 0; col < a.cols; col++) result.set(row, col, fn(a.get(row, col)));
}
return result;`,
  },
  arrays: {
    dot: `const left = a.toArray();
const right = b.toArray();
if (left[0].length !== right.length) throw new Error("dot: shapes " + a.shape + " and " + b.shape + " do not fit");
return Matrix.fromArray(left.map((r) => right[0].map((_, j) => r.reduce((s, x, k) => s + x * right[k][j], 0))));`,
    transpose: `const grid = a.toArray();
return Matrix.fromArray(grid[0].map((_, j) => grid.map((r) => r[j])));`,
    add: `return combine(a, b, (x, y) => x + y);`,
    subtract: `return combine(a, b, (x, y) => x - y);`,
    multiply: `return combine(a, b, (x, y) => x * y);`,
    scale: `return Matrix.fromArray(a.toArray().map((r) => r.map((x) => x * k)));`,
    map: `return Matrix.fromArray(a.toArray().map((r) => r.map(fn)));`,
  },
  flat: {
    dot: `if (a.cols !== b.rows) {
  throw new Error("cannot multiply " + a.shape + " by " + b.shape);
}
const data = new Float64Array(a.rows * b.cols);
let i = 0;
while (i < a.rows) {
  let j = 0;
  while (j < b.cols) {
    let s = 0;
    let n = 0;
    while (n < a.cols) {
      s += a.data[i * a.cols + n] * b.data[n * b.cols + j];
      n += 1;
    }
    data[i * b.cols + j] = s;
    j += 1;
  }
  i += 1;
}
return new Matrix(a.rows, b.cols, data);`,
    transpose: `const data = new Float64Array(a.data.length);
a.data.forEach((v, idx) => {
  const r = Math.floor(idx / a.cols);
  const c = idx % a.cols;
  data[c * a.rows + r] = v;
});
return new Matrix(a.cols, a.rows, data);`,
    add: `same(a, b);
return new Matrix(a.rows, a.cols, a.data.map((v, idx) => v + b.data[idx]));`,
    subtract: `same(a, b);
return new Matrix(a.rows, a.cols, a.data.map((v, idx) => v - b.data[idx]));`,
    multiply: `same(a, b);
return new Matrix(a.rows, a.cols, a.data.map((v, idx) => v * b.data[idx]));`,
    scale: `return new Matrix(a.rows, a.cols, a.data.map((v) => v * k));`,
    map: `return new Matrix(a.rows, a.cols, a.data.map((v) => fn(v)));`,
  },
  columns: {
    dot: `const out = Matrix.zeros(a.rows, b.cols);
if (b.rows !== a.cols) throw new Error(\`shape mismatch \${a.shape} x \${b.shape}\`);
for (let c = 0; c < b.cols; c++) {
  const column: number[] = [];
  for (let r = 0; r < b.rows; r++) column.push(b.get(r, c));
  for (let r = 0; r < a.rows; r++) {
    let acc = 0;
    column.forEach((value, idx) => {
      acc = acc + value * a.get(r, idx);
    });
    out.set(r, c, acc);
  }
}
return out;`,
    transpose: `const out = Matrix.zeros(a.cols, a.rows);
for (let c = 0; c < a.cols; c++) for (let r = 0; r < a.rows; r++) out.set(c, r, a.get(r, c));
return out;`,
    add: `return entrywise("add", a, b, function (p, q) { return p + q; });`,
    subtract: `return entrywise("subtract", a, b, function (p, q) { return p - q; });`,
    multiply: `return entrywise("multiply", a, b, function (p, q) { return p * q; });`,
    scale: `const out = Matrix.zeros(a.rows, a.cols);
for (let n = 0; n < a.data.length; n++) out.data[n] = k * a.data[n];
return out;`,
    map: `const out = Matrix.zeros(a.rows, a.cols);
for (let n = 0; n < a.data.length; n++) out.data[n] = fn(a.data[n]);
return out;`,
  },
};

/** Helpers some learners add at the end of their file. */
export const HELPERS: Record<string, string> = {
  loops: "",
  arrays: `
function combine(a: Matrix, b: Matrix, fn: (x: number, y: number) => number): Matrix {
  if (a.shape !== b.shape) throw new Error("shapes differ: " + a.shape + " vs " + b.shape);
  const left = a.toArray();
  const right = b.toArray();
  return Matrix.fromArray(left.map((r, i) => r.map((x, j) => fn(x, right[i][j]))));
}
`,
  flat: `
function same(a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new Error("the shapes " + a.shape + " and " + b.shape + " are not the same");
}
`,
  columns: `
function entrywise(what: string, a: Matrix, b: Matrix, op: (p: number, q: number) => number): Matrix {
  if (a.rows !== b.rows) throw new Error(what + ": rows differ");
  if (a.cols !== b.cols) throw new Error(what + ": columns differ");
  const out = Matrix.zeros(a.rows, a.cols);
  for (let n = 0; n < a.data.length; n++) out.data[n] = op(a.data[n], b.data[n]);
  return out;
}
`,
};

export const ACTIVATION: Record<string, Bodies> = {
  loops: { step: "if (x >= threshold) return 1;\nreturn 0;", sigmoid: "return 1 / (1 + Math.exp(-x));", sigmoidSlope: "return o * (1 - o);", logit: "return Math.log(y / (1 - y));" },
  arrays: { step: "return x >= threshold ? 1 : 0;", sigmoid: "const e = Math.exp(-x);\nreturn 1 / (1 + e);", sigmoidSlope: "const rest = 1 - o;\nreturn rest * o;", logit: "const odds = y / (1 - y);\nreturn Math.log(odds);" },
  flat: { step: "return Number(x >= threshold);", sigmoid: "return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));", sigmoidSlope: "return o - o * o;", logit: "return -Math.log(1 / y - 1);" },
  columns: { step: "let out = 0;\nif (!(x < threshold)) out = 1;\nreturn out;", sigmoid: "return 0.5 * (1 + Math.tanh(x / 2));", sigmoidSlope: "return o * (1.0 - o);", logit: "return Math.log(y) - Math.log(1 - y);" },
};

export const STYLES = Object.keys(MATRIX);

/** The learner's matrix.ts in one of the styles. */
export function matrixFile(course: Course, style: string): string {
  return fillStub(course.stubs.get("05-matrix/matrix.ts")!, MATRIX[style]) + HELPERS[style];
}

export function activationFile(course: Course, style: string): string {
  return fillStub(course.stubs.get("04-activation/activation.ts")!, ACTIVATION[style]);
}

/**
 * A copy that hides its source: every local name and parameter renamed, helper names changed,
 * the exported functions in reverse order. The code's shape is the same.
 */
export function disguise(text: string): string {
  const renames: [RegExp, string][] = [
    [/\bresult\b/g, "answer"],
    [/\brow\b/g, "i"],
    [/\bcol\b/g, "j"],
    [/\btotal\b/g, "sum"],
    [/\bk\b/g, "m"],
  ];
  let out = text;
  for (const [from, to] of renames) out = out.replace(from, to);
  // Reorder: the class and header stay first, the functions after it come in reverse order.
  const at = out.indexOf("\n/** The matrix product");
  if (at === -1) return out;
  const head = out.slice(0, at);
  const blocks = out.slice(at).split(/\n(?=\/\*\* )/).filter((b) => b.trim() !== "");
  return `${head}\n${blocks.reverse().join("\n")}\n`;
}
