// `npm run next`, as quick as the machine allows. Starting Node with a TypeScript loader, vitest
// and TypeScript costs more than a second before the first test runs; the runner's server
// (server/server.ts) has all three warm and answers over a socket, so this launcher is plain
// JavaScript that only asks it and shows the answer. The first call starts the server (it stays
// for 10 minutes after the last call); when the server cannot answer, the command runs here as
// it always did. Every other command, and `next --edit`, runs here.
// NN_KATA_SERVER=off turns the server off; it is read here, before any TypeScript is loaded.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeVersion, serverLog, settingsKey, socketPath } from "./server/identity.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const argv = process.argv.slice(2);
/** How long a server that is just starting may take before the command runs here instead. */
const START_WAIT_MS = 30_000;

const served = argv[0] === "next" && !argv.some((a) => /^--(edit|edit-cmd|help)(=|$)|^-h$/.test(a)) && !/^(off|0|false|no)$/i.test(process.env.NN_KATA_SERVER ?? "");
if (!served || !(await viaServer())) await runHere();

/** The command in this process, as before the server existed. */
async function runHere() {
  await import("tsx");
  await import("./cli.ts");
}

/** True when the server answered (the exit code is set); false when it could not, before any output. */
async function viaServer() {
  const request = { argv, version: codeVersion(root), settings: settingsKey(process.env, process.stdout.isTTY) };
  for (let attempt = 0; attempt < 2; attempt++) {
    let socket = await connect();
    if (!socket) socket = await startServer();
    if (!socket) return false;
    const answer = await ask(socket, request);
    if (answer === "stale") continue; // that server has stepped down: start one for this code and settings
    if (answer === "lost") {
      process.stderr.write("\n(the runner's background server stopped; running the command again on its own)\n");
      return false;
    }
    return answer !== "unanswered";
  }
  return false;
}

function connect() {
  const where = socketPath(root);
  // Only a socket of this user's: one in a shared temporary folder could be anybody's.
  if (process.platform !== "win32") {
    try {
      if (fs.statSync(where).uid !== process.getuid()) return Promise.resolve(undefined);
    } catch {
      return Promise.resolve(undefined); // no server yet
    }
  }
  return new Promise((resolve) => {
    const socket = net.connect(where);
    socket.once("connect", () => {
      socket.removeAllListeners("error");
      resolve(socket);
    });
    socket.once("error", () => resolve(undefined));
  });
}

/** Start a server for this course, detached so it outlives this call, and connect when it listens. */
async function startServer() {
  fs.mkdirSync(path.join(root, ".nn-kata"), { recursive: true });
  // Appended to, so a server that is still running keeps its lines; started afresh past 1 MB.
  let size = 0;
  try {
    size = fs.statSync(serverLog(root)).size;
  } catch {
    // no log yet
  }
  const log = fs.openSync(serverLog(root), size > 1_000_000 ? "w" : "a");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "server", "server.ts"), ...(process.stdout.isTTY ? ["--tty"] : [])], { cwd: root, detached: true, stdio: ["ignore", log, log], env: process.env });
  fs.closeSync(log);
  let exited = false;
  child.once("exit", () => (exited = true));
  child.once("error", () => (exited = true));
  const started = Date.now();
  try {
    while (!exited && Date.now() - started < START_WAIT_MS) {
      const socket = await connect();
      if (socket) return socket;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  } finally {
    child.unref();
  }
}

/**
 * Send the command, show what comes back. "done" with process.exitCode set; "stale" when the server
 * runs other code or settings; "unanswered" when it closed before saying anything; "lost" when it
 * stopped part way through.
 */
function ask(socket, request) {
  return new Promise((resolve) => {
    let buffer = "";
    let said = false;
    let ended = false;
    const end = (answer) => {
      if (ended) return;
      ended = true;
      process.removeListener("SIGINT", interrupted);
      process.removeListener("SIGTERM", interrupted);
      socket.destroy();
      resolve(answer);
    };
    // Ctrl-C: hanging up tells the server to stop the run; the server itself stays for the next call.
    const interrupted = () => {
      socket.destroy();
      process.exit(130);
    };
    process.once("SIGINT", interrupted);
    process.once("SIGTERM", interrupted);
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => {
      buffer += chunk;
      let at;
      while ((at = buffer.indexOf("\n")) >= 0) {
        const message = JSON.parse(buffer.slice(0, at));
        buffer = buffer.slice(at + 1);
        if (message.stale) return end("stale");
        said = true;
        if (message.out !== undefined) process.stdout.write(message.out);
        if (message.exit !== undefined) {
          process.exitCode = message.exit;
          return end("done");
        }
      }
    });
    socket.on("error", () => {});
    socket.on("close", () => end(said ? "lost" : "unanswered"));
    socket.write(JSON.stringify(request) + "\n");
  });
}
