// "Look inside": the hidden nodes' weights, the back-queried digits (exercise 18), and on the
// first test images the confusion matrix and the worst mistakes (exercise 13).
import type { LearnerModules, LearnerNetwork } from "./learner";
import { argmax, type Weights } from "./network";
import { diverging, figure, ink, pixelCanvas } from "./pictures";
import type { Texts } from "./text";

/** The first `most` hidden nodes' incoming weights, each as a 28 x 28 map scaled to its own largest weight. */
export function showWeights(box: HTMLElement, w: Weights, most = 100): void {
  box.replaceChildren();
  for (let j = 0; j < Math.min(w.hiddenNodes, most); j++) {
    const row = w.wih.subarray(j * w.inputNodes, (j + 1) * w.inputNodes);
    let biggest = 1e-12;
    for (const v of row) biggest = Math.max(biggest, Math.abs(v));
    const canvas = pixelCanvas(row, (v) => diverging(v / biggest));
    canvas.title = `hidden node ${j}`;
    box.append(canvas);
  }
}

/** The learner's backquery of each digit: bright (wanted ink) drawn dark, as the book shows it. */
export function showBackquery(box: HTMLElement, code: LearnerModules["18-backquery"], net: LearnerNetwork): void {
  const pictures = Array.from({ length: 10 }, (_, label) => code.backquery(net, label));
  box.replaceChildren(...pictures.map((values, label) => figure(pixelCanvas(values, (v) => ink(((v - 0.01) / 0.98) * 255)), String(label))));
}

export interface TestImages {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface Evaluation {
  predicted: number[];
  outputs: number[][];
  confusion: number[][];
  mistakes: { index: number; label: number; predicted: number; confidence: number }[];
  accuracy: number;
}

/** Query every test image (a chunk at a time, so the page stays responsive), then the learner's exercise 13 sums it up. */
export async function evaluate(test: TestImages, answer: (inputs: ArrayLike<number>) => number[], code: LearnerModules["13-evaluate"], inputsOf: (pixels: Uint8Array) => number[]): Promise<Evaluation> {
  const outputs: number[][] = [];
  for (let i = 0; i < test.count; i++) {
    outputs.push(answer(inputsOf(test.images.subarray(i * 784, (i + 1) * 784))));
    if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve));
  }
  const predicted = outputs.map(argmax);
  const labels = Array.from(test.labels);
  const confusion = code.confusionMatrix(predicted, labels, 10);
  const right = confusion.reduce((sum, row, i) => sum + row[i], 0);
  return { predicted, outputs, confusion, mistakes: code.worstMistakes(outputs, labels, 12), accuracy: right / test.count };
}

const image = (test: TestImages, index: number) => pixelCanvas(test.images.subarray(index * 784, (index + 1) * 784), ink);

/** The confusion matrix as a table; clicking a cell lists its test images in `cellBox`. */
export function showConfusion(table: HTMLTableElement, cellBox: HTMLElement, e: Evaluation, test: TestImages, t: Texts): void {
  const biggestOff = Math.max(1, ...e.confusion.flatMap((row, i) => row.filter((_, j) => j !== i)));
  const head = document.createElement("tr");
  head.append(document.createElement("th"), ...Array.from({ length: 10 }, (_, j) => Object.assign(document.createElement("th"), { textContent: String(j) })));
  const rows = e.confusion.map((row, label) => {
    const tr = document.createElement("tr");
    tr.append(Object.assign(document.createElement("th"), { textContent: String(label) }));
    row.forEach((count, answer) => {
      const td = document.createElement("td");
      td.textContent = String(count);
      td.dataset.cell = `${label}-${answer}`;
      const strength = label === answer ? 0 : count / biggestOff;
      td.style.background = label === answer ? "#e3f4e8" : count === 0 ? "white" : `rgba(210, 50, 50, ${0.1 + 0.6 * strength})`;
      td.addEventListener("click", () => {
        table.querySelectorAll("td.selected").forEach((cell) => cell.classList.remove("selected"));
        td.classList.add("selected");
        const indices = e.predicted.flatMap((p, i) => (p === answer && test.labels[i] === label ? [i] : [])).slice(0, 60);
        const caption = Object.assign(document.createElement("p"), { className: "small", textContent: t.cellImages(label, answer, count) });
        caption.style.flexBasis = "100%";
        cellBox.replaceChildren(caption, ...indices.map((i) => image(test, i)));
      });
      tr.append(td);
    });
    return tr;
  });
  table.replaceChildren(head, ...rows);
  cellBox.replaceChildren();
}

export function showMistakes(box: HTMLElement, e: Evaluation, test: TestImages, t: Texts): void {
  box.replaceChildren(...e.mistakes.map((m) => figure(image(test, m.index), t.mistakeCaption(m.label, m.predicted, m.confidence))));
}
