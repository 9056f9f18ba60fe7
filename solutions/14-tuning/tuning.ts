// Book 2.5.4 - 2.5.6: the network has settings we choose ourselves: the learning rate, how
// many epochs to train, how many hidden nodes. The book tries several values of each and
// plots the performance. An experiment is only worth something if it can be repeated, so
// every run here starts from seeded random weights: the same setting always gives the same
// accuracy, and two settings are compared from the same starting point.
import { PNG } from "pngjs";
import { NeuralNetwork } from "../10-network/network";
import type { Digit } from "../11-idx/idx";
import { performance, scorecard, trainEpoch } from "../12-mnist-small/mnist-small";

export interface Setting {
  hiddenNodes: number;
  learningRate: number;
  epochs: number;
}

export interface Row extends Setting {
  accuracy: number;
}

/** Every combination of the choices: hidden nodes vary slowest, epochs fastest. */
export function settingsGrid(choices: { hiddenNodes: number[]; learningRate: number[]; epochs: number[] }): Setting[] {
  // BEGIN SOLUTION
  const grid: Setting[] = [];
  for (const hiddenNodes of choices.hiddenNodes) {
    for (const learningRate of choices.learningRate) {
      for (const epochs of choices.epochs) grid.push({ hiddenNodes, learningRate, epochs });
    }
  }
  return grid;
  // END SOLUTION
}

/**
 * Train a fresh network (seeded) with this setting on `train`, `epochs` times over, and return
 * its performance on `test`. One input node per pixel, ten output nodes.
 */
export function runExperiment(setting: Setting, train: readonly Digit[], test: readonly Digit[], seed = 1): number {
  // BEGIN SOLUTION
  const net = new NeuralNetwork(train[0].pixels.length, setting.hiddenNodes, 10, setting.learningRate, seed);
  for (let epoch = 0; epoch < setting.epochs; epoch++) trainEpoch(net, train);
  return performance(scorecard(net, test));
  // END SOLUTION
}

/**
 * Run `experiment` on every setting, in order. Returns the table (each setting with its
 * accuracy) and the best row: the highest accuracy, the earliest one if several tie.
 */
export function runGrid(settings: readonly Setting[], experiment: (setting: Setting) => number): { table: Row[]; best: Row } {
  // BEGIN SOLUTION
  if (settings.length === 0) throw new Error("runGrid: there are no settings to try; give at least one");
  const table = settings.map((setting) => ({ ...setting, accuracy: experiment(setting) }));
  const best = table.reduce((best, row) => (row.accuracy > best.accuracy ? row : best));
  return { table, best };
  // END SOLUTION
}

// Colours of the chart, as [red, green, blue].
export const BACKGROUND = [255, 255, 255];
export const AXIS = [0, 0, 0];
export const LINE = [60, 110, 200];
export const POINT = [220, 30, 30];
export const MARGIN = 20;

/**
 * A line chart of the values (e.g. accuracy for each learning rate tried) as a PNG: a white
 * background, black axes along the left and bottom edges of the plot area (MARGIN pixels in
 * from the sides), the values evenly spaced from left to right and scaled from the lowest
 * (bottom of the plot) to the highest (top), joined by LINE-coloured straight lines, each
 * value marked by a 5x5 POINT-coloured square drawn on top.
 */
export function chartPng(values: readonly number[], width = 320, height = 200): Buffer {
  // BEGIN SOLUTION
  if (values.length === 0) throw new Error("chartPng: there are no values to draw");
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`chartPng: value [${i}] is ${v}; only finite numbers can be drawn`);
  });
  const png = new PNG({ width, height });
  const paint = (x: number, y: number, [r, g, b]: number[]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const at = 4 * (Math.round(y) * width + Math.round(x));
    png.data[at] = r;
    png.data[at + 1] = g;
    png.data[at + 2] = b;
    png.data[at + 3] = 255;
  };
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) paint(x, y, BACKGROUND);

  const left = MARGIN, right = width - 1 - MARGIN, top = MARGIN, bottom = height - 1 - MARGIN;
  for (let x = left; x <= right; x++) paint(x, bottom + 3, AXIS);
  for (let y = top; y <= bottom; y++) paint(left - 3, y, AXIS);

  const low = Math.min(...values), high = Math.max(...values);
  const points = values.map((v, i) => ({
    x: values.length === 1 ? (left + right) / 2 : left + (i * (right - left)) / (values.length - 1),
    y: high === low ? (top + bottom) / 2 : bottom - ((v - low) / (high - low)) * (bottom - top),
  }));
  for (let i = 1; i < points.length; i++) {
    // A straight line: take as many small steps as the longer of the two distances.
    const a = points[i - 1], b = points[i];
    const steps = Math.ceil(Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y)));
    for (let s = 0; s <= steps; s++) paint(a.x + ((b.x - a.x) * s) / steps, a.y + ((b.y - a.y) * s) / steps, LINE);
  }
  for (const p of points) {
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) paint(Math.round(p.x) + dx, Math.round(p.y) + dy, POINT);
  }
  return PNG.sync.write(png);
  // END SOLUTION
}
