// Asked by the watchdog just before it kills a run that ran out of time: what are the tests'
// worker threads doing? This runs in the vitest child's main thread, which is free while tests
// run in worker threads, and asks each worker through node:inspector. A worker that is computing
// pauses where it is, and its call stack says which modules the time went into. A worker with no
// JavaScript running (waiting on a promise that never settles) pauses only in the probe's own
// one-line script: that is how "waiting" is told from "busy" without any timing.
// Plain JavaScript, beside vitest-child.mjs, so the child loads it without a TypeScript loader.
import { Session } from "node:inspector";
import { SourceMap } from "node:module";

const PROBE = "void 'nn-kata: where is the time going?'";

/**
 * One entry per worker thread: {state: "busy", frames: [{url, line, column, functionName}]}
 * (lines and columns 1-based, mapped through the module's source map when it has one), or
 * {state: "waiting"}. Undefined when the inspector cannot be used.
 */
export async function whereStuck(limitMs = 3000) {
  let session;
  try {
    session = new Session();
    session.connect();
  } catch {
    return undefined;
  }
  const workers = new Map();
  let nextId = 1;
  const send = (sessionId, method, params = {}) =>
    session.post("NodeWorker.sendMessageToWorker", { sessionId, message: JSON.stringify({ id: nextId++, method, params }) }, () => {});

  try {
    return await new Promise((resolve) => {
      const finish = () => resolve([...workers.values()].filter((w) => w.answer).map((w) => w.answer));
      const timer = setTimeout(finish, limitMs);
      let enabled = false;
      const settleIfDone = () => {
        if (enabled && [...workers.values()].every((w) => w.answer)) {
          clearTimeout(timer);
          finish();
        }
      };
      session.on("NodeWorker.attachedToWorker", ({ params }) => {
        const worker = { scripts: new Map(), answer: undefined };
        workers.set(params.sessionId, worker);
        send(params.sessionId, "Debugger.enable");
        // A busy worker stops at its next statement; an idle one first runs the probe, and stops there.
        send(params.sessionId, "Debugger.pause");
        send(params.sessionId, "Runtime.evaluate", { expression: PROBE });
      });
      session.on("NodeWorker.receivedMessageFromWorker", ({ params }) => {
        const worker = workers.get(params.sessionId);
        if (!worker || worker.answer) return;
        const message = JSON.parse(params.message);
        if (message.method === "Debugger.scriptParsed") {
          worker.scripts.set(message.params.scriptId, message.params);
        } else if (message.method === "Debugger.paused") {
          const frames = message.params.callFrames.map((frame) => place(worker.scripts.get(frame.location.scriptId), frame));
          const own = worker.scripts.get(message.params.callFrames[0]?.location.scriptId);
          const idle = frames.length === 1 && own && !own.url && own.length === PROBE.length;
          worker.answer = idle ? { state: "waiting" } : { state: "busy", frames: frames.filter((f) => f.url) };
          // Let it go on; the watchdog kills it next.
          send(params.sessionId, "Debugger.resume");
          settleIfDone();
        }
      });
      session.post("NodeWorker.enable", { waitForDebuggerOnStart: false }, (error) => {
        if (error) {
          clearTimeout(timer);
          resolve(undefined);
        } else {
          // Every worker there is has been announced (attachedToWorker) by the time this answer comes.
          enabled = true;
          settleIfDone();
        }
      });
    });
  } finally {
    session.disconnect();
  }
}

/** A frame's place in the source the learner wrote (the generated code's position, mapped). */
function place(script, frame) {
  const generated = { line: frame.location.lineNumber, column: frame.location.columnNumber ?? 0 };
  const original = script?.sourceMapURL ? originalPosition(script.sourceMapURL, generated) : undefined;
  const at = original ?? generated;
  return { url: script?.url ?? "", line: at.line + 1, column: at.column + 1, functionName: frame.functionName };
}

const mapCache = new Map();

/** Maps a 0-based generated position through an inline (data:) source map; undefined otherwise. */
function originalPosition(sourceMapURL, { line, column }) {
  let map = mapCache.get(sourceMapURL);
  if (!map) {
    const match = /^data:application\/json[^,]*?(;base64)?,(.*)$/s.exec(sourceMapURL);
    if (!match) return undefined;
    try {
      map = new SourceMap(JSON.parse(match[1] ? Buffer.from(match[2], "base64").toString("utf8") : decodeURIComponent(match[2])));
    } catch {
      return undefined;
    }
    mapCache.set(sourceMapURL, map);
  }
  // The last mapping at or before the position, if it is on the same generated line.
  const entry = map.findEntry(line, column);
  return entry.generatedLine === line ? { line: entry.originalLine, column: entry.originalColumn } : undefined;
}
