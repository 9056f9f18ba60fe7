// Small pictures on the page: 28 x 28 digits and weight maps, drawn pixel by pixel into canvases.

/** A canvas showing `side` x `side` values; `colour(v)` gives each its [r, g, b]. */
export function pixelCanvas(values: ArrayLike<number>, colour: (v: number) => [number, number, number], side = 28): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = side;
  canvas.height = side;
  paint(canvas, values, colour);
  return canvas;
}

export function paint(canvas: HTMLCanvasElement, values: ArrayLike<number>, colour: (v: number) => [number, number, number]): void {
  const ctx = canvas.getContext("2d")!;
  const image = ctx.createImageData(canvas.width, canvas.height);
  const data = image.data;
  for (let i = 0; i < canvas.width * canvas.height; i++) {
    const [r, g, b] = colour(values[i]);
    data[i * 4] = r;
    data[i * 4 + 1] = g;
    data[i * 4 + 2] = b;
    data[i * 4 + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/** MNIST grey (0 background .. 255 ink) as dark ink on white paper. */
export const ink = (v: number): [number, number, number] => {
  const paper = 255 - Math.max(0, Math.min(255, Math.round(v)));
  return [paper, paper, paper];
};

/** Paper grey (255 white .. 0 black), shown as it is. */
export const paper = (v: number): [number, number, number] => {
  const g = Math.max(0, Math.min(255, Math.round(v)));
  return [g, g, g];
};

/** A weight map colour for values scaled to -1..1: red positive, blue negative, white zero. */
export const diverging = (v: number): [number, number, number] => {
  const t = Math.max(-1, Math.min(1, v));
  return t >= 0 ? [255, Math.round(255 * (1 - t)), Math.round(255 * (1 - t))] : [Math.round(255 * (1 + t)), Math.round(255 * (1 + t)), 255];
};

export function figure(canvas: HTMLCanvasElement, caption: string): HTMLElement {
  const fig = document.createElement("figure");
  const text = document.createElement("figcaption");
  text.textContent = caption;
  fig.append(canvas, text);
  return fig;
}
