// The pictures of `npm run train`'s report: sheets of digits with a caption under each, and a
// line chart with labelled axes. Digits are drawn as dark ink on white paper, as the book shows
// them. Text uses a tiny built-in 3 x 5 pixel font, so no font files are needed.
import { PNG } from "pngjs";

type Colour = readonly [number, number, number];
export const WHITE: Colour = [255, 255, 255];
export const BLACK: Colour = [0, 0, 0];
export const GREY: Colour = [200, 200, 200];
export const BLUE: Colour = [40, 90, 200];
export const RED: Colour = [210, 40, 40];

// Each glyph is 5 rows of 3 pixels, "#" for ink.
const GLYPHS: Record<string, string> = {
  "0": "###,#.#,#.#,#.#,###", "1": ".#.,##.,.#.,.#.,###", "2": "###,..#,###,#..,###", "3": "###,..#,.##,..#,###",
  "4": "#.#,#.#,###,..#,..#", "5": "###,#..,###,..#,###", "6": "###,#..,###,#.#,###", "7": "###,..#,.#.,.#.,.#.",
  "8": "###,#.#,###,#.#,###", "9": "###,#.#,###,..#,###", ".": "...,...,...,...,.#.", "%": "#.#,..#,.#.,#..,#.#",
  ">": "#..,.#.,..#,.#.,#..", "k": "#..,#.#,##.,#.#,#.#", " ": "...,...,...,...,...", "-": "...,...,###,...,...",
  ":": "...,.#.,...,.#.,...", ",": "...,...,...,.#.,#..", "(": ".#.,#..,#..,#..,.#.", ")": ".#.,..#,..#,..#,.#.",
  "=": "...,###,...,###,...", "'": ".#.,.#.,...,...,...", "/": "..#,..#,.#.,#..,#..",
  // Capitals: titles and axis names. Lower case is drawn as capitals (except the k of "5k").
  A: ".#.,#.#,###,#.#,#.#", B: "##.,#.#,##.,#.#,##.", C: ".##,#..,#..,#..,.##", D: "##.,#.#,#.#,#.#,##.",
  E: "###,#..,##.,#..,###", F: "###,#..,##.,#..,#..", G: ".##,#..,#.#,#.#,.##", H: "#.#,#.#,###,#.#,#.#",
  I: "###,.#.,.#.,.#.,###", J: "..#,..#,..#,#.#,.#.", K: "#.#,#.#,##.,#.#,#.#", L: "#..,#..,#..,#..,###",
  M: "#.#,###,###,#.#,#.#", N: "##.,#.#,#.#,#.#,#.#", O: ".#.,#.#,#.#,#.#,.#.", P: "##.,#.#,##.,#..,#..",
  Q: ".#.,#.#,#.#,##.,.##", R: "##.,#.#,##.,#.#,#.#", S: ".##,#..,.#.,..#,##.", T: "###,.#.,.#.,.#.,.#.",
  U: "#.#,#.#,#.#,#.#,###", V: "#.#,#.#,#.#,#.#,.#.", W: "#.#,#.#,###,###,#.#", X: "#.#,#.#,.#.,#.#,#.#",
  Y: "#.#,#.#,.#.,.#.,.#.", Z: "###,..#,.#.,#..,###",
};
const glyph = (ch: string) => (GLYPHS[ch] ?? GLYPHS[ch.toUpperCase()] ?? GLYPHS[" "]).split(",");

export class Canvas {
  readonly png: PNG;

  constructor(readonly width: number, readonly height: number, background: Colour = WHITE) {
    this.png = new PNG({ width, height });
    this.rect(0, 0, width, height, background);
  }

  pixel(x: number, y: number, [r, g, b]: Colour): void {
    x = Math.round(x);
    y = Math.round(y);
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const at = 4 * (y * this.width + x);
    this.png.data[at] = r;
    this.png.data[at + 1] = g;
    this.png.data[at + 2] = b;
    this.png.data[at + 3] = 255;
  }

  rect(x: number, y: number, w: number, h: number, colour: Colour): void {
    for (let dy = 0; dy < h; dy++) for (let dx = 0; dx < w; dx++) this.pixel(x + dx, y + dy, colour);
  }

  line(x0: number, y0: number, x1: number, y1: number, colour: Colour, thickness = 1): void {
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    const half = Math.floor(thickness / 2);
    for (let s = 0; s <= steps; s++) this.rect(Math.round(x0 + ((x1 - x0) * s) / steps) - half, Math.round(y0 + ((y1 - y0) * s) / steps) - half, thickness, thickness, colour);
  }

  /** Text in the 3 x 5 font, each font pixel `size` x `size`; returns the width drawn. */
  text(x: number, y: number, text: string, colour: Colour = BLACK, size = 2): number {
    [...text].forEach((ch, n) => {
      const rows = glyph(ch);
      rows.forEach((row, r) => [...row].forEach((cell, c) => cell === "#" && this.rect(x + n * 4 * size + c * size, y + r * size, size, size, colour)));
    });
    return textWidth(text, size);
  }

  /** A grey image (0 = background, 255 = ink, as in MNIST), each pixel `scale` x `scale`, ink dark. */
  digit(x: number, y: number, pixels: ArrayLike<number>, side = 28, scale = 3): void {
    for (let i = 0; i < side * side; i++) {
      const paper = 255 - Math.max(0, Math.min(255, Math.round(pixels[i])));
      this.rect(x + (i % side) * scale, y + Math.floor(i / side) * scale, scale, scale, [paper, paper, paper]);
    }
  }

  toPng(): Buffer {
    return PNG.sync.write(this.png);
  }
}

export const textWidth = (text: string, size = 2) => Math.max(0, text.length * 4 * size - size);

const LINE_HEIGHT = 16;

/**
 * A sheet of 28 x 28 digits, `columns` a row, each with a caption underneath, and `heading`
 * lines above them (a title, what the captions mean).
 */
export function digitSheet(items: { pixels: ArrayLike<number>; caption: string; colour?: Colour }[], columns: number, scale = 3, heading: string[] = []): Buffer {
  const cell = 28 * scale;
  const gap = 12;
  const captionHeight = 16;
  const rows = Math.max(1, Math.ceil(items.length / columns));
  const top = heading.length * LINE_HEIGHT;
  const width = Math.max(gap + columns * (cell + gap), ...heading.map((line) => 2 * gap + textWidth(line)));
  const canvas = new Canvas(width, top + gap + rows * (cell + captionHeight + gap));
  heading.forEach((line, n) => canvas.text(gap, gap + n * LINE_HEIGHT, line));
  items.forEach((item, n) => {
    const x = gap + (n % columns) * (cell + gap);
    const y = top + gap + Math.floor(n / columns) * (cell + captionHeight + gap);
    canvas.digit(x, y, item.pixels, 28, scale);
    canvas.rect(x - 1, y - 1, cell + 2, 1, GREY);
    canvas.rect(x - 1, y + cell, cell + 2, 1, GREY);
    canvas.rect(x - 1, y, 1, cell, GREY);
    canvas.rect(x + cell, y, 1, cell, GREY);
    canvas.text(x + (cell - textWidth(item.caption)) / 2, y + cell + 4, item.caption, item.colour ?? BLACK);
  });
  return canvas.toPng();
}

/**
 * A line chart of y against x with grid lines and numbers on both axes. `formatX` and `formatY`
 * write the tick labels (only digits, ".", "%", "k", "-" and ">" can be drawn).
 */
export function lineChart(
  points: { x: number; y: number }[],
  options: {
    yTicks: number[];
    formatY: (y: number) => string;
    xTicks: number[];
    formatX: (x: number) => string;
    width?: number;
    height?: number;
    /** Above the chart. */
    title?: string;
    /** Under the x axis, and above the y axis (the font cannot be turned on its side). */
    xLabel?: string;
    yLabel?: string;
  },
): Buffer {
  const { width = 640, height = 360 } = options;
  const canvas = new Canvas(width, height);
  const left = 70, right = width - 20;
  const top = 20 + (options.title ? LINE_HEIGHT + 4 : 0) + (options.yLabel ? LINE_HEIGHT : 0);
  const bottom = height - 40 - (options.xLabel ? LINE_HEIGHT : 0);
  if (options.title) canvas.text((width - textWidth(options.title)) / 2, 10, options.title);
  if (options.yLabel) canvas.text(8, top - LINE_HEIGHT - 4, options.yLabel);
  if (options.xLabel) canvas.text((left + right - textWidth(options.xLabel)) / 2, height - 22, options.xLabel);
  const xs = [...points.map((p) => p.x), ...options.xTicks];
  const ys = [...points.map((p) => p.y), ...options.yTicks];
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const px = (x: number) => (x1 === x0 ? (left + right) / 2 : left + ((x - x0) / (x1 - x0)) * (right - left));
  const py = (y: number) => (y1 === y0 ? (top + bottom) / 2 : bottom - ((y - y0) / (y1 - y0)) * (bottom - top));
  for (const y of options.yTicks) {
    canvas.line(left, py(y), right, py(y), GREY);
    const label = options.formatY(y);
    canvas.text(left - 8 - textWidth(label), py(y) - 5, label);
  }
  for (const x of options.xTicks) {
    canvas.line(px(x), top, px(x), bottom, GREY);
    const label = options.formatX(x);
    canvas.text(px(x) - textWidth(label) / 2, bottom + 10, label);
  }
  canvas.line(left, bottom, right, bottom, BLACK);
  canvas.line(left, top, left, bottom, BLACK);
  for (let i = 1; i < points.length; i++) canvas.line(px(points[i - 1].x), py(points[i - 1].y), px(points[i].x), py(points[i].y), BLUE, 2);
  for (const p of points) canvas.rect(px(p.x) - 2, py(p.y) - 2, 5, 5, RED);
  return canvas.toPng();
}
