// The engine in Node: read the committed engine.wasm from the repository and compile it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REBUILD, loadEngineSync, type Engine } from "./index";

export const wasmFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "engine.wasm");

let cached: Engine | undefined;

/** The engine from `file` (default: tools/engine/engine.wasm), compiled once per process for the default file. */
export function loadEngineFile(file = wasmFile): Engine {
  if (file === wasmFile && cached) return cached;
  if (!fs.existsSync(file)) throw new Error(`The engine's WebAssembly file ${file} is missing; build it with \`${REBUILD}\``);
  const engine = loadEngineSync(fs.readFileSync(file), file);
  if (file === wasmFile) cached = engine;
  return engine;
}
