// Runs inside the child process that driver.ts starts: one vitest run, results streamed to the
// parent over IPC as they happen, so a hang still leaves the parent knowing what finished.
// Plain JavaScript so the child starts without a TypeScript loader.
import path from "node:path";
import { startVitest } from "vitest/node";

const args = JSON.parse(process.argv[2]);
const pending = [];
const send = (message) => {
  if (!process.send) return;
  pending.push(new Promise((resolve) => process.send(message, undefined, {}, () => resolve())));
};
const rel = (file) => path.relative(args.root, file).split(path.sep).join("/");

const serializeError = (error) => ({
  message: String(error?.message ?? error),
  name: error?.name,
  expected: error?.expected,
  actual: error?.actual,
  diff: error?.diff,
  stack: error?.stack,
  frame: error?.frame,
});

const serializeTest = (test) => {
  const result = test.result();
  return {
    file: rel(test.module.moduleId),
    name: test.name,
    fullName: test.fullName,
    state: result.state,
    errors: (result.errors ?? []).map(serializeError),
    durationMs: test.diagnostic()?.duration ?? 0,
  };
};

const collector = {
  onTestCaseReady(test) {
    send({ type: "test-start", file: rel(test.module.moduleId), fullName: test.fullName });
  },
  onTestCaseResult(test) {
    send({ type: "test-end", test: serializeTest(test) });
  },
  onUserConsoleLog(log) {
    send({ type: "log", content: log.content, stream: log.type });
  },
  onTestRunEnd(modules, unhandledErrors, reason) {
    send({
      type: "run-end",
      reason,
      files: modules.map((module) => ({
        file: rel(module.moduleId),
        state: module.state(),
        errors: module.errors().map(serializeError),
        tests: [...module.children.allTests()].map(serializeTest),
      })),
      unhandledErrors: unhandledErrors.map(serializeError),
    });
  },
};

try {
  const vitest = await startVitest("test", args.files, {
    config: args.config,
    root: args.root,
    watch: false,
    reporters: [collector],
    ...(args.testNamePattern ? { testNamePattern: args.testNamePattern } : {}),
  });
  await vitest?.close();
} catch (error) {
  send({ type: "fatal", error: serializeError(error) });
}
// Let IPC flush, then leave even if learner code left timers or handles open.
await Promise.all(pending);
process.exit(0);
