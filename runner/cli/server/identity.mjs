// What the launcher (bin.mjs) and the runner's server (server.ts) must agree on: where the server
// listens for a course, and which code and settings it runs with. A server answers only a call
// whose version and settings match its own, so an edited runner, an updated package or another
// language setting never gets an answer from an old server: that server steps down and a new one
// starts. Plain JavaScript: the launcher reads it before any TypeScript loader is there.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The longest Unix socket path that works on Linux and macOS (sun_path is 104-108 bytes). */
const SOCKET_PATH_MAX = 100;

const hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/** Where the server of the course at `root` listens: in its .nn-kata folder if the path is short enough. */
export function socketPath(root) {
  if (process.platform === "win32") return `\\\\.\\pipe\\nn-kata-${hash(root)}`;
  const local = path.join(root, ".nn-kata", "server.sock");
  if (local.length <= SOCKET_PATH_MAX) return local;
  return path.join(os.tmpdir(), `nn-kata-${process.getuid?.() ?? "user"}-${hash(root)}.sock`);
}

/** Where the server writes its pid and what went wrong, if anything did. */
export const serverFile = (root) => path.join(root, ".nn-kata", "server.json");
export const serverLog = (root) => path.join(root, ".nn-kata", "server.log");

/** The code a server has loaded: the runner, the course's data helpers, the packages, the settings. */
const CODE = ["runner/cli", "runner/harness", "data"];
const SETTINGS = ["package.json", "tsconfig.json", "exercises/manifest.json", "node_modules/.package-lock.json"];

/** Changes whenever a file of the runner's own code or settings changes (by time and size: no file is read). */
export function codeVersion(root) {
  const parts = [process.execPath, process.version];
  const add = (rel) => {
    try {
      const stat = fs.statSync(path.join(root, rel));
      parts.push(`${rel}:${stat.mtimeMs}:${stat.size}`);
    } catch {
      parts.push(`${rel}:missing`);
    }
  };
  for (const dir of CODE) {
    let names = [];
    try {
      names = fs.readdirSync(path.join(root, dir), { recursive: true }).map(String).filter((name) => /\.(ts|mjs|js|json)$/.test(name) && !/\.test\.ts$/.test(name)).sort();
    } catch {
      // a folder that is not there: its absence is part of the version too
    }
    parts.push(`${dir}/`);
    for (const name of names) add(path.join(dir, name));
  }
  for (const rel of SETTINGS) add(rel);
  return hash(parts.join("\n"));
}

/**
 * The caller's settings that reach what the server runs: every variable of its environment except
 * those that change from one shell or npm call to the next and mean nothing to the tests, and
 * whether its output is a terminal.
 */
export function settingsKey(env, stdoutTty) {
  const volatile = /^(npm_|_$|OLDPWD$|PWD$|SHLVL$|INIT_CWD$|COLUMNS$|LINES$|TERM_SESSION_ID$|WINDOWID$|SECURITYSESSIONID$|TMUX_PANE$)/;
  const kept = Object.keys(env).filter((key) => !volatile.test(key)).sort().map((key) => `${key}=${env[key]}`);
  return hash([`tty=${Boolean(stdoutTty)}`, ...kept].join("\n"));
}
