// `npm run bench`: how fast is each way of running the book's network, next to the book's own
// numpy code, measured in the same run on the same machine?
//
//   npm run bench                          one epoch of all 60,000 images at 784-100-10 and 784-200-10
//   npm run bench -- --samples 10000       fewer training images for every network
//   npm run bench -- --slow-samples 60000  the TypeScript matrix networks on more images (default 10,000)
//
// The same algorithm everywhere: per-sample gradient descent, no biases, file order, one thread.
// Each network runs in a process of its own. Figures are printed, never asserted: they depend on
// the machine and on what else runs. "cpu" is samples per second of the process's own CPU time,
// which stays fairly steady when other programs share the machine; "wall" is by the clock.
import { execFileSync, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { mnistPath } from "../../../data/mnist";
import { mallocEnv } from "../../../runner/harness/driver";
import type { Figures } from "./measure";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const THREADS_ONE = { OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };

const NETWORKS = [
  { kind: "engine", name: "engine (WebAssembly SIMD, f32)", slow: false },
  { kind: "reference", name: "book-form reference (addInPlace)", slow: true },
  { kind: "learner", name: "learner's book style (add)", slow: true },
] as const;

function run(command: string, args: string[], env: Record<string, string>): Figures {
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr || result.stdout}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as Figures;
}

function hasNumpy(): boolean {
  try {
    execFileSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function main(): void {
  const { values } = parseArgs({ options: { samples: { type: "string", default: "60000" }, "slow-samples": { type: "string", default: "10000" } } });
  const count = (name: string, text: string) => {
    const n = Number(text);
    if (!(Number.isInteger(n) && n >= 1 && n <= 60_000)) {
      console.error(`--${name} must be a whole number from 1 to 60000, got ${text}`);
      process.exit(2);
    }
    return n;
  };
  const samples = count("samples", values.samples);
  const slowSamples = Math.min(samples, count("slow-samples", values["slow-samples"]));
  const numpy = hasNumpy();
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");

  console.log(`Training samples per second (then 10,000 test queries), one thread; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), load ${load()}`);
  console.log(`The engine${numpy ? " and numpy" : ""} train on ${samples.toLocaleString("en-US")} images, the TypeScript matrix networks on ${slowSamples.toLocaleString("en-US")} (accuracy is after that many).`);
  if (!numpy) console.log("(python3 with numpy not found: no numpy figures and no ratios)");
  const int = (x: number) => Math.round(x).toLocaleString("en-US").padStart(7);
  for (const [hidden, learningRate] of [[100, 0.3], [200, 0.1]] as const) {
    console.log(`\n784-${hidden}-10, learning rate ${learningRate}${" ".repeat(20)}train cpu   train wall   x numpy (cpu)   query cpu   accuracy`);
    const rows: { name: string; f: Figures; n: number }[] = [];
    if (numpy) {
      const files = (["train-images", "train-labels", "test-images", "test-labels"] as const).map((name) => mnistPath(name));
      rows.push({ name: "the book's numpy", n: samples, f: run("python3", [path.join(here, "numpy_network.py"), ...files, String(hidden), String(learningRate), String(samples)], THREADS_ONE) });
    }
    for (const network of NETWORKS) {
      const n = network.slow ? slowSamples : samples;
      const f = run(process.execPath, ["--import", "tsx", path.join(here, "measure.ts"), network.kind, String(hidden), String(learningRate), String(n)], mallocEnv());
      rows.push({ name: network.name, n, f });
    }
    const anchor = numpy ? rows[0].f.trainCpu : undefined;
    for (const { name, f, n } of rows) {
      const ratio = anchor ? `${(f.trainCpu / anchor).toFixed(2)}x`.padStart(8) : "       -";
      console.log(`  ${name.padEnd(42)} ${int(f.trainCpu)}     ${int(f.trainWall)}        ${ratio}     ${int(f.queryCpu)}   ${f.accuracy.toFixed(4)}${n === samples ? "" : ` (${n.toLocaleString("en-US")} images)`}`);
    }
  }
  console.log(`\nload at the end: ${load()}`);
  console.log("Targets: the engine at least 2x numpy at both sizes (by cpu); a book-form network's gate (784-200-10, one epoch) within 2 minutes.");
}

main();
