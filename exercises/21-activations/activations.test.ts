import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectMatrix, expectNumber, expectNumbers, expectThrowsMentioning, fail, propertyOptions } from "../_testkit/check";
import { chartMarkers } from "../_testkit/png";
import { Matrix } from "../05-matrix/matrix";
import { createRng, randomNormal } from "../09-prepare/prepare";
import { POINT } from "../14-tuning/tuning";
import {
  DEEP, RELU, SIGMOID, gradientChartPng, gradientSizes, heWeights, leakyRelu, leakyReluSlope, normalWeights, relu, reluSlope, tanh, tanhSlope, unitNormalWeights, xavierWeights,
  type Activation, type Init,
} from "./activations";

// Generous, so a busy machine never fails a test that takes a second on a quiet one.
const LIMIT_MS = 120_000;

const between = (min: number, max: number) => fc.double({ min, max, noNaN: true });
// Away from the kink at 0, where the slope jumps and a central difference straddles it.
const offKink = fc.oneof(between(-20, -1e-3), between(1e-3, 20));
const reports = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "reports");
const say = (text = "") => process.stdout.write(text + "\n");

function checkSlope(name: string, f: (x: number) => number, slope: (x: number) => number, xs: fc.Arbitrary<number>): void {
  const h = 1e-6;
  fc.assert(
    fc.property(xs, (x) => {
      const measured = (f(x + h) - f(x - h)) / (2 * h);
      expectClose(slope(x), measured, `${name}(${x}) against the slope measured by (f(x + h) - f(x - h)) / 2h`, 1e-6);
    }),
    propertyOptions(),
  );
}

/** Mean and standard deviation of all the numbers of a matrix. */
function statistics(m: Matrix): { mean: number; std: number } {
  const n = m.data.length;
  const mean = m.data.reduce((a, b) => a + b, 0) / n;
  return { mean, std: Math.sqrt(m.data.reduce((a, b) => a + (b - mean) ** 2, 0) / n) };
}

function callSizes(activation: Activation, init: Init, layers = DEEP.layers): number[] {
  const sizes = expectNumbers(gradientSizes(activation, init, { ...DEEP, layers }), layers, `gradientSizes(${activation.name}, ...): one size per layer`);
  sizes.forEach((s, i) => {
    if (!(s > 0)) fail(`gradientSizes(${activation.name}, ...), layer ${i + 1}\n  expected: a size above 0 (a root-mean-square)\n  got:      ${s}`);
  });
  return sizes;
}

const format = (sizes: number[]) => sizes.map((s) => s.toExponential(1)).join("  ");

describe("21 activations: ReLU, tanh, He and Xavier, and vanishing gradients (the roadmap; Deep Learning from Scratch 6.2)", { timeout: LIMIT_MS }, () => {
  it("relu and leaky relu: the worked numbers, and the slope at the kink x = 0 is 0 for relu and alpha for leaky relu", () => {
    expectClose(relu(2.5), 2.5, "relu(2.5)", 0);
    expectClose(relu(-3), 0, "relu(-3)", 0);
    expectClose(relu(0), 0, "relu(0)", 0);
    expectClose(reluSlope(2.5), 1, "reluSlope(2.5)", 0);
    expectClose(reluSlope(-3), 0, "reluSlope(-3)", 0);
    expectClose(reluSlope(0), 0, "reluSlope(0): the kink; the course, like PyTorch, takes 0 there", 0);
    expectClose(leakyRelu(-3), -0.03, "leakyRelu(-3): alpha 0.01 by default", 1e-12);
    expectClose(leakyRelu(-3, 0.2), -0.6, "leakyRelu(-3, 0.2)", 1e-12);
    expectClose(leakyRelu(4, 0.2), 4, "leakyRelu(4, 0.2)", 0);
    expectClose(leakyReluSlope(-3, 0.2), 0.2, "leakyReluSlope(-3, 0.2)", 0);
    expectClose(leakyReluSlope(4, 0.2), 1, "leakyReluSlope(4, 0.2)", 0);
    expectClose(leakyReluSlope(0, 0.2), 0.2, "leakyReluSlope(0, 0.2): at the kink, the left side's slope alpha", 0);
    expectClose(leakyReluSlope(-1), 0.01, "leakyReluSlope(-1): alpha 0.01 by default", 0);
  });

  it("tanh: tanh(0) = 0, tanh(1) = 0.7616, between -1 and 1, odd, and tanh(x) = 2 sigmoid(2x) - 1", () => {
    expectClose(tanh(0), 0, "tanh(0)", 1e-12);
    expectClose(tanh(1), 0.76159, "tanh(1)", 1e-5);
    expectClose(tanhSlope(0), 1, "tanhSlope(0): four times as steep as the sigmoid's 0.25", 1e-12);
    expectClose(tanhSlope(1), 0.41997, "tanhSlope(1) = 1 - tanh(1)^2", 1e-5);
    expectClose(tanh(1e4), 1, "tanh(1e4): no overflow", 1e-12);
    expectClose(tanh(-1e4), -1, "tanh(-1e4): no overflow", 1e-12);
    fc.assert(
      fc.property(between(-30, 30), (x) => {
        const y = expectNumber(tanh(x), `tanh(${x})`);
        if (!(y >= -1 && y <= 1)) fail(`tanh(${x})\n  expected: from -1 to 1\n  got:      ${y}`);
        expectClose(tanh(-x), -y, `tanh(${-x}) = -tanh(${x})`, 1e-12);
        expectClose(y, 2 / (1 + Math.exp(-2 * x)) - 1, `tanh(${x}) against 2 sigmoid(2x) - 1`, 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("every slope matches the slope measured by central differences, away from the kink", () => {
    checkSlope("reluSlope", relu, reluSlope, offKink);
    checkSlope("leakyReluSlope", (x) => leakyRelu(x, 0.1), (x) => leakyReluSlope(x, 0.1), offKink);
    checkSlope("tanhSlope", tanh, tanhSlope, between(-10, 10));
    checkSlope("RELU.slope", RELU.f, RELU.slope, offKink);
  });

  it("normalWeights: fanIn x fanOut, the same seed the same numbers, mean 0 and the asked-for spread over 10,000 draws", () => {
    const w = normalWeights(100, 100, 0.3, createRng(5));
    expectMatrix(w, 100, 100, "normalWeights(100, 100, 0.3, rng): one row per input, one column per node");
    const again = normalWeights(100, 100, 0.3, createRng(5));
    if (!w.data.every((v, i) => v === again.data[i])) fail("normalWeights with the same seed twice gave different numbers: draw each with randomNormal(rng, 0, std) from exercise 09");
    const rng = createRng(5);
    w.data.forEach((v, i) => {
      const expected = randomNormal(rng, 0, 0.3);
      if (v !== expected) fail(`normalWeights(100, 100, 0.3, createRng(5)), entry [${i}] of .data\n  expected: ${expected}, the next randomNormal(rng, 0, 0.3): fill the entries in order, (0, 0), (0, 1), ...\n  got:      ${v}`);
    });
    const { mean, std } = statistics(w);
    expectClose(mean, 0, "mean of 10,000 normalWeights(.., 0.3) (the mean of 10,000 draws wanders by about 0.003)", 0.012);
    expectClose(std, 0.3, "standard deviation of 10,000 normalWeights(.., 0.3)", 0.01);
    expectMatrix(normalWeights(3, 7, 1, createRng(1)), 3, 7, "normalWeights(3, 7, 1, rng)");
  });

  it("Xavier gives std 1 / sqrt(fanIn), He sqrt(2 / fanIn): measured on 10,000 draws", () => {
    for (const [name, init, fanIn, expected] of [
      ["xavierWeights", xavierWeights, 100, 0.1],
      ["xavierWeights", xavierWeights, 400, 0.05],
      ["heWeights", heWeights, 100, Math.sqrt(0.02)],
      ["heWeights", heWeights, 400, Math.sqrt(2 / 400)],
    ] as const) {
      const fanOut = 10_000 / fanIn;
      const w = init(fanIn, fanOut, createRng(11));
      expectMatrix(w, fanIn, fanOut, `${name}(${fanIn}, ${fanOut}, rng)`);
      const { mean, std } = statistics(w);
      expectClose(mean, 0, `mean of ${name}(${fanIn}, ${fanOut})`, 0.04 * expected);
      expectClose(std, expected, `standard deviation of ${name}(${fanIn}, ${fanOut}): ${name === "heWeights" ? "sqrt(2 / fanIn)" : "1 / sqrt(fanIn)"}`, 0.03 * expected);
    }
  });

  it("bad sizes or spreads are clear errors", () => {
    expectMatrix(normalWeights(2, 2, 1, createRng(1)), 2, 2, "normalWeights(2, 2, 1) works first");
    expectThrowsMentioning(() => normalWeights(0, 3, 1, createRng(1)), ["fanIn", "0"], "normalWeights(0, 3, ...): no inputs");
    expectThrowsMentioning(() => normalWeights(3, 2.5, 1, createRng(1)), ["fanOut", "2.5"], "normalWeights(3, 2.5, ...)");
    expectThrowsMentioning(() => normalWeights(3, 3, -1, createRng(1)), ["-1"], "normalWeights(3, 3, std -1)");
    expectThrowsMentioning(() => normalWeights(3, 3, NaN, createRng(1)), ["NaN"], "normalWeights(3, 3, std NaN)");
    expectThrowsMentioning(() => normalWeights(3, 3, 0, createRng(1)), ["0"], "normalWeights(3, 3, std 0): every weight the same, nothing to tell the nodes apart");
    expectThrowsMentioning(() => normalWeights(3, 3, Infinity, createRng(1)), ["Infinity"], "normalWeights(3, 3, std Infinity)");
    expectMatrix(normalWeights(1, 1, 1e-3, createRng(1)), 1, 1, "normalWeights(1, 1, 0.001): one input, one node, a small spread");
  });

  it("gradientSizes on a tiny hand-checkable stack: 2 layers, 1 node, 1 sample, weights 3 and 0.5, f(x) = 2x", () => {
    // The rng gives the input x and then the top gradient g (the test's init draws nothing).
    const rng = createRng(7);
    const x = randomNormal(rng, 0, 1);
    const g = randomNormal(rng, 0, 1);
    const weights = [3, 0.5];
    let layer = 0;
    const init: Init = (fanIn, fanOut) => new Matrix(fanIn, fanOut, Float64Array.of(weights[layer++]));
    const double: Activation = { name: "f(x) = 2x", f: (v) => 2 * v, slope: () => 2 };
    // forward: a1 = 2 (3x) = 6x, a2 = 2 (0.5 * 6x) = 6x. back: delta2 = 2g, dW2 = a1 delta2 = 12 x g;
    // g1 = delta2 * 0.5 = g, delta1 = 2g, dW1 = x * 2g.
    const sizes = expectNumbers(gradientSizes(double, init, { layers: 2, width: 1, batch: 1, seed: 7 }), 2, "gradientSizes(2x, weights 3 and 0.5, { layers: 2, width: 1, batch: 1, seed: 7 })");
    expectClose(sizes[0], Math.abs(2 * x * g), `layer 1: |dW1| = |x * 2g| with x = ${x}, g = ${g} (the first two numbers of createRng(7) after the weights)`, 1e-12);
    expectClose(sizes[1], Math.abs(12 * x * g), "layer 2: |dW2| = |6x * 2g|", 1e-12);
  });

  it("VANISHING: in a seeded 10-layer, 100-wide sigmoid network with the book's weights (Xavier) the gradient at layer 1 is over 100x smaller than at layer 10", () => {
    const sizes = callSizes(SIGMOID, xavierWeights);
    say(`\nsigmoid + Xavier, gradient size per layer (1..10): ${format(sizes)}  (layer 10 / layer 1: ${(sizes[9] / sizes[0]).toExponential(1)})`);
    if (!(sizes[9] / sizes[0] > 100)) fail(`sigmoid + Xavier weights: layer 10's gradient over layer 1's\n  expected: above 100 (each sigmoid layer passes back at most 0.25 of the error)\n  got:      ${sizes[9] / sizes[0]} (sizes ${format(sizes)})`);
    sizes.slice(1).forEach((s, i) => {
      if (!(s > sizes[i])) fail(`sigmoid + Xavier: the gradient should shrink at every step back, but layer ${i + 1} has ${sizes[i]} and layer ${i + 2} ${s}`);
    });
  });

  it("with ReLU and He weights the gradient at layer 1 stays within 10x of layer 10's", () => {
    const sizes = callSizes(RELU, heWeights);
    say(`ReLU + He, gradient size per layer (1..10):        ${format(sizes)}  (layer 10 / layer 1: ${(sizes[9] / sizes[0]).toFixed(2)})`);
    const ratio = sizes[9] / sizes[0];
    if (!(ratio < 10 && ratio > 0.1)) fail(`ReLU + He weights: layer 10's gradient over layer 1's\n  expected: between 0.1 and 10\n  got:      ${ratio} (sizes ${format(sizes)})`);
  });

  it("with sigmoid and normal(0, 1) weights the sigmoids saturate, but the large weights pass the error back undiminished: layer 1 stays far above the Xavier network's", () => {
    const sizes = callSizes(SIGMOID, unitNormalWeights);
    say(`sigmoid + normal(0, 1), gradient size per layer:   ${format(sizes)}  (layer 10 / layer 1: ${(sizes[9] / sizes[0]).toFixed(2)})`);
    const xavier = callSizes(SIGMOID, xavierWeights);
    if (!(sizes[0] > 100 * xavier[0])) fail(`sigmoid: layer 1's gradient with normal(0, 1) weights (${sizes[0]}) should be far above the vanished one with Xavier weights (${xavier[0]})`);
  });

  it("gradientChartPng draws one marker per layer, layer 1 lowest for the vanishing sigmoid network (written to reports/)", () => {
    fs.mkdirSync(reports, { recursive: true });
    for (const [name, activation, init] of [["sigmoid-xavier", SIGMOID, xavierWeights], ["relu-he", RELU, heWeights]] as const) {
      const sizes = callSizes(activation, init);
      const png = gradientChartPng(sizes);
      const found = chartMarkers(png, POINT, `gradientChartPng(sizes of ${name})`);
      if (found.length !== sizes.length) fail(`gradientChartPng(sizes of ${name})\n  expected: ${sizes.length} markers, one per layer\n  got:      ${found.length}`);
      if (name === "sigmoid-xavier" && !(found[0].y > found[9].y)) fail(`gradientChartPng(sizes of ${name}): layer 1's marker should be lower in the picture than layer 10's`);
      const file = path.join(reports, `21-gradients-${name}.png`);
      fs.writeFileSync(file, png as Buffer);
      say(`chart: ${path.relative(process.cwd(), file)} (log10 of the gradient size, layer 1 on the left)`);
    }
  });
});
