// The fast engine: the book's network, compiled from assembly/engine.ts to WebAssembly with SIMD.
// It learns what the reference network of exercise 10 learns, in f32 instead of f64 (the tests
// prove the weights stay within 1e-5 of the reference's), only many times faster. No file access here, so it runs in Node and in a browser's Web Worker:
// the caller brings the .wasm (Node: node.ts reads it; a browser: fetch it).
//
//   const engine = await loadEngine(bytes);
//   const net = engine.createNetwork({ inputNodes: 784, hiddenNodes: 200, outputNodes: 10, learningRate: 0.1, seed: 1 });
//   net.trainEpoch(samples);               // or net.train(inputs, targets), one sample
//   net.query(inputs);                     // the 10 outputs
//   const text = net.toJson();             // the model file of `npm run train`

// WebAssembly's types live in TypeScript's DOM library.
/// <reference lib="dom" />
import { modelToJson, parseModel, type MatrixLike } from "../model-json";
import { createRng, initWeights } from "../../solutions/09-prepare/prepare";
import { augment } from "../../solutions/16-augment/augment";

/** The command that rebuilds the .wasm from its source: every error about the file names it. */
export const REBUILD = "npm run engine:build";
/** Where the compiled engine lives in the repository. */
export const WASM_PATH = "tools/engine/engine.wasm";
/** Samples copied into the engine's memory per call: enough to make the call's cost vanish. */
const BATCH = 256;

interface Exports {
  memory: WebAssembly.Memory;
  configure(inputNodes: number, hiddenNodes: number, outputNodes: number, learningRate: number, batch: number): number;
  wihPointer(): number;
  whoPointer(): number;
  inputsPointer(): number;
  targetsPointer(): number;
  outputsPointer(): number;
  trainBatch(count: number): void;
  query(): void;
}
const EXPORTS = ["memory", "configure", "wihPointer", "whoPointer", "inputsPointer", "targetsPointer", "outputsPointer", "trainBatch", "query"];

export interface NetworkOptions {
  inputNodes: number;
  hiddenNodes: number;
  outputNodes: number;
  learningRate: number;
  /** Starting weights, hiddenNodes x inputNodes, as rows or row after row; else drawn from `seed`. */
  wih?: number[][] | ArrayLike<number>;
  /** Starting weights, outputNodes x hiddenNodes. */
  who?: number[][] | ArrayLike<number>;
  /** The seed of the random starting weights, as in exercise 10 (default 1). */
  seed?: number;
}

export interface Sample {
  inputs: ArrayLike<number>;
  targets: ArrayLike<number>;
}

export interface EpochOptions {
  /** Also train on each input turned +10 and -10 degrees, as exercise 16 does (784 inputs only). */
  rotations?: boolean;
  /** Called after every batch with the number of training steps done so far. */
  onProgress?: (steps: number) => void;
}

/** A compiled engine; every network it makes has its own WebAssembly instance and memory. */
export class Engine {
  constructor(readonly module: WebAssembly.Module, private readonly source = "the engine's .wasm") {
    const names = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
    const missing = EXPORTS.filter((name) => !names.has(name));
    if (missing.length > 0) throw new Error(`${source} is not this engine (it lacks ${missing.join(", ")}); rebuild it with \`${REBUILD}\``);
  }

  createNetwork(options: NetworkOptions): EngineNetwork {
    return new EngineNetwork(this.instantiate(), options, this.source);
  }

  /** A network from the JSON that `npm run train` writes (reports/model.json); `source` names it in errors. */
  networkFromJson(text: string, source = "the model file"): EngineNetwork {
    const model = parseModel(text, source);
    return this.createNetwork(model);
  }

  private instantiate(): Exports {
    const instance = new WebAssembly.Instance(this.module, {
      env: {
        abort: () => {
          throw new Error(`the engine ran out of memory (${this.source}); a smaller network needs less`);
        },
      },
    });
    return instance.exports as unknown as Exports;
  }
}

/** Compile the engine from the bytes of engine.wasm (or take a compiled module). `source` names the file in errors. */
export async function loadEngine(wasm: BufferSource | WebAssembly.Module, source = WASM_PATH): Promise<Engine> {
  if (wasm instanceof WebAssembly.Module) return new Engine(wasm, source);
  try {
    return new Engine(await WebAssembly.compile(wasm), source);
  } catch (error) {
    throw corrupt(error, source);
  }
}

/** The same, at once (Node, or a Web Worker; a browser's main thread allows only small modules). */
export function loadEngineSync(wasm: BufferSource | WebAssembly.Module, source = WASM_PATH): Engine {
  if (wasm instanceof WebAssembly.Module) return new Engine(wasm, source);
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(wasm);
  } catch (error) {
    throw corrupt(error, source);
  }
  return new Engine(module, source);
}

function corrupt(error: unknown, source: string): Error {
  if (error instanceof WebAssembly.CompileError || error instanceof TypeError) {
    return new Error(`${source} is not a valid WebAssembly engine (${error.message}); rebuild it with \`${REBUILD}\``);
  }
  return error as Error;
}

/** The book's network: train, query, weights out, the model file in and out. */
export class EngineNetwork {
  readonly inputNodes: number;
  readonly hiddenNodes: number;
  readonly outputNodes: number;
  readonly learningRate: number;
  private readonly wasm: Exports;
  /** Samples given to train and not yet learned from: they are learned in batches, before anything reads the network. */
  private pending = 0;

  constructor(wasm: Exports, options: NetworkOptions, source: string) {
    const { inputNodes, hiddenNodes, outputNodes, learningRate } = options;
    for (const [name, count] of [["inputNodes", inputNodes], ["hiddenNodes", hiddenNodes], ["outputNodes", outputNodes]] as const) {
      if (!Number.isInteger(count) || count < 1) throw new Error(`createNetwork: ${name} must be a whole number of at least 1, got ${count}`);
    }
    if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
      throw new Error(`createNetwork: learningRate must be a number above 0 (the book uses 0.1 to 0.3), got ${learningRate}`);
    }
    this.inputNodes = inputNodes;
    this.hiddenNodes = hiddenNodes;
    this.outputNodes = outputNodes;
    this.learningRate = learningRate;
    this.wasm = wasm;
    if (wasm.configure(inputNodes, hiddenNodes, outputNodes, learningRate, BATCH) !== 0) throw new Error(`${source}: the engine could not be set up (it holds one network per instance)`);
    const rng = createRng(options.seed ?? 1);
    // Drawn in the reference's order (wih, then who) even when given, so a given wih keeps the seed's who.
    const wih = initWeights(hiddenNodes, inputNodes, rng).data;
    const who = initWeights(outputNodes, hiddenNodes, rng).data;
    this.view("wih").set(options.wih === undefined ? wih : weightsFrom("wih", options.wih, hiddenNodes, inputNodes, "hiddenNodes x inputNodes"));
    this.view("who").set(options.who === undefined ? who : weightsFrom("who", options.who, outputNodes, hiddenNodes, "outputNodes x hiddenNodes"));
  }

  /**
   * One step of learning from one example. The inputs are checked and copied now; the step itself
   * is made with the next ones in a batch, which is faster, and always before the network is read.
   */
  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
    this.put("train", this.pending, inputs, targets);
    if (++this.pending === BATCH) this.flush();
  }

  /** One step for each sample, in order (with rotations, three: as it is, +10 and -10 degrees). Returns the steps made. */
  trainEpoch(samples: Iterable<Sample>, options: EpochOptions = {}): number {
    if (options.rotations && this.inputNodes !== 784) throw new Error(`trainEpoch: rotations turn 28 x 28 pictures (784 inputs), but this network has ${this.inputNodes} inputs`);
    this.flush();
    let steps = 0;
    for (const { inputs, targets } of samples) {
      for (const turned of options.rotations ? augment(this.checked("trainEpoch", "inputs", inputs, this.inputNodes)) : [inputs]) {
        this.put("trainEpoch", this.pending, turned, targets);
        steps++;
        if (++this.pending === BATCH) {
          this.flush();
          options.onProgress?.(steps);
        }
      }
    }
    if (this.pending > 0) {
      this.flush();
      options.onProgress?.(steps);
    }
    return steps;
  }

  /** Make the training steps still waiting in the batch. */
  private flush(): void {
    if (this.pending === 0) return;
    this.wasm.trainBatch(this.pending);
    this.pending = 0;
  }

  /** Feed the inputs forward; returns the output layer's values. */
  query(inputs: ArrayLike<number>): number[] {
    this.flush();
    this.view("inputs", 0, this.inputNodes).set(this.checked("query", "inputs", inputs, this.inputNodes));
    this.wasm.query();
    return Array.from(this.view("outputs"));
  }

  /** A copy of the weights from the input to the hidden layer, hiddenNodes x inputNodes. */
  get wih(): MatrixLike {
    this.flush();
    return { rows: this.hiddenNodes, cols: this.inputNodes, data: Float64Array.from(this.view("wih")) };
  }

  /** A copy of the weights from the hidden to the output layer, outputNodes x hiddenNodes. */
  get who(): MatrixLike {
    this.flush();
    return { rows: this.outputNodes, cols: this.hiddenNodes, data: Float64Array.from(this.view("who")) };
  }

  /** The model file of `npm run train`. */
  toJson(): string {
    return modelToJson(this);
  }

  private put(method: string, slot: number, inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
    const i = this.checked(method, "inputs", inputs, this.inputNodes);
    const t = this.checked(method, "targets", targets, this.outputNodes);
    this.view("inputs", slot * this.inputNodes, this.inputNodes).set(i);
    this.view("targets", slot * this.outputNodes, this.outputNodes).set(t);
  }

  /** The same checks, and the same messages, as the reference network's. */
  private checked(method: string, name: string, values: ArrayLike<number>, expected: number): ArrayLike<number> {
    if (values === null || typeof values !== "object" || typeof values.length !== "number") {
      throw new Error(`${method}: ${name} must be an array of ${expected} numbers, got ${String(values)}`);
    }
    if (values.length !== expected) throw new Error(`${method}: expected ${expected} ${name}, one for each node, but got ${values.length}`);
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) throw new Error(`${method}: ${name}[${i}] is ${values[i]}; every one must be a finite number`);
    }
    return values;
  }

  /** A view of the engine's memory, f32 (made afresh each time: growing the memory detaches old views). */
  private view(what: "wih" | "who" | "inputs" | "targets" | "outputs", offset = 0, length?: number): Float32Array {
    const w = this.wasm;
    const [pointer, size] = {
      wih: [w.wihPointer(), this.hiddenNodes * this.inputNodes],
      who: [w.whoPointer(), this.outputNodes * this.hiddenNodes],
      inputs: [w.inputsPointer(), BATCH * this.inputNodes],
      targets: [w.targetsPointer(), BATCH * this.outputNodes],
      outputs: [w.outputsPointer(), this.outputNodes],
    }[what];
    return new Float32Array(w.memory.buffer, pointer + offset * 4, length ?? size);
  }
}

/** Given weights as rows or flat, checked against the shape the network needs; both shapes are named when they differ. */
function weightsFrom(name: string, weights: number[][] | ArrayLike<number>, rows: number, cols: number, meaning: string): Float64Array {
  const expected = `${rows}x${cols} (${meaning})`;
  let flat: ArrayLike<number>;
  if (Array.isArray(weights) && weights.length > 0 && Array.isArray(weights[0])) {
    const matrix = weights as number[][];
    const bad = matrix.findIndex((row) => !Array.isArray(row) || row.length !== cols);
    if (matrix.length !== rows || bad >= 0) {
      const got = bad >= 0 && matrix.length === rows ? `${matrix.length} rows, row ${bad} with ${Array.isArray(matrix[bad]) ? matrix[bad].length : "no"} numbers` : `${matrix.length}x${matrix[0].length}`;
      throw new Error(`createNetwork: ${name} should be ${expected}, but it is ${got}`);
    }
    flat = matrix.flat();
  } else {
    flat = weights as ArrayLike<number>;
    if (flat.length !== rows * cols) throw new Error(`createNetwork: ${name} should be ${expected}, ${rows * cols} numbers, but it has ${flat.length}`);
  }
  const data = Float64Array.from(flat);
  const at = data.findIndex((w) => !Number.isFinite(w));
  if (at >= 0) throw new Error(`createNetwork: ${name} entry ${at} is ${data[at]}, not a finite number`);
  return data;
}
