// npm run bench:runner: how long a learner waits. Prints the median wall time of
//   - `npm run next` on the current exercise (exercise 01, unsolved), answered by the runner's
//     warm server (server/server.ts), as a learner's every call after the first is;
//   - the first call, which starts that server, and the same command in a process of its own
//     (NN_KATA_SERVER=off), as every call was before the server;
//   - `npm run next` right after an edit of the exercise file: TypeScript checks it (typecheck.ts);
//   - one watch-mode re-run: from saving the exercise file to the new report on screen.
// Targets (issue 9): next <= 1.0 s, watch re-run <= 0.3 s. Figures, not a pass/fail: the machine's load
// is printed with them, since other work on a 2-core machine moves them a lot.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copyCourse, learnerEnv, removeCourse, stopServer } from "./tests/course-copy";
import { stripAnsi } from "./term";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = (values: number[]) =>
  `median ${(median(values) / 1000).toFixed(2)} s  (min ${(Math.min(...values) / 1000).toFixed(2)}, max ${(Math.max(...values) / 1000).toFixed(2)}, ${values.length} runs)`;

const SERVER_ON = { NN_KATA_SERVER: "on" };

function timeCommand(dir: string, command: string, args: string[], env: Record<string, string> = SERVER_ON): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: dir, env: learnerEnv(env), encoding: "utf8" });
  const elapsed = performance.now() - started;
  if (!/exercise 01\//.test(stripAnsi(result.stdout))) throw new Error(`unexpected output of ${command} ${args.join(" ")}:\n${result.stdout}\n${result.stderr}`);
  return elapsed;
}

/** Save the exercise file, then wait for the watch screen's next "Next step:" line. */
async function timeWatchReruns(dir: string): Promise<number[]> {
  const child = spawn("npm", ["run", "-s", "watch"], { cwd: dir, env: learnerEnv(), stdio: ["pipe", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const waitForReport = async (from: number) => {
    const started = performance.now();
    while (!/Next step:/.test(output.slice(from))) {
      if (performance.now() - started > 60_000) throw new Error(`no report from watch mode:\n${output.slice(-2000)}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await waitForReport(0);
    const file = path.join(dir, "exercises/01-predictor/predictor.ts");
    const original = fs.readFileSync(file, "utf8");
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the previous burst settle
      const mark = output.length;
      const started = performance.now();
      fs.writeFileSync(file, `${original}// save ${i}\n`);
      await waitForReport(mark);
      if (i > 0) times.push(performance.now() - started); // the first one warms the re-run path
    }
    return times;
  } finally {
    child.stdin.end("q\n");
    setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // it quit by itself
      }
    }, 2000).unref();
  }
}

const dir = copyCourse();
try {
  const load = () => os.loadavg()[0].toFixed(2);
  console.log(`nn-kata runner benchmark: ${os.cpus().length} cores, node ${process.version}, load average ${load()} at the start`);
  const npmNext = (env?: Record<string, string>) => timeCommand(dir, "npm", ["run", "-s", "next"], env);
  npmNext({ NN_KATA_SERVER: "off" }); // one warm-up: the disk cache and the remembered type check, not a learner's wait
  const first = Array.from({ length: Math.min(RUNS, 3) }, () => {
    stopServer(dir);
    return npmNext();
  });
  const next = Array.from({ length: RUNS }, () => npmNext());
  console.log(`npm run next (the server answers, exercise 01): ${summary(next)}   target <= 1.0 s`);
  const own = Array.from({ length: RUNS }, () => npmNext({ NN_KATA_SERVER: "off" }));
  console.log(`  in a process of its own (NN_KATA_SERVER=off): ${summary(own)}`);
  console.log(`  the first call, which starts the server:      ${summary(first)}`);
  const file = path.join(dir, "exercises/01-predictor/predictor.ts");
  const original = fs.readFileSync(file, "utf8");
  // As a learner meets it: a fresh server, its report read for a few seconds, then edits.
  stopServer(dir);
  npmNext();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const edited = Array.from({ length: RUNS }, (_, i) => {
    fs.writeFileSync(file, `${original}// edit ${i}\n`);
    return npmNext();
  });
  fs.writeFileSync(file, original);
  console.log(`  right after an edit (TypeScript checks it):   ${summary(edited)}   (the first edit after the server started: ${(edited[0] / 1000).toFixed(2)} s)`);
  const rerun = await timeWatchReruns(dir);
  console.log(`watch mode, save -> new report:                ${summary(rerun)}   target <= 0.3 s`);
  console.log(`load average ${load()} at the end`);
} finally {
  removeCourse(dir);
}
