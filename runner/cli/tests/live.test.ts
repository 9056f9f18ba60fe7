// A long run is seen while it goes: what the tests print reaches the learner as it is printed
// (the MNIST gate's progress bar), and a "still running" line fills the silences. First the rules
// of live.ts on a fake clock, then the real CLI on an exercise that trains for three seconds.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LiveOutput } from "../live";
import { stripAnsi } from "../term";
import { copyCourse, hasScript, learnerEnv, removeCourse, Terminal } from "./course-copy";

describe("LiveOutput", () => {
  let written: string[];
  const out = (isTTY: boolean) => ({ isTTY, write: (text: string) => written.push(text) });
  const live = (isTTY: boolean, showAfterMs: number) => new LiveOutput({ out: out(isTTY), status: (s) => `still running: 19, ${s} s`, showAfterMs, heartbeatMs: 10_000 });

  beforeEach(() => {
    written = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("a short run shows nothing: its output waits for the report", () => {
    const run = live(false, 2000);
    run.write("quick\n");
    vi.advanceTimersByTime(1500);
    run.stop();
    vi.advanceTimersByTime(20_000);
    expect(written).toEqual([]);
  });

  it("in a pipe: held back for 2 s, then whole lines, a redrawn line in its last state, a status line per 10 s of silence", () => {
    const run = live(false, 2000);
    run.write("The MNIST gate\n");
    vi.advanceTimersByTime(2000);
    expect(written.join("")).toBe("The MNIST gate\n");
    run.write("training  10%");
    run.write("\rtraining  20%\x1b[K");
    expect(written.join("")).toBe("The MNIST gate\n"); // not a whole line yet
    run.write("\rtraining 100%\x1b[K\ntesting");
    expect(written.join("")).toBe("The MNIST gate\ntraining 100%\n");
    vi.advanceTimersByTime(10_000);
    expect(written.at(-1)).toBe("still running: 19, 12 s\n");
    vi.advanceTimersByTime(9000);
    expect(written.at(-1)).toBe("still running: 19, 12 s\n");
    run.stop();
    expect(written.join("")).toBe("The MNIST gate\ntraining 100%\nstill running: 19, 12 s\ntesting\n");
  });

  it("on a terminal: output goes through as it is, a one-line status redrawn each second of silence and erased by output", () => {
    const run = live(true, 0);
    run.write("\rtraining  10%\x1b[K");
    expect(written).toEqual(["\rtraining  10%\x1b[K"]);
    vi.advanceTimersByTime(1000);
    // The bar stays on its line; the status gets the next one.
    expect(written.slice(1)).toEqual(["\n", "\rstill running: 19, 1 s\x1b[K"]);
    vi.advanceTimersByTime(1000);
    expect(written.at(-1)).toBe("\rstill running: 19, 2 s\x1b[K");
    run.write("\rtraining  20%\x1b[K");
    expect(written.slice(-2)).toEqual(["\r\x1b[K", "\rtraining  20%\x1b[K"]);
    run.stop();
    expect(written.at(-1)).toBe("\n");
  });
});

// An exercise whose test blocks its thread for half a second at a time, like a synchronous
// training loop, and prints the course's progress bar (data/report.ts) as the gate does.
const SLOW_TEST = `import { it } from "vitest";
import { progressBar } from "../../data/report";
import { steps } from "./slow";

it("trains for three seconds", () => {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const bar = progressBar("training", steps);
  for (let i = 0; i < steps; i++) {
    Atomics.wait(pause, 0, 0, 500);
    bar.tick();
  }
  bar.done();
});
`;

describe("npm run next on a long exercise", { timeout: 60_000 }, () => {
  let dir: string;
  let terminal: Terminal | undefined;

  beforeAll(() => {
    dir = copyCourse();
    const manifestFile = path.join(dir, "exercises/manifest.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    const number = manifest.exercises.length + 1;
    const slow = {
      number,
      slug: "slow",
      dir: `${String(number).padStart(2, "0")}-slow`,
      part: 3,
      title: { en: "A slow exercise", zh: "一个慢练习" },
      section: "2.5",
      files: ["slow.ts"],
      tests: ["slow.test.ts"],
      points: 1,
      hints: [
        { en: "wait", zh: "等一等" },
        { en: "wait more", zh: "再等一等" },
      ],
      timeoutSeconds: 60,
    };
    manifest.exercises.push(slow);
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    fs.mkdirSync(path.join(dir, "exercises", slow.dir));
    fs.writeFileSync(path.join(dir, "exercises", slow.dir, "slow.ts"), "export const steps = 6;\n");
    fs.writeFileSync(path.join(dir, "exercises", slow.dir, "slow.test.ts"), SLOW_TEST);
  });
  afterEach(() => {
    terminal?.kill();
    terminal = undefined;
  });
  afterAll(() => removeCourse(dir));

  it("in a pipe, the progress lines arrive while the tests run, whole, before the report", async () => {
    const child = spawn("npm", ["run", "-s", "next", "--", "slow"], { cwd: dir, env: learnerEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const arrivals: { at: number; text: string }[] = [];
    child.stdout.on("data", (chunk) => arrivals.push({ at: Date.now(), text: chunk.toString() }));
    await new Promise((resolve) => child.on("close", resolve));
    const out = arrivals.map((a) => a.text).join("");
    const seen = (pattern: RegExp) => {
      let text = "";
      const arrival = arrivals.find((a) => pattern.test((text += a.text)));
      if (!arrival) throw new Error(`${pattern} never arrived; the output was:\n${out}`);
      return arrival.at;
    };
    const first = seen(/training \[#+-+\]\s+16%\s+1\/6/);
    const second = seen(/training \[#+-+\]\s+33%\s+2\/6/);
    const report = seen(/✓ \d+ · A slow exercise: all 1 tests pass\./);
    // The lines come half a second apart while the test runs. Held back (a worker thread passes its
    // output on only when its event loop turns), all but the first would come with the report.
    expect(second - first).toBeGreaterThan(300);
    expect(report - second).toBeGreaterThan(1000);
    expect(out).toMatch(/training \[#+-+\]\s+50%\s+3\/6.*\n(.*\n)*training \[#+\]\s+100%\s+6\/6/);
    expect(out).not.toContain("\r");
  });

  it.skipIf(!hasScript())("in a terminal, the bar redraws itself in place before the report", async () => {
    terminal = new Terminal(dir, "npm run -s next -- slow");
    const during = await terminal.waitFor(/\rtraining \[#+-+\]\s+50%/);
    expect(during).not.toContain("all 1 tests pass");
    await terminal.waitFor(/✓ \d+ · A slow exercise: all 1 tests pass\./);
    expect(await terminal.exited()).toBe(0);
    expect(stripAnsi(terminal.screen)).toMatch(/\rtraining \[#+\]\s+100%/);
  });
});
