// A setup file for grading runs: what the learner's code prints during a test (console.* and
// process.stdout/stderr.write) is kept on the test's meta, bounded, so the grader's reporter can
// put it in the reports (vitest 4 hands console output only to its built-in reporters).
import { format } from "node:util";
import { afterEach, beforeEach } from "vitest";

const PER_TEST = 4_000;
let current: { meta: Record<string, unknown> } | undefined;
beforeEach((context) => {
  current = context.task as unknown as { meta: Record<string, unknown> };
});
afterEach(() => {
  current = undefined;
});
const keep = (text: string) => {
  if (!current) return;
  const sofar = (current.meta.output as string | undefined) ?? "";
  if (sofar.length < PER_TEST) current.meta.output = sofar + text.slice(0, PER_TEST - sofar.length);
};

const held = globalThis as unknown as { __nnKataOutput?: boolean };
if (!held.__nnKataOutput) {
  held.__nnKataOutput = true;
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      keep(format(...args) + "\n");
      original(...args);
    };
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : String(chunk));
      return original(chunk, ...rest);
    }) as typeof stream.write;
  }
}
