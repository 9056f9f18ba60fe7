// Vitest settings for a grading run in a workspace (see sandbox.ts for what each limit is for).
// NN_KATA_GRADING carries the run's settings; NN_KATA_REDIRECT, set by runner/harness/driver.ts for the
// isolated/ tree, sends imports of other exercises to the course's reference. This file runs
// from the course view (view.ts), so its relative imports stay inside the view.
import path from "node:path";
import { defineConfig } from "vitest/config";
import { ForksPoolWorker, type PoolOptions } from "vitest/node";
import { readEnv } from "../runner/harness/env.ts";
import { redirectPlugin } from "../runner/harness/redirect-plugin.ts";
import { gateOnEnginePlugin } from "../tools/engine/gate-plugin.ts";
import { guardPlugin } from "./guard-plugin.ts";
import type { GradingSettings } from "./sandbox.ts";

const env = readEnv();
const settings = JSON.parse(env.grading ?? "null") as GradingSettings | null;
if (!settings) throw new Error("vitest.grading.config.ts is for grading runs only (NN_KATA_GRADING is not set)");
const redirect = env.redirect;

/**
 * vitest's forks worker, except that module code reaches it over IPC rather than as temporary
 * files it reads (cacheFs): the worker then needs no read access to the workspace, so learner
 * code cannot read the tests, the hidden tests or the reference. Nor does it see the grader's
 * settings in its environment.
 */
class SealedForks extends ForksPoolWorker {
  override name = "nn-kata-forks";
  override cacheFs = false;
  constructor(options: PoolOptions) {
    super(options);
    for (const key of Object.keys(this.env ?? {})) if (key.startsWith("NN_KATA")) delete (this.env as Record<string, string>)[key];
  }
}

export default defineConfig({
  root: settings.workspace,
  cacheDir: path.join(settings.runDir, "vite"),
  // The engine's plugin first: it answers the gate's import before the guard would refuse it.
  plugins: [...(settings.engineNetwork ? [gateOnEnginePlugin(settings.engineNetwork)] : []), guardPlugin(settings), ...(redirect ? [redirectPlugin(redirect)] : [])],
  test: {
    include: ["exercises/**/*.test.ts", "isolated/**/*.test.ts"],
    pool: { name: "nn-kata-forks", createPoolWorker: (options) => new SealedForks(options) },
    isolate: settings.isolate,
    // One worker runs every file (isolate off), but each file starts from fresh modules, keeps
    // what it prints, and finds the built-ins frozen.
    setupFiles: settings.setupFiles,
    maxWorkers: 1,
    execArgv: settings.execArgv,
    // The learner's temporary files go to the one folder the worker may write.
    env: { TMPDIR: settings.scratch, TMP: settings.scratch, TEMP: settings.scratch },
    testTimeout: settings.testTimeoutMs,
    hookTimeout: settings.testTimeoutMs,
    allowOnly: false,
    // Snapshots (the course has none) would be read from beside the tests, which the worker may not read.
    resolveSnapshotPath: (testPath, ext) => path.join(settings.scratch, "snapshots", path.basename(testPath) + ext),
    watch: false,
    // What learner code prints reaches the reports through each test's meta (setup/output.ts).
    onConsoleLog: () => false,
  },
});
