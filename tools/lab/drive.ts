// Driving the lab page in chromium, shared by its test (lab.test.ts) and its benchmark (bench.ts):
// a seeded model file, drawing with the mouse, and waiting for the page to be ready.
import type { Page } from "playwright-core";
import { modelToJson } from "../model-json";
import type { LabStats } from "./page/stats";

/** A network with seeded random weights (-0.5..0.5), as a model file holds it. */
export function randomModel(inputNodes: number, hiddenNodes: number, outputNodes: number, seed: number): string {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  const matrix = (rows: number, cols: number) => ({ rows, cols, data: Float64Array.from({ length: rows * cols }, random) });
  return modelToJson({ inputNodes, hiddenNodes, outputNodes, learningRate: 0.1, wih: matrix(hiddenNodes, inputNodes), who: matrix(outputNodes, hiddenNodes) });
}

export const labStats = (page: Page) => page.evaluate(() => (window as unknown as { labStats: LabStats }).labStats);

/** Wait until the page says it is ready to draw (window.labStats.ready, see page/stats.ts). */
export const waitReady = (page: Page, timeout: number) =>
  page.waitForFunction(() => (window as unknown as { labStats?: LabStats }).labStats?.ready !== undefined, null, { timeout });

/** A 7 as a person draws it, in pad pixels (280 x 280): the bar, then the stem. */
export const SEVEN: [number, number][][] = [[[95, 85], [185, 85], [165, 135], [140, 200]]];

/** Draw strokes (lists of points in pad pixels) with the mouse, `steps` moves from point to point. */
export async function draw(page: Page, strokes: [number, number][][], steps = 10): Promise<void> {
  const box = (await page.locator("#pad").boundingBox())!;
  for (const stroke of strokes) {
    await page.mouse.move(box.x + stroke[0][0], box.y + stroke[0][1]);
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps });
    await page.mouse.up();
  }
}
