// Maintainer's tool: how fast is the reference network (solutions/10-network), next to a plain,
// straightforward version of the same algorithm (plain-network.ts)?
//
//   npm run bench                      one epoch of all 60,000 images at 784-100-10 and 784-200-10
//   npm run bench -- --samples 10000   fewer training images (quicker; the accuracy drops)
//
// Same algorithm as the book everywhere: per-sample gradient descent, no biases, file order,
// single thread. Figures are printed, never asserted: they depend on the machine and on what
// else is running. "cpu" is samples per second of this process's own CPU time, which stays
// fairly steady when other programs share the machine; "wall" is by the clock.
import { makeTargets, scaleInputs } from "../solutions/09-prepare/prepare";
import { NeuralNetwork } from "../solutions/10-network/network";
import { loadMnist, type Digit } from "../solutions/11-idx/idx";
import { argmax } from "../solutions/12-mnist-small/mnist-small";
import { PlainNetwork } from "./plain-network";

interface Figures {
  trainWall: number;
  trainCpu: number;
  queryWall: number;
  queryCpu: number;
  accuracy: number;
}

interface Trainee {
  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void;
  query(inputs: ArrayLike<number>): number[];
}

const samplesOf = (digits: readonly Digit[]) => digits.map((d) => ({ inputs: scaleInputs(d.pixels), targets: makeTargets(d.label) }));

/** Rates of `work` over `count` samples, by the clock and by this process's CPU time. */
function timed(count: number, work: () => void): { wall: number; cpu: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  work();
  const cpuSeconds = (process.cpuUsage().user - cpu.user + process.cpuUsage().system - cpu.system) / 1e6;
  return { wall: count / ((performance.now() - wall) / 1000), cpu: count / cpuSeconds };
}

/** Train one epoch (with `trainEpoch`), then query every test image. Inputs are scaled beforehand, outside the timing. */
function measure(net: Trainee, trainEpoch: (samples: { inputs: number[]; targets: number[] }[]) => void, train: readonly Digit[], test: readonly Digit[]): Figures {
  const samples = samplesOf(train);
  const testInputs = test.map((d) => scaleInputs(d.pixels));
  const training = timed(samples.length, () => trainEpoch(samples));
  let right = 0;
  const querying = timed(test.length, () => {
    test.forEach((d, i) => {
      if (argmax(net.query(testInputs[i])) === d.label) right++;
    });
  });
  return { trainWall: training.wall, trainCpu: training.cpu, queryWall: querying.wall, queryCpu: querying.cpu, accuracy: right / test.length };
}

function main(): void {
  const at = process.argv.indexOf("--samples");
  const count = at >= 0 ? Number(process.argv[at + 1]) : 60_000;
  if (!(Number.isInteger(count) && count >= 1 && count <= 60_000)) {
    console.error(`--samples must be a whole number from 1 to 60000, got ${process.argv[at + 1]}`);
    process.exit(2);
  }
  const train = loadMnist("train", count);
  const test = loadMnist("test");
  const int = (x: number) => Math.round(x).toLocaleString("en-US").padStart(7);
  const row = (name: string, f: Figures) =>
    `  ${name.padEnd(28)} train ${int(f.trainWall)} wall ${int(f.trainCpu)} cpu   query ${int(f.queryWall)} wall ${int(f.queryCpu)} cpu   accuracy ${f.accuracy.toFixed(4)}`;

  console.log(`One epoch of ${count.toLocaleString("en-US")} training images, then 10,000 test queries; samples per second.`);
  for (const [hidden, learningRate] of [[100, 0.3], [200, 0.1]] as const) {
    console.log(`\n784-${hidden}-10, learning rate ${learningRate}`);
    const make = () => new NeuralNetwork(784, hidden, 10, learningRate, 1);
    const one = make();
    const viaTrain = measure(one, (samples) => samples.forEach((s) => one.train(s.inputs, s.targets)), train, test);
    console.log(row("reference, train per sample", viaTrain));
    const many = make();
    const viaMany = measure(many, (samples) => many.trainMany(samples), train, test);
    console.log(row("reference, trainMany", viaMany));
    const plain = new PlainNetwork(784, hidden, 10, learningRate, 1);
    const viaPlain = measure(plain, (samples) => samples.forEach((s) => plain.train(s.inputs, s.targets)), train, test);
    console.log(row("plain arrays", viaPlain));
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    console.log(
      `  reference / plain: train ${ratio(viaTrain.trainCpu, viaPlain.trainCpu)} (train), ${ratio(viaMany.trainCpu, viaPlain.trainCpu)} (trainMany); ` +
        `query ${ratio(viaMany.queryCpu, viaPlain.queryCpu)} (by cpu time)`,
    );
  }
  console.log("\nTargets for the reference (trainMany): at least 8,000 samples/s at 784-100-10 and 3,500 at 784-200-10.");
}

main();
