import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NeuralNetwork } from "../solutions/10-network/network";
import { loadModel, modelToJson, saveModel } from "./model";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-model-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const make = (i: number, h: number, o: number, lr: number) => new NeuralNetwork(i, h, o, lr, 99);
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const model = () => JSON.parse(modelToJson(new NeuralNetwork(6, 4, 3, 0.2, 5)));
const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
};

describe("tools/model: saving a network as JSON and loading it back", () => {
  it("a saved network loads back with the same sizes, learning rate, weights and answers", () => {
    const net = new NeuralNetwork(6, 4, 3, 0.2, 5);
    net.train([0.1, 0.5, 0.9, 0.3, 0.2, 0.7], [0.99, 0.01, 0.01]);
    const file = path.join(dir, "saved.json");
    saveModel(net, file);
    const back = loadModel(file, make);
    expect([back.inputNodes, back.hiddenNodes, back.outputNodes, back.learningRate]).toEqual([6, 4, 3, 0.2]);
    expect(Array.from(back.wih.data)).toEqual(Array.from(net.wih.data));
    expect(Array.from(back.who.data)).toEqual(Array.from(net.who.data));
    expect(back.query([0.3, 0.3, 0.3, 0.3, 0.3, 0.3])).toEqual(net.query([0.3, 0.3, 0.3, 0.3, 0.3, 0.3]));
  });

  it("a missing file says how to make one", () => {
    expect(errorOf(() => loadModel(path.join(dir, "nope.json"), make))).toMatch(/no model file.*npm run train/);
  });

  it("a cut-off or damaged file: not readable, train again", () => {
    const file = write("cut.json", modelToJson(new NeuralNetwork(6, 4, 3, 0.2)).slice(0, 100));
    expect(errorOf(() => loadModel(file, make))).toMatch(/cut\.json is not a readable model file.*npm run train/);
    expect(errorOf(() => loadModel(write("other.json", '{"hello": 1}'), make))).toMatch(/not a network saved by this course/);
  });

  it("weights of the wrong shape: names the expected and the actual shape", () => {
    const m = model();
    m.wih = m.wih.slice(0, 3);
    expect(errorOf(() => loadModel(write("rows.json", JSON.stringify(m)), make))).toContain("wih should be 4x6 (hiddenNodes x inputNodes), but it is 3x6");
    const n = model();
    n.who[1] = n.who[1].slice(0, 2);
    expect(errorOf(() => loadModel(write("ragged.json", JSON.stringify(n)), make))).toContain("who should be 3x4 (outputNodes x hiddenNodes), but it is 3 rows, row 1 with 2 numbers");
    const o = model();
    o.hiddenNodes = 5;
    expect(errorOf(() => loadModel(write("sizes.json", JSON.stringify(o)), make))).toContain("wih should be 5x6 (hiddenNodes x inputNodes), but it is 4x6");
    const p = model();
    p.wih[2][3] = "x";
    expect(errorOf(() => loadModel(write("nan.json", JSON.stringify(p)), make))).toContain('wih entry (2, 3) is "x", not a number');
  });

  it("a model for other images: names the sizes it has and the ones needed", () => {
    const file = write("small.json", modelToJson(new NeuralNetwork(6, 4, 3, 0.2)));
    expect(errorOf(() => loadModel(file, make, { inputNodes: 784 }))).toMatch(/holds a 6-4-3 network, but 784 inputNodes are needed/);
  });
});
