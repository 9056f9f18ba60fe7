// npm run bench:lab: how quick the lab feels, in Debian's chromium, for a learner who solved every
// exercise and has a 784-200-10 reports/model.json. Figures, not a pass/fail (targets: page load
// <= 1 s, stroke to bars <= 16 ms); the load average is printed beside each, since other work on
// the machine moves them.
//
//   page load   from navigation start (performance.timeOrigin) to the page ready to draw: the
//               pad listening, the ten bars built, and the model's network in the learner's
//               NeuralNetwork, so the next stroke gets its answer (window.labStats.ready, set by
//               page/main.ts). Measured three ways: the first visit after `npm run lab` starts
//               (a new server, and a browser just started with a new profile, as `npm run lab`
//               opens one), a new browser profile given 2 s to settle (nothing cached), and a
//               reload (the browser's cache). Also: bundling the page, which `npm run lab` does
//               once for each version of the page's code (bundle.ts).
//   stroke      from a pointer event's time stamp to the bars showing its outputs (the learner's
//               17 preprocessing, 09 scaleInputs, 10 query, the bars written), over every event
//               of several strokes drawn with the mouse. The page answers once per animation
//               frame, in that frame (page/main.ts drawingChanged), so the figure is the time
//               until the frame that paints the answer, less the paint itself. Also printed: how
//               long the update itself took; the rest is waiting for that frame.
//
//   npm run bench:lab [-- --loads 5 --strokes 6]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { launchChromium } from "./browser";
import { pageBundle } from "./bundle";
import { makeCourse } from "./course-copies";
import { draw, labStats, randomModel, waitReady } from "./drive";
import { labDir, startLab, type Lab } from "./server";

const { values } = parseArgs({ options: { loads: { type: "string", default: "5" }, strokes: { type: "string", default: "6" } } });
const LOADS = Number(values.loads);
const STROKES = Number(values.strokes);
const TIMEOUT = 120_000;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const load = () => os.loadavg().map((v) => v.toFixed(2)).join(" ");
const ms = (v: number) => `${v.toFixed(1)} ms`;
const line = (name: string, values: number[]) =>
  `${name.padEnd(34)} median ${ms(quantile(values, 0.5))}, p90 ${ms(quantile(values, 0.9))}, min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))} (${values.length} samples; load average ${load()})`;

/** Navigation start to ready, and to the first paint with content, as the page measured them. */
async function visit(page: Page, how: () => Promise<unknown>): Promise<{ ready: number; paint: number }> {
  await how();
  await waitReady(page, TIMEOUT);
  const ready = (await labStats(page)).ready!;
  const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
  return { ready, paint };
}

async function main(): Promise<void> {
  const root = makeCourse("solved");
  fs.mkdirSync(path.join(root, "reports"), { recursive: true });
  fs.writeFileSync(path.join(root, "reports", "model.json"), randomModel(784, 200, 10, 7));
  const open: { close(): Promise<void> }[] = [];
  try {
    console.log(`lab benchmark: ${LOADS} loads of each kind, ${STROKES} strokes at 784-200-10, ${os.cpus().length} cores`);
    const builds: number[] = [];
    for (let i = 0; i < Math.min(LOADS, 3); i++) {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-lab-bundle-"));
      const t0 = performance.now();
      await pageBundle(path.join(labDir, "page"), out);
      builds.push(performance.now() - t0);
      fs.rmSync(out, { recursive: true, force: true });
    }
    console.log(line("bundling the page (once)", builds));
    const first: number[] = [];
    const firstPaint: number[] = [];
    const started: number[] = [];
    const newBrowser: number[] = [];
    const reload: number[] = [];
    let lab: Lab | undefined;
    for (let i = 0; i < LOADS; i++) {
      const t0 = performance.now();
      lab = await startLab({ root, lang: "en", port: 5390, passed: () => true });
      started.push(performance.now() - t0);
      const chromium = await launchChromium();
      const page = await chromium.browser.newPage();
      const { ready, paint } = await visit(page, () => page.goto(lab!.url));
      first.push(ready);
      firstPaint.push(paint);
      await chromium.close();
      if (i < LOADS - 1) await lab.close();
    }
    console.log(line("server start (startLab)", started));
    console.log(line("page load, first visit", first));
    console.log(line("  first contentful paint", firstPaint));
    for (let i = 0; i < LOADS; i++) {
      const chromium = await launchChromium();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const page = await chromium.browser.newPage();
      newBrowser.push((await visit(page, () => page.goto(lab!.url))).ready);
      await chromium.close();
    }
    console.log(line("page load, new profile, settled", newBrowser));
    const chromium = await launchChromium();
    open.push(chromium, lab!);
    const page = await chromium.browser.newPage();
    await visit(page, () => page.goto(lab!.url));
    for (let i = 0; i < LOADS; i++) reload.push((await visit(page, () => page.reload())).ready);
    console.log(line("page load, reload", reload));

    // Strokes once "look inside" has finished with the model (it shares the main thread).
    await page.waitForFunction(() => (window as unknown as { labStats: { evaluated: number } }).labStats.evaluated > 0, null, { timeout: TIMEOUT });
    const updates: number[] = [];
    const work: number[] = [];
    for (let i = 0; i < STROKES; i++) {
      await page.click("#clear");
      await page.evaluate(() => {
        const stats = (window as unknown as { labStats: { updates: number[]; work: number[] } }).labStats;
        stats.updates = [];
        stats.work = [];
      });
      const d = 8 * i;
      await draw(page, [[[80 + d, 80], [200, 80 + d], [200 - d, 200], [80, 200 - d], [80 + d, 90]], [[140, 60 + d], [140 - d, 220]]]);
      await page.waitForTimeout(100); // the last frame
      const stats = await labStats(page);
      updates.push(...stats.updates);
      work.push(...stats.work);
    }
    console.log(line("stroke to bars (784-200-10)", updates));
    console.log(line("  of which the page's own work", work));
  } finally {
    for (const thing of open.reverse()) await thing.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
