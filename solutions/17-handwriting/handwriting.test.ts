import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import fc from "fast-check";
import { PNG } from "pngjs";
import { expectCloseNumbers, expectNumber, expectNumbers, expectThrowsMentioning, fail, propertyOptions, say, t } from "../_testkit/check";
import { mnistPath } from "../../data/mnist";
import { decodePng, loadHandwriting, pngToInputs, resize, toGrey } from "./handwriting";

const FIXTURES = fileURLToPath(new URL("../../data/fixtures/", import.meta.url));
const fixture = (file: string) => path.join(FIXTURES, file);

interface Fixture {
  file: string;
  testIndex?: number;
  label?: number;
  width?: number;
  colour?: string;
  bitDepth?: number;
}
const INDEX: Fixture[] = JSON.parse(fs.readFileSync(fixture("index.json"), "utf8")).fixtures;
const DIGITS = INDEX.filter((f) => f.testIndex !== undefined && f.bitDepth === 8);

/** What the network saw for MNIST test image `index`: its pixels scaled as in exercise 09. */
function mnistInputs(index: number): number[] {
  const images = fs.readFileSync(mnistPath("test-images"));
  return Array.from(images.subarray(16 + index * 784, 16 + (index + 1) * 784), (p) => (p / 255) * 0.99 + 0.01);
}

/** A PNG made here, in memory: `pixel(x, y)` gives [red, green, blue, alpha]. */
function makePng(width: number, height: number, pixel: (x: number, y: number) => number[], colorType: 0 | 2 | 4 | 6 = 6): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.data.set(pixel(x, y), (y * width + x) * 4);
  return PNG.sync.write(image, { colorType });
}

const scaled = (grey: number) => ((255 - grey) / 255) * 0.99 + 0.01;

describe("17 handwriting: your own digit as a PNG becomes the network's 784 inputs (book 3.1) | 17 手写数字：把你自己写的数字 PNG 变成网络的 784 个输入（书中 3.1 节）", () => {
  it("decodePng reads a PNG into width, height and 4 bytes (red, green, blue, alpha) per pixel | decodePng 把 PNG 读成宽、高和每像素 4 个字节（红、绿、蓝、透明度）", () => {
    const picture = decodePng(fs.readFileSync(fixture("test0-label7-56-rgb.png")), "test0-label7-56-rgb.png");
    expectNumber(picture?.width, t("decodePng(56 x 56 RGB picture).width", "decodePng(56 x 56 的 RGB 图片).width"));
    if (picture.width !== 56 || picture.height !== 56) fail(t(`decodePng(56 x 56 RGB picture)\n  expected: width 56, height 56\n  got:      width ${picture.width}, height ${picture.height}`, `decodePng(56 x 56 的 RGB 图片)\n  expected: 宽 56，高 56\n  got:      宽 ${picture.width}，高 ${picture.height}`));
    const data = expectNumbers(picture.data, 56 * 56 * 4, t("decodePng(56 x 56 RGB picture).data (4 bytes per pixel)", "decodePng(56 x 56 的 RGB 图片).data（每个像素 4 个字节）"));
    expectCloseNumbers(data.slice(0, 4), [255, 255, 255, 255], t("the top-left pixel is white paper, fully opaque", "左上角的像素是白纸，完全不透明"), 0);
  });

  it("toGrey weighs colours as the eye does (0.299 red + 0.587 green + 0.114 blue) and puts see-through pixels on white paper | toGrey 像眼睛那样给颜色加权（0.299 红 + 0.587 绿 + 0.114 蓝），半透明像素叠在白纸上", () => {
    const pixels = [
      [255, 0, 0, 255], // pure red: 0.299 * 255 = 76.245
      [0, 255, 0, 255], // pure green: 149.685
      [0, 0, 255, 255], // pure blue: 29.07
      [200, 100, 50, 255], // 59.8 + 58.7 + 5.7 = 124.2
      [10, 20, 30, 0], // fully transparent: the white paper shows, 255
      [0, 0, 0, 128], // black ink at half strength: 255 - 255 * 128 / 255 = 127
      [90, 90, 90, 255], // grey stays exactly itself
    ];
    const picture = { width: pixels.length, height: 1, data: Uint8Array.from(pixels.flat()) };
    const exact = [76.245, 149.685, 29.07, 124.2, 255, 127, 90];
    const what = say("toGrey of red, green, blue, (200,100,50), transparent, half-transparent black, grey 90 | 红、绿、蓝、(200,100,50)、全透明、半透明黑、灰 90 的 toGrey");
    const got = expectNumbers(toGrey(picture), exact.length, what);
    // The README allows a whole number, as PIL's "L" mode gives: the exact grey or a neighbour of it.
    const bad = got.findIndex((v, i) => !(Math.abs(v - exact[i]) <= 1e-9 || (Number.isInteger(v) && Math.abs(v - exact[i]) < 1)));
    if (bad >= 0) fail(`${what}, ${t("item", "第")} [${bad}]\n  expected: ${exact[bad]} ${t(`or a whole number next to it (${Math.floor(exact[bad])} or ${Math.ceil(exact[bad])})`, `或与它相邻的整数（${Math.floor(exact[bad])} 或 ${Math.ceil(exact[bad])}）`)}\n  got:      ${got[bad]}`);
  });

  it("resize averages areas: a 4 x 4 picture becomes 2 x 2 block averages | resize 按面积求平均：4 x 4 的图变成 2 x 2 的块平均值", () => {
    const grey = Array.from({ length: 16 }, (_, i) => i); // row r, column c holds 4r + c
    expectCloseNumbers(resize(grey, 4, 4, 2), [2.5, 4.5, 10.5, 12.5], t("resize(0..15 as 4 x 4, to 2 x 2): (0+1+4+5)/4 = 2.5, ...", "resize(0..15 排成 4 x 4, 缩到 2 x 2)：(0+1+4+5)/4 = 2.5, ..."), 1e-12);
  });

  it("resize counts a pixel that is only partly under a small pixel by the part that is (3 x 3 to 2 x 2) | 只有一部分落在小像素下的大像素，resize 按落在里面的部分计算（3 x 3 到 2 x 2）", () => {
    // Each small pixel covers 1.5 x 1.5 big pixels: the corner pixel wholly, the middle one a quarter.
    const centre = [0, 0, 0, 0, 9, 0, 0, 0, 0];
    expectCloseNumbers(resize(centre, 3, 3, 2), [1, 1, 1, 1], t("resize(3 x 3 with 9 in the middle, to 2 x 2): 9 * 0.5 * 0.5 / 2.25 = 1 each", "resize(中间是 9 的 3 x 3, 缩到 2 x 2)：9 * 0.5 * 0.5 / 2.25 = 每个 1"), 1e-12);
    const corner = [9, 0, 0, 0, 0, 0, 0, 0, 0];
    expectCloseNumbers(resize(corner, 3, 3, 2), [4, 0, 0, 0], t("resize(3 x 3 with 9 in the top-left corner, to 2 x 2): 9 * 1 * 1 / 2.25 = 4", "resize(左上角是 9 的 3 x 3, 缩到 2 x 2)：9 * 1 * 1 / 2.25 = 4"), 1e-12);
    expectCloseNumbers(resize([10, 20], 2, 1, 2), [10, 20, 10, 20], t("resize(2 wide x 1 high, to 2 x 2): a picture that is not square gets stretched", "resize(2 宽 x 1 高, 缩到 2 x 2)：不是正方形的图片会被拉伸"), 1e-12);
  });

  it("resize keeps the average grey of any picture, and never goes outside its darkest and lightest values | 对任意图像，resize 保持平均灰度，且从不超出最暗和最亮的值", () => {
    const picture = fc
      .record({ width: fc.integer({ min: 1, max: 60 }), height: fc.integer({ min: 1, max: 60 }), size: fc.integer({ min: 1, max: 30 }) })
      .chain(({ width, height, size }) =>
        fc.record({ width: fc.constant(width), height: fc.constant(height), size: fc.constant(size), grey: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: width * height, maxLength: width * height }) }),
      );
    fc.assert(
      fc.property(picture, ({ width, height, size, grey }) => {
        const what = t(`resize(a ${width} x ${height} picture, to ${size} x ${size})`, `resize(一张 ${width} x ${height} 的图片, 缩到 ${size} x ${size})`);
        const out = expectNumbers(resize(grey, width, height, size), size * size, what);
        const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
        if (Math.abs(mean(out) - mean(grey)) > 1e-9) fail(t(`${what}\n  expected: the average grey to stay ${mean(grey)}\n  got:      ${mean(out)}`, `${what}\n  expected: 平均灰度保持为 ${mean(grey)}\n  got:      ${mean(out)}`));
        const [lo, hi] = [Math.min(...grey), Math.max(...grey)];
        const bad = out.findIndex((v) => v < lo - 1e-9 || v > hi + 1e-9);
        if (bad >= 0) fail(t(`${what}, pixel [${bad}]\n  expected: between ${lo} and ${hi}, the darkest and lightest of the picture\n  got:      ${out[bad]}`, `${what}，第 [${bad}] 个像素\n  expected: 在 ${lo} 和 ${hi} 之间，即图片中最深和最浅的值\n  got:      ${out[bad]}`));
      }),
      propertyOptions(50),
    );
  });

  it("pngToInputs inverts and scales: white paper becomes 0.01, black ink 1.00, red 0.70399 | pngToInputs 反转并缩放：白纸变成 0.01，黑墨变成 1.00，红色变成 0.70399", () => {
    const cases: [string, string, number[], number][] = [
      ["white paper", "白纸", [255, 255, 255, 255], 0.01],
      ["black ink", "黑墨", [0, 0, 0, 255], 1.0],
      ["red ink (grey 76.245, inverted 178.755)", "红墨（灰度 76.245，反转后 178.755）", [255, 0, 0, 255], scaled(76.245)],
      ["black ink at half strength (grey 127, inverted 128)", "半透明的黑墨（灰度 127，反转后 128）", [0, 0, 0, 128], scaled(127)],
    ];
    for (const [name, zhName, rgba, expected] of cases) {
      const inputs = pngToInputs(makePng(28, 28, () => rgba), name);
      // One grey level is 0.99 / 255 = 0.0039 of input: enough room for a toGrey that rounds.
      expectCloseNumbers(inputs, new Array(784).fill(expected), t(`pngToInputs(a 28 x 28 PNG of ${name})`, `pngToInputs(一张 28 x 28 的 PNG：${zhName})`), 0.99 / 255 + 1e-9);
    }
  });

  it("pngToInputs reads grey, grey-with-alpha, RGB and RGBA PNGs alike | pngToInputs 同样能读灰度、带透明度的灰度、RGB 和 RGBA 的 PNG", () => {
    const draw = (x: number, y: number) => (x === y ? [0, 0, 0, 255] : [255, 255, 255, 255]); // a black diagonal
    const expected = Array.from({ length: 784 }, (_, i) => (i % 29 === 0 ? 1.0 : 0.01));
    for (const [name, colorType] of [["grey", 0], ["grey with alpha", 4], ["RGB", 2], ["RGBA", 6]] as const) {
      expectCloseNumbers(pngToInputs(makePng(28, 28, draw, colorType), name), expected, t(`pngToInputs(a black diagonal on white, saved as a ${name} PNG)`, `pngToInputs(白底上一条黑色对角线，存成 ${name} PNG)`), 1e-12);
    }
  });

  it("a 28 x 28 grey PNG of a real test digit comes back exactly as the input the network saw | 真实测试数字的 28 x 28 灰度 PNG 读回来正好是网络看到的输入", () => {
    for (const f of DIGITS.filter((d) => d.width === 28)) {
      expectCloseNumbers(loadHandwriting(fixture(f.file)), mnistInputs(f.testIndex!), t(`loadHandwriting(data/fixtures/${f.file}) against MNIST test image ${f.testIndex} (a ${f.label})`, `loadHandwriting(data/fixtures/${f.file}) 与 MNIST 测试图像 ${f.testIndex}（一个 ${f.label}）对比`), 1e-12);
    }
  });

  it("a 56 x 56 RGB PNG (each MNIST pixel a 2 x 2 block) also comes back exactly, since each small pixel averages one whole block | 56 x 56 的 RGB PNG（每个 MNIST 像素是一个 2 x 2 的块）也能精确读回，因为每个小像素正好平均一整块", () => {
    for (const f of DIGITS.filter((d) => d.width === 56)) {
      expectCloseNumbers(loadHandwriting(fixture(f.file)), mnistInputs(f.testIndex!), t(`loadHandwriting(data/fixtures/${f.file}) against MNIST test image ${f.testIndex} (a ${f.label})`, `loadHandwriting(data/fixtures/${f.file}) 与 MNIST 测试图像 ${f.testIndex}（一个 ${f.label}）对比`), 1e-12);
    }
  });

  it("a 100 x 100 RGBA PNG (black ink, alpha = strength, transparent page) comes back close to the digit | 100 x 100 的 RGBA PNG（黑墨，透明度表示浓淡，页面透明）读回来与原数字很接近", () => {
    // 100 / 28 is not whole, so each small pixel averages a 3.57 x 3.57 patch that can reach a
    // little into the neighbouring MNIST pixels. So every value must lie between the darkest and
    // lightest of its 3 x 3 neighbourhood, and on average it is off by little (measured: at most
    // 0.0075 on these four digits; we allow 0.02). Ignoring alpha turns the page black: off by ~0.9.
    for (const f of DIGITS.filter((d) => d.width === 100)) {
      const what = t(`loadHandwriting(data/fixtures/${f.file}) against MNIST test image ${f.testIndex} (a ${f.label})`, `loadHandwriting(data/fixtures/${f.file}) 与 MNIST 测试图像 ${f.testIndex}（一个 ${f.label}）对比`);
      const got = expectNumbers(loadHandwriting(fixture(f.file)), 784, what);
      const want = mnistInputs(f.testIndex!);
      for (let i = 0; i < 784; i++) {
        const [row, col] = [Math.floor(i / 28), i % 28];
        const around: number[] = [];
        for (let r = Math.max(0, row - 1); r <= Math.min(27, row + 1); r++) for (let c = Math.max(0, col - 1); c <= Math.min(27, col + 1); c++) around.push(want[r * 28 + c]);
        const [lo, hi] = [Math.min(...around), Math.max(...around)];
        if (got[i] < lo - 1e-9 || got[i] > hi + 1e-9) fail(t(`${what}, pixel (${row}, ${col})\n  expected: between ${lo} and ${hi} (the digit's 3 x 3 neighbourhood there)\n  got:      ${got[i]}`, `${what}，像素 (${row}, ${col})\n  expected: 在 ${lo} 和 ${hi} 之间（这个数字在该处的 3 x 3 邻域）\n  got:      ${got[i]}`));
      }
      const meanError = got.reduce((s, v, i) => s + Math.abs(v - want[i]), 0) / 784;
      if (meanError > 0.02) fail(t(`${what}\n  expected: on average within 0.02 of the digit\n  got:      on average ${meanError.toFixed(4)} off`, `${what}\n  expected: 与这个数字平均相差不超过 0.02\n  got:      平均相差 ${meanError.toFixed(4)}`));
    }
  });

  it("decodePng reads PNG bytes that sit inside a bigger buffer (a view with a byte offset) | PNG 字节位于更大缓冲区中间（带字节偏移的视图）时 decodePng 也能读对", () => {
    // Small files and Buffers share a pool in Node: bytes.buffer holds other data before them.
    const file = makePng(28, 28, (x, y) => (x === y ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const pool = new Uint8Array(file.length + 100).fill(7);
    pool.set(file, 50);
    const view = pool.subarray(50, 50 + file.length);
    const expected = Array.from({ length: 784 }, (_, i) => (i % 29 === 0 ? 1.0 : 0.01));
    expectCloseNumbers(pngToInputs(view, "diagonal.png"), expected, t("pngToInputs(a PNG at byte offset 50 of a bigger buffer): use bytes.byteOffset and bytes.byteLength", "pngToInputs(位于更大缓冲区第 50 字节处的 PNG)：要用 bytes.byteOffset 和 bytes.byteLength"), 1e-12);
  });

  it("a file that is not a PNG gives an error that says so | 不是 PNG 的文件给出说明这一点的错误", () => {
    expectThrowsMentioning(() => loadHandwriting(fixture("not-a-png.png")), ["not-a-png.png", "not a PNG"], t("loadHandwriting(data/fixtures/not-a-png.png), a text file", "loadHandwriting(data/fixtures/not-a-png.png)，一个文本文件"));
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    expectThrowsMentioning(() => decodePng(jpeg, "photo.jpg"), ["photo.jpg", "not a PNG"], t("decodePng(the first bytes of a JPEG, \"photo.jpg\")", "decodePng(JPEG 文件的开头几个字节, \"photo.jpg\")"));
  });

  it("an empty file gives an error that says it has 0 bytes | 空文件给出说明它是 0 字节的错误", () => {
    expectThrowsMentioning(() => loadHandwriting(fixture("empty.png")), ["empty.png", "0 bytes"], t("loadHandwriting(data/fixtures/empty.png), a file of 0 bytes", "loadHandwriting(data/fixtures/empty.png)，一个 0 字节的文件"));
  });

  it("a 16-bit PNG gives an error asking for an 8-bit one | 16 位 PNG 给出要求 8 位 PNG 的错误", () => {
    expectThrowsMentioning(() => loadHandwriting(fixture("sixteen-bit.png")), ["sixteen-bit.png", "16-bit", "8-bit"], t("loadHandwriting(data/fixtures/sixteen-bit.png), 16 bits per colour", "loadHandwriting(data/fixtures/sixteen-bit.png)，每个颜色 16 位"));
  });

  it("a cut-off or damaged PNG gives an error that names the file and says it is damaged | 被截断或损坏的 PNG 给出写明文件名、说明已损坏的错误", () => {
    for (const file of ["truncated.png", "damaged.png"]) {
      expectThrowsMentioning(() => loadHandwriting(fixture(file)), [file, "damaged"], `loadHandwriting(data/fixtures/${file})`);
    }
  });

  it("a file that does not exist gives an error naming the path | 不存在的文件给出写明路径的错误", () => {
    const missing = fixture("no-such-digit.png");
    expectThrowsMentioning(() => loadHandwriting(missing), [missing, "no file"], t("loadHandwriting(data/fixtures/no-such-digit.png), which does not exist", "loadHandwriting(data/fixtures/no-such-digit.png)，这个文件不存在"));
  });
});
