import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import fc from "fast-check";
import { PNG } from "pngjs";
import { expectClose, expectCloseMatrix, expectCloseNumbers, expectMatrix, expectNumber, expectThrowsMentioning, fail, propertyOptions } from "../_testkit/check";
import { Matrix } from "../05-matrix/matrix";
import { createRng } from "../09-prepare/prepare";
import { loadMnist } from "../11-idx/idx";
import { RELU } from "../21-activations/activations";
import { ActivationLayer, Dense, Sequential, softmaxCrossEntropyLoss, type Parameter } from "../22-layers/layers";
import { Adam, Momentum, PATH_COLOURS, RMSprop, SGD, batchOf, descend, pathsPng, trainEpoch, valley, type Optimiser } from "./optimisers";

// Generous, so a busy machine never fails a test that takes a second on a quiet one.
const LIMIT_MS = 120_000;

const reports = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "reports");
const say = (text = "") => process.stdout.write(text + "\n");

/** A parameter [1, -2] with gradient [0.5, 0.25]: the hand-computed first steps start here. */
const point = (): Parameter => ({ name: "p", value: Matrix.fromArray([[1, -2]]), grad: Matrix.fromArray([[0.5, 0.25]]) });

function steps(optimiser: Optimiser, grads: number[][]): number[][] {
  const p = point();
  const values: number[][] = [];
  for (const g of grads) {
    p.grad.data.set(g);
    optimiser.step([p]);
    values.push(Array.from(p.value.data));
  }
  return values;
}

const START: [number, number] = [-7, 2];
// The learning rates Deep Learning from Scratch draws these paths with (6.1.7), RMSprop's chosen here.
const RACE: [string, () => Optimiser][] = [
  ["SGD (0.95)", () => new SGD(0.95)],
  ["Momentum (0.1)", () => new Momentum(0.1)],
  ["RMSprop (0.1)", () => new RMSprop(0.1)],
  ["Adam (0.3)", () => new Adam(0.3)],
];

describe("23 optimisers: SGD, momentum, RMSprop and Adam (Deep Learning from Scratch 6.1; torch.optim)", { timeout: LIMIT_MS }, () => {
  it("SGD: value -= learningRate * grad; [1, -2] with gradient [0.5, 0.25] and rate 0.1 becomes [0.95, -2.025]", () => {
    expectCloseNumbers(steps(new SGD(0.1), [[0.5, 0.25]])[0], [0.95, -2.025], "SGD(0.1), one step from [1, -2] with gradient [0.5, 0.25]", 1e-12);
  });

  it("Momentum: the second step is bigger, [0.95, -2.025] then [0.855, -2.0725]", () => {
    const [first, second] = steps(new Momentum(0.1, 0.9), [[0.5, 0.25], [0.5, 0.25]]);
    expectCloseNumbers(first, [0.95, -2.025], "Momentum(0.1, 0.9), step 1: velocity = -0.1 * [0.5, 0.25]", 1e-12);
    expectCloseNumbers(second, [0.855, -2.0725], "Momentum(0.1, 0.9), step 2 with the same gradient: velocity = 0.9 * [-0.05, -0.025] - [0.05, 0.025]", 1e-12);
  });

  it("RMSprop: every parameter's step divided by the root of its mean square gradient: [0.9, -2.1], then [0.8291, -2.1707]", () => {
    const [first, second] = steps(new RMSprop(0.01, 0.99), [[0.5, 0.25], [0.5, 0.25]]);
    // meanSquare = 0.01 * [0.25, 0.0625]; sqrt = [0.05, 0.025]; step = 0.01 * [0.5 / 0.05, 0.25 / 0.025] = [0.1, 0.1]
    expectCloseNumbers(first, [0.9, -2.1], "RMSprop(0.01, decay 0.99), step 1: the same step 0.1 for both, whatever their gradients", 1e-6);
    // meanSquare = 0.0199 * [0.25, 0.0625]; step = 0.01 / sqrt(0.0199) = 0.070888
    expectCloseNumbers(second, [0.9 - 0.070888, -2.1 - 0.070888], "RMSprop(0.01, 0.99), step 2", 1e-6);
  });

  it("Adam with bias correction: the first step is learningRate * sign(grad), [0.9, -2.1]; then [0.905263, -2.188438]", () => {
    const [first, second] = steps(new Adam(0.1), [[0.5, 0.25], [-0.5, 1]]);
    expectCloseNumbers(first, [0.9, -2.1], "Adam(0.1), step 1: m / (1 - 0.9) = g and v / (1 - 0.999) = g^2, so the step is 0.1 * g / |g| (without the correction it would be 0.316)", 1e-6);
    // m = [-0.005, 0.1225], v = [0.00049975, 0.0010624375], corrections 1 - 0.9^2 = 0.19 and 1 - 0.999^2 = 0.001999
    expectCloseNumbers(second, [0.905263, -2.188438], "Adam(0.1), step 2 with gradient [-0.5, 1]", 1e-6);
  });

  it("each optimiser keeps its own numbers per parameter, and steps every parameter it is given", () => {
    for (const make of [() => new SGD(0.1), () => new Momentum(0.1), () => new RMSprop(0.01), () => new Adam(0.1)]) {
      const optimiser = make();
      const [a, b] = [point(), point()];
      b.value.data.set([3, 4]);
      b.grad.data.set([-1, 2]);
      const alone = point();
      const single = make();
      for (let s = 0; s < 3; s++) {
        optimiser.step([a, b]);
        single.step([alone]);
      }
      expectCloseMatrix(a.value, [Array.from(alone.value.data)], `${optimiser.constructor.name}: a parameter stepped beside another moves as it would alone`, 1e-12);
      if (b.value.data[0] === 3 || b.value.data[1] === 4) fail(`${optimiser.constructor.name}.step([a, b]) did not move b`);
    }
  });

  it("for any gradient, SGD steps against it and Adam's first step is learningRate in every direction", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }).filter((g) => Math.abs(g) > 1e-3), fc.double({ min: 0.001, max: 1, noNaN: true }), (g, rate) => {
        const p: Parameter = { name: "w", value: Matrix.fromArray([[0]]), grad: Matrix.fromArray([[g]]) };
        new SGD(rate).step([p]);
        expectClose(p.value.data[0], -rate * g, `SGD(${rate}) from 0 with gradient ${g}`, 1e-12);
        p.value.data[0] = 0;
        new Adam(rate).step([p]);
        expectClose(p.value.data[0], -rate * Math.sign(g), `Adam(${rate}), first step from 0 with gradient ${g} (epsilon 1e-8 makes it a touch smaller)`, 1e-4 * rate);
      }),
      propertyOptions(),
    );
  });

  it("the paths on f(x, y) = x^2/20 + y^2 from (-7, 2): all go downhill; SGD zig-zags across the valley, the others do not (chart in reports/)", () => {
    const paths = RACE.map(([name, make]) => {
      const p = descend(make(), START, 30);
      if (!Array.isArray(p) || p.length !== 31) fail(`descend(${name}, (-7, 2), 30)\n  expected: 31 points, the start and one per step\n  got:      ${Array.isArray(p) ? p.length + " points" : String(p)}`);
      expectCloseNumbers(p[0], START, `descend(${name}, ...): the first point is the start`, 0);
      const [x, y] = p[30];
      say(`${name.padEnd(15)} after 30 steps: (${x.toFixed(3)}, ${y.toFixed(3)}), f = ${valley(x, y).toFixed(4)}`);
      if (!(valley(x, y) < 0.2)) fail(`${name} after 30 steps from (-7, 2)\n  expected: near the bottom, f below 0.2 (it starts at 6.45)\n  got:      (${x}, ${y}), f = ${valley(x, y)}`);
      return p;
    });
    const sgdY = paths[0].map(([, y]) => y);
    sgdY.slice(1, 10).forEach((y, i) => {
      if (!(Math.sign(y) === -Math.sign(sgdY[i]))) fail(`SGD(0.95) on the valley: y = ${sgdY[i]} then ${y}; with the gradient 2y a step of 0.95 overshoots the bottom (y = 0) every time`);
    });
    for (const k of [1, 3]) {
      paths[k].slice(1, 4).forEach(([, y], i) => {
        if (!(y > 0 && y < paths[k][i][1])) fail(`${RACE[k][0]} on the valley: y should fall smoothly towards 0 in the first steps, got ${paths[k][i][1]} then ${y}`);
      });
    }
    const png = pathsPng(paths);
    const image = PNG.sync.read(png);
    for (let k = 0; k < paths.length; k++) {
      const [r, g, b] = PATH_COLOURS[k];
      let found = false;
      for (let i = 0; i < image.data.length && !found; i += 4) found = image.data[i] === r && image.data[i + 1] === g && image.data[i + 2] === b;
      if (!found) fail(`pathsPng: the path of ${RACE[k][0]} is not in the picture`);
    }
    fs.mkdirSync(reports, { recursive: true });
    const file = path.join(reports, "23-optimiser-paths.png");
    fs.writeFileSync(file, png);
    say(`chart: ${path.relative(process.cwd(), file)} (red SGD, green Momentum, blue RMSprop, orange Adam)`);
  });

  it("batchOf: one row per digit, pixels / 255", () => {
    const digits = [{ label: 1, pixels: Uint8Array.of(0, 255, 51) }, { label: 2, pixels: Uint8Array.of(102, 0, 0) }];
    expectCloseMatrix(batchOf(digits), [[0, 1, 0.2], [0.4, 0, 0]], "batchOf(two 3-pixel digits)", 1e-12);
  });

  it("on a seeded slice of 1,000 MNIST digits, Adam (0.001) reaches a lower loss than SGD (0.01) in the same 40 steps from the same weights", () => {
    const train = loadMnist("train", 1000);
    const labels = train.map((d) => d.label);
    const losses = ([["SGD", () => new SGD(0.01)], ["Adam", () => new Adam(0.001)]] as const).map(([name, make]) => {
      const rng = createRng(1);
      const model = new Sequential([new Dense(784, 32, rng), new ActivationLayer(RELU), new Dense(32, 10, rng)]);
      const optimiser = make();
      for (let epoch = 0; epoch < 2; epoch++) expectNumber(trainEpoch(model, optimiser, train, 50, rng), `trainEpoch(model, ${name}, 1,000 digits, batches of 50): the mean loss`);
      const loss = expectNumber(softmaxCrossEntropyLoss(model.forward(batchOf(train)), labels).loss, `the loss after training with ${name}`);
      say(`${name}: loss ${loss.toFixed(4)} on the 1,000 digits after 2 epochs of 20 batches (it starts near ln 10 = 2.30)`);
      return loss;
    });
    if (!(losses[0] < 2.3 && losses[1] < losses[0])) fail(`after 40 steps from the same start\n  expected: Adam's loss below SGD's, and both below 2.3\n  got:      SGD ${losses[0]}, Adam ${losses[1]}`);
  });

  it("trainEpoch uses every digit once per epoch, in a seeded shuffled order, and returns the mean loss", () => {
    const train = loadMnist("train", 60);
    const seen: number[] = [];
    const model = new Sequential([new Dense(784, 10, createRng(1))]);
    const counting: Optimiser = { step: () => undefined };
    const loss = trainEpoch(model, counting, train, 16, createRng(4), (n) => seen.push(n));
    if (JSON.stringify(seen) !== "[16,16,16,12]") fail(`trainEpoch of 60 digits in batches of 16: onBatch should be told each batch's size\n  expected: [16,16,16,12]\n  got:      ${JSON.stringify(seen)}`);
    // The optimiser did nothing, so the mean loss is the loss of all 60 at once.
    expectClose(loss, softmaxCrossEntropyLoss(model.forward(batchOf(train)), train.map((d) => d.label)).loss, "trainEpoch's mean loss with weights that do not move", 1e-9);
    const order = (seed: number) => {
      const firsts: number[] = [];
      const spy = new Sequential([new Dense(784, 10, createRng(1))]);
      const forward = spy.forward.bind(spy);
      spy.forward = (x: Matrix) => (firsts.push(x.data.reduce((a, b) => a + b, 0)), forward(x));
      trainEpoch(spy, counting, train, 60, createRng(seed));
      trainEpoch(spy, counting, train, 1, createRng(seed));
      return firsts.slice(1, 6).join();
    };
    if (order(4) !== order(4)) fail("trainEpoch with the same seed twice visited the digits in different orders");
    if (order(4) === order(5)) fail("trainEpoch with seeds 4 and 5 visited the digits in the same order: shuffle with rng");
  });

  it("bad settings are clear errors: a learning rate <= 0, a NaN gradient, a gradient of the wrong shape, a bad batch size", () => {
    expectCloseNumbers(steps(new SGD(0.1), [[0.5, 0.25]])[0], [0.95, -2.025], "SGD(0.1) works first", 1e-12);
    for (const [name, make] of [["SGD", (r: number) => new SGD(r)], ["Momentum", (r: number) => new Momentum(r)], ["RMSprop", (r: number) => new RMSprop(r)], ["Adam", (r: number) => new Adam(r)]] as const) {
      for (const rate of [0, -0.1, NaN]) expectThrowsMentioning(() => make(rate), [name, "learning rate", String(rate)], `new ${name}(${rate})`);
      const p = point();
      p.grad.data[1] = NaN;
      expectThrowsMentioning(() => make(0.1).step([p]), ["NaN", "p"], `${name}.step with a NaN gradient`);
      const q = point();
      q.grad = new Matrix(2, 1);
      expectThrowsMentioning(() => make(0.1).step([q]), ["1x2", "2x1"], `${name}.step with a 2x1 gradient for a 1x2 value`);
    }
    expectThrowsMentioning(() => new Momentum(0.1, 1), ["momentum", "1"], "new Momentum(0.1, momentum 1): it would never slow down");
    expectThrowsMentioning(() => new Adam(0.1, 0.9, 1.5), ["beta2", "1.5"], "new Adam(0.1, 0.9, beta2 1.5)");
    expectThrowsMentioning(() => new Adam(0.1, -0.1), ["beta1", "-0.1"], "new Adam(0.1, beta1 -0.1)");
    expectThrowsMentioning(() => new RMSprop(0.1, 1), ["decay", "1"], "new RMSprop(0.1, decay 1): it would never learn the gradients' size");
    expectThrowsMentioning(() => new SGD(Infinity), ["learning rate", "Infinity"], "new SGD(Infinity)");
    // 0 is allowed: Momentum with momentum 0 is plain SGD.
    expectCloseNumbers(steps(new Momentum(0.1, 0), [[0.5, 0.25], [0.5, 0.25]])[1], [0.9, -2.05], "Momentum(0.1, momentum 0): two plain SGD steps", 1e-12);
    const model = new Sequential([new Dense(784, 10, createRng(1))]);
    expectThrowsMentioning(() => trainEpoch(model, new SGD(0.1), loadMnist("train", 10), 0, createRng(1)), ["batchSize", "0"], "trainEpoch with batchSize 0");
    expectThrowsMentioning(() => batchOf([]), ["no digits"], "batchOf([])");
    expectMatrix(batchOf(loadMnist("test", 2)), 2, 784, "batchOf(two test digits)");
  });
});
