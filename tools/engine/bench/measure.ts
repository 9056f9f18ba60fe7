// One network's figures for `npm run bench`, in a process of its own (so one network's garbage
// never slows the next) with the memory settings of the learner's test runs. Prints one JSON line.
//
//   node --import tsx tools/engine/bench/measure.ts engine|reference|learner HIDDEN LEARNING_RATE SAMPLES
import { makeTargets, scaleInputs } from "../../../solutions/09-prepare/prepare";
import { NeuralNetwork } from "../../../solutions/10-network/network";
import { loadMnist, type Digit } from "../../../solutions/11-idx/idx";
import { argmax } from "../../../solutions/12-mnist-small/mnist-small";
import { loadEngineFile } from "../node";
import { LearnerNetwork } from "./learner-network";

export interface Figures {
  trainWall: number;
  trainCpu: number;
  queryWall: number;
  queryCpu: number;
  accuracy: number;
}

/** Rates of `work` over `count` samples, by the clock and by this process's CPU time. */
function timed(count: number, work: () => void): { wall: number; cpu: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  work();
  const used = process.cpuUsage(cpu);
  return { wall: count / ((performance.now() - wall) / 1000), cpu: count / ((used.user + used.system) / 1e6) };
}

/** Scaled inputs, made before the clock starts (as numpy's are), in one block of memory. */
function scaled(digits: readonly Digit[]): Float64Array[] {
  const block = new Float64Array(digits.length * 784);
  return digits.map((d, i) => {
    const row = block.subarray(i * 784, (i + 1) * 784);
    row.set(scaleInputs(d.pixels));
    return row;
  });
}

function main(): void {
  const [kind, hiddenText, rateText, samplesText] = process.argv.slice(2);
  const hidden = Number(hiddenText);
  const learningRate = Number(rateText);
  const train = loadMnist("train", Number(samplesText));
  const test = loadMnist("test");
  const inputs = scaled(train);
  const targets = train.map((d) => makeTargets(d.label));
  const testInputs = scaled(test);

  let net: { query(inputs: ArrayLike<number>): number[] };
  let epoch: () => void;
  if (kind === "engine") {
    const engineNet = loadEngineFile().createNetwork({ inputNodes: 784, hiddenNodes: hidden, outputNodes: 10, learningRate, seed: 1 });
    net = engineNet;
    epoch = () => engineNet.trainEpoch(inputs.map((i, n) => ({ inputs: i, targets: targets[n] })));
  } else {
    const plain = kind === "reference" ? new NeuralNetwork(784, hidden, 10, learningRate, 1) : new LearnerNetwork(784, hidden, 10, learningRate, 1);
    net = plain;
    epoch = () => inputs.forEach((i, n) => plain.train(i, targets[n]));
  }
  const training = timed(inputs.length, epoch);
  let right = 0;
  const querying = timed(test.length, () => {
    testInputs.forEach((i, n) => {
      if (argmax(net.query(i)) === test[n].label) right++;
    });
  });
  const figures: Figures = { trainWall: training.wall, trainCpu: training.cpu, queryWall: querying.wall, queryCpu: querying.cpu, accuracy: right / test.length };
  process.stdout.write(JSON.stringify(figures) + "\n");
}

main();
