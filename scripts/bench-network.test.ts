// The bench's plain version of the network is the same algorithm as the reference.
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

describe("the bench's plain network", () => {
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
