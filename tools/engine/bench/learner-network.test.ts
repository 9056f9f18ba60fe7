// The bench compares like with like: its learner-style network learns what the reference learns.
import { describe, expect, it } from "vitest";
import { makeTargets, scaleInputs } from "../../../solutions/09-prepare/prepare";
import { NeuralNetwork } from "../../../solutions/10-network/network";
import { loadMnist } from "../../../solutions/11-idx/idx";
import { LearnerNetwork } from "./learner-network";

describe("the bench's learner-style network", () => {
  it("after 100 MNIST steps its weights and answers equal the reference's to 1e-12", () => {
    const samples = loadMnist("train", 101).map((d) => ({ inputs: scaleInputs(d.pixels), targets: makeTargets(d.label) }));
    const learner = new LearnerNetwork(784, 20, 10, 0.3, 5);
    const reference = new NeuralNetwork(784, 20, 10, 0.3, 5);
    for (const s of samples.slice(0, 100)) {
      learner.train(s.inputs, s.targets);
      reference.train(s.inputs, s.targets);
    }
    const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i])));
    expect(learner.wih.data.length).toBe(reference.wih.data.length);
    expect(maxDifference(learner.wih.data, reference.wih.data)).toBeLessThan(1e-12);
    expect(maxDifference(learner.who.data, reference.who.data)).toBeLessThan(1e-12);
    expect(maxDifference(learner.query(samples[100].inputs), reference.query(samples[100].inputs))).toBeLessThan(1e-12);
  });
});
