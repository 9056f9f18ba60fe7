// The fast paths of the reference network must not change what it learns: trainMany is train
// on each sample in turn, and the bench's plain version is the same algorithm too.
import { describe, expect, it } from "vitest";
import { makeTargets, scaleInputs } from "../solutions/09-prepare/prepare";
import { NeuralNetwork } from "../solutions/10-network/network";
import { loadMnist } from "../solutions/11-idx/idx";
import { PlainNetwork } from "./plain-network";

const samples = loadMnist("train", 300).map((d) => ({ inputs: scaleInputs(d.pixels), targets: makeTargets(d.label) }));
const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
};

describe("the reference network's trainMany and the bench's plain network", () => {
  it("trainMany(samples) leaves the same weights as train on each sample in turn", () => {
    const one = new NeuralNetwork(784, 30, 10, 0.2, 3);
    const many = new NeuralNetwork(784, 30, 10, 0.2, 3);
    for (const s of samples) one.train(s.inputs, s.targets);
    many.trainMany(samples);
    expect(maxDifference(many.wih.data, one.wih.data)).toBeLessThan(1e-12);
    expect(maxDifference(many.who.data, one.who.data)).toBeLessThan(1e-12);
    expect(maxDifference(many.query(samples[0].inputs), one.query(samples[0].inputs))).toBeLessThan(1e-12);
  });

  it("trainMany on one sample is train; on none it changes nothing; it takes any iterable", () => {
    const one = new NeuralNetwork(784, 5, 10, 0.3, 1);
    const many = new NeuralNetwork(784, 5, 10, 0.3, 1);
    const before = Float64Array.from(many.wih.data);
    many.trainMany([]);
    expect(maxDifference(many.wih.data, before)).toBe(0);
    one.train(samples[0].inputs, samples[0].targets);
    many.trainMany((function* () { yield samples[0]; })());
    expect(maxDifference(many.wih.data, one.wih.data)).toBe(0);
  });

  it("trainMany refuses a sample of the wrong size, naming both counts", () => {
    const net = new NeuralNetwork(784, 5, 10, 0.3, 1);
    expect(() => net.trainMany([samples[0], { inputs: [0.5, 0.5], targets: samples[0].targets }])).toThrow(/trainMany.*784.*2/);
    expect(() => net.trainMany([{ inputs: samples[0].inputs, targets: [0.99] }])).toThrow(/trainMany.*10 targets.*1/);
  });

  it("the plain network of the bench learns exactly what the reference learns", () => {
    const plain = new PlainNetwork(784, 20, 10, 0.3, 5);
    const reference = new NeuralNetwork(784, 20, 10, 0.3, 5);
    for (const s of samples.slice(0, 100)) {
      plain.train(s.inputs, s.targets);
      reference.train(s.inputs, s.targets);
    }
    expect(maxDifference(plain.wih.flat(), reference.wih.data)).toBeLessThan(1e-12);
    expect(maxDifference(plain.query(samples[200].inputs), reference.query(samples[200].inputs))).toBeLessThan(1e-12);
  });
});
