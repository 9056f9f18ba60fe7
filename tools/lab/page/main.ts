// The lab page: draw a digit, watch the network's ten outputs, choose or train the network, and
// look inside it. All course code here is the learner's own (exercises/), loaded as it is now.
import { drawCurve } from "./chart";
import { Pad } from "./draw";
import { evaluate, showBackquery, showConfusion, showMistakes, showWeights, type Evaluation, type TestImages } from "./inside";
import { loadLearner, revive, whereThrown, type Dir, type Loaded, type LearnerNetwork } from "./learner";
import { argmax, fitsDrawings, learnerNetwork, readWeights, sizes, type Weights } from "./network";
import { paint, paper } from "./pictures";
import { fetchMnist, type EngineAddress, type Trainer, type TrainReport, type TrainRequest } from "./protocol";
import { stats } from "./stats";
import { texts, type Lang, type Texts } from "./text";
import { availableViews } from "./views";

interface Status {
  lang: Lang;
  learnerBase: string;
  referencePreprocessing: boolean;
  hasModel: boolean;
  engine?: EngineAddress;
  exercises: { number: number; dir: string; title: Record<Lang, string>; passed: boolean; written: boolean }[];
}


const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
let lang: Lang = "en";
let t: Texts = texts.en;

/** Texts that depend on what happened: each redraws itself when the language changes. */
const refreshers = new Map<string, () => void>();
function put(key: string, render: () => void): void {
  refreshers.set(key, render);
  render();
}

function setLang(next: Lang): void {
  lang = next;
  t = texts[next];
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
  document.title = t.title;
  document.querySelectorAll<HTMLElement>("[data-text]").forEach((el) => {
    el.textContent = String(t[el.dataset.text as keyof Texts]);
  });
  $("lang").textContent = t.switchTo;
  refreshers.forEach((render) => render());
}

function showError(id: string, message: ((t: Texts) => string) | undefined): void {
  put(`error:${id}`, () => {
    const el = $(id);
    el.hidden = !message;
    el.textContent = message ? message(t) : "";
  });
}

/** An error from the learner's code, explained with the exercise and the .ts line it was thrown at. */
async function explain(error: unknown, dir: string): Promise<(t: Texts) => string> {
  const where = await whereThrown(error);
  const message = error instanceof Error ? error.message : String(error);
  const from = where.dir ?? dir;
  const label = `${from.slice(0, 2)} (${from.slice(3)})`;
  return (t) => (where.file ? t.learnerError(label, `${where.file}:${where.line}`, message) : t.learnerErrorNoLine(label, message));
}

async function main(): Promise<void> {
  const base = document.querySelector<HTMLMetaElement>('meta[name="nn-kata-learner"]')!.content;
  // Everything the first answer needs is asked for at once: the learner's modules, the status, the model.
  const learning = loadLearner(base);
  const model = fetch("/api/model");
  model.catch(() => {}); // used only when there is a model file; start() reports its failure then
  const status = (await (await fetch("/api/status")).json()) as Status;
  const wanted = new URLSearchParams(location.search).get("lang");
  setLang(wanted === "zh" || wanted === "en" ? wanted : status.lang);
  $("lang").addEventListener("click", () => setLang(lang === "en" ? "zh" : "en"));
  const learner = await learning;
  const lab = new LabPage(status, learner);
  await lab.start(model);
  stats.ready = performance.now();
  dispatchEvent(new Event("lab-ready"));
}

class LabPage {
  private weights: Weights | undefined;
  private net: LearnerNetwork | undefined;
  private networkName: (t: Texts) => string = () => "";
  private inputs: number[] | undefined;
  private pad!: Pad;
  private test: Promise<TestImages> | undefined;
  private worker: Worker | undefined;
  private curve: { x: number; y: number }[] = [];
  private curveTotal = 1;
  private evaluation: { e: Evaluation; test: TestImages } | undefined;
  private preprocessing = 0;

  constructor(private readonly status: Status, private readonly learner: Loaded) {}

  /** Set the page up; resolves once the model file's network (if there is one) answers drawings. */
  async start(model: Promise<Response>): Promise<void> {
    this.buildBars();
    this.pad = new Pad($<HTMLCanvasElement>("pad"), (time) => this.drawingChanged(time));
    $("undo").addEventListener("click", () => this.pad.undo());
    $("clear").addEventListener("click", () => this.pad.clear());
    put("seen-caption", () => ($("seen-caption").textContent = this.status.referencePreprocessing ? t.seenReference : t.seenMine));
    put("network-now", () => ($("network-now").textContent = this.weights ? t.nowModel(this.networkName(t), sizes(this.weights), t.codeMine) : t.nowNone));
    put("answer", () => this.showAnswer());
    put("curve", () => drawCurve($<HTMLCanvasElement>("curve"), this.curve, this.curveTotal, { x: t.curveX, y: t.curveY }));
    put("confusion-help", () => ($("confusion-help").textContent = this.evaluation ? t.confusionHelp(this.evaluation.test.count, this.evaluation.e.accuracy) : ""));
    this.reportLoadFailures();
    this.setUpModels();
    $("train").addEventListener("click", () => this.train());
    const trainer = $<HTMLSelectElement>("trainer");
    if (!this.status.engine) trainer.querySelector('option[value="engine"]')!.remove();
    put("train-button", () => ($("train").textContent = this.worker ? t.stop : t.train));
    const views = availableViews(this.status.exercises.map((ex) => ex.number));
    if (views.length > 0) {
      const later = $("later");
      const section = document.createElement("section");
      const heading = document.createElement("h2");
      put("later", () => (heading.textContent = t.laterHeading));
      section.append(heading);
      for (const view of views) {
        const box = document.createElement("div");
        section.append(box);
        void view.render(box, { lang, learnerBase: this.status.learnerBase, weights: this.weights });
      }
      later.append(section);
    }
    if (this.status.hasModel) await this.useModelFile(model);
  }

  private reportLoadFailures(): void {
    const failed = Object.entries(this.learner.failed) as [Dir, string][];
    if (failed.length === 0) return;
    const notice = $("notice");
    put("notice", () => {
      notice.hidden = false;
      notice.textContent = failed.map(([dir, message]) => t.loadFailed(`${dir.slice(0, 2)} (${dir.slice(3)})`, message)).join("\n");
    });
  }

  private bars: { li: HTMLElement; fill: HTMLElement; value: HTMLElement }[] = [];

  private buildBars(): void {
    this.bars = Array.from({ length: 10 }, (_, digit) => {
      const li = document.createElement("li");
      li.innerHTML = `<span class="digit">${digit}</span><span class="track"><span class="fill"></span></span><span class="value"></span>`;
      return { li, fill: li.querySelector<HTMLElement>(".fill")!, value: li.querySelector<HTMLElement>(".value")! };
    });
    $("bars").replaceChildren(...this.bars.map((bar) => bar.li));
  }

  // ---- drawing -> the 28 x 28 input -> the ten outputs ----

  /** The time of the oldest input the bars do not show yet. */
  private pendingInput: number | undefined;

  /**
   * However many inputs come within a frame, the drawing is read and answered once, in the next
   * animation frame, just before the browser paints it. (The browser hands over pointer moves
   * right before its animation frames, so a stroke's answer is painted in the frame of its move.)
   */
  private drawingChanged(inputTime: number): void {
    if (this.pendingInput !== undefined) return;
    this.pendingInput = inputTime;
    requestAnimationFrame(() => {
      this.pendingInput = undefined;
      const started = performance.now();
      this.updateDrawing(inputTime);
      if (!this.status.referencePreprocessing) stats.work.push(performance.now() - started);
    });
  }

  private updateDrawing(inputTime: number): void {
    if (this.pad.empty) {
      this.inputs = undefined;
      paint($<HTMLCanvasElement>("seen"), new Array(784).fill(255), paper);
      this.showOutputs(undefined);
      return;
    }
    if (this.status.referencePreprocessing) void this.preprocessOnServer(inputTime);
    else this.preprocessHere(inputTime);
  }

  private preprocessHere(inputTime: number): void {
    const code = this.learner.modules["17-handwriting"];
    if (!code) return;
    try {
      const picture = this.pad.pixels();
      const grey = code.resize(code.toGrey(picture), picture.width, picture.height, 28);
      this.gotGrey(grey, inputTime);
    } catch (error) {
      void explain(error, "17-handwriting").then((message) => showError("draw-error", message));
    }
  }

  /** Only the newest drawing counts: an answer for an older one that arrives late is dropped. */
  private async preprocessOnServer(inputTime: number): Promise<void> {
    const ticket = ++this.preprocessing;
    const picture = this.pad.pixels();
    const response = await fetch(`/api/preprocess?width=${picture.width}&height=${picture.height}`, { method: "POST", body: picture.data });
    const body = (await response.json()) as { grey?: number[]; error?: string };
    if (ticket !== this.preprocessing) return;
    if (!body.grey) return showError("draw-error", () => body.error ?? "");
    this.gotGrey(body.grey, inputTime);
  }

  private gotGrey(grey: number[], inputTime: number): void {
    paint($<HTMLCanvasElement>("seen"), grey, paper);
    const prepare = this.learner.modules["09-prepare"];
    try {
      if (!prepare) throw new Error(this.learner.failed["09-prepare"] ?? "not loaded");
      // MNIST has bright ink on black; paper is white with dark ink: turn it over first.
      this.inputs = prepare.scaleInputs(grey.map((v) => 255 - v));
    } catch (error) {
      void explain(error, "09-prepare").then((message) => showError("draw-error", message));
      return;
    }
    this.answerDrawing();
    stats.updates.push(performance.now() - inputTime);
  }

  private answerDrawing(): void {
    if (!this.inputs || !this.net) return this.showOutputs(undefined);
    try {
      this.showOutputs(this.query(this.inputs));
      showError("draw-error", undefined);
    } catch (error) {
      this.showOutputs(undefined);
      void explain(error, "10-network").then((message) => showError("draw-error", message));
    }
  }

  /** The learner's query, with its answer checked: ten numbers, none of them NaN. */
  private query(inputs: ArrayLike<number>): number[] {
    const out = this.net!.query(inputs);
    const values = Array.from(out ?? []);
    if (values.length !== 10 || values.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
      throw new Error(`NeuralNetwork.query should return 10 numbers, one per digit, but returned ${values.length} value(s): ${JSON.stringify(values.slice(0, 10))}`);
    }
    return values;
  }

  private outputs: number[] | undefined;

  private showOutputs(outputs: number[] | undefined): void {
    this.outputs = outputs;
    const best = outputs ? argmax(outputs) : -1;
    this.bars.forEach(({ li, fill, value: text }, digit) => {
      const value = outputs?.[digit];
      fill.style.width = `${Math.max(0, Math.min(1, value ?? 0)) * 100}%`;
      text.textContent = value === undefined ? "" : value.toFixed(3);
      li.classList.toggle("best", digit === best);
    });
    stats.answer = outputs ? best : undefined;
    this.showAnswer();
  }

  private showAnswer(): void {
    const el = $("answer");
    if (!this.weights) el.textContent = t.noNetwork;
    else el.textContent = this.outputs ? t.answer(argmax(this.outputs), Math.max(...this.outputs)) : "";
  }

  // ---- which network ----

  private setUpModels(): void {
    $("use-model").addEventListener("click", () => void this.useModelFile());
    const drop = $("drop");
    const file = $<HTMLInputElement>("file");
    drop.addEventListener("click", () => file.click());
    file.addEventListener("change", () => file.files?.[0] && void this.useDropped(file.files[0]));
    drop.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.classList.add("over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      const dropped = e.dataTransfer?.files[0];
      if (dropped) void this.useDropped(dropped);
    });
  }

  private async useModelFile(response = fetch("/api/model")): Promise<void> {
    const w = await readWeights(await response);
    if ("error" in w) return showError("model-error", (t) => t.badModel(w.error));
    this.use(w, (t) => t.modelFile);
  }

  /** A dropped file is checked by the server with the same rules as `npm run query` (runner/model.ts). */
  private async useDropped(file: File): Promise<void> {
    const response = await fetch(`/api/check-model?name=${encodeURIComponent(file.name)}`, { method: "POST", body: await file.text() });
    const w = await readWeights(response);
    if ("error" in w) return showError("model-error", (t) => t.badModel(w.error));
    this.use(w, () => file.name);
  }

  /** Use these weights with the learner's NeuralNetwork; `full` also redraws the slow views. */
  private use(w: Weights, name: (t: Texts) => string, full = true): boolean {
    if (!fitsDrawings(w)) {
      showError("model-error", (t) => t.wrongShape(sizes(w)));
      return false;
    }
    showError("model-error", undefined);
    const code = this.learner.modules["10-network"];
    try {
      if (!code) throw new Error(this.learner.failed["10-network"] ?? "not loaded");
      this.net = learnerNetwork(code, w);
    } catch (error) {
      this.net = undefined;
      void explain(error, "10-network").then((message) => showError("model-error", message));
    }
    this.weights = w;
    this.networkName = name;
    refreshers.get("network-now")?.();
    this.answerDrawing();
    // The pictures further down wait for the next turn of the event loop: the bars come first.
    setTimeout(() => {
      if (this.weights !== w) return; // another network came meanwhile
      showWeights($("weights"), w);
      if (full) void this.lookInside();
    });
    return true;
  }

  // ---- look inside ----

  private async lookInside(): Promise<void> {
    const net = this.net;
    if (!net) return;
    const back = this.learner.modules["18-backquery"];
    try {
      if (!back) throw new Error(this.learner.failed["18-backquery"] ?? "not loaded");
      showBackquery($("backquery"), back, net);
      showError("backquery-error", undefined);
    } catch (error) {
      $("backquery").replaceChildren();
      void explain(error, "18-backquery").then((message) => showError("backquery-error", message));
    }
    const evaluateCode = this.learner.modules["13-evaluate"];
    const prepare = this.learner.modules["09-prepare"];
    try {
      if (!evaluateCode) throw new Error(this.learner.failed["13-evaluate"] ?? "not loaded");
      if (!prepare) throw new Error(this.learner.failed["09-prepare"] ?? "not loaded");
      this.test ??= fetchMnist("test", 2000);
      const test = await this.test;
      const e = await evaluate(test, (inputs) => this.query(inputs), evaluateCode, (pixels) => prepare.scaleInputs(pixels));
      if (net !== this.net) return; // another network came meanwhile
      this.evaluation = { e, test };
      showConfusion($<HTMLTableElement>("confusion"), $("cell-images"), e, test, t);
      put("mistakes", () => this.evaluation && showMistakes($("mistakes"), this.evaluation.e, this.evaluation.test, t));
      refreshers.get("confusion-help")?.();
      showError("evaluate-error", undefined);
      stats.evaluated++;
    } catch (error) {
      void explain(error, "13-evaluate").then((message) => showError("evaluate-error", message));
    }
  }

  // ---- training in a worker ----

  private train(): void {
    if (this.worker) {
      this.worker.terminate();
      this.worker = undefined;
      refreshers.get("train-button")?.();
      return;
    }
    const request: TrainRequest = {
      type: "train",
      learnerBase: this.status.learnerBase,
      hidden: Number($<HTMLSelectElement>("hidden").value),
      count: Number($<HTMLSelectElement>("count").value),
      epochs: Number($<HTMLSelectElement>("epochs").value),
      rate: Number($<HTMLSelectElement>("rate").value),
      seed: 1,
      trainer: $<HTMLSelectElement>("trainer").value as Trainer,
      engine: this.status.engine,
    };
    const worker = new Worker(new URL("./train-worker.ts", import.meta.url), { type: "module" });
    this.worker = worker;
    this.curve = stats.curve = [];
    this.curveTotal = request.count * request.epochs;
    refreshers.get("curve")?.();
    showError("train-error", undefined);
    refreshers.get("train-button")?.();
    const name = (t: Texts) => (request.trainer === "engine" ? t.trainedEngine : t.trainedMine);
    worker.onmessage = (event: MessageEvent<TrainReport>) => void this.onReport(event.data, worker, name);
    worker.onerror = (event) => {
      event.preventDefault();
      showError("train-error", () => event.message);
      this.stopWorker(worker);
    };
    worker.postMessage(request);
  }

  private async onReport(r: TrainReport, worker: Worker, name: (t: Texts) => string): Promise<void> {
    if (worker !== this.worker) return;
    const progress = $<HTMLProgressElement>("progress");
    switch (r.type) {
      case "start":
        put("train-status", () => ($("train-status").textContent = r.trainer === "engine" ? t.trainedWith(t.codeEngine) : t.trainedWith(t.trainerMine) + " " + t.slowNote));
        return;
      case "progress":
        progress.value = r.seen / r.total;
        put("train-status", () => ($("train-status").textContent = t.progress(r.seen, r.total, r.accuracy, r.seconds, r.training)));
        if (r.accuracy !== undefined) {
          this.curve.push({ x: r.seen, y: r.accuracy });
          refreshers.get("curve")?.();
        }
        if (r.weights) this.use(r.weights, name, false);
        return;
      case "done":
        progress.value = 1;
        this.stopWorker(worker);
        this.use(r.weights, name);
        stats.trainingDone++;
        return;
      case "error":
        this.stopWorker(worker);
        showError("train-error", await explain(revive(r), r.dir ?? "10-network"));
        return;
    }
  }

  private stopWorker(worker: Worker): void {
    worker.terminate();
    if (this.worker === worker) this.worker = undefined;
    refreshers.get("train-button")?.();
  }
}

void main();
