// TypeScript's own diagnostics for the learner's files (vitest strips types without checking
// them). The checker runs in a worker thread (typecheck-worker.mjs) and stays warm for watch mode.
// Its answer is remembered with the fingerprint of every file the check reads (deps.ts), so a
// `npm run next` with nothing edited since the last check does not start TypeScript at all:
// loading it and the standard library's types takes one to two seconds.
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { fingerprint, importClosure } from "../harness/deps";
import { loadState, updateState, type Diagnostic } from "./state";

export type { Diagnostic } from "./state";

export class TypeChecker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (diagnostics: Diagnostic[]) => void>();
  /** Checks asked for and not answered yet, by files and fingerprint. */
  private readonly inFlight = new Map<string, Promise<Diagnostic[]>>();

  constructor(private readonly root: string) {}

  /** Diagnostics in `files` (course-relative), checked with everything they import. */
  check(files: string[]): Promise<Diagnostic[]> {
    const key = files.join("\n");
    const print = fingerprint(this.root, [...importClosure(this.root, files), "tsconfig.json", "runner/cli/typecheck-worker.mjs"]);
    const known = loadState(this.root).typeChecks[key];
    if (known && known.fingerprint === print) return Promise.resolve(known.diagnostics);
    // `next` asks early and again after the tests: the same files, one check.
    const asked = `${key}\0${print}`;
    let answer = this.inFlight.get(asked);
    if (!answer) {
      answer = this.run(files).then((diagnostics) => {
        if (this.worker) updateState(this.root, (state) => void (state.typeChecks[key] = { fingerprint: print, diagnostics }));
        return diagnostics;
      });
      void answer.then(() => this.inFlight.delete(asked)); // run() always resolves
      this.inFlight.set(asked, answer);
    }
    return answer;
  }

  /**
   * Start TypeScript now (watch mode: it is ready by the first save), and read `files` with what
   * they import, so that the check after their first edit only has to look at what changed.
   */
  warmUp(files: string[] = []): void {
    void this.run(files);
  }

  private run(files: string[]): Promise<Diagnostic[]> {
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
