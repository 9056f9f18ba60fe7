// `npm run query -- <image.png> [--model reports/model.json]`: which digit does a trained network
// see in your own handwriting? Shows the 28 x 28 picture the network was given (drawn with
// exercise 13's drawDigit; --save writes it as a PNG), then the answer and the ten output values.
//
// The picture is read as exercise 17 does (grey, 28 x 28, inverted, scaled); the network is a
// model saved by `npm run train`, loaded into the NeuralNetwork class of exercise 10.
import path from "node:path";
import { parseArgs } from "node:util";
import { chooseCode, load, runTool } from "./course-code";
import { writeFileAtomic } from "../runner/harness/atomic-write";
import { loadModel, type SavableNetwork } from "./model";

const USAGE = `npm run query -- <image.png> [options]

  --model FILE    a network saved by npm run train (default reports/model.json)
  --save FILE     also write the 28 x 28 picture the network saw as a PNG
  --mine          use your own code (exercises/) instead of the course's reference
  --reference     use the reference even before your own exercises pass (instructors)
`;

interface Network extends SavableNetwork {
  query(inputs: ArrayLike<number>): number[];
}

const say = (text = "") => process.stdout.write(text + "\n");

async function main(argv: string[]): Promise<number> {
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
      },
    });
  } catch (error) {
    say(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    say(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    say(`Give one PNG file of a digit, e.g. npm run query -- my-seven.png\n\n${USAGE}`);
    return 2;
  }
  const image = path.resolve(positionals[0]);
  const modelFile = path.resolve(values.model);

  const choice = await chooseCode({
    mine: values.mine,
    reference: values.reference,
    needs: ["10-network", "13-evaluate", "17-handwriting"],
    onCheck: (dirs) => say(`Checking that your exercises ${dirs.join(", ")} pass...`),
  });
  if ("refused" in choice) {
    say(choice.refused);
    return 1;
  }
  const { NeuralNetwork } = await load<{ NeuralNetwork: new (i: number, h: number, o: number, lr: number) => Network }>(choice.tree, "10-network/network.ts");
  const { loadHandwriting } = await load<{ loadHandwriting(file: string): number[] }>(choice.tree, "17-handwriting/handwriting.ts");

  const { drawDigit, toPng } = await load<{ drawDigit(pixels: ArrayLike<number>): string; toPng(pixels: ArrayLike<number>): Buffer }>(choice.tree, "13-evaluate/evaluate.ts");

  const net = loadModel(modelFile, (i, h, o, lr) => new NeuralNetwork(i, h, o, lr), { inputNodes: 784, outputNodes: 10 });
  const inputs = loadHandwriting(image);
  const outputs = net.query(inputs);
  let answer = 0;
  outputs.forEach((o, k) => {
    if (o > outputs[answer]) answer = k;
  });

  say(`${path.relative(process.cwd(), modelFile)}: a 784-${net.hiddenNodes}-10 network (${choice.says})`);
  // What the network was given: the inputs back as MNIST grey levels (bright ink on black).
  const seen = inputs.map((x) => Math.min(255, Math.max(0, ((x - 0.01) / 0.99) * 255)));
  say(`What the network saw (28 x 28, after grey, resize, invert and scale):`);
  say(drawDigit(seen));
  if (values.save) {
    writeFileAtomic(path.resolve(values.save), toPng(seen));
    say(`(written to ${values.save})`);
  }
  say(`${path.relative(process.cwd(), image)} looks like a ${answer}`);
  say();
  outputs.forEach((o, k) => say(`  ${k}  ${o.toFixed(4)}  ${"#".repeat(Math.round(o * 40))}${k === answer ? "  <- the answer" : ""}`));
  return 0;
}

runTool("query", () => main(process.argv.slice(2)));
