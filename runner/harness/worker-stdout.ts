// Loaded before each test file by the runner's warm vitest (session.ts), whose workers are threads.
// A worker thread's process.stdout passes its text on only when the worker's event loop turns, so a
// test that trains synchronously for minutes (the MNIST gate) would show nothing until it ended.
// Writing straight to the process's stdout (file descriptor 1) sends each line as it is written.
// NN_KATA_STDOUT_TTY=1 says the runner shows that output on a terminal: a progress bar may redraw.
import fs from "node:fs";
import { isMainThread } from "node:worker_threads";
import { readEnv } from "./env";

const patched = Symbol.for("nn-kata.worker-stdout");
const stdout = process.stdout as typeof process.stdout & { [patched]?: true };

if (!isMainThread && !stdout[patched]) {
  stdout[patched] = true;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  stdout.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void) => {
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk;
    let error: Error | null = null;
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += fs.writeSync(1, bytes, offset);
      } catch (caught) {
        // The pipe is full for a moment (the runner reads it as fast as it can): wait and go on.
        if ((caught as NodeJS.ErrnoException).code === "EAGAIN") Atomics.wait(pause, 0, 0, 1);
        else {
          error = caught as Error;
          break;
        }
      }
    }
    if (callback) process.nextTick(callback, error);
    return true;
  }) as typeof stdout.write;
  if (readEnv().stdoutTty) stdout.isTTY = true;
}
