// The runner's server: one per course folder, started by the first `npm run next` (bin.mjs) and
// gone 10 minutes after the last. It keeps what makes a fresh `next` slow ready between calls:
// Node with its TypeScript loader and the runner loaded, vitest started in its child process
// (session.ts, with its watchdog), and TypeScript's checker warm. A call sends the command's words
// over a socket and gets back what the command printed and its exit code, exactly as the command
// prints them in a process of its own (main.ts runs both). One call at a time, in arrival order.
//
// It answers only calls from the same code and settings (identity.mjs); any other call makes it
// step down, and bin.mjs starts a fresh one. It also leaves when the course folder is deleted.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readEnv } from "../../harness/env";
import { loadManifest, stubPaths } from "../../harness/manifest";
import { runCli } from "../main";
import { loadState } from "../state";
import { TestSession } from "../session";
import { TypeChecker } from "../typecheck";
import { codeVersion, serverFile, settingsKey, socketPath } from "./identity.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const IDLE_MS = (readEnv().serverIdleSeconds ?? 600) * 1000;
/** How often the server looks whether its course folder and socket are still there. */
const LOOK_MS = 2_000;

const version = codeVersion(root);
/** The caller that started this server wrote to a terminal (bin.mjs says so with --tty). */
const tty = process.argv.includes("--tty");
const settings = settingsKey(process.env, tty);
const session = new TestSession({ root, stdoutTty: tty });
const checker = new TypeChecker(root);
const where = socketPath(root);

interface Request {
  argv: string[];
  version: string;
  settings: string;
}

let queue: Promise<void> = Promise.resolve();
let idle: NodeJS.Timeout | undefined;
let leaving = false;
/** TypeScript has been given the current exercise to read (after the first call). */
let warmedUp = false;

const server = net.createServer((socket) => {
  let buffer = "";
  socket.setEncoding("utf8");
  socket.on("error", () => {});
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    const at = buffer.indexOf("\n");
    if (at < 0) return;
    const line = buffer.slice(0, at);
    buffer = "";
    let request: Request;
    try {
      request = JSON.parse(line) as Request;
    } catch {
      socket.destroy();
      return;
    }
    if (leaving || request.version !== version || request.settings !== settings) {
      // Another runner or other settings: stop listening first, so the fresh server can take the socket.
      if (!leaving) leave(`a call came from ${request.version !== version ? "other runner code" : "other settings"}`);
      socket.end(JSON.stringify({ stale: true }) + "\n");
      return;
    }
    queue = queue.then(() => serve(socket, request));
  });
});

/** Run one command for one caller; if the caller hangs up (Ctrl-C), the run is stopped. */
async function serve(socket: net.Socket, request: Request): Promise<void> {
  clearTimeout(idle);
  if (socket.destroyed) return waitForNext();
  const send = (message: object) => {
    if (!socket.destroyed) socket.write(JSON.stringify(message) + "\n");
  };
  console.log(`${new Date().toISOString()} serving: ${request.argv.join(" ")}`);
  const hungUp = () => session.close();
  socket.once("close", hungUp);
  let code = 1;
  try {
    code = await runCli(request.argv, {
      out: { isTTY: tty, write: (text: string) => send({ out: text }) },
      env: process.env,
      session,
      checker,
    });
  } catch (error) {
    send({ out: `${(error as Error)?.stack ?? error}\n` });
  } finally {
    socket.off("close", hungUp);
  }
  send({ exit: code });
  socket.end();
  // TypeScript loads the exercise the report is about while the learner reads it, so the check
  // after their first edit is as quick as the ones after.
  if (!warmedUp) checker.warmUp(currentFiles());
  warmedUp = true;
  waitForNext();
}

/** The files of the exercise the learner was last shown. */
function currentFiles(): string[] {
  const ex = loadManifest(root).exercises.find((e) => e.dir === loadState(root).current);
  return ex ? stubPaths(ex) : [];
}

function waitForNext(): void {
  clearTimeout(idle);
  idle = setTimeout(() => leave("idle"), IDLE_MS);
}

/** Stop taking calls, finish the ones taken, and go. */
function leave(why: string): void {
  if (leaving) return;
  leaving = true;
  console.log(`${new Date().toISOString()} leaving: ${why}`);
  server.close();
  void queue.then(() => {
    session.close();
    checker.close();
    if (ownFile()) fs.rmSync(serverFile(root), { force: true });
    process.exit(0);
  });
}

const ownFile = () => {
  try {
    return JSON.parse(fs.readFileSync(serverFile(root), "utf8")).pid === process.pid;
  } catch {
    return false;
  }
};

/** Listen; a socket file left by a server that died is removed, one that answers means another server is there. */
function listen(): Promise<boolean> {
  return new Promise((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE") return resolve(false);
      const probe = net.connect(where);
      probe.once("connect", () => {
        probe.destroy();
        resolve(false);
      });
      probe.once("error", () => {
        fs.rmSync(where, { force: true });
        server.once("error", () => resolve(false));
        server.listen(where, () => resolve(true));
      });
    });
    server.listen(where, () => resolve(true));
  });
}

fs.mkdirSync(path.join(root, ".nn-kata"), { recursive: true });
if (!(await listen())) {
  console.log("another server answers for this course; leaving");
  process.exit(0);
}
fs.writeFileSync(serverFile(root), JSON.stringify({ pid: process.pid, socket: where, version, started: new Date().toISOString() }) + "\n");
console.log(`${new Date().toISOString()} listening on ${where}`);
waitForNext();
// The course folder was deleted (or the socket taken over): nobody can call this server any more.
setInterval(() => {
  if (!fs.existsSync(path.join(root, "package.json")) || (process.platform !== "win32" && !fs.existsSync(where))) leave("the course folder or the socket is gone");
}, LOOK_MS).unref();
process.on("uncaughtException", (error) => {
  console.log(`${new Date().toISOString()} ${error.stack ?? error}`);
  session.close();
  process.exit(1);
});
process.on("SIGTERM", () => leave("SIGTERM"));
process.on("SIGINT", () => leave("SIGINT"));
