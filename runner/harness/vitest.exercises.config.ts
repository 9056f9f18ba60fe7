// Vitest settings for running the course's tests in a child process (see driver.ts).
// NN_KATA_TESTS picks the tree whose tests run ("exercises" by default, "solutions" for the
// self-check); NN_KATA_REDIRECT, a JSON RedirectOptions, swaps implementations (stubs / reference).
// NN_KATA_LIVE (set by session.ts) sends what tests print to the runner as it is printed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { TEST_TIMEOUT_MS } from "./manifest.ts";
import { redirectPlugin, type RedirectOptions } from "./redirect-plugin.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.env.NN_KATA_ROOT ?? path.resolve(here, "../..");
const tree = process.env.NN_KATA_TESTS ?? "exercises";
const redirect = process.env.NN_KATA_REDIRECT ? (JSON.parse(process.env.NN_KATA_REDIRECT) as RedirectOptions) : undefined;

export default defineConfig({
  root,
  plugins: redirect ? [redirectPlugin(redirect)] : [],
  test: {
    include: [`${tree}/**/*.test.ts`],
    // Learners see their own failures; a long-running exercise sets its own timeout.
    testTimeout: TEST_TIMEOUT_MS,
    watch: false,
    setupFiles: process.env.NN_KATA_LIVE ? [path.join(here, "worker-stdout.ts")] : [],
  },
});
