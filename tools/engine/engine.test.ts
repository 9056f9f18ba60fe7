// The engine must learn what the book-form reference (solutions/10-network) learns: the same
// weights after 1,000 MNIST steps from the same start, the same accuracy after a full epoch, the
// same rotations, and the same clear errors. A stored checksum guards the reference itself.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../model";
import { makeTargets, scaleInputs } from "../../solutions/09-prepare/prepare";
import { NeuralNetwork } from "../../solutions/10-network/network";
import { loadMnist } from "../../solutions/11-idx/idx";
import { argmax } from "../../solutions/12-mnist-small/mnist-small";
import { augment } from "../../solutions/16-augment/augment";
import type { EngineNetwork } from "./index";
import { loadEngineFile, wasmFile } from "./node";

const engine = loadEngineFile();
const samples = loadMnist("train", 1000).map((d) => ({ inputs: scaleInputs(d.pixels), targets: makeTargets(d.label) }));

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
};
const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
};

/** A reference network that starts from the engine's (f32) weights, so both start the same. */
function referenceLike(net: EngineNetwork): NeuralNetwork {
  const reference = new NeuralNetwork(net.inputNodes, net.hiddenNodes, net.outputNodes, net.learningRate);
  reference.wih.data.set(net.wih.data);
  reference.who.data.set(net.who.data);
  return reference;
}

describe("the engine learns what the book-form reference learns", () => {
  it("from the same start, after 1,000 MNIST steps at 784-100-10 lr 0.3, every weight is within 1e-5 of the reference's (f32)", () => {
    const net = engine.createNetwork({ inputNodes: 784, hiddenNodes: 100, outputNodes: 10, learningRate: 0.3, seed: 5 });
    const reference = referenceLike(net);
    expect(net.trainEpoch(samples)).toBe(1000);
    for (const s of samples) reference.train(s.inputs, s.targets);
    expect(maxDifference(net.wih.data, reference.wih.data)).toBeLessThan(1e-5);
    expect(maxDifference(net.who.data, reference.who.data)).toBeLessThan(1e-5);
    expect(maxDifference(net.query(samples[0].inputs), reference.query(samples[0].inputs))).toBeLessThan(1e-5);
  });

  it("on small and odd sizes too (the SIMD loops' leftovers): 1-1-1, 5-3-2, 17-9-3, 33-21-5 after 200 random steps", () => {
    let state = 12345;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const [i, h, o] of [[1, 1, 1], [5, 3, 2], [17, 9, 3], [33, 21, 5]]) {
      const net = engine.createNetwork({ inputNodes: i, hiddenNodes: h, outputNodes: o, learningRate: 0.4, seed: i });
      const reference = referenceLike(net);
      for (let step = 0; step < 200; step++) {
        const inputs = Array.from({ length: i }, () => 0.01 + 0.99 * random());
        const targets = Array.from({ length: o }, () => (random() < 0.5 ? 0.01 : 0.99));
        net.train(inputs, targets);
        reference.train(inputs, targets);
      }
      expect(maxDifference(net.wih.data, reference.wih.data), `${i}-${h}-${o} wih`).toBeLessThan(1e-5);
      expect(maxDifference(net.who.data, reference.who.data), `${i}-${h}-${o} who`).toBeLessThan(1e-5);
    }
  });

  it("the seed draws the reference's starting weights (rounded to f32)", () => {
    const net = engine.createNetwork({ inputNodes: 784, hiddenNodes: 20, outputNodes: 10, learningRate: 0.1, seed: 9 });
    const reference = new NeuralNetwork(784, 20, 10, 0.1, 9);
    expect(maxDifference(net.wih.data, reference.wih.data.map(Math.fround))).toBe(0);
    expect(maxDifference(net.who.data, reference.who.data.map(Math.fround))).toBe(0);
  });

  it("batches change nothing, to the last bit: trainEpoch equals train with a query after every 7th sample (its batches fuse one update with the next sample's sums)", () => {
    const options = { inputNodes: 784, hiddenNodes: 30, outputNodes: 10, learningRate: 0.2, seed: 3 };
    const one = engine.createNetwork(options);
    const many = engine.createNetwork(options);
    samples.slice(0, 600).forEach((s, i) => {
      one.train(s.inputs, s.targets);
      if (i % 7 === 0) one.query(s.inputs); // makes the steps waiting so far, so batches end elsewhere
    });
    const progress: number[] = [];
    many.trainEpoch(samples.slice(0, 600), { onProgress: (steps) => progress.push(steps) });
    expect(progress).toEqual([256, 512, 600]);
    expect(maxDifference(many.wih.data, one.wih.data)).toBe(0);
    expect(maxDifference(many.who.data, one.who.data)).toBe(0);
  });

  it("with rotations, each sample trains three times, as exercise 16's augment makes them", () => {
    const net = engine.createNetwork({ inputNodes: 784, hiddenNodes: 30, outputNodes: 10, learningRate: 0.1, seed: 2 });
    const reference = referenceLike(net);
    expect(net.trainEpoch(samples.slice(0, 100), { rotations: true })).toBe(300);
    for (const s of samples.slice(0, 100)) for (const turned of augment(s.inputs)) reference.train(turned, s.targets);
    expect(maxDifference(net.wih.data, reference.wih.data)).toBeLessThan(1e-5);
    expect(maxDifference(net.who.data, reference.who.data)).toBeLessThan(1e-5);
  });

  it("one epoch of all 60,000 images at 784-200-10 lr 0.1 scores within 0.3 points of the reference's 0.9561", () => {
    const net = engine.createNetwork({ inputNodes: 784, hiddenNodes: 200, outputNodes: 10, learningRate: 0.1, seed: 1 });
    const train = loadMnist("train");
    net.trainEpoch((function* () {
      for (const d of train) yield { inputs: scaleInputs(d.pixels), targets: makeTargets(d.label) };
    })());
    const test = loadMnist("test");
    const right = test.filter((d) => argmax(net.query(scaleInputs(d.pixels))) === d.label).length;
    expect(Math.abs(right / test.length - 0.9561)).toBeLessThanOrEqual(0.003);
  }, 600_000); // about 5 s on a quiet machine; generous for a busy one
});

describe("the book-form reference does not change silently", () => {
  it("after 10 fixed steps (784-30-10, lr 0.3, seed 7, the first 10 MNIST images) its weights have the stored checksums", () => {
    // Computed once from the book's formulas (an independent plain-array version agreed to 4e-14).
    const reference = new NeuralNetwork(784, 30, 10, 0.3, 7);
    for (const s of samples.slice(0, 10)) reference.train(s.inputs, s.targets);
    const checksum = (a: ArrayLike<number>) => {
      let sum = 0;
      let mixed = 0; // weights by position: catches weights moved to the wrong place
      for (let i = 0; i < a.length; i++) {
        sum += a[i];
        mixed += a[i] * ((i % 13) - 6);
      }
      return [sum, mixed];
    };
    const [wihSum, wihMixed] = checksum(reference.wih.data);
    const [whoSum, whoMixed] = checksum(reference.who.data);
    expect(Math.abs(wihSum - 10.843232806923679)).toBeLessThan(1e-11);
    expect(Math.abs(wihMixed - -13.130413750978308)).toBeLessThan(1e-11);
    expect(Math.abs(whoSum - -14.768453296638206)).toBeLessThan(1e-11);
    expect(Math.abs(whoMixed - -0.1094907558956697)).toBeLessThan(1e-11);
  });
});

describe("the engine's errors say what is wrong", () => {
  const net = engine.createNetwork({ inputNodes: 7, hiddenNodes: 3, outputNodes: 2, learningRate: 0.3 });

  it("wrong numbers of inputs or targets, NaN and Infinity: the reference's messages", () => {
    expect(errorOf(() => net.query([0.1, 0.2, 0.3, 0.4, 0.5]))).toMatch(/query: expected 7 inputs.*got 5/);
    expect(errorOf(() => net.train([1, 2, 3, 4, 5, 6, 7], [0.5, 0.5, 0.5, 0.5]))).toMatch(/train: expected 2 targets.*got 4/);
    expect(errorOf(() => net.trainEpoch([{ inputs: [1, 2], targets: [0.5, 0.5] }]))).toMatch(/trainEpoch: expected 7 inputs.*got 2/);
    expect(errorOf(() => net.train([1, 2, Number.NaN, 4, 5, 6, 7], [0.5, 0.5]))).toMatch(/train: inputs\[2\] is NaN/);
    expect(errorOf(() => net.query([1, 2, 3, 4, 5, 6, Infinity]))).toMatch(/query: inputs\[6\] is Infinity/);
    expect(errorOf(() => net.train([1, 2, 3, 4, 5, 6, 7], [0.5, -Infinity]))).toMatch(/train: targets\[1\] is -Infinity/);
    expect(errorOf(() => net.trainEpoch([], { rotations: true }))).toMatch(/rotations.*784.*7 inputs/);
  });

  it("zero, negative or fractional sizes and bad learning rates name the argument and the value", () => {
    const make = (inputNodes: number, hiddenNodes: number, outputNodes: number, learningRate: number) => () => engine.createNetwork({ inputNodes, hiddenNodes, outputNodes, learningRate });
    expect(errorOf(make(0, 3, 2, 0.3))).toMatch(/inputNodes.*at least 1, got 0/);
    expect(errorOf(make(3, -1, 2, 0.3))).toMatch(/hiddenNodes.*got -1/);
    expect(errorOf(make(3, 2.5, 2, 0.3))).toMatch(/hiddenNodes.*got 2.5/);
    expect(errorOf(make(3, 3, Number.NaN, 0.3))).toMatch(/outputNodes.*got NaN/);
    expect(errorOf(make(3, 3, 2, 0))).toMatch(/learningRate.*got 0/);
    expect(errorOf(make(3, 3, 2, Infinity))).toMatch(/learningRate.*got Infinity/);
  });

  it("given weights of the wrong shape: both shapes named", () => {
    const base = { inputNodes: 4, hiddenNodes: 3, outputNodes: 2, learningRate: 0.1 };
    expect(errorOf(() => engine.createNetwork({ ...base, wih: [[1, 2, 3, 4], [1, 2, 3, 4]] }))).toMatch(/wih should be 3x4 \(hiddenNodes x inputNodes\), but it is 2x4/);
    expect(errorOf(() => engine.createNetwork({ ...base, who: new Float64Array(5) }))).toMatch(/who should be 2x3.*6 numbers, but it has 5/);
    expect(errorOf(() => engine.createNetwork({ ...base, who: [[1, 2, 3], [1, Number.NaN, 3]] }))).toMatch(/who entry 4 is NaN/);
  });

  it("a missing or corrupt .wasm names the file and the command that rebuilds it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-engine-test-"));
    try {
      const missing = path.join(dir, "engine.wasm");
      expect(errorOf(() => loadEngineFile(missing))).toContain(missing);
      expect(errorOf(() => loadEngineFile(missing))).toContain("npm run engine:build");
      fs.writeFileSync(missing, fs.readFileSync(wasmFile).subarray(0, 100));
      expect(errorOf(() => loadEngineFile(missing))).toMatch(/engine\.wasm is not a valid WebAssembly engine.*npm run engine:build/);
      fs.writeFileSync(missing, Buffer.from("not wasm at all"));
      expect(errorOf(() => loadEngineFile(missing))).toMatch(/engine\.wasm is not a valid WebAssembly engine.*npm run engine:build/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the engine reads and writes the model file of npm run train", () => {
  it("toJson and networkFromJson round-trip; the reference's loadModel reads the engine's file and answers the same", () => {
    const net = engine.createNetwork({ inputNodes: 784, hiddenNodes: 20, outputNodes: 10, learningRate: 0.2, seed: 4 });
    net.trainEpoch(samples.slice(0, 200));
    const text = net.toJson();
    const back = engine.networkFromJson(text, "model.json");
    expect(back.hiddenNodes).toBe(20);
    expect(back.learningRate).toBe(0.2);
    expect(maxDifference(back.wih.data, net.wih.data)).toBe(0);
    expect(maxDifference(back.query(samples[500].inputs), net.query(samples[500].inputs))).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-engine-test-"));
    try {
      const file = path.join(dir, "model.json");
      fs.writeFileSync(file, text);
      const reference = loadModel(file, (i, h, o, lr) => new NeuralNetwork(i, h, o, lr));
      expect(maxDifference(reference.query(samples[500].inputs), net.query(samples[500].inputs))).toBeLessThan(1e-5);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a model of the wrong shape names both shapes", () => {
    const model = JSON.parse(engine.createNetwork({ inputNodes: 4, hiddenNodes: 3, outputNodes: 2, learningRate: 0.1 }).toJson());
    model.wih = model.wih.slice(0, 2);
    expect(errorOf(() => engine.networkFromJson(JSON.stringify(model), "my-model.json"))).toMatch(/my-model\.json: wih should be 3x4 \(hiddenNodes x inputNodes\), but it is 2x4/);
    expect(errorOf(() => engine.networkFromJson("{", "cut.json"))).toMatch(/cut\.json is not a readable model file/);
  });
});
