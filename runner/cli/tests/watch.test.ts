// Watch mode in a real terminal (a pseudo-terminal from util-linux `script`), used like a person:
// keys are typed, files are saved, and the test reads what the screen shows.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { courseRoot } from "../../harness/driver";
import { stubFor } from "../../harness/stubs";
import { copyCourse, learnerEnv, removeCourse, Terminal } from "./course-copy";

let dir: string;
let terminal: Terminal | undefined;
const file01 = () => path.join(dir, "exercises/01-predictor/predictor.ts");
const solve01 = () => fs.copyFileSync(path.join(dir, "solutions/01-predictor/predictor.ts"), file01());

beforeAll(() => {
  dir = copyCourse();
});
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
  fs.writeFileSync(file01(), stubFor(courseRoot, "01-predictor/predictor.ts"));
  fs.rmSync(path.join(dir, ".nn-kata"), { recursive: true, force: true });
});
afterAll(() => removeCourse(dir));

describe("npm run watch in a terminal", { timeout: 120_000 }, () => {
  it("shows 01, a hint on h, moves on to 02 when a solved file is saved, lists on l, quits on q", async () => {
    terminal = new Terminal(dir, "npm run -s watch");
    const first = await terminal.waitFor(/exercise 01\/\d+ · A predictor/);
    expect(first).toContain("npm run watch -- --manual-run"); // it says the manual mode exists
    expect(first).toContain("keys: h hint · l list · n next · r re-run · e edit · q quit");
    expect(first).toMatch(/Next step: write predict in exercises\/01-predictor\/predictor\.ts:\d+:\d+, then save the file/);

    terminal.type("h");
    await terminal.waitFor(/Hint 1\/\d+: \S/);

    solve01();
    const moved = await terminal.waitFor(/exercise 02\/\d+ · A linear classifier/);
    expect(moved).toMatch(/✓ 01 · A predictor with one adjustable number: all \d+ tests pass\./);
    expect(moved).toContain("Next exercise: 02 · A linear classifier and the learning rate");

    terminal.type("l");
    const list = await terminal.waitFor(/To jump to an exercise, type its number and press Enter\./);
    expect(list).toMatch(/01\s+A predictor with one adjustable number\s+1\.2\s+✓ done/);
    expect(list).toMatch(/02\s+A linear classifier and the learning rate\s+1\.4\s+→ current/);

    // Jumping back to a passing exercise keeps it on screen until n.
    terminal.type("1\r");
    const back = await terminal.waitFor(/Press n to go on/);
    expect(back).toMatch(/✓ 01 · A predictor/);
    terminal.type("n");
    await terminal.waitFor(/exercise 02\/\d+ · A linear classifier/);

    terminal.type("q");
    await terminal.waitFor(/Bye! Your progress is kept/);
    expect(await terminal.exited()).toBe(0);
  });

  it("speaks Chinese, and Ctrl-C leaves only whole files behind", async () => {
    terminal = new Terminal(dir, "npm run -s watch -- --lang zh");
    const first = await terminal.waitFor(/练习 01\/\d+ · 只有一个可调参数的预测机/);
    expect(first).toContain("按键：h 提示");
    terminal.type("h");
    await terminal.waitFor(/提示 1\/\d+：\S/);
    terminal.type("\u0003");
    await terminal.waitFor(/再见！/);
    expect(await terminal.exited()).toBe(0);
    const state = JSON.parse(fs.readFileSync(path.join(dir, ".nn-kata/state.json"), "utf8"));
    expect(state.current).toBe("01-predictor");
    expect(state.hints["01-predictor"]).toBe(1);
    const leftovers = [...fs.readdirSync(path.join(dir, ".nn-kata")), ...fs.readdirSync(path.join(dir, "exercises/01-predictor"))].filter((f) => f.endsWith(".tmp"));
    expect(leftovers).toEqual([]);
  });

  it("--manual-run ignores saves and runs on r", async () => {
    terminal = new Terminal(dir, "npm run -s watch -- --manual-run");
    const first = await terminal.waitFor(/exercise 01\/\d+/);
    expect(first).toContain("Manual mode: press r to run the tests after each save.");
    solve01();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(terminal.screen).not.toContain("✓ 01");
    terminal.type("r");
    await terminal.waitFor(/✓ 01 · A predictor[^\n]*all \d+ tests pass/);
    terminal.type("q");
    expect(await terminal.exited()).toBe(0);
  });

  it("without a terminal it still works: plain output, commands as lines", async () => {
    const child = spawn("npm", ["run", "-s", "watch"], { cwd: dir, env: learnerEnv(), stdio: ["pipe", "pipe", "pipe"], detached: true });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 600 && !pattern.test(out); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(out).toMatch(pattern);
    };
    try {
      await waitFor(/exercise 01\/\d+/);
      expect(out).not.toMatch(/\x1b/); // no colours, links or screen clearing
      expect(out).toContain("type h (hint), l (list), n (next), r (re-run), e (edit) or q (quit), then Enter");
      child.stdin.write("h\n");
      await waitFor(/Hint 1\/\d+/);
      child.stdin.write("q\n");
      await waitFor(/Bye!/);
    } finally {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // it has quit
      }
    }
  });

  it("reset asks y/N in a terminal, and y restores the stub with a backup", async () => {
    solve01();
    terminal = new Terminal(dir, "npm run -s reset -- 1");
    await terminal.waitFor(/Reset them\? \[y\/N\]/);
    terminal.type("y\r");
    await terminal.waitFor(/restored exercises\/01-predictor\/predictor\.ts/);
    expect(await terminal.exited()).toBe(0);
    expect(fs.readFileSync(file01(), "utf8")).toBe(stubFor(courseRoot, "01-predictor/predictor.ts"));
    const [backup] = fs.readdirSync(path.join(dir, ".nn-kata/backups"));
    expect(fs.readFileSync(path.join(dir, ".nn-kata/backups", backup, "exercises/01-predictor/predictor.ts"), "utf8")).toContain("return c * km;");
  });
});
