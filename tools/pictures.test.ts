import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { Canvas, digitSheet, lineChart, textWidth } from "./pictures";

const read = (png: Buffer) => PNG.sync.read(png);
const at = (image: PNG, x: number, y: number) => Array.from(image.data.subarray(4 * (y * image.width + x), 4 * (y * image.width + x) + 3));

describe("tools/pictures: the report's PNGs", () => {
  it("a digit is drawn as dark ink on white paper, each pixel scale x scale", () => {
    const canvas = new Canvas(10, 10);
    const pixels = new Array(784).fill(0);
    pixels[0] = 255;
    pixels[1] = 100;
    canvas.digit(0, 0, pixels, 28, 2);
    const image = read(canvas.toPng());
    expect(at(image, 0, 0)).toEqual([0, 0, 0]);
    expect(at(image, 1, 1)).toEqual([0, 0, 0]);
    expect(at(image, 2, 0)).toEqual([155, 155, 155]);
    expect(at(image, 4, 0)).toEqual([255, 255, 255]);
  });

  it("text uses the 3 x 5 font: '1' has its stem in the middle column", () => {
    const canvas = new Canvas(20, 20);
    expect(canvas.text(0, 0, "1", [0, 0, 0], 1)).toBe(textWidth("1", 1));
    const image = read(canvas.toPng());
    expect(at(image, 1, 0)).toEqual([0, 0, 0]);
    expect(at(image, 0, 0)).toEqual([255, 255, 255]);
    expect(at(image, 1, 3)).toEqual([0, 0, 0]);
  });

  it("a sheet of digits has a cell for each, in rows of `columns`", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ pixels: new Array(784).fill(i * 25), caption: String(i) }));
    const one = read(digitSheet(items.slice(0, 1), 4, 2));
    const ten = read(digitSheet(items, 4, 2));
    expect(ten.width).toBe(one.width);
    expect(ten.height).toBeGreaterThan(2.5 * one.height);
  });

  it("a line chart is a picture of the asked size with the line in it", () => {
    const png = lineChart([{ x: 1, y: 0.9 }, { x: 2, y: 0.95 }], { yTicks: [0.9, 1], formatY: (y) => `${y * 100}%`, xTicks: [1, 2], formatX: String, width: 300, height: 200 });
    const image = read(png);
    expect([image.width, image.height]).toEqual([300, 200]);
    let blue = 0;
    for (let i = 0; i < image.data.length; i += 4) if (image.data[i] === 40 && image.data[i + 1] === 90 && image.data[i + 2] === 200) blue++;
    expect(blue).toBeGreaterThan(100);
  });

  it("a chart with a title and axis names has ink above and below the plot that one without has not", () => {
    const base = { yTicks: [0.9, 1], formatY: (y: number) => `${y * 100}%`, xTicks: [1, 2], formatX: String, width: 300, height: 200 };
    const points = [{ x: 1, y: 0.9 }, { x: 2, y: 0.95 }];
    const ink = (image: PNG, y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = 0; x < image.width; x++) if (at(image, x, y).every((v) => v === 0)) n++;
      return n;
    };
    const plain = read(lineChart(points, base));
    const named = read(lineChart(points, { ...base, title: "Accuracy", xLabel: "Images seen", yLabel: "Right answers" }));
    expect(ink(plain, 0, 12)).toBe(0);
    expect(ink(named, 0, 12)).toBeGreaterThan(20);
    expect(ink(named, 180, 200)).toBeGreaterThan(ink(plain, 180, 200));
  });

  it("letters are drawn (as capitals), and a sheet's heading goes above its digits", () => {
    const canvas = new Canvas(20, 10);
    canvas.text(0, 0, "t", [0, 0, 0], 1);
    expect(at(read(canvas.toPng()), 1, 4)).toEqual([0, 0, 0]); // the T's stem reaches the bottom row
    const items = [{ pixels: new Array(784).fill(0), caption: "8>4" }];
    const plain = read(digitSheet(items, 4, 2));
    const headed = read(digitSheet(items, 4, 2, ["8>4: the label says 8, the network answered 4"]));
    expect(headed.height).toBe(plain.height + 16);
    expect(headed.width).toBeGreaterThan(plain.width);
  });
});
