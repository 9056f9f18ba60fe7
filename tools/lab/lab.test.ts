// The lab in a real browser (Debian's chromium, driven by playwright-core), for two learners made
// from solutions/: one who solved everything, one who solved nothing. Timings are printed, never
// asserted: the machine may be busy. Screenshots go to reports/lab/ for a person to look at.
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseRoot } from "../../runner/harness/driver";
import { BEGIN, END, generateExercises, listFiles } from "../../runner/harness/stubs";
import { launchChromium } from "./browser";
import { draw, labStats, randomModel, SEVEN, waitReady } from "./drive";
import type { LabStats } from "./page/stats";
import { makeCourse } from "./course-copies";
import { startLab, type Lab } from "./server";

const LONG = 600_000;

const shots = path.join(courseRoot, "reports", "lab");

/** How many pixels of the canvases under `selector` are not plain white or one flat colour. */
const inkedPixels = (page: Page, selector: string) =>
  page.$$eval(selector, (canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      const values = new Set<number>();
      for (let i = 0; i < data.length; i += 4) values.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return values.size;
    }),
  );

/**
 * Names that only the reference's answers contain: identifiers in the solution regions of
 * solutions/ that appear in no generated stub (so a learner could not have them from the course).
 */
function referenceOnlyNames(): string[] {
  const stubs = [...generateExercises(courseRoot).values()].join("\n");
  const names = new Set<string>();
  for (const rel of listFiles(path.join(courseRoot, "solutions"))) {
    if (!rel.endsWith(".ts") || rel.endsWith(".test.ts")) continue;
    let inside = false;
    for (const line of fs.readFileSync(path.join(courseRoot, "solutions", rel), "utf8").split("\n")) {
      if (line.trim() === BEGIN) inside = true;
      else if (line.trim() === END) inside = false;
      else if (inside && !line.trim().startsWith("//")) for (const word of line.match(/[A-Za-z_]\w{7,}/g) ?? []) if (!stubs.includes(word)) names.add(word);
    }
  }
  return [...names];
}

describe("npm run lab in chromium", () => {
  let chromium: { browser: BrowserContext; close(): Promise<void> };
  const roots: string[] = [];
  const labs: Lab[] = [];
  const problems: string[] = [];

  async function open(lab: Lab, served?: Map<string, string>): Promise<Page> {
    const page = await chromium.browser.newPage();
    page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    if (served) {
      page.on("response", (response) => {
        void response.text().then((text) => served.set(response.url(), text), () => {});
      });
    }
    await page.goto(lab.url);
    await waitReady(page, LONG);
    return page;
  }

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    chromium = await launchChromium();
  }, LONG);

  afterAll(async () => {
    await chromium?.close();
    for (const lab of labs) await lab.close();
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  }, LONG);

  describe("a learner who solved every exercise", () => {
    let lab: Lab;
    let page: Page;

    beforeAll(async () => {
      const root = makeCourse("solved");
      roots.push(root);
      // A 784-200-10 model as `npm run train` saves it, for the latency figure and "use model".
      fs.mkdirSync(path.join(root, "reports"), { recursive: true });
      fs.writeFileSync(path.join(root, "reports", "model.json"), randomModel(784, 200, 10, 7));
      lab = await startLab({ root, lang: "en", port: 5301, passed: () => true });
      labs.push(lab);
      const started = Date.now();
      page = await open(lab);
      const cold = Date.now() - started;
      const again = Date.now();
      await page.reload();
      await waitReady(page, LONG);
      const navigation = await page.evaluate(() => JSON.parse(JSON.stringify(performance.getEntriesByType("navigation")[0])) as { loadEventEnd: number });
      const ready = (await labStats(page)).ready!;
      console.log(`lab page load: first visit ${cold} ms; reload ${Date.now() - again} ms (load event ${navigation.loadEventEnd.toFixed(0)} ms, page ready ${ready.toFixed(0)} ms)`);
    }, LONG);

    /** Train in the page's worker and wait for the end; returns the accuracy curve. */
    async function train(trainer: "engine" | "mine", count: string): Promise<{ x: number; y: number }[]> {
      const before = (await labStats(page)).trainingDone;
      await page.selectOption("#trainer", trainer);
      await page.selectOption("#count", count);
      await page.selectOption("#hidden", "100");
      await page.click("#train");
      await page.waitForFunction((n) => (window as unknown as { labStats: LabStats }).labStats.trainingDone > n || !document.getElementById("train-error")!.hidden, before, { timeout: LONG });
      expect(await page.locator("#train-error").isHidden(), await page.locator("#train-error").innerText()).toBe(true);
      console.log(`lab training (${trainer}, 784-100-10): ${await page.locator("#train-status").innerText()}`);
      return (await labStats(page)).curve;
    }

    it("trains with the learner's own NeuralNetwork.train in a worker, the accuracy curve rising", async () => {
      const curve = await train("mine", "1000");
      expect(curve.length).toBeGreaterThanOrEqual(5);
      expect(curve[curve.length - 1].y).toBeGreaterThan(curve[0].y + 0.3);
      expect(curve[curve.length - 1].y).toBeGreaterThan(0.5);
    }, LONG);

    it("trains with the WebAssembly engine in a worker, the accuracy curve rising", async () => {
      const curve = await train("engine", "10000");
      expect(curve.length).toBeGreaterThanOrEqual(10);
      expect(curve[curve.length - 1].y).toBeGreaterThan(curve[0].y + 0.6);
      expect(curve[curve.length - 1].y).toBeGreaterThan(0.85);
      await page.locator("#network").screenshot({ path: path.join(shots, "network.png") });
    }, LONG);

    it("reads a drawn 7 as 7, showing the 28 x 28 input", async () => {
      await draw(page, SEVEN);
      await page.waitForFunction(() => (window as unknown as { labStats: LabStats }).labStats.answer !== undefined, null, { timeout: LONG });
      expect((await labStats(page)).answer).toBe(7);
      await expect.poll(() => page.locator("#answer").innerText(), { timeout: LONG }).toContain("7");
      // The 28 x 28 input shows the drawing (grey levels, not blank).
      expect((await inkedPixels(page, "#seen"))[0]).toBeGreaterThan(3);
      await page.locator("#draw").screenshot({ path: path.join(shots, "draw.png") });
    }, LONG);

    it("shows the back-queried digits, the hidden nodes' weights, the confusion matrix and the worst mistakes", async () => {
      await page.waitForFunction(() => (window as unknown as { labStats: LabStats }).labStats.evaluated > 0, null, { timeout: LONG });
      const back = await inkedPixels(page, "#backquery canvas");
      expect(back).toHaveLength(10);
      for (const colours of back) expect(colours).toBeGreaterThan(20);
      const weights = await inkedPixels(page, "#weights canvas");
      expect(weights).toHaveLength(100);
      for (const colours of weights) expect(colours).toBeGreaterThan(20);
      expect(await page.locator("#mistakes figure").count()).toBe(12);
      expect(await page.locator("#mistakes figcaption").first().innerText()).toMatch(/^a \d, called \d \(0\.\d\d sure\)$/);

      // Click the biggest mix-up: its test images appear, as many as the cell counts (up to 60).
      const cells = await page.$$eval("#confusion td", (tds) => tds.map((td) => ({ cell: (td as HTMLElement).dataset.cell!, count: Number(td.textContent) })));
      const worst = cells.filter(({ cell }) => cell.split("-")[0] !== cell.split("-")[1]).sort((a, b) => b.count - a.count)[0];
      expect(worst.count).toBeGreaterThan(0);
      await page.click(`#confusion td[data-cell="${worst.cell}"]`);
      expect(await page.locator("#cell-images canvas").count()).toBe(Math.min(60, worst.count));
      await page.locator("#inside").screenshot({ path: path.join(shots, "inside.png") });
    }, LONG);

    it("switches between English and Chinese", async () => {
      expect(await page.locator("h1").innerText()).toContain("watch your network think");
      await page.click("#lang");
      expect(await page.locator("h1").innerText()).toContain("实验室");
      expect(await page.locator("#undo").innerText()).toBe("撤销");
      expect(await page.locator("#answer").innerText()).toContain("网络的回答");
      await page.screenshot({ path: path.join(shots, "zh.png") });
      await page.click("#lang");
      expect(await page.locator("#undo").innerText()).toBe("Undo");
    }, LONG);

    it("names the shapes of a wrong-shape model file and the fault of a broken one", async () => {
      const wrong = path.join(roots[0], "wrong-shape.json");
      fs.writeFileSync(wrong, randomModel(784, 20, 9, 1));
      await page.setInputFiles("#file", wrong);
      await expect.poll(() => page.locator("#model-error").innerText(), { timeout: LONG }).toContain("784-20-9");
      expect(await page.locator("#model-error").innerText()).toContain("10 outputs");
      const broken = path.join(roots[0], "broken.json");
      fs.writeFileSync(broken, randomModel(784, 20, 10, 1).slice(0, 5000));
      await page.setInputFiles("#file", broken);
      await expect.poll(() => page.locator("#model-error").innerText(), { timeout: LONG }).toContain("broken.json is not a readable model file");
    }, LONG);

    it("answers each stroke update of a 784-200-10 network (latency printed)", async () => {
      const evaluated = (await labStats(page)).evaluated;
      await page.click("#use-model");
      await expect.poll(() => page.locator("#network-now").innerText(), { timeout: LONG }).toContain("784-200-10");
      // Drawing waits until the page has finished the new network's confusion matrix, which shares the main thread.
      await page.waitForFunction((n) => (window as unknown as { labStats: LabStats }).labStats.evaluated > n, evaluated, { timeout: LONG });
      await page.click("#clear");
      await page.evaluate(() => ((window as unknown as { labStats: LabStats }).labStats.updates = []));
      await draw(page, [[[80, 80], [200, 80], [200, 200], [80, 200], [80, 90]], [[140, 60], [140, 220]]]);
      const updates = (await labStats(page)).updates.slice().sort((a, b) => a - b);
      expect(updates.length).toBeGreaterThan(10);
      const at = (q: number) => updates[Math.min(updates.length - 1, Math.floor(q * updates.length))].toFixed(1);
      console.log(`lab stroke-to-bars latency at 784-200-10 over ${updates.length} updates: median ${at(0.5)} ms, 90th percentile ${at(0.9)} ms, worst ${at(1)} ms`);
    }, LONG);

    it("writes no errors to the browser console", () => {
      expect(problems).toEqual([]);
    });
  });

  describe("a learner who solved nothing yet", () => {
    let lab: Lab;
    let page: Page;
    const served = new Map<string, string>();

    beforeAll(async () => {
      const root = makeCourse("stubs");
      roots.push(root);
      lab = await startLab({ root, lang: "zh", port: 5301 });
      labs.push(lab);
      expect(lab.port).not.toBe(labs[0].port); // the port was taken: the next free one
      page = await open(lab, served);
    }, LONG);

    it("refuses a port in use when --port asked for it, saying what to do", async () => {
      await expect(startLab({ root: roots[1], lang: "en", port: labs[0].port, strictPort: true, passed: () => false })).rejects.toThrow(/already in use.*--port/);
    }, LONG);

    it("explains the learner's own error with the exercise and line, and keeps working", async () => {
      expect(await page.locator("h1").innerText()).toContain("实验室");
      await page.click("#lang");
      await page.selectOption("#trainer", "mine");
      await page.click("#train");
      // The line is the stub's own line of that throw, found back through the served code's source map.
      const stub = fs.readFileSync(path.join(roots[1], "exercises", "10-network", "network.ts"), "utf8").split("\n");
      const line = stub.findIndex((text) => text.includes("not implemented yet: NeuralNetwork constructor")) + 1;
      await expect.poll(() => page.locator("#train-error").innerText(), { timeout: LONG }).toContain(`exercise 10 (network) threw an error at exercises/10-network/network.ts:${line}:\nnot implemented yet: NeuralNetwork constructor`);
      // The engine draws its starting weights with exercise 09's functions: the learner's own, stubs here.
      await page.selectOption("#trainer", "engine");
      await page.click("#train");
      await expect.poll(() => page.locator("#train-error").innerText(), { timeout: LONG }).toMatch(/exercise 09 \(prepare\) threw an error at exercises\/09-prepare\/prepare\.ts:\d+:\nnot implemented yet: \w+ in exercises\/09-prepare/);
      // Drawing still works: the reference preprocessing on the server makes the 28 x 28 picture.
      await draw(page, SEVEN);
      await expect.poll(async () => (await inkedPixels(page, "#seen"))[0], { timeout: LONG }).toBeGreaterThan(3);
      expect(await page.locator("#seen-caption").innerText()).toContain("reference preprocessing");
      expect(await page.locator("#draw-error").innerText()).toContain("exercises/09-prepare/prepare.ts");
      await page.screenshot({ path: path.join(shots, "not-solved.png") });
    }, LONG);

    it("sends none of the reference's code: not through the page, nor when asked for directly", async () => {
      // Fetch every file of the page's bundle too (the worker's, its source maps), then look through everything served.
      const assets = fs.readdirSync(path.join(lab.bundle, "assets"));
      expect(assets.some((name) => name.startsWith("train-worker"))).toBe(true);
      for (const name of assets) {
        const response = await page.request.get(new URL(`/assets/${name}`, lab.url).href);
        expect(response.status(), name).toBe(200);
        served.set(name, await response.text());
      }
      const names = referenceOnlyNames();
      expect(names.length).toBeGreaterThan(20);
      const text = [...served.values()].join("\n");
      expect(served.size).toBeGreaterThan(10);
      expect(names.filter((name) => text.includes(name))).toEqual([]);
      for (const url of [`/@fs${path.join(courseRoot, "solutions", "10-network", "network.ts")}`, "/solutions/10-network/network.ts", "/../../../solutions/17-handwriting/handwriting.ts"]) {
        const response = await page.request.get(new URL(url, lab.url).href);
        expect(response.status(), url).toBeGreaterThanOrEqual(400);
        expect(await response.text()).not.toContain("BEGIN SOLUTION");
      }
      // The same check does find the reference where it is served: the solved learner's page.
      const solvedCode = await page.request.get(new URL(`/@fs${path.join(roots[0], "exercises", "17-handwriting", "handwriting.ts")}`, labs[0].url).href);
      const solvedText = await solvedCode.text();
      expect(names.filter((name) => solvedText.includes(name)).length).toBeGreaterThan(0);
    }, LONG);
  });
});
