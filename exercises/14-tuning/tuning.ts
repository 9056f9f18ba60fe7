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
  throw new Error("not implemented yet: settingsGrid in exercises/14-tuning/tuning.ts");
}

/**
 * Train a fresh network (seeded) with this setting on `train`, `epochs` times over, and return
 * its performance on `test`. One input node per pixel, ten output nodes.
 */
export function runExperiment(setting: Setting, train: readonly Digit[], test: readonly Digit[], seed = 1): number {
  throw new Error("not implemented yet: runExperiment in exercises/14-tuning/tuning.ts");
}

/**
 * Run `experiment` on every setting, in order. Returns the table (each setting with its
 * accuracy) and the best row: the highest accuracy, the earliest one if several tie.
 */
export function runGrid(settings: readonly Setting[], experiment: (setting: Setting) => number): { table: Row[]; best: Row } {
  throw new Error("not implemented yet: runGrid in exercises/14-tuning/tuning.ts");
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
  throw new Error("not implemented yet: chartPng in exercises/14-tuning/tuning.ts");
}
