// The learner's own exercise modules, loaded from exercises/ as they are now. Each is loaded on
// its own, so one that does not compile or throws while loading takes only its own part of the
// page with it. An error from learner code is explained with the exercise and the line.
export interface Picture {
  width: number;
  height: number;
  data: Uint8Array;
}

interface MatrixLike {
  rows: number;
  cols: number;
  data: Float64Array;
}

export interface LearnerNetwork {
  inputNodes: number;
  hiddenNodes: number;
  outputNodes: number;
  wih: MatrixLike;
  who: MatrixLike;
  query(inputs: ArrayLike<number>): number[];
  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void;
}

export interface LearnerModules {
  "09-prepare": { scaleInputs(pixels: ArrayLike<number>): number[]; makeTargets(label: number, outputNodes?: number): number[] };
  "10-network": { NeuralNetwork: new (inputNodes: number, hiddenNodes: number, outputNodes: number, learningRate: number, seed?: number) => LearnerNetwork };
  "13-evaluate": {
    confusionMatrix(predicted: ArrayLike<number>, actual: ArrayLike<number>, classes?: number): number[][];
    worstMistakes(outputs: ArrayLike<number>[], labels: ArrayLike<number>, count: number): { index: number; label: number; predicted: number; confidence: number }[];
  };
  "17-handwriting": { toGrey(picture: Picture): number[]; resize(grey: ArrayLike<number>, width: number, height: number, size?: number): number[] };
  "18-backquery": { backquery(net: Pick<LearnerNetwork, "wih" | "who">, label: number): number[] };
}

export type Dir = keyof LearnerModules;

const FILES: Record<Dir, string> = {
  "09-prepare": "09-prepare/prepare.ts",
  "10-network": "10-network/network.ts",
  "13-evaluate": "13-evaluate/evaluate.ts",
  "17-handwriting": "17-handwriting/handwriting.ts",
  "18-backquery": "18-backquery/backquery.ts",
};

export interface Loaded {
  modules: Partial<LearnerModules>;
  /** Why a module could not be loaded, by exercise folder. */
  failed: Partial<Record<Dir, string>>;
}

/** `base` is where the server serves exercises/ (from /api/status). */
export async function loadLearner(base: string): Promise<Loaded> {
  const loaded: Loaded = { modules: {}, failed: {} };
  await Promise.all(
    (Object.keys(FILES) as Dir[]).map(async (dir) => {
      try {
        // A computed address: vite serves and transforms the learner's file when it is asked for.
        // A whole URL, so vite adds no "?import": the module is the same one the others import.
        (loaded.modules as Record<Dir, unknown>)[dir] = await import(/* @vite-ignore */ new URL(base + FILES[dir], location.href).href);
      } catch (error) {
        loaded.failed[dir] = error instanceof Error ? error.message : String(error);
      }
    }),
  );
  return loaded;
}

export interface Where {
  exercise?: number;
  dir?: string;
  file?: string;
  line?: number;
}

/** The exercise file and line an error was thrown at (the server maps the browser's stack back to the .ts line). */
export async function whereThrown(error: unknown): Promise<Where> {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  try {
    const response = await fetch("/api/where", { method: "POST", body: stack });
    return (await response.json()) as Where;
  } catch {
    return {};
  }
}

/** Messages of an ErrorEvent-like thing sent from the worker are plain objects; make them errors again. */
export function revive(sent: { message: string; stack?: string }): Error {
  const error = new Error(sent.message);
  error.stack = sent.stack;
  return error;
}
