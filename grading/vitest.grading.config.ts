// Vitest settings for a grading run in a workspace (see sandbox.ts for what each limit is for).
// NN_KATA_GRADING carries the run's settings; NN_KATA_REDIRECT, set by runner/harness/driver.ts for the
// isolated/ tree, sends imports of other exercises to the course's reference.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { readEnv } from "../runner/harness/env.ts";
import { redirectPlugin } from "../runner/harness/redirect-plugin.ts";
import { guardPlugin } from "./guard-plugin.ts";
import type { GradingSettings } from "./sandbox.ts";

const env = readEnv();
const settings = JSON.parse(env.grading ?? "null") as GradingSettings | null;
if (!settings) throw new Error("vitest.grading.config.ts is for grading runs only (NN_KATA_GRADING is not set)");
const redirect = env.redirect;

// What the learner's code prints, kept per test and bounded: a loop that prints forever must not
// fill the grader's memory, so vitest's own log forwarding is switched off (return false).
const PER_TEST = 4_000;
const TOTAL = 400_000;
let written = 0;
const perTest = new Map<string, number>();

export default defineConfig({
  root: settings.workspace,
  cacheDir: path.join(settings.runDir, "vite"),
  plugins: [guardPlugin(settings), ...(redirect ? [redirectPlugin(redirect)] : [])],
  test: {
    include: ["exercises/**/*.test.ts", "isolated/**/*.test.ts"],
    pool: "forks",
    isolate: settings.isolate,
    // One worker runs every file (isolate off), but each file starts from fresh modules.
    setupFiles: [settings.setupFile],
    maxWorkers: 1,
    execArgv: settings.execArgv,
    // The learner's temporary files go to the one folder the worker may write.
    env: { TMPDIR: settings.scratch, TMP: settings.scratch, TEMP: settings.scratch },
    testTimeout: settings.testTimeoutMs,
    hookTimeout: settings.testTimeoutMs,
    allowOnly: false,
    watch: false,
    onConsoleLog(log, type, entity) {
      const key = entity && "fullName" in entity ? `${entity.module.moduleId}\0${entity.fullName}` : "";
      const used = perTest.get(key) ?? 0;
      if (used < PER_TEST && written < TOTAL) {
        const content = log.slice(0, PER_TEST - used);
        perTest.set(key, used + content.length);
        written += content.length;
        const test = entity && "fullName" in entity ? { file: path.relative(settings.workspace, entity.module.moduleId).split(path.sep).join("/"), test: entity.fullName } : {};
        fs.appendFileSync(settings.consoleLog, JSON.stringify({ ...test, type, content }) + "\n");
      }
      return false;
    },
  },
});
