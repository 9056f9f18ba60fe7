// Printing a long training run: a progress bar with speed and time left, a confusion matrix,
// a duration. Used by the full MNIST gate (exercise 19) and by `npm run train`.
//
// On a terminal the bar is redrawn in place; anywhere else (a test runner, a CI log, a pipe)
// it prints one line at every tenth of the way, so a log never fills up with redraws.
// The words come in English or Chinese (`lang`): the gates print them while their tests run.
import type { Lang } from "./lang";

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** `count` more samples are done. */
  tick(count?: number): void;
  /** Finish the bar; returns the samples per second over the whole run. */
  done(): number;
}

const WIDTH = 24;

/** The bar itself, shared by every progress display of the project: `[######------]`. */
export function drawBar(filled: number, width: number, empty = "-"): string {
  const full = Math.max(0, Math.min(filled, width));
  return `[${"#".repeat(full)}${empty.repeat(width - full)}]`;
}

export interface ProgressOptions {
  out?: Output;
  /** Milliseconds, for the speed and the time left. */
  now?: () => number;
  lang?: Lang;
}

export function progressBar(label: string, total: number, { out = process.stdout, now = () => performance.now(), lang = "en" }: ProgressOptions = {}): Progress {
  const started = now();
  let count = 0;
  let lastDraw = -Infinity;
  let lastTenth = 0;
  const rate = () => count / Math.max((now() - started) / 1000, 1e-9);
  const line = () => {
    const fraction = total === 0 ? 1 : Math.min(count / total, 1);
    const filled = Math.round(fraction * WIDTH);
    const perSecond = rate();
    const eta = count === 0 ? "?" : formatDuration((total - count) / perSecond);
    const speed = Math.round(perSecond).toLocaleString("en-US");
    return `${label} ${drawBar(filled, WIDTH)} ${String(Math.floor(fraction * 100)).padStart(3)}%  ` +
      `${count.toLocaleString("en-US")}/${total.toLocaleString("en-US")}  ` +
      (lang === "zh" ? `每秒 ${speed} 个样本  剩余 ${eta}` : `${speed} samples/s  ETA ${eta}`);
  };
  return {
    tick(n = 1) {
      count += n;
      if (out.isTTY) {
        if (now() - lastDraw < 100 && count < total) return;
        lastDraw = now();
        out.write(`\r${line()}\x1b[K`);
      } else {
        const tenth = Math.floor((10 * count) / Math.max(total, 1));
        if (tenth > lastTenth && count < total) {
          lastTenth = tenth;
          out.write(line() + "\n");
        }
      }
    },
    done() {
      out.write(out.isTTY ? `\r${line()}\x1b[K\n` : line() + "\n");
      return rate();
    },
  };
}

/** 75.4 seconds as "1:15", an hour and more as "1:02:03". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** The confusion matrix as a table: a row for each true digit, a column for each answer. */
export function formatConfusion(table: number[][], lang: Lang = "en"): string {
  const width = Math.max(4, ...table.flat().map((n) => String(n).length + 1));
  const cell = (text: string | number) => String(text).padStart(width);
  // "标签" takes four terminal columns in two characters: pad it to the same 9 columns as "label".
  const name = (i: number) => (lang === "zh" ? `标签 ${i}`.padEnd(7) : `label ${i}`.padEnd(9));
  const lines = [
    `${"".padStart(9)}${table.map((_, j) => cell(j)).join("")}   ${lang === "zh" ? "<- 网络的答案" : "<- the network's answer"}`,
    ...table.map((row, i) => {
      const total = row.reduce((a, b) => a + b, 0);
      const percent = ((100 * row[i]) / total).toFixed(1);
      const right = total === 0 ? "" : lang === "zh" ? `   答对 ${percent}%` : `   ${percent}% right`;
      return `${name(i)}${row.map(cell).join("")}${right}`;
    }),
  ];
  return lines.join("\n");
}
