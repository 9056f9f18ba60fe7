// The model file's format, without any file access, so that a browser (the lab, in a Web Worker)
// reads and writes the same JSON as `npm run train`: the sizes, the learning rate and both weight
// matrices as rows of numbers. Parsing checks everything, because a model file may be cut off,
// edited by hand or made for another network, and names what it expected and what it found.

export const MODEL_FORMAT = "nn-kata network";

export interface MatrixLike {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** What a network must have to be saved or filled from a file: the class of exercise 10. */
export interface SavableNetwork {
  inputNodes: number;
  hiddenNodes: number;
  outputNodes: number;
  learningRate: number;
  wih: MatrixLike;
  who: MatrixLike;
}

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: 1;
  inputNodes: number;
  hiddenNodes: number;
  outputNodes: number;
  learningRate: number;
  /** hiddenNodes rows of inputNodes weights. */
  wih: number[][];
  /** outputNodes rows of hiddenNodes weights. */
  who: number[][];
}

const rowsOf = (m: MatrixLike) => Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));

export function modelToJson(net: SavableNetwork): string {
  const model: ModelFile = {
    format: MODEL_FORMAT,
    version: 1,
    inputNodes: net.inputNodes,
    hiddenNodes: net.hiddenNodes,
    outputNodes: net.outputNodes,
    learningRate: net.learningRate,
    wih: rowsOf(net.wih),
    who: rowsOf(net.who),
  };
  return JSON.stringify(model);
}

/** Checks the text of a model file; `source` (the file name) goes into every message. */
export function parseModel(text: string, source: string): ModelFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not a readable model file: ${(error as Error).message}. It may be cut off or damaged; train and save it again with \`npm run train\`.`);
  }
  const model = value as Partial<ModelFile>;
  if (typeof model !== "object" || model === null || model.format !== MODEL_FORMAT) {
    throw new Error(`${source} is JSON but not a network saved by this course (it has no "format": "${MODEL_FORMAT}"). Save one with \`npm run train\`.`);
  }
  if (model.version !== 1) throw new Error(`${source} is a model of version ${model.version}; this course reads version 1.`);
  for (const name of ["inputNodes", "hiddenNodes", "outputNodes"] as const) {
    const n = model[name];
    if (!Number.isInteger(n) || (n as number) < 1) throw new Error(`${source}: ${name} must be a whole number of at least 1, got ${JSON.stringify(n)}`);
  }
  if (!(typeof model.learningRate === "number" && model.learningRate > 0)) throw new Error(`${source}: learningRate must be a number above 0, got ${JSON.stringify(model.learningRate)}`);
  checkShape(source, "wih", model.wih, model.hiddenNodes!, model.inputNodes!, "hiddenNodes x inputNodes");
  checkShape(source, "who", model.who, model.outputNodes!, model.hiddenNodes!, "outputNodes x hiddenNodes");
  return model as ModelFile;
}

function checkShape(source: string, name: string, rows: unknown, expectedRows: number, expectedCols: number, meaning: string): void {
  const expected = `${expectedRows}x${expectedCols} (${meaning})`;
  if (!Array.isArray(rows)) throw new Error(`${source}: ${name} should be a ${expected} matrix written as rows of numbers, but it is ${rows === undefined ? "missing" : typeof rows}`);
  const widths = rows.map((row) => (Array.isArray(row) ? row.length : -1));
  const bad = widths.findIndex((w) => w !== expectedCols);
  if (rows.length !== expectedRows || bad >= 0) {
    const got = bad >= 0 && widths[bad] >= 0 && new Set(widths).size > 1 ? `${rows.length} rows, row ${bad} with ${widths[bad]} numbers` : `${rows.length}x${widths[0] ?? 0}`;
    throw new Error(`${source}: ${name} should be ${expected}, but it is ${got}`);
  }
  rows.forEach((row: unknown[], i) =>
    row.forEach((w, j) => {
      if (typeof w !== "number" || !Number.isFinite(w)) throw new Error(`${source}: ${name} entry (${i}, ${j}) is ${JSON.stringify(w)}, not a number`);
    }),
  );
}

