// `npm run query -- <image.png> [--model reports/model.json]`: which digit does a trained network
// see in your own handwriting? Shows the 28 x 28 picture the network was given (drawn with
// exercise 13's drawDigit; --save writes it as a PNG), then the answer and the ten output values.
//
// The picture is read as exercise 17 does (grey, 28 x 28, inverted, scaled); the network is a
// model saved by `npm run train`, loaded into the NeuralNetwork class of exercise 10.
// `--lang zh` (or LANG=zh_CN.UTF-8) prints it all in Chinese (tools/messages.ts).
import path from "node:path";
import { parseArgs } from "node:util";
import { chooseCode, load, runToolIfMain } from "./course-code";
import { writeFileAtomic } from "../runner/harness/atomic-write";
import { optionError, toolLang } from "./messages";
import { loadModel, type SavableNetwork } from "./model";

interface Network extends SavableNetwork {
  query(inputs: ArrayLike<number>): number[];
}

/** The whole command; `io` is for tests (where to print, the environment that gives the language). */
export async function main(argv: string[], io: { out?: { write(text: string): unknown }; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const out = io.out ?? process.stdout;
  const say = (text = "") => void out.write(text + "\n");
  const { lang, t, warning } = toolLang(argv, io.env);
  if (warning) say(warning);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: "string", default: path.join("reports", "model.json") },
        save: { type: "string" },
        mine: { type: "boolean", default: false },
        reference: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        lang: { type: "string" },
      },
    });
  } catch (error) {
    say(`${optionError(error, t)}\n\n${t.queryUsage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    say(t.queryUsage);
    return 0;
  }
  if (positionals.length !== 1) {
    say(`${t.giveOnePng}\n\n${t.queryUsage}`);
    return 2;
  }
  const image = path.resolve(positionals[0]);
  const modelFile = path.resolve(values.model);

  const choice = await chooseCode({
    mine: values.mine,
    reference: values.reference,
    needs: ["10-network", "13-evaluate", "17-handwriting"],
    lang,
    onCheck: (dirs) => say(t.checking(dirs)),
  });
  if ("refused" in choice) {
    say(choice.refused);
    return 1;
  }
  const { NeuralNetwork } = await load<{ NeuralNetwork: new (i: number, h: number, o: number, lr: number) => Network }>(choice.tree, "10-network/network.ts");
  const { loadHandwriting } = await load<{ loadHandwriting(file: string): number[] }>(choice.tree, "17-handwriting/handwriting.ts");

  const { drawDigit, toPng } = await load<{ drawDigit(pixels: ArrayLike<number>): string; toPng(pixels: ArrayLike<number>): Buffer }>(choice.tree, "13-evaluate/evaluate.ts");

  const net = loadModel(modelFile, (i, h, o, lr) => new NeuralNetwork(i, h, o, lr), { inputNodes: 784, outputNodes: 10 }, lang);
  const inputs = loadHandwriting(image);
  const outputs = net.query(inputs);
  let answer = 0;
  outputs.forEach((o, k) => {
    if (o > outputs[answer]) answer = k;
  });

  say(t.modelLine(path.relative(process.cwd(), modelFile), net.hiddenNodes, choice.says));
  // What the network was given: the inputs back as MNIST grey levels (bright ink on black).
  const seen = inputs.map((x) => Math.min(255, Math.max(0, ((x - 0.01) / 0.99) * 255)));
  say(t.saw);
  say(drawDigit(seen));
  if (values.save) {
    writeFileAtomic(path.resolve(values.save), toPng(seen));
    say(t.written(values.save));
  }
  say(t.looksLike(path.relative(process.cwd(), image), answer));
  say();
  outputs.forEach((o, k) => say(`  ${k}  ${o.toFixed(4)}  ${"#".repeat(Math.round(o * 40))}${k === answer ? `  ${t.theAnswer}` : ""}`));
  return 0;
}

runToolIfMain("query", import.meta.filename, (argv) => main(argv));
