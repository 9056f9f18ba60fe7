// A throwaway copy of the course for the runner's end-to-end tests: the real CLI runs in it as a
// learner would run it, and nothing in the maintainer's checkout is touched.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { courseRoot } from "../../harness/driver";
import { stubFor } from "../../harness/stubs";
import { stripAnsi } from "../term";

const COPIED = ["exercises", "solutions", "runner", "tools", "data", "package.json", "tsconfig.json", "vitest.config.ts"];

/** A fresh copy with exercises 01 and 02 as generated stubs (nothing solved) and no runner state. */
export function copyCourse(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-course-"));
  for (const entry of COPIED) {
    const from = path.join(courseRoot, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}.nn-kata`) });
  }
  fs.symlinkSync(path.join(courseRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  for (const rel of ["01-predictor/predictor.ts", "02-classifier/classifier.ts"]) fs.writeFileSync(path.join(dir, "exercises", rel), stubFor(courseRoot, rel));
  return dir;
}

export function removeCourse(dir: string): void {
  stopServer(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The pid the copy's runner server wrote to .nn-kata/server.json, if one runs. */
export function serverPid(dir: string): number | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, ".nn-kata", "server.json"), "utf8")) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

/** Stop the runner's server of the copy, if one runs, and wait (up to 10 s) until it is gone. */
export function stopServer(dir: string): void {
  const pid = serverPid(dir);
  if (pid === undefined) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 10_000; waited += 20) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(sleeper, 0, 0, 20);
  }
}

/**
 * The same environment a learner has, minus colours and any language setting of this machine.
 * `npm run next` runs in its own process here (NN_KATA_SERVER=off) unless a test turns the
 * runner's server on: server.test.ts proves the two print the same.
 */
export function learnerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", NN_KATA_SERVER: "off", ...extra };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST") || key === "TEST" || key === "FORCE_COLOR" || key === "LC_ALL" || key === "LC_MESSAGES") delete env[key];
  Object.assign(env, extra);
  return env;
}

export interface CliResult {
  code: number | null;
  out: string;
}

/** `npm run <script> -- <args>` in the copy, with stdin not a terminal (as in a script or CI). */
export function npmRun(dir: string, script: string, args: string[] = [], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", script, "--", ...args], { cwd: dir, env: learnerEnv(env), stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.stdin.end();
    child.on("close", (code) => resolve({ code, out: stripAnsi(out) }));
  });
}

/** The runner in a real pseudo-terminal (util-linux `script`), typed at like a person would. */
export class Terminal {
  private readonly child;
  private output = "";
  private mark = 0;

  constructor(dir: string, command: string, env: Record<string, string> = {}) {
    const full = `stty cols 120 rows 60; ${command}`;
    this.child = spawn("script", ["-q", "-e", "-f", "-c", full, "/dev/null"], { cwd: dir, env: { ...learnerEnv(env), NO_COLOR: "", TERM: "xterm-256color" }, stdio: ["pipe", "pipe", "pipe"], detached: true });
    this.child.stdout.on("data", (chunk) => (this.output += chunk));
    this.child.stderr.on("data", (chunk) => (this.output += chunk));
  }

  /** Everything shown so far, escapes removed. */
  get screen(): string {
    return stripAnsi(this.output);
  }

  type(keys: string): void {
    this.child.stdin.write(keys);
  }

  /** Wait until `pattern` appears in what was shown since the last wait (or the start). */
  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const fresh = stripAnsi(this.output.slice(this.mark));
      if (pattern.test(fresh)) {
        this.mark = this.output.length;
        return fresh;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${pattern}; the terminal shows:\n${fresh.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Resolves with the exit code once the program ends. */
  exited(timeoutMs = 20_000): Promise<number | null> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null) return resolve(this.child.exitCode);
      const timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms:\n${this.screen.slice(-2000)}`)), timeoutMs);
      this.child.on("close", (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  kill(): void {
    try {
      process.kill(-this.child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** True when util-linux `script` (the pseudo-terminal) is available. */
export const hasScript = () => spawnSync("script", ["--version"]).status === 0;
