// Assertions for the course's tests. Each one first checks that the learner's function
// returned the right *kind* of value (a number, an array of the right length, a matrix of
// the right shape) and says so in plain words, so a half-written function gets a message
// a beginner can act on instead of a crash inside this file.
//
// Messages come in the learner's language. Descriptive texts are written "English | 中文"
// (see data/lang.ts); `say` picks the half, `t(en, zh)` picks one of two. The labels
// "expected:" and "got:" stay English here: the runner translates them.
import { pickLines, testLang } from "../../data/lang";

export class CheckFailure extends Error {
  override name = "AssertionError";
}

/** Where a number comes from: shown in every message, e.g. "sigmoid(0) (book 1.6)". */
export type What = string;

const DEFAULT_TOLERANCE = 1e-3;
/** Arrays up to this length are shown whole; longer ones around their first difference. */
const SHOW_WHOLE = 12;
/** No message line is longer than this: a learner reads it in a terminal. */
const MAX_LINE = 300;

const lang = testLang();

/** The learner's half of "English | 中文", line by line; "(book 1.2)" in a text without a Chinese half says 书中 1.2 节. */
export const say = (text: string): string => {
  const picked = pickLines(text, lang);
  return lang === "zh" ? picked.replace(/\(book (\d[\d., -]*)\)/g, "（书中 $1 节）") : picked;
};

/** One of two texts, by the learner's language. */
export const t = (en: string, zh: string): string => (lang === "zh" ? zh : en);

export function describeValue(value: unknown): string {
  if (value === undefined) return t("undefined (did the function forget to `return`?)", "undefined（函数是不是忘了 `return`？）");
  if (value === null) return "null";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return t(`an array of length ${value.length}`, `长度为 ${value.length} 的数组`);
  if (ArrayBuffer.isView(value)) return t(`a ${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`, `长度为 ${(value as unknown as ArrayLike<number>).length} 的 ${value.constructor.name}`);
  if (isMatrixLike(value)) return t(`a ${value.rows}x${value.cols} matrix`, `${value.rows}x${value.cols} 的矩阵`);
  if (typeof value === "function") return t("a function (did you forget to call it?)", "一个函数（是不是忘了调用它？）");
  return `${typeof value} ${safeJson(value)}`;
}

function safeJson(value: unknown): string {
  try {
    return clip(JSON.stringify(value), 80);
  } catch {
    return t("(unprintable)", "（无法显示）");
  }
}

/** Fail the test with `message` ("English | 中文" lines allowed), every line at most MAX_LINE long. */
export function fail(message: string): never {
  throw new CheckFailure(say(message).split("\n").map((line) => clip(line, MAX_LINE)).join("\n"));
}

/** The value must be a finite number; returns it typed as one. */
export function expectNumber(got: unknown, what: What): number {
  if (typeof got !== "number") fail(`${say(what)}\n  expected: ${t("a number", "一个数")}\n  got:      ${describeValue(got)}`);
  if (!Number.isFinite(got)) fail(`${say(what)}\n  expected: ${t("a finite number", "一个有限的数")}\n  got:      ${got}`);
  return got;
}

const giveOrTake = (tolerance: number) => t(`(give or take ${tolerance})`, `（允许误差 ${tolerance}）`);

/**
 * |got - expected| <= tolerance. The default tolerance is an absolute 1e-3 because the book
 * prints truncated numbers (it shows 0.726 for 0.72630), which `toBeCloseTo(x, 3)` rejects.
 */
export function expectClose(got: unknown, expected: number, what: What, tolerance = DEFAULT_TOLERANCE): void {
  const value = expectNumber(got, what);
  if (Math.abs(value - expected) > tolerance) {
    fail(`${say(what)}\n  expected: ${expected} ${giveOrTake(tolerance)}\n  got:      ${value}`);
  }
}

/** An array (or typed array) of finite numbers of the given length; returns a plain copy. */
export function expectNumbers(got: unknown, length: number, what: What): number[] {
  const w = say(what);
  if (!Array.isArray(got) && !(ArrayBuffer.isView(got) && !(got instanceof DataView))) {
    fail(`${w}\n  expected: ${t(`an array of ${length} numbers`, `${length} 个数组成的数组`)}\n  got:      ${describeValue(got)}`);
  }
  const values = Array.from(got as ArrayLike<unknown>);
  if (values.length !== length) {
    fail(`${w}\n  expected: ${t(`${length} numbers`, `${length} 个数`)}\n  got:      ${t(`${values.length} numbers`, `${values.length} 个数`)} [${values.slice(0, SHOW_WHOLE).join(", ")}${values.length > SHOW_WHOLE ? ", ..." : ""}]`);
  }
  values.forEach((v, i) => expectNumber(v, `${w}${t(`, item [${i}]`, `，第 [${i}] 项`)}`));
  return values as number[];
}

export function expectCloseNumbers(got: unknown, expected: ArrayLike<number>, what: What, tolerance = DEFAULT_TOLERANCE): void {
  const w = say(what);
  const values = expectNumbers(got, expected.length, w);
  const want = Array.from(expected);
  const wrong = values.filter((v, i) => Math.abs(v - want[i]) > tolerance).length;
  if (wrong === 0) return;
  const bad = values.findIndex((v, i) => Math.abs(v - want[i]) > tolerance);
  const f = precise(tolerance);
  if (values.length <= SHOW_WHOLE) {
    fail(`${w}${t(`, item [${bad}]`, `，第 [${bad}] 项`)}\n  expected: [${want.map(f).join(", ")}] ${giveOrTake(tolerance)}\n  got:      [${values.map(f).join(", ")}]`);
  }
  const [from, to] = [Math.max(0, bad - 3), Math.min(values.length, bad + 4)];
  fail(
    `${w}${t(`, item [${bad}]: `, `，第 [${bad}] 项：`)}${t(`${wrong} of ${values.length} items differ, the first at [${bad}]; items [${from}..${to - 1}]:`, `${values.length} 项中有 ${wrong} 项不对，第一处在 [${bad}]；第 [${from}..${to - 1}] 项：`)}\n` +
      `  expected: ${window(want, from, to, f)} ${giveOrTake(tolerance)}\n` +
      `  got:      ${window(values, from, to, f)}`,
  );
}

/** "... 0.01, [0.5], 0.7 ...": items from..to-1, with dots where the array goes on. */
function window(values: number[], from: number, to: number, f: (x: number) => number | string): string {
  return `${from > 0 ? "[... " : "["}${values.slice(from, to).map(f).join(", ")}${to < values.length ? " ...]" : "]"}`;
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
  const w = say(what);
  if (!isMatrixLike(got)) fail(`${w}\n  expected: ${t(`a ${rows}x${cols} Matrix`, `${rows}x${cols} 的 Matrix`)}\n  got:      ${describeValue(got)}`);
  if (got.rows !== rows || got.cols !== cols) {
    fail(`${w}\n  expected: ${t(`shape ${rows}x${cols} (rows x columns)`, `形状 ${rows}x${cols}（行 x 列）`)}\n  got:      ${t(`shape ${got.rows}x${got.cols}`, `形状 ${got.rows}x${got.cols}`)}`);
  }
  if (got.data.length !== rows * cols) {
    fail(`${w}\n  ${t(`a ${rows}x${cols} matrix holds ${rows * cols} numbers, but its data has ${got.data.length}`, `${rows}x${cols} 的矩阵应有 ${rows * cols} 个数，但它的 data 有 ${got.data.length} 个`)}`);
  }
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) row.push(expectNumber(got.data[i * cols + j], `${w}${t(`, entry (${i}, ${j})`, `，元素 (${i}, ${j})`)}`));
    out.push(row);
  }
  return out;
}

export function expectCloseMatrix(got: unknown, expected: number[][], what: What, tolerance = DEFAULT_TOLERANCE): void {
  const w = say(what);
  const rows = expected.length;
  const cols = rows === 0 ? 0 : expected[0].length;
  const values = expectMatrix(got, rows, cols, w);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (Math.abs(values[i][j] - expected[i][j]) > tolerance) {
        const whole = rows * cols <= SHOW_WHOLE * 3;
        fail(
          `${w}${t(`, entry (${i}, ${j})`, `，元素 (${i}, ${j})`)}\n` +
            (whole
              ? `  expected: ${formatRows(expected)} ${giveOrTake(tolerance)}\n  got:      ${formatRows(values)}`
              : `  expected: ${format(expected[i][j])} ${giveOrTake(tolerance)}\n  got:      ${format(values[i][j])}`),
        );
      }
    }
  }
}

/** The function must throw, and its message must mention every one of `words`. */
export function expectThrowsMentioning(run: () => unknown, words: string[], what: What): void {
  const w = say(what);
  const wanted = t(`an error mentioning ${words.map((x) => JSON.stringify(x)).join(", ")}`, `一个提到 ${words.map((x) => JSON.stringify(x)).join("、")} 的错误`);
  let message: string | undefined;
  try {
    run();
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  if (message === undefined) fail(`${w}\n  expected: ${wanted}\n  got:      ${t("no error", "没有报错")}`);
  // A stub's own error must never satisfy a test, even when it happens to contain the words.
  if (message.startsWith("not implemented yet")) fail(`${w}\n  expected: ${wanted}\n  got:      ${message}`);
  const missing = words.filter((x) => !message!.includes(x));
  if (missing.length > 0) fail(`${w}\n  expected: ${wanted}\n  got:      ${JSON.stringify(message)}`);
}

/**
 * Options for fc.assert: a fixed seed keeps property tests repeatable and their names stable,
 * and a failure shows the counterexample in a line or two (long arrays summarised, objects as
 * plain `{ a: 1 }`), then the learner's own error as the cause.
 */
export function propertyOptions(numRuns = 100, seed = 20161) {
  return {
    numRuns,
    seed,
    reporter(details: { failed: boolean; numRuns: number; counterexample: unknown; errorInstance: unknown }) {
      if (!details.failed) return;
      const cause = details.errorInstance;
      const example = Array.isArray(details.counterexample) ? details.counterexample.map((v) => show(v)).join(", ") : show(details.counterexample);
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new Error(`Property failed after ${details.numRuns} tests\nCounterexample: ${clip(example, 200)}\n${reason}`, { cause });
    },
  };
}

/** A value for a message: numbers short, arrays over 12 items summarised, objects as { key: value }. */
export function show(value: unknown, depth = 0): string {
  if (typeof value === "number") return format(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value !== "object") return String(value);
  if (depth > 2) return "...";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>);
    const shown = items.slice(0, SHOW_WHOLE).map((v) => show(v, depth + 1));
    return `[${shown.join(", ")}${items.length > SHOW_WHOLE ? t(`, ... (${items.length} items)`, `, ...（共 ${items.length} 项）`) : ""}]`;
  }
  if (isMatrixLike(value)) return t(`a ${value.rows}x${value.cols} matrix`, `${value.rows}x${value.cols} 的矩阵`);
  return `{ ${Object.keys(value).map((k) => `${k}: ${show((value as Record<string, unknown>)[k], depth + 1)}`).join(", ")} }`;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 3) + "..." : text;
}

function format(x: number): string {
  return Number.isInteger(x) ? String(x) : Math.abs(x) < 1e-4 ? x.toPrecision(4) : x.toFixed(5).replace(/0+$/, "");
}

/** Five decimals hide a miss of 1e-7: below a tolerance of 1e-5, show twelve digits. */
function precise(tolerance: number): (x: number) => string {
  return tolerance < 1e-5 ? (x) => String(Number(x.toPrecision(12))) : format;
}

function formatRows(rows: number[][]): string {
  return "[" + rows.map((r) => "[" + r.map(format).join(", ") + "]").join(", ") + "]";
}
