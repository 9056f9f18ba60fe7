// Vitest settings for running the course's tests in a child process (see driver.ts).
// NN_KATA_TESTS picks the tree whose tests run ("exercises" by default, "solutions" for the
// self-check); NN_KATA_REDIRECT, a JSON RedirectOptions, swaps implementations (stubs / reference).
// NN_KATA_LIVE (set by session.ts) sends what tests print to the runner as it is printed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { TEST_TIMEOUT_MS } from "./manifest.ts";
import { readEnv } from "./env.ts";
import { redirectPlugin } from "./redirect-plugin.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const env = readEnv();
const root = env.root ?? path.resolve(here, "../..");
const tree = env.tests ?? "exercises";
const redirect = env.redirect;

export default defineConfig({
  root,
  plugins: redirect ? [redirectPlugin(redirect)] : [],
  test: {
    include: [`${tree}/**/*.test.ts`],
    // Learners see their own failures; a long-running exercise sets its own timeout.
    testTimeout: TEST_TIMEOUT_MS,
    watch: false,
    setupFiles: env.live ? [path.join(here, "worker-stdout.ts")] : [],
  },
});
