import { describe, it } from "vitest";
import fc from "fast-check";
import { expectNumber, expectNumbers, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { loadMnist, readDigits, readImages, readLabels, type Digit } from "./idx";

/** An IDX file built by hand: the magic, the sizes, then the bytes (big-endian header). */
function idx(magic: number, sizes: number[], body: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * sizes.length + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  sizes.forEach((size, i) => view.setUint32(4 + 4 * i, size));
  bytes.set(Array.from(body), 4 + 4 * sizes.length);
  return bytes;
}

// Two tiny images of 2 rows x 3 columns, and their labels.
const PIXELS = [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255];
const TINY_IMAGES = idx(2051, [2, 2, 3], PIXELS);
const TINY_LABELS = idx(2049, [2], [7, 3]);

function messageOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

/** The error must say how long the data should be and how long it is (as whole files or as bodies). */
function expectSizeError(run: () => unknown, fileBytes: [number, number], bodyBytes: [number, number], what: string): void {
  const message = messageOf(run);
  if (message === undefined) fail(t(`${what}\n  expected: an error (never a silent, wrong array)\n  got:      no error`, `${what}\n  expected: 一个错误（绝不能悄悄返回错误的数组）\n  got:      没有报错`));
  const names = (pair: [number, number]) => pair.every((n) => message.includes(String(n)));
  if (!names(fileBytes) && !names(bodyBytes)) {
    fail(
      t(`${what}\n  expected: an error that says how many bytes there should be and how many there are `, `${what}\n  expected: 一个说明应该有多少字节、实际有多少字节的错误`) +
        t(`(${fileBytes[0]} and ${fileBytes[1]} for the whole data, or ${bodyBytes[0]} and ${bodyBytes[1]} after the header)\n`, `（整个数据是 ${fileBytes[0]} 和 ${fileBytes[1]}，或者文件头之后是 ${bodyBytes[0]} 和 ${bodyBytes[1]}）\n`) +
        `  got:      ${JSON.stringify(message)}`,
    );
  }
}

function expectDigits(got: unknown, count: number, what: string): Digit[] {
  if (!Array.isArray(got)) fail(t(`${what}\n  expected: an array of ${count} digits\n  got:      ${typeof got}`, `${what}\n  expected: 由 ${count} 个数字组成的数组\n  got:      ${typeof got}`));
  if (got.length !== count) fail(t(`${what}\n  expected: ${count} digits\n  got:      ${got.length}`, `${what}\n  expected: ${count} 个数字\n  got:      ${got.length}`));
  return got as Digit[];
}

// Loaded once for the whole file: reading 55 MB takes a moment.
let train: Digit[] | undefined;
let test: Digit[] | undefined;
const trainSet = () => (train ??= expectDigits(loadMnist("train"), 60_000, t('loadMnist("train"): the MNIST training set has 60,000 digits', 'loadMnist("train")：MNIST 训练集有 60,000 个数字')));
const testSet = () => (test ??= expectDigits(loadMnist("test"), 10_000, t('loadMnist("test"): the MNIST test set has 10,000 digits', 'loadMnist("test")：MNIST 测试集有 10,000 个数字')));

describe("11 idx: reading the MNIST files (book 2.5) | 11 idx：读取 MNIST 文件（书中 2.5 节）", () => {
  it("readImages reads the header (big-endian) and the pixels of a hand-made file: 2 images of 2x3 | readImages 读取手工构造文件的文件头（大端序）和像素：2 张 2x3 的图像", () => {
    const images = readImages(TINY_IMAGES);
    expectNumber(images?.count, "readImages(...).count");
    if (images.count !== 2 || images.rows !== 2 || images.cols !== 3) {
      fail(t(`readImages on a file whose header says 2 images of 2 rows x 3 columns\n  expected: count 2, rows 2, cols 3\n  got:      count ${images.count}, rows ${images.rows}, cols ${images.cols}`, `在文件头写着 2 张 2 行 x 3 列图像的文件上 readImages\n  expected: count 2, rows 2, cols 3\n  got:      count ${images.count}, rows ${images.rows}, cols ${images.cols}`));
    }
    const pixels = expectNumbers(images.pixels, 12, t("readImages(...).pixels: all the pixels after the 16-byte header", "readImages(...).pixels：16 字节文件头之后的全部像素"));
    if (pixels.some((p, i) => p !== PIXELS[i])) fail(`readImages(...).pixels\n  expected: [${PIXELS}]\n  got:      [${pixels}]`);
  });

  it("readImages gives back any images file byte for byte (property) | readImages 把任何图像文件逐字节原样读回（性质测试）", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (count, rows, cols, seed) => {
        const body = Array.from({ length: count * rows * cols }, (_, i) => (seed + i * 37) & 255);
        const images = readImages(idx(2051, [count, rows, cols], body));
        const what = t(`readImages on ${count} images of ${rows}x${cols}`, `在 ${count} 张 ${rows}x${cols} 的图像上 readImages`);
        if (images?.count !== count || images.rows !== rows || images.cols !== cols) {
          fail(`${what}\n  expected: count ${count}, rows ${rows}, cols ${cols}\n  got:      count ${images?.count}, rows ${images?.rows}, cols ${images?.cols}`);
        }
        const pixels = expectNumbers(images.pixels, body.length, `${what}: pixels`);
        const bad = pixels.findIndex((p, i) => p !== body[i]);
        if (bad >= 0) fail(t(`${what}: pixel [${bad}]\n  expected: ${body[bad]}\n  got:      ${pixels[bad]}`, `${what}：第 [${bad}] 个像素\n  expected: ${body[bad]}\n  got:      ${pixels[bad]}`));
      }),
      propertyOptions(50),
    );
  });

  it("readLabels reads one byte per label after the 8-byte header | readLabels 在 8 字节文件头之后每个标签读一个字节", () => {
    const labels = expectNumbers(readLabels(TINY_LABELS), 2, t("readLabels on a file of 2 labels, 7 and 3", "在有 2 个标签（7 和 3）的文件上 readLabels"));
    if (labels[0] !== 7 || labels[1] !== 3) fail(`readLabels\n  expected: [7, 3]\n  got:      [${labels}]`);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }), (values) => {
        const got = expectNumbers(readLabels(idx(2049, [values.length], values)), values.length, t(`readLabels on [${values}]`, `在 [${values}] 上 readLabels`));
        if (got.some((v, i) => v !== values[i])) fail(`readLabels\n  expected: [${values}]\n  got:      [${got}]`);
      }),
      propertyOptions(50),
    );
  });

  it("readDigits pairs each image with its label, and keeps only the first `limit` | readDigits 把每张图像和它的标签配对，只保留前 `limit` 个", () => {
    const digits = expectDigits(readDigits(TINY_IMAGES, TINY_LABELS), 2, t("readDigits on 2 images and 2 labels", "在 2 张图像和 2 个标签上 readDigits"));
    const first = expectNumbers(digits[0].pixels, 6, t("readDigits(...)[0].pixels: the first 2x3 image", "readDigits(...)[0].pixels：第一张 2x3 的图像"));
    const second = expectNumbers(digits[1].pixels, 6, t("readDigits(...)[1].pixels: the second 2x3 image", "readDigits(...)[1].pixels：第二张 2x3 的图像"));
    if (first.join() !== "0,1,2,3,4,5" || second.join() !== "250,251,252,253,254,255") {
      fail(t(`readDigits: the pixels of each image\n  expected: [0,1,2,3,4,5] and [250,251,252,253,254,255]\n  got:      [${first}] and [${second}]`, `readDigits：每张图像的像素\n  expected: [0,1,2,3,4,5] 和 [250,251,252,253,254,255]\n  got:      [${first}] 和 [${second}]`));
    }
    if (digits[0].label !== 7 || digits[1].label !== 3) fail(t(`readDigits: the labels\n  expected: 7 and 3\n  got:      ${digits[0].label} and ${digits[1].label}`, `readDigits：标签\n  expected: 7 和 3\n  got:      ${digits[0].label} 和 ${digits[1].label}`));
    const one = expectDigits(readDigits(TINY_IMAGES, TINY_LABELS, 1), 1, t("readDigits(images, labels, limit 1)", "readDigits(images, labels, 上限 1)"));
    if (one[0].label !== 7) fail(`readDigits(..., 1)[0].label\n  expected: 7\n  got:      ${one[0].label}`);
  });

  it("reads files that sit inside a bigger buffer (a view with a byte offset), as a small file read from disk often does | 文件位于更大缓冲区中间（带字节偏移的视图）时也能读对，从磁盘读入的小文件常常如此", () => {
    // Node keeps small Buffers (fs.readFileSync of a small file, Buffer.from) in a shared pool:
    // the file's first byte is at bytes.byteOffset, not 0. new DataView(bytes.buffer) alone
    // would read whatever came before it: here, another file.
    const inside = (file: Uint8Array) => {
      const pool = new Uint8Array(TINY_LABELS.length + 3 + file.length + 5);
      pool.set(TINY_LABELS, 0); // a different file first, magic 2049
      pool.set(file, TINY_LABELS.length + 3);
      return pool.subarray(TINY_LABELS.length + 3, TINY_LABELS.length + 3 + file.length);
    };
    const images = readImages(inside(TINY_IMAGES));
    const what = t("readImages on the 2-image file at byte offset 14 of a bigger buffer", "对位于更大缓冲区第 14 字节处的 2 张图像文件调用 readImages");
    if (images?.count !== 2 || images.rows !== 2 || images.cols !== 3) {
      fail(`${what}\n  expected: count 2, rows 2, cols 3\n  got:      count ${images?.count}, rows ${images?.rows}, cols ${images?.cols}\n  ${t("(read from bytes.byteOffset: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength))", "（从 bytes.byteOffset 开始读：new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)）")}`);
    }
    const pixels = expectNumbers(images.pixels, 12, `${what}: pixels`);
    if (pixels.some((p, i) => p !== PIXELS[i])) fail(t(`${what}: pixels\n  expected: [${PIXELS}]\n  got:      [${pixels}]`, `${what}：像素\n  expected: [${PIXELS}]\n  got:      [${pixels}]`));
    const labels = expectNumbers(readLabels(inside(TINY_LABELS)), 2, t("readLabels on the 2-label file at a byte offset", "对带字节偏移的 2 个标签文件调用 readLabels"));
    if (labels[0] !== 7 || labels[1] !== 3) fail(`readLabels ${t("at a byte offset", "（带字节偏移）")}\n  expected: [7, 3]\n  got:      [${labels}]`);
    const digits = expectDigits(readDigits(inside(TINY_IMAGES), inside(TINY_LABELS)), 2, t("readDigits on both files at byte offsets", "对两个带字节偏移的文件调用 readDigits"));
    if (digits[1].label !== 3 || Array.from(digits[1].pixels).join() !== "250,251,252,253,254,255") fail(`readDigits ${t("at byte offsets: the second digit", "（带字节偏移）：第二个数字")}\n  expected: label 3, pixels [250,...,255]\n  got:      label ${digits[1].label}, pixels [${Array.from(digits[1].pixels)}]`);
  });

  it("the real training set: 60,000 images of 28x28, starting with the labels 5 0 4 1 9 2 1 3 1 4 | 真正的训练集：60,000 张 28x28 的图像，标签以 5 0 4 1 9 2 1 3 1 4 开头", () => {
    const digits = trainSet();
    digits.slice(0, 3).forEach((d, i) => expectNumbers(d.pixels, 784, `loadMnist("train")[${i}].pixels: 28 x 28 = 784 pixels | loadMnist("train")[${i}].pixels：28 x 28 = 784 个像素`));
    const first = digits.slice(0, 10).map((d) => d.label);
    if (first.join(" ") !== "5 0 4 1 9 2 1 3 1 4") fail(t(`the first ten training labels\n  expected: 5 0 4 1 9 2 1 3 1 4\n  got:      ${first.join(" ")}`, `前十个训练标签\n  expected: 5 0 4 1 9 2 1 3 1 4\n  got:      ${first.join(" ")}`));
    const sum = digits[0].pixels.reduce((a, b) => a + b, 0);
    if (sum !== 27525) fail(t(`the pixels of the first training image (a 5) add up to 27525\n  got: ${sum} (did the pixels start right after the 16-byte header?)`, `第一张训练图像（一个 5）的像素加起来是 27525\n  got: ${sum}（像素是不是紧接在 16 字节的文件头之后开始？）`));
    if (digits[59_999].label !== 8) fail(t(`the last training label\n  expected: 8\n  got:      ${digits[59_999].label}`, `最后一个训练标签\n  expected: 8\n  got:      ${digits[59_999].label}`));
  });

  it("the real test set: 10,000 images of 28x28, starting with the labels 7 2 1 0 4 1 4 9 5 9, and 980 zeros ... 1009 nines | 真正的测试集：10,000 张 28x28 的图像，标签以 7 2 1 0 4 1 4 9 5 9 开头，有 980 个 0 …… 1009 个 9", () => {
    const digits = testSet();
    expectNumbers(digits[9_999].pixels, 784, 'loadMnist("test")[9999].pixels');
    const first = digits.slice(0, 10).map((d) => d.label);
    if (first.join(" ") !== "7 2 1 0 4 1 4 9 5 9") fail(t(`the first ten test labels\n  expected: 7 2 1 0 4 1 4 9 5 9\n  got:      ${first.join(" ")}`, `前十个测试标签\n  expected: 7 2 1 0 4 1 4 9 5 9\n  got:      ${first.join(" ")}`));
    const counts = new Array<number>(10).fill(0);
    for (const d of digits) counts[d.label]++;
    const expected = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];
    if (counts.join() !== expected.join()) fail(t(`how many of each digit the test set holds\n  expected: [${expected}]\n  got:      [${counts}]`, `测试集里每个数字各有多少个\n  expected: [${expected}]\n  got:      [${counts}]`));
  });

  it("loadMnist with a limit gives the first digits only | 带 limit 的 loadMnist 只给出前面的数字", () => {
    const digits = expectDigits(loadMnist("test", 5), 5, 'loadMnist("test", 5)');
    const labels = digits.map((d) => d.label).join(" ");
    if (labels !== "7 2 1 0 4") fail(t(`loadMnist("test", 5): labels\n  expected: 7 2 1 0 4\n  got:      ${labels}`, `loadMnist("test", 5)：标签\n  expected: 7 2 1 0 4\n  got:      ${labels}`));
  });

  it("a wrong magic number is refused, naming what was expected and what was found | 魔数不对时拒绝读取，写出期望的和实际读到的值", () => {
    expectThrowsMentioning(() => readImages(TINY_LABELS), ["magic", "2051", "2049"], t("readImages given a labels file (magic 2049)", "给 readImages 一个标签文件（魔数 2049）"));
    expectThrowsMentioning(() => readLabels(TINY_IMAGES), ["magic", "2049", "2051"], t("readLabels given an images file (magic 2051)", "给 readLabels 一个图像文件（魔数 2051）"));
    // The header written little-endian: 03 08 00 00 read big-endian is 50855936.
    const little = Uint8Array.from(TINY_IMAGES);
    little.set([3, 8, 0, 0], 0);
    expectThrowsMentioning(() => readImages(little), ["magic", "2051", "50855936"], t("readImages on a file whose magic bytes are in the wrong order", "在魔数字节顺序颠倒的文件上 readImages"));
  });

  it("a truncated file is refused, saying how many bytes there should be and how many there are | 文件被截断时拒绝读取，写出应有多少字节、实际有多少字节", () => {
    expectSizeError(() => readImages(TINY_IMAGES.subarray(0, 26)), [28, 26], [12, 10], t("readImages on the 2-image file with its last 2 bytes cut off", "在截掉最后 2 个字节的 2 张图像文件上 readImages"));
    expectSizeError(() => readLabels(idx(2049, [5], [1, 2, 3])), [13, 11], [5, 3], t("readLabels on a file that promises 5 labels but holds 3", "在声称有 5 个标签、实际只有 3 个的文件上 readLabels"));
    expectThrowsMentioning(() => readImages(TINY_IMAGES.subarray(0, 10)), ["10"], t("readImages on 10 bytes, too short even for the 16-byte header", "在 10 个字节上 readImages，连 16 字节的文件头都不够"));
  });

  it("counts that do not match are refused: extra bytes, or images and labels that do not pair up | 数量对不上时拒绝读取：多出字节，或者图像和标签配不成对", () => {
    expectSizeError(() => readImages(idx(2051, [1, 2, 3], PIXELS)), [22, 28], [6, 12], t("readImages on a file that promises 1 image of 2x3 but holds 12 pixels", "在声称有 1 张 2x3 图像、实际有 12 个像素的文件上 readImages"));
    expectThrowsMentioning(() => readDigits(TINY_IMAGES, idx(2049, [3], [1, 2, 3])), ["2", "3"], t("readDigits on 2 images and 3 labels", "在 2 张图像和 3 个标签上 readDigits"));
  });
});
