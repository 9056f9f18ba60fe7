// The runner's server (server/server.ts, started by bin.mjs): `npm run next` as a learner runs it,
// in a throwaway copy of the course with the server on. It must print exactly what the command
// prints in a process of its own, see every edit, step down for other code or settings, survive
// an endless loop and a Ctrl-C, and never leave a learner without an answer when it dies.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyCourse, hasScript, learnerEnv, npmRun, removeCourse, serverPid, type CliResult } from "./course-copy";
import { stripAnsi } from "../term";

let dir: string;
const ON = { NN_KATA_SERVER: "on" };
const file02 = () => path.join(dir, "exercises/02-classifier/classifier.ts");
const solve = (rel: string) => fs.copyFileSync(path.join(dir, "solutions", rel), path.join(dir, "exercises", rel));
const pid = () => serverPid(dir);
/** How many calls the server's log says it took on, of those whose words match `words`. */
const served = (words = /.*/) =>
  fs
    .readFileSync(path.join(dir, ".nn-kata/server.log"), "utf8")
    .split("\n")
    .map((line) => line.match(/ serving: (.*)$/)?.[1])
    .filter((said) => said !== undefined && words.test(said)).length;
const alive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (condition: () => boolean, timeoutMs = 30_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`still not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
/**
 * The same call through the server and in a process of its own. A run that goes on for long on a
 * busy machine prints "still running" lines, which depend on the clock, not on who ran it: they
 * are left out (in a pipe a whole line; on a terminal one redrawn and erased in place).
 */
const both = async (args: string[] = [], env: Record<string, string> = {}): Promise<[CliResult, CliResult]> => [settle(await npmRun(dir, "next", args, { ...ON, ...env })), settle(await npmRun(dir, "next", args, env))];
const settled = (text: string) => text.replace(/\r[^\r\n]*?\x1b\[K/g, "").replace(/^(still running: |仍在运行：).*\n/gm, "");
const settle = (result: CliResult): CliResult => ({ ...result, out: settled(result.out) });
/** `npm run next` in its own process group, so a test can press Ctrl-C on it as a terminal would. */
const startNext = (args: string[]) => {
  const child = spawn("npm", ["run", "-s", "next", "--", ...args], { cwd: dir, env: learnerEnv(ON), stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (out += chunk));
  const exited = new Promise<number | string | null>((resolve) => child.on("close", (code, signal) => resolve(code ?? signal)));
  return { child, output: () => stripAnsi(out), exited };
};
/** 02's reference with an endless loop at the top: the tests never get to start. */
const loop02 = () => fs.writeFileSync(file02(), `for (;;) {}\n${fs.readFileSync(path.join(dir, "solutions/02-classifier/classifier.ts"), "utf8")}`);

beforeAll(() => {
  dir = copyCourse();
});
afterAll(() => removeCourse(dir));

describe("npm run next through the runner's server", { timeout: 120_000 }, () => {
  it("prints exactly what the command prints on its own, and the second call is answered by the same server", async () => {
    const first = await npmRun(dir, "next", [], ON);
    const server = pid();
    expect(alive(server)).toBe(true);
    const [second, own] = await both();
    expect(pid()).toBe(server);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.out).toMatch(/exercise 01\/\d+ · A predictor/);
    expect(settled(first.out)).toBe(own.out);
    expect(second.out).toBe(own.out);
  });

  it("sees every edit: 01 solved moves on to 02; in Chinese the tests' own names are Chinese too", async () => {
    const server = pid();
    solve("01-predictor/predictor.ts");
    const solved = await npmRun(dir, "next", [], ON);
    expect(solved.out).toMatch(/✓ 01 · A predictor with one adjustable number/);
    expect(solved.out).toMatch(/exercise 02\/\d+ · /);
    const [zh, ownZh] = await both(["--lang", "zh"]);
    expect(zh.out).toMatch(/练习 02\/\d+/);
    expect(zh.out).toBe(ownZh.out);
    const [en, ownEn] = await both();
    expect(en.out).toBe(ownEn.out);
    expect(pid()).toBe(server);
  });

  it.runIf(hasScript())("on a terminal the same bytes too: colours and clickable links", async () => {
    // util-linux `script` gives the command a pseudo-terminal; its own environment makes colours possible.
    const inTerminal = (env: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const child = spawn("script", ["-q", "-e", "-c", "npm run -s next", "/dev/null"], { cwd: dir, env: { ...learnerEnv(env), NO_COLOR: "", TERM: "xterm-256color" }, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        child.stdout.on("data", (chunk) => (out += chunk));
        child.on("close", () => resolve(out));
      });
    await inTerminal(ON); // a terminal is another setting: this call starts the terminal's server
    const calls = served();
    const viaServer = await inTerminal(ON);
    expect(served()).toBe(calls + 1);
    const own = await inTerminal({});
    expect(viaServer).toContain("\x1b[1m"); // bold, so the terminal was seen
    expect(viaServer).toContain("\x1b]8;;file://"); // a clickable link
    expect(settled(viaServer)).toBe(settled(own));
  });

  it("steps down for other runner code or other settings, and a fresh server answers", async () => {
    const old = pid();
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(dir, "runner/cli/report.ts"), later, later);
    const afterEdit = await npmRun(dir, "next", [], ON);
    expect(afterEdit.out).toMatch(/exercise 02\/\d+ · /);
    const fresh = pid();
    expect(fresh).not.toBe(old);
    await until(() => !alive(old));
    const otherSettings = await npmRun(dir, "next", [], { ...ON, SOME_SETTING: "1" });
    expect(otherSettings.out).toMatch(/exercise 02\/\d+ · /);
    expect(pid()).not.toBe(fresh);
    await until(() => !alive(fresh));
    await npmRun(dir, "next", [], ON); // back to this file's settings for the tests below
  });

  it("an endless loop is stopped by the watchdog inside the server, and the next call gets a fresh vitest", async () => {
    const server = pid();
    loop02();
    const looped = await npmRun(dir, "next", ["--timeout", "3"], ON);
    expect(looped.out).toContain("Exercise 02 did not finish: its tests were stopped after 3 s.");
    solve("02-classifier/classifier.ts");
    const fixed = await npmRun(dir, "next", [], ON);
    expect(fixed.out).toMatch(/✓ 02 · /);
    expect(pid()).toBe(server);
  });

  it("Ctrl-C stops the caller and its run; the server stays and answers the next call", async () => {
    const server = pid();
    loop02();
    const run = startNext(["2", "--timeout", "100"]);
    // The run has reached the loop once the server's vitest has a test worker spinning: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    process.kill(-run.child.pid!, "SIGINT");
    // Ctrl-C reaches npm and the launcher: the launcher leaves with 130, npm by the signal itself.
    expect([130, "SIGINT"]).toContain(await run.exited);
    solve("02-classifier/classifier.ts");
    const after = await npmRun(dir, "next", ["2"], ON);
    expect(after.out).toMatch(/✓ 02 · /);
    expect(pid()).toBe(server);
  });

  it("a server that dies part way leaves no learner without a report: the command runs again on its own", async () => {
    loop02();
    const theCall = /^next 2 --timeout 4$/;
    const calls = served(theCall);
    const dying = pid()!;
    const run = startNext(["2", "--timeout", "4"]);
    await until(() => served(theCall) > calls); // the server has the call: it dies while running it
    process.kill(dying, "SIGKILL");
    expect(await run.exited).toBe(0);
    // Nothing was shown yet, so the learner sees one report, from the command run on its own.
    expect(run.output()).toContain("Exercise 02 did not finish: its tests were stopped after 4 s.");
    expect(run.output().match(/Next step:/g)).toHaveLength(1);
    solve("02-classifier/classifier.ts");
    // The dead server's socket file is left behind; the next call starts a new server all the same.
    const after = await npmRun(dir, "next", ["2"], ON);
    expect(after.out).toMatch(/✓ 02 · /);
    expect(alive(pid())).toBe(true);
    expect(pid()).not.toBe(dying);
  });

  // Only root can hand a file to another user, so only a root run can stage this.
  it.runIf(process.getuid?.() === 0)("never talks to a socket that belongs to another user: the command runs on its own", async () => {
    const socket = path.join(dir, ".nn-kata/server.sock");
    await npmRun(dir, "next", [], ON);
    const calls = served();
    fs.chownSync(socket, 54321, 54321);
    try {
      const [foreign, own] = await both();
      expect(foreign.out).toBe(own.out);
      expect(served()).toBe(calls);
    } finally {
      fs.chownSync(socket, 0, 0);
    }
  });

  it("leaves after its idle time, and once the course folder is deleted", async () => {
    const other = copyCourse();
    try {
      await npmRun(other, "next", [], { ...ON, NN_KATA_SERVER_IDLE_SECONDS: "1" });
      const resting = serverPid(other);
      expect(resting).toBeTypeOf("number");
      await until(() => !alive(resting));
      expect(fs.existsSync(path.join(other, ".nn-kata/server.json"))).toBe(false);
      await npmRun(other, "next", [], ON);
      const orphaned = serverPid(other);
      expect(orphaned).toBeTypeOf("number");
      expect(alive(orphaned)).toBe(true);
      fs.rmSync(other, { recursive: true, force: true });
      await until(() => !alive(orphaned));
    } finally {
      removeCourse(other);
    }
  });
});
