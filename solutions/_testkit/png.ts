// Reading back the charts the course draws (exercises 14, 21, 23).
import { PNG } from "pngjs";
import { fail } from "./check";

/** The centre of each marker (a small square) of the given colour in a chart PNG, left to right. */
export function chartMarkers(png: unknown, [r, g, b]: readonly number[], what: string): { x: number; y: number }[] {
  if (!Buffer.isBuffer(png)) fail(`${what}\n  expected: a Buffer holding a PNG file\n  got:      ${typeof png}`);
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch (error) {
    fail(`${what}: pngjs cannot read it back as a PNG (${(error as Error).message})`);
  }
  const columns = new Map<number, number[]>();
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const at = 4 * (y * image.width + x);
      if (image.data[at] === r && image.data[at + 1] === g && image.data[at + 2] === b) {
        columns.set(x, [...(columns.get(x) ?? []), y]);
      }
    }
  }
  const groups: { xs: number[]; ys: number[] }[] = [];
  for (const x of [...columns.keys()].sort((a, b) => a - b)) {
    const last = groups.at(-1);
    if (last && x - last.xs.at(-1)! <= 1) last.xs.push(x);
    else groups.push({ xs: [x], ys: [] });
    groups.at(-1)!.ys.push(...columns.get(x)!);
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  return groups.map((g) => ({ x: mean(g.xs), y: mean(g.ys) }));
}
