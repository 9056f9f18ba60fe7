// `npm run train`: train a network on the full MNIST (60,000 images), test it on all 10,000, and
// write a report folder: the training curve, the worst mistakes, the back-queried digits 0-9
// (all as PNG), a summary and the model as JSON (for `npm run query`).
//
//   npm run train -- --hidden 200 --lr 0.1 --epochs 1 [--rotations] [--seed 1] [--out reports]
//   npm run train -- --mine        your own network (exercises/) instead of the reference
//   npm run train -- --model deep  the Part 4 network (exercises 20-24), settings from exercise 24
//   npm run train -- --lang zh     everything printed and summary.txt in Chinese (tools/messages.ts)
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatConfusion, formatDuration, progressBar } from "../data/report";
import { chooseCode, isUnwritten, load, runToolIfMain, type Tree } from "./course-code";
import { loadEngineFile } from "./engine/node";
import { optionError, toolLang, type Lang, type ToolTexts } from "./messages";
import { saveModel, type SavableNetwork } from "./model";
import { BLACK, RED, digitSheet, lineChart } from "./pictures";
import { DEEP_NEEDS, deepSettings, describeDeep, trainDeep } from "./train-deep";

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

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Where a run prints, in which language, and (for tests) the images it uses instead of all of MNIST. */
interface Run {
  say: (text?: string) => void;
  out: Output;
  lang: Lang;
  t: ToolTexts;
  data?: { train: Digit[]; test: Digit[] };
}

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

function readSettings(argv: string[], { say, t }: Run): Settings | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      lang: { type: "string" },
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
    say(t.trainUsage);
    return undefined;
  }
  const whole = (name: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(t.wholeNumber(name, min, max, text));
    return n;
  };
  const rate = (name: string, text: string, max: number) => {
    const x = Number(text);
    if (!(x > 0 && x <= max)) throw new Error(t.aboveZero(name, max, text));
    return x;
  };
  if (values.model !== "book" && values.model !== "deep") throw new Error(t.badModel(values.model));
  const deep = values.model === "deep";
  if (deep && values.rotations) throw new Error(t.rotationsBookOnly);
  if (!deep && (values.batch !== undefined || values.decay !== undefined)) throw new Error(t.deepOnly);
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

/**
 * The whole command. `io` is for tests: where to print, the environment that gives the
 * language, and a few images instead of all of MNIST.
 */
export async function main(argv: string[], io: { out?: Output; env?: NodeJS.ProcessEnv; data?: Run["data"] } = {}): Promise<number> {
  const out = io.out ?? process.stdout;
  const say = (text = "") => void out.write(text + "\n");
  const { lang, t, warning } = toolLang(argv, io.env);
  if (warning) say(warning);
  const run: Run = { say, out, lang, t, data: io.data };
  let s: Settings | undefined;
  try {
    s = readSettings(argv, run);
  } catch (error) {
    say(`${optionError(error, t)}\n\n${t.trainUsage}`);
    return 2;
  }
  if (!s) return 0;
  return s.model === "deep" ? trainDeepModel(s, run) : trainBook(s, run);
}

/** The code to run (see course-code.ts), saying so; undefined (and why) when the reference is not open yet. */
async function codeFor(s: Settings, needs: string[], { say, lang, t }: Run) {
  const choice = await chooseCode({ mine: s.mine, reference: s.reference, needs, lang, onCheck: (dirs) => say(t.checking(dirs)) });
  if ("refused" in choice) {
    say(choice.refused);
    return undefined;
  }
  return choice;
}

/** The tree's MNIST (or the images a test gives). */
async function mnist(tree: Tree, run: Run): Promise<{ train: Digit[]; test: Digit[] }> {
  if (run.data) return run.data;
  const { loadMnist } = await load<{ loadMnist(set: "train" | "test"): Digit[] }>(tree, "11-idx/idx.ts");
  return { train: loadMnist("train"), test: loadMnist("test") };
}

async function trainBook(s: Settings, run: Run): Promise<number> {
  const { say, out, lang, t } = run;
  const choice = await codeFor(s, ["09-prepare", "10-network", "11-idx", ...(s.rotations ? ["16-augment"] : [])], run);
  if (!choice) return 1;
  const tree = choice.tree;
  const { scaleInput, scaleInputs, makeTargets } = await load<{ scaleInput(pixel: number): number; scaleInputs(p: ArrayLike<number>): number[]; makeTargets(label: number): number[] }>(tree, "09-prepare/prepare.ts");
  const { NeuralNetwork } = await load<{ NeuralNetwork: new (i: number, h: number, o: number, lr: number, seed?: number) => Network }>(tree, "10-network/network.ts");
  const augment = s.rotations ? (await load<{ augment(inputs: ArrayLike<number>): number[][] }>(tree, "16-augment/augment.ts")).augment : undefined;

  const started = performance.now();
  const { train, test } = await mnist(tree, run);
  // The reference network trains on the engine, which learns the same many times faster
  // (tools/engine/engine.test.ts proves it); --mine always runs the learner's own class.
  const onEngine = tree === "solutions";
  const net: Network = onEngine
    ? loadEngineFile().createNetwork({ inputNodes: 784, hiddenNodes: s.hidden, outputNodes: 10, learningRate: s.lr, seed: s.seed })
    : new NeuralNetwork(784, s.hidden, 10, s.lr, s.seed);
  say(t.trainingBook(s));
  say(t.code(choice.says) + (onEngine ? t.onEngine : ""));

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
    const bar = progressBar(t.epochLabel(epoch, s.epochs), train.length * perImage, { out, lang });
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

  const bar = progressBar(t.testingLabel, test.length, { out, lang });
  const outputs = test.map((d) => {
    bar.tick();
    return net.query(inputsOf(d.pixels));
  });
  bar.done();
  const predicted = outputs.map(argmax);
  const memory = t.peakMemory(Math.round(process.resourceUsage().maxRSS / 1024));
  return report(s, run, { net, tree, settings: t.settingsAndCode(t.bookSettings(s), choice.says), extra: [memory], started, curve, epochs: s.epochs, trainCount: train.length, test, outputs, predicted });
}

interface ReportData {
  /** The book's network (back-queried and saved as model.json); undefined for the deep model. */
  net?: Network;
  tree: Tree;
  /** The summary's first line: the settings and whose code ran. */
  settings: string;
  /** Lines after the time, e.g. the peak memory. */
  extra?: string[];
  /** performance.now() when the run began. */
  started: number;
  curve: { x: number; y: number }[];
  epochs: number;
  trainCount: number;
  test: Digit[];
  outputs: number[][];
  predicted: number[];
}

/** Print the results and write the report folder: the same for both models. */
async function report(s: Settings, run: Run, r: ReportData): Promise<number> {
  const { say, lang, t } = run;
  const right = r.predicted.filter((p, i) => p === r.test[i].label).length;
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  r.predicted.forEach((p, i) => confusion[r.test[i].label][p]++);
  const summary = [
    r.settings,
    "",
    formatConfusion(confusion, lang),
    "",
    t.accuracy(((100 * right) / r.test.length).toFixed(2), right, r.test.length),
    t.time(formatDuration((performance.now() - r.started) / 1000)),
    ...(r.extra ?? []),
  ].join("\n");
  say();
  say(summary.split("\n").slice(2).join("\n"));
  const written = await writeReport(s.out, r, summary, run);
  say();
  say(t.reportIn(`${path.relative(process.cwd(), s.out) || "."}${path.sep}`, written));
  if (t.englishPictures) say(t.englishPictures);
  return 0;
}

async function writeReport(out: string, r: ReportData, summary: string, { say, t }: Run): Promise<string[]> {
  fs.mkdirSync(out, { recursive: true });
  const written: string[] = [];
  const put = (name: string, content: string | Buffer) => {
    fs.writeFileSync(path.join(out, name), content);
    written.push(name);
  };

  // Grid lines every 1, 2, 5 or 10 percentage points, from just below the lowest point to 100%.
  // The pictures' labels stay English: the 3 x 5 pixel font (pictures.ts) has no Chinese characters.
  const lowest = Math.min(...r.curve.map((p) => p.y));
  const tick = [0.01, 0.02, 0.05, 0.1].find((size) => (1 - lowest) / size <= 10) ?? 0.1;
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
    put("summary.txt", summary + "\n");
    say(t.noBackqueryDeep);
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
    say(t.noBackqueryYet);
  }

  // Keep an earlier model: it may have taken hours to train.
  const modelFile = path.join(out, "model.json");
  if (fs.existsSync(modelFile)) {
    const kept = path.join(out, `model-${new Date(fs.statSync(modelFile).mtime).toISOString().replace(/[:.]/g, "-")}.json`);
    fs.renameSync(modelFile, kept);
    say(t.keptModel(path.basename(kept)));
  }
  saveModel(net, modelFile);
  written.push("model.json");
  put("summary.txt", summary + "\n");
  return written;
}

/** The Part 4 network: the same report, without back-query and model.json. */
async function trainDeepModel(s: Settings, run: Run): Promise<number> {
  const { say, t } = run;
  const choice = await codeFor(s, DEEP_NEEDS, run);
  if (!choice) return 1;
  const settings = await deepSettings(choice.tree, s.deep, () => say(t.deepFallback));
  const started = performance.now();
  const { train, test } = await mnist(choice.tree, run);
  const described = await describeDeep(choice.tree, settings);
  say(t.trainingDeep(described));
  say(t.code(choice.says));
  const { curve, outputs, predicted } = await trainDeep(choice.tree, settings, train, test, { out: run.out, lang: run.lang });
  return report(s, run, { tree: choice.tree, settings: run.t.settingsAndCode(described, choice.says), started, curve, epochs: settings.epochs, trainCount: train.length, test, outputs, predicted });
}

runToolIfMain("train", import.meta.filename, (argv) => main(argv));
