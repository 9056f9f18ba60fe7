// What the page and the training worker say to each other.
import type { Weights } from "./network";

export interface TrainRequest {
  type: "train";
  /** Where the server serves the learner's exercises/. */
  learnerBase: string;
  hidden: number;
  /** Training images (the first `count` of MNIST's 60,000). */
  count: number;
  epochs: number;
  rate: number;
  seed: number;
  trainer: Trainer;
  /** Where the server serves the engine's module and its .wasm (when this copy of the course has it). */
  engine?: EngineAddress;
}

export interface EngineAddress {
  module: string;
  wasm: string;
}

export type Trainer = "engine" | "mine";

export type TrainReport =
  | { type: "start"; trainer: Trainer; total: number }
  | { type: "progress"; seen: number; total: number; seconds: number; training: number; accuracy?: number; weights?: Weights }
  | { type: "done"; seconds: number; training: number; weights: Weights; trainer: Trainer }
  | { type: "error"; message: string; stack?: string; dir?: string };

/** MNIST from the server: `count` images of 784 bytes, then `count` labels. */
export async function fetchMnist(set: "train" | "test", count: number): Promise<{ images: Uint8Array; labels: Uint8Array; count: number }> {
  const response = await fetch(`/api/mnist?set=${set}&count=${count}`);
  if (!response.ok) throw new Error(`the lab server could not send MNIST ${set} images: ${(await response.json()).error}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { images: bytes.subarray(0, count * 784), labels: bytes.subarray(count * 784), count };
}
