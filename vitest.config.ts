// `npm test`: the maintainer's self-check. It never reads the learner's exercises/ folder:
// the course's tests run against the reference solutions, and scripts/selfcheck.test.ts
// proves every generated stub fails every test of its exercise.
import os from "node:os";
import { defineConfig } from "vitest/config";
import { gateOnEnginePlugin } from "./tools/engine/gate-plugin.ts";

export default defineConfig({
  // Exercise 19's gate trains on all of MNIST: here it runs on the engine, which the engine's own
  // tests prove equal to the reference network (tools/engine/engine.test.ts).
  plugins: [gateOnEnginePlugin()],
  test: {
    include: ["solutions/**/*.test.ts", "runner/**/*.test.ts", "tools/**/*.test.ts", "scripts/**/*.test.ts", "grading/**/*.test.ts", "data/**/*.test.ts"],
    exclude: ["**/node_modules/**", "exercises/**", ".nn-kata/**"],
    testTimeout: 20_000,
    // Two test files at a time even on two cores (vitest's default there is one): most of the
    // slow files wait on processes they start (npm, vitest, chromium, bubblewrap), so the second
    // file fills the time. Measured on 2 cores: 768 s one at a time, 540 s two at a time.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Copying the course for the CLI's end-to-end tests takes a second on a quiet machine and far
    // longer on a shared, busy one: a hook is a set-up step, not a measurement.
    hookTimeout: 120_000,
  },
});
