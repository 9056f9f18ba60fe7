// Runs inside the child process that driver.ts starts: one vitest run, results streamed to the
// parent over IPC as they happen, so a hang still leaves the parent knowing what finished.
// With `serve: true` (session.ts) it stays alive instead: vitest starts once and runs whatever
// test files the parent asks for, so a re-run after a save costs a fraction of a fresh start.
// Plain JavaScript so the child starts without a TypeScript loader.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createVitest, startVitest } from "vitest/node";
import { whereStuck } from "./where-stuck.mjs";

const args = JSON.parse(process.argv[2]);
const pending = [];
const send = (message) => {
  if (!process.send) return;
  pending.push(new Promise((resolve) => process.send(message, undefined, {}, () => resolve())));
};
const rel = (file) => path.relative(args.root, file).split(path.sep).join("/");

const serializeError = (error, depth = 0) => ({
  message: String(error?.message ?? error),
  name: error?.name,
  expected: error?.expected,
  actual: error?.actual,
  diff: error?.diff,
  stack: error?.stack,
  frame: error?.frame,
  // fast-check keeps the learner's own error (the one a property hit) as the cause.
  ...(error?.cause && depth < 2 ? { cause: serializeError(error.cause, depth + 1) } : {}),
});

const serializeTest = (test) => {
  const result = test.result();
  return {
    file: rel(test.module.moduleId),
    name: test.name,
    fullName: test.fullName,
    state: result.state,
    errors: (result.errors ?? []).map((error) => serializeError(error)),
    durationMs: test.diagnostic()?.duration ?? 0,
    // The grader's setup file keeps what the test printed on its meta.
    ...(typeof test.meta()?.output === "string" ? { output: test.meta().output } : {}),
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
  // A test file's progress (queued, imported, done), for a caller's time limit per file (grading/).
  onTestModuleQueued(module) {
    send({ type: "module", event: "queued", file: rel(module.moduleId) });
  },
  onTestModuleCollected(module) {
    send({ type: "module", event: "collected", file: rel(module.moduleId) });
  },
  onTestModuleEnd(module) {
    send({ type: "module", event: "end", file: rel(module.moduleId) });
  },
  onTestRunEnd(modules, unhandledErrors, reason) {
    send({
      type: "run-end",
      reason,
      files: modules.map((module) => ({
        file: rel(module.moduleId),
        state: module.state(),
        errors: module.errors().map((error) => serializeError(error)),
        tests: [...module.children.allTests()].map(serializeTest),
      })),
      unhandledErrors: unhandledErrors.map((error) => serializeError(error)),
    });
  },
};

// The watchdog's time is up: before it kills this process, say what the test workers are doing.
process.on("message", async (message) => {
  if (message?.type !== "where-stuck") return;
  const workers = await whereStuck().catch(() => undefined);
  process.send?.({ type: "stuck", workers: workers?.map(inCourse) });
});

/** A worker's frames as course-relative files; frames outside the course (vitest, node) are left out. */
const inCourse = (worker) =>
  worker.state === "busy"
    ? { state: "busy", frames: worker.frames.map((f) => ({ ...f, file: courseFile(f.url) })).filter((f) => f.file).map(({ url, ...f }) => f) }
    : worker;

function courseFile(url) {
  let file;
  try {
    file = url.startsWith("file:") ? fileURLToPath(url) : url;
  } catch {
    return undefined;
  }
  if (!path.isAbsolute(file)) return undefined;
  const relative = rel(file);
  return relative.startsWith("..") || relative.split("/").includes("node_modules") ? undefined : relative;
}

if (args.serve) await serve();
else await runOnce();

async function runOnce() {
  // The parent died without stopping this run (killed, or its own process ended): nobody else
  // will, and a worker stuck in a learner's infinite loop would spin forever. This process leads
  // its own group (the driver starts it detached), so take the whole group down.
  process.on("disconnect", () => {
    try {
      process.kill(-process.pid, "SIGKILL");
    } catch {
      process.exit(1);
    }
  });
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
  const cpuMs = treeCpuMs();
  if (cpuMs !== undefined) send({ type: "usage", cpuMs });
  // Let IPC flush, then leave even if learner code left timers or handles open.
  await Promise.all(pending);
  process.exit(0);
}

/**
 * CPU time (user + system, ms) of this process, the workers it waited for, and any still alive
 * or not yet reaped: for the grader's benchmark. A parent cannot count it itself when the run is
 * in a PID namespace (bubblewrap): the kernel reaps what is left there, not the parent. Linux only.
 */
function treeCpuMs() {
  // utime, stime, cutime, cstime: fields 14-17 of stat, counted from the 3rd after the name.
  const ticks = (stat) => {
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  };
  try {
    let total = ticks(fs.readFileSync("/proc/self/stat", "utf8"));
    for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === process.pid) total += ticks(stat);
      } catch {
        // gone meanwhile: reaped, so already in our own children's time
      }
    }
    return total * 10; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

// One message in, one run out: {type: "run", id, files, invalidate} -> test-start/test-end/log
// messages, a run-end, then {type: "run-done", id}. Files that changed on disk must be listed in
// `invalidate`, because vitest's transform cache does not look at the disk again by itself.
async function serve() {
  let vitest;
  try {
    // Only a long-lived vitest starts threads ahead (the grader's one-off runs never load it).
    const { warmThreads } = args.pool === "warm-threads" ? await import("./warm-threads.mjs") : {};
    vitest = await createVitest("test", {
      config: args.config,
      root: args.root,
      watch: false,
      reporters: [collector],
      ...(args.pool ? { pool: warmThreads ?? args.pool } : {}),
    });
  } catch (error) {
    send({ type: "fatal", error: serializeError(error) });
    await Promise.all(pending);
    process.exit(0);
  }
  const queue = [];
  let busy = false;
  const next = async () => {
    if (busy || queue.length === 0) return;
    busy = true;
    const message = queue.shift();
    try {
      for (const file of message.invalidate ?? []) vitest.invalidateFile(path.resolve(args.root, file));
      const project = vitest.getRootProject();
      const specs = message.files.map((file) => project.createSpecification(path.resolve(args.root, file)));
      await vitest.runTestSpecifications(specs);
    } catch (error) {
      send({ type: "fatal", error: serializeError(error) });
    }
    send({ type: "run-done", id: message.id });
    await Promise.all(pending.splice(0));
    busy = false;
    void next();
  };
  process.on("message", (message) => {
    if (message?.type === "run") {
      queue.push(message);
      void next();
    }
  });
  // The parent went away (quit, Ctrl-C, crash): nothing is left to report to.
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready" });
}
