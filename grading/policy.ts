// What the course forbids a learner's code to use, and what looks like code that hunts for the
// test environment. Edit these lists to change the policy; each match becomes a flag with the
// file and line, for the instructor to judge (never an automatic zero).

/** Machine-learning libraries: forbidden in every exercise (the course builds the network by hand). */
export const ML_LIBRARIES = [
  "@tensorflow/*",
  "brain.js",
  "brainjs",
  "synaptic",
  "ml5",
  "convnetjs",
  "neataptic",
  "neuro.js",
  "mind",
  "onnxruntime-node",
  "onnxruntime-web",
  "onnxruntime-common",
  "@xenova/transformers",
  "@huggingface/transformers",
  "ml-classifier",
  "ml-knn",
  "ml-random-forest",
  "ml-logistic-regression",
  "ml-fnn",
  "@mlc-ai/*",
  "deeplearn",
  "keras-js",
];

/** Matrix and linear-algebra libraries: forbidden from the exercise that teaches matrices onwards. */
export const MATRIX_LIBRARIES = [
  "mathjs",
  "ml-matrix",
  "numjs",
  "@d4c/numjs",
  "ndarray",
  "ndarray-ops",
  "numeric",
  "gl-matrix",
  "sylvester",
  "vectorious",
  "linear-algebra",
  "@stdlib/*",
  "scijs",
  "nd4js",
  "matrix-js",
  "node-matrices",
  "@tensorflow/*",
];

/** The slug of the exercise that teaches matrices: matrix libraries are forbidden from it on. */
export const MATRIX_EXERCISE_SLUG = "matrix";

/** Packages a learner's implementation has no business importing: the test framework itself. */
export const TEST_FRAMEWORK_PACKAGES = ["vitest", "@vitest/*", "vite", "chai", "expect", "@jest/*", "jest", "node:test", "test"];

/** Node built-ins that start other processes. */
export const PROCESS_MODULES = ["child_process", "worker_threads", "cluster"];

/** Environment variables that tell a test run apart from a normal one. */
export const TEST_ENV_VARIABLE = /^(VITEST|VITE_|NODE_ENV$|TEST$|JEST|NN_KATA|CI$)/;

/** Globals the test framework puts in place, or its internals. */
export const TEST_GLOBALS = new Set(["expect", "vi", "vitest", "__vitest_worker__", "__vitest_mocker__", "__vitest_index__", "__VITEST_GLOBAL_SETUP__", "chai"]);

/** A string that names test files or the test machinery. */
export const TEST_FILE_MENTION = /\.test(\.[cm]?[jt]sx?)?\b|_testkit|\bvitest\b|__vitest/;

/** Built-ins whose patching can make a comparison pass: `Math.abs = ...`, `Number.isFinite = ...`. */
export const PATCHABLE_GLOBALS = new Set(["Math", "Number", "Object", "Array", "JSON", "Reflect", "Function", "Promise", "globalThis", "global", "Float64Array", "Error", "String", "Symbol"]);

/** The package name of a bare import: "@scope/pkg/sub" -> "@scope/pkg", "pkg/sub" -> "pkg". */
export function packageName(specifier: string): string {
  const spec = specifier.replace(/^npm:/, "");
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Whether a package name matches a list entry ("@tensorflow/*" matches every package of the scope). */
export function listed(name: string, list: string[]): boolean {
  return list.some((entry) => (entry.endsWith("/*") ? name.startsWith(entry.slice(0, -1)) : name === entry));
}
