// Vitest's "threads" pool, with one worker thread started ahead of time. Vitest ends a run's
// workers when the run ends and starts new ones for the next run; a new thread spends about
// 0.15 s loading vitest's runtime before it can take a test file. In a long-lived vitest (watch
// mode, the runner's server) that wait falls on every save. Here, when a run's worker stops, a
// spare thread is started in its place and loads the runtime while the learner is typing; the
// next run takes it, with fast-check already loaded too (warm-entry.mjs). Each run still gets a
// fresh thread, so test files stay as isolated from each other and from the previous run as before.
// Plain JavaScript, beside vitest-child.mjs, so the child loads it without a TypeScript loader.
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ThreadsPoolWorker } from "vitest/node";

/** Packages nearly every test file of the course imports, loaded by the spare thread ahead too (warm-entry.mjs). */
const PRELOAD = ["fast-check"];
const warmEntry = new URL("./warm-entry.mjs", import.meta.url);

/** The thread started ahead, and what it was started with (a different setting starts anew). */
let spare;

class WarmThreadsWorker extends ThreadsPoolWorker {
  name = "warm-threads";

  async start() {
    if (!this._thread && spare?.key === this.key()) {
      this._thread = spare.thread;
      this._thread.ref();
      spare = undefined;
    }
    return super.start();
  }

  async stop() {
    await super.stop();
    if (spare) return;
    const thread = new Worker(warmEntry, { env: this.env, execArgv: this.execArgv, stdout: true, stderr: true, workerData: { entry: pathToFileURL(this.entrypoint).href, preload: PRELOAD } });
    // A spare never given work must not keep the process alive or crash it.
    thread.unref();
    thread.on("error", () => spare?.thread === thread && (spare = undefined));
    spare = { key: this.key(), thread };
  }

  key() {
    return JSON.stringify([this.entrypoint, this.execArgv, this.env]);
  }
}

export const warmThreads = { name: "warm-threads", createPoolWorker: (options) => new WarmThreadsWorker(options) };
