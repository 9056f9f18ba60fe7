// `npm run train`: train a network on the full MNIST (60,000 images), test it on all 10,000, and
// write a report folder: the training curve, the worst mistakes, the back-queried digits 0-9
// (all as PNG), a summary and the model as JSON (for `npm run query`).
//
//   npm run train -- --hidden 200 --lr 0.1 --epochs 1 [--rotations] [--seed 1] [--out reports]
//   npm run train -- --mine        your own network (exercises/) instead of the reference
//   npm run train -- --model deep  the Part 4 network (exercises 20-24), settings from exercise 24
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatConfusion, formatDuration, progressBar } from "../data/report";
import { chooseCode, isUnwritten, load, runTool, type Tree } from "./course-code";
import { loadEngineFile } from "./engine/node";
import { saveModel, type SavableNetwork } from "./model";
import { BLACK, RED, digitSheet, lineChart } from "./pictures";
import { DEEP_NEEDS, deepSettings, describeDeep, trainDeep } from "./train-deep";

const USAGE = `npm run train -- [options]

  --model M       book (default): the book's network of exercise 10;
                  deep: the Part 4 network (exercises 20-23) with exercise 24's settings,
                  which the options below change
  --hidden N      hidden nodes (default 200; deep: one number per hidden layer, e.g. 512,128)
  --lr X          learning rate (default 0.1; deep: Adam's first one)
  --epochs N      passes over the 60,000 training images (default 1)
  --rotations     also train on each image turned +10 and -10 degrees (exercise 16; book only)
  --seed N        seed of the starting weights (default 1)
  --batch N       deep: images per step
  --decay X       deep: the learning rate is multiplied by X after each epoch
  --out DIR       the report folder (default reports/)
  --mine          train your own network (exercises/) instead of the course's reference
  --reference     use the reference even before your own exercises pass (instructors)
`;

interface Digit {
  pixels: Uint8Array;
  label: number;
}

interface Network extends SavableNetwork {
  train(inputs: ArrayLike<number>, targets: ArrayLike<number>): void;
  query(inputs: ArrayLike<number>): number[];
}

interface Settings {
  model: "book" | "deep";
  hidden: number;
  lr: number;
  epochs: number;
  rotations: boolean;
  seed: number;
  out: string;
  mine: boolean;
  reference: boolean;
  /** The options given for the deep model (the rest come from exercise 24's settings). */
  deep: { hiddenLayers?: number[]; learningRate?: number; epochs?: number; seed?: number; batchSize?: number; learningRateDecay?: number };
}

const say = (text = "") => process.stdout.write(text + "\n");
/** `into`, each entry set to fn of the same entry of `from`. */
const fill = (into: Float64Array, from: ArrayLike<number>, fn: (x: number) => number) => {
  for (let i = 0; i < into.length; i++) into[i] = fn(from[i]);
  return into;
};
const argmax = (values: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
};

function readSettings(argv: string[]): Settings | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: "string", default: "book" },
      hidden: { type: "string" },
      lr: { type: "string" },
      epochs: { type: "string" },
      rotations: { type: "boolean", default: false },
      seed: { type: "string" },
      batch: { type: "string" },
      decay: { type: "string" },
      out: { type: "string", default: "reports" },
      mine: { type: "boolean", default: false },
      reference: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    say(USAGE);
    return undefined;
  }
  const whole = (name: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
    return n;
  };
  const rate = (name: string, text: string, max: number) => {
    const x = Number(text);
    if (!(x > 0 && x <= max)) throw new Error(`--${name} must be a number above 0 and at most ${max}, got "${text}"`);
    return x;
  };
  if (values.model !== "book" && values.model !== "deep") throw new Error(`--model must be book or deep, got "${values.model}"`);
  const deep = values.model === "deep";
  if (deep && values.rotations) throw new Error("--rotations is for the book's network; the deep model trains on the images as they are");
  if (!deep && (values.batch !== undefined || values.decay !== undefined)) throw new Error("--batch and --decay are for --model deep");
  const given = <T>(text: string | undefined, read: (text: string) => T) => (text === undefined ? undefined : read(text));
  return {
    model: values.model,
    hidden: deep ? 0 : whole("hidden", values.hidden ?? "200", 1, 5000),
    lr: deep ? 0 : rate("lr", values.lr ?? "0.1", 10),
    epochs: whole("epochs", values.epochs ?? "1", 1, 100),
    rotations: values.rotations,
    seed: whole("seed", values.seed ?? "1", -(2 ** 31), 2 ** 32 - 1),
    out: path.resolve(values.out),
    mine: values.mine,
    reference: values.reference,
    deep: {
      hiddenLayers: given(values.hidden, (text) => text.split(",").map((n) => whole("hidden", n.trim(), 1, 5000))),
      learningRate: given(values.lr, (text) => rate("lr", text, 1)),
      epochs: given(values.epochs, (text) => whole("epochs", text, 1, 100)),
      seed: given(values.seed, (text) => whole("seed", text, -(2 ** 31), 2 ** 32 - 1)),
      batchSize: given(values.batch, (text) => whole("batch", text, 1, 60_000)),
      learningRateDecay: given(values.decay, (text) => rate("decay", text, 1)),
    },
  };
}

async function main(argv: string[]): Promise<number> {
  let s: Settings | undefined;
  try {
    s = readSettings(argv);
  } catch (error) {
    say(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!s) return 0;
  if (s.model === "deep") return trainDeepModel(s);

  const needs = ["09-prepare", "10-network", "11-idx", ...(s.rotations ? ["16-augment"] : [])];
  const choice = await chooseCode({ mine: s.mine, reference: s.reference, needs, onCheck: (dirs) => say(`Checking that your exercises ${dirs.join(", ")} pass...`) });
  if ("refused" in choice) {
    say(choice.refused);
    return 1;
  }
  const tree = choice.tree;
  const { scaleInput, scaleInputs, makeTargets } = await load<{ scaleInput(pixel: number): number; scaleInputs(p: ArrayLike<number>): number[]; makeTargets(label: number): number[] }>(tree, "09-prepare/prepare.ts");
  const { NeuralNetwork } = await load<{ NeuralNetwork: new (i: number, h: number, o: number, lr: number, seed?: number) => Network }>(tree, "10-network/network.ts");
  const { loadMnist } = await load<{ loadMnist(set: "train" | "test"): Digit[] }>(tree, "11-idx/idx.ts");
  const augment = s.rotations ? (await load<{ augment(inputs: ArrayLike<number>): number[][] }>(tree, "16-augment/augment.ts")).augment : undefined;

  const started = performance.now();
  const train = loadMnist("train");
  const test = loadMnist("test");
  // The reference network trains on the engine, which learns the same many times faster
  // (tools/engine/engine.test.ts proves it); --mine always runs the learner's own class.
  const onEngine = tree === "solutions";
  const net: Network = onEngine
    ? loadEngineFile().createNetwork({ inputNodes: 784, hiddenNodes: s.hidden, outputNodes: 10, learningRate: s.lr, seed: s.seed })
    : new NeuralNetwork(784, s.hidden, 10, s.lr, s.seed);
  say(`Training a 784-${s.hidden}-10 network, learning rate ${s.lr}, ${s.epochs} epoch${s.epochs === 1 ? "" : "s"}${augment ? ", with rotations" : ""}, seed ${s.seed}`);
  say(`Code: ${choice.says}${onEngine ? "; the network trains on the engine (tools/engine, WebAssembly), which learns what the reference learns" : ""}`);

  // On the engine, which copies what it is given at once, one buffer of scaled inputs and one
  // targets array per label serve every image: no garbage, so memory stays low (the learner's
  // own network gets fresh arrays, which it may keep).
  const buffer = new Float64Array(784);
  const labelTargets = Array.from({ length: 10 }, (_, label) => makeTargets(label));
  const inputsOf = (pixels: ArrayLike<number>) => (onEngine ? fill(buffer, pixels, scaleInput) : scaleInputs(pixels));
  const targetsOf = (label: number) => (onEngine ? labelTargets[label] : makeTargets(label));

  // The training curve: accuracy on the first 1,000 test images after every 5,000 training images.
  const watch = test.slice(0, 1000);
  const curve: { x: number; y: number }[] = [];
  const watchAccuracy = () => watch.filter((d) => argmax(net.query(inputsOf(d.pixels))) === d.label).length / watch.length;
  const BLOCK = 500;
  const perImage = augment ? 3 : 1;
  for (let epoch = 1; epoch <= s.epochs; epoch++) {
    const bar = progressBar(`epoch ${epoch}/${s.epochs}`, train.length * perImage);
    for (let start = 0; start < train.length; start += BLOCK) {
      for (const d of train.slice(start, start + BLOCK)) {
        const inputs = inputsOf(d.pixels);
        const targets = targetsOf(d.label);
        for (const turned of augment ? augment(inputs) : [inputs]) {
          net.train(turned, targets);
          bar.tick();
        }
      }
      const seen = (epoch - 1) * train.length + start + BLOCK;
      if (seen % 5000 === 0) curve.push({ x: seen, y: watchAccuracy() });
    }
    bar.done();
  }

  const bar = progressBar("testing", test.length);
  const outputs = test.map((d) => {
    bar.tick();
    return net.query(inputsOf(d.pixels));
  });
  bar.done();
  const predicted = outputs.map(argmax);
  const right = predicted.filter((p, i) => p === test[i].label).length;
  const accuracy = right / test.length;
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  predicted.forEach((p, i) => confusion[test[i].label][p]++);
  const seconds = (performance.now() - started) / 1000;

  const summary = [
    `784-${s.hidden}-10, learning rate ${s.lr}, ${s.epochs} epoch(s)${augment ? ", rotations" : ""}, seed ${s.seed}; ${choice.says}`,
    "",
    formatConfusion(confusion),
    "",
    `accuracy: ${(accuracy * 100).toFixed(2)}% (${right} of ${test.length} test images)`,
    `time: ${formatDuration(seconds)}`,
    `peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  ].join("\n");
  say();
  say(summary.split("\n").slice(2).join("\n"));

  const written = await writeReport(s.out, { net, tree, summary, curve, epochs: s.epochs, trainCount: train.length, test, outputs, predicted });
  say();
  say(`Report in ${path.relative(process.cwd(), s.out) || "."}${path.sep}: ${written.join(", ")}`);
  return 0;
}

interface ReportData {
  /** The book's network (back-queried and saved as model.json); undefined for the deep model. */
  net?: Network;
  tree: Tree;
  summary: string;
  curve: { x: number; y: number }[];
  epochs: number;
  trainCount: number;
  test: Digit[];
  outputs: number[][];
  predicted: number[];
}

async function writeReport(out: string, r: ReportData): Promise<string[]> {
  fs.mkdirSync(out, { recursive: true });
  const written: string[] = [];
  const put = (name: string, content: string | Buffer) => {
    fs.writeFileSync(path.join(out, name), content);
    written.push(name);
  };

  // Grid lines every 1, 2, 5 or 10 percentage points, from just below the lowest point to 100%.
  const lowest = Math.min(...r.curve.map((p) => p.y));
  const tick = [0.01, 0.02, 0.05, 0.1].find((t) => (1 - lowest) / t <= 10) ?? 0.1;
  const low = Math.floor(lowest / tick) * tick;
  const yTicks = Array.from({ length: Math.round((1 - low) / tick) + 1 }, (_, i) => low + i * tick);
  const total = r.epochs * r.trainCount;
  const step = total <= 60_000 ? 10_000 : total <= 300_000 ? 60_000 : 120_000;
  const xTicks = Array.from({ length: Math.floor(total / step) }, (_, i) => (i + 1) * step);
  put(
    "training-curve.png",
    lineChart(r.curve, {
      yTicks,
      formatY: (y) => `${Math.round(y * 100)}%`,
      xTicks,
      formatX: (x) => `${x / 1000}k`,
      title: "Accuracy while training",
      yLabel: "Right answers, first 1000 test images",
      xLabel: "Training images seen (k = 1000)",
    }),
  );

  // The worst mistakes: wrong answers the network was surest of. Caption: true label > answer.
  const mistakes = r.predicted
    .map((p, i) => ({ i, p, confidence: r.outputs[i][p] }))
    .filter(({ i, p }) => p !== r.test[i].label)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, 24);
  const heading = ["The network's surest wrong answers", "8>4: the label says 8, the network answered 4"];
  put("worst-mistakes.png", digitSheet(mistakes.map(({ i, p }) => ({ pixels: r.test[i].pixels, caption: `${r.test[i].label}>${p}`, colour: RED })), 8, 3, heading));

  if (r.net === undefined) {
    put("summary.txt", r.summary + "\n");
    say("(no backquery.png and no model.json: back-querying and `npm run query` work with the book's network)");
    return written;
  }
  const net = r.net;
  try {
    const { backquery } = await load<{ backquery(net: unknown, label: number): number[] }>(r.tree, "18-backquery/backquery.ts");
    // Inputs back to grey levels by undoing the input scaling (x / 255 * 0.99 + 0.01), as exercise 18 does.
    const images = Array.from({ length: 10 }, (_, label) => backquery(net, label).map((v) => ((v - 0.01) / 0.99) * 255));
    put("backquery.png", digitSheet(images.map((pixels, label) => ({ pixels, caption: String(label), colour: BLACK })), 10, 3, ["What the network thinks each digit looks like (backquery)"]));
  } catch (error) {
    if (!isUnwritten(error)) throw error;
    say("(no backquery.png: exercise 18, backquery, is not written yet)");
  }

  // Keep an earlier model: it may have taken hours to train.
  const modelFile = path.join(out, "model.json");
  if (fs.existsSync(modelFile)) {
    const kept = path.join(out, `model-${new Date(fs.statSync(modelFile).mtime).toISOString().replace(/[:.]/g, "-")}.json`);
    fs.renameSync(modelFile, kept);
    say(`(the earlier model.json is kept as ${path.basename(kept)})`);
  }
  saveModel(net, modelFile);
  written.push("model.json");
  put("summary.txt", r.summary + "\n");
  return written;
}

/** The Part 4 network: the same report, without back-query and model.json. */
async function trainDeepModel(s: Settings): Promise<number> {
  const choice = await chooseCode({ mine: s.mine, reference: s.reference, needs: DEEP_NEEDS, onCheck: (dirs) => say(`Checking that your exercises ${dirs.join(", ")} pass...`) });
  if ("refused" in choice) {
    say(choice.refused);
    return 1;
  }
  const settings = await deepSettings(choice.tree, s.deep, say);
  const { loadMnist } = await load<{ loadMnist(set: "train" | "test"): Digit[] }>(choice.tree, "11-idx/idx.ts");
  const started = performance.now();
  const train = loadMnist("train");
  const test = loadMnist("test");
  const described = await describeDeep(choice.tree, settings);
  say(`Training a ${described}`);
  say(`Code: ${choice.says}`);
  const { curve, outputs, predicted } = await trainDeep(choice.tree, settings, train, test);
  const right = predicted.filter((p, i) => p === test[i].label).length;
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  predicted.forEach((p, i) => confusion[test[i].label][p]++);
  const summary = [
    `${described}; ${choice.says}`,
    "",
    formatConfusion(confusion),
    "",
    `accuracy: ${((100 * right) / test.length).toFixed(2)}% (${right} of ${test.length} test images)`,
    `time: ${formatDuration((performance.now() - started) / 1000)}`,
  ].join("\n");
  say();
  say(summary.split("\n").slice(2).join("\n"));
  const written = await writeReport(s.out, { tree: choice.tree, summary, curve, epochs: settings.epochs, trainCount: train.length, test, outputs, predicted });
  say();
  say(`Report in ${path.relative(process.cwd(), s.out) || "."}${path.sep}: ${written.join(", ")}`);
  return 0;
}

runTool("train", () => main(process.argv.slice(2)));
