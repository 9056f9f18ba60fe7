// TypeScript's own diagnostics for the learner's files (vitest strips types without checking
// them). The checker runs in a worker thread (typecheck-worker.mjs) and stays warm for watch mode.
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

export class TypeChecker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (diagnostics: Diagnostic[]) => void>();

  constructor(private readonly root: string) {}

  /** Diagnostics in `files` (course-relative), checked with everything they import. */
  check(files: string[]): Promise<Diagnostic[]> {
    const worker = (this.worker ??= this.startWorker());
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ id, files });
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    for (const resolve of this.waiting.values()) resolve([]);
    this.waiting.clear();
  }

  private startWorker(): Worker {
    const worker = new Worker(fileURLToPath(new URL("./typecheck-worker.mjs", import.meta.url)), { workerData: { root: this.root }, execArgv: [] });
    worker.on("message", ({ id, diagnostics }: { id: number; diagnostics: Diagnostic[] }) => {
      this.waiting.get(id)?.(diagnostics);
      this.waiting.delete(id);
    });
    worker.on("error", () => this.close());
    return worker;
  }
}
