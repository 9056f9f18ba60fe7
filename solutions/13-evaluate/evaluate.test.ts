import { describe, it } from "vitest";
import fc from "fast-check";
import { PNG } from "pngjs";
import { expectClose, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { loadMnist } from "../11-idx/idx";
import { SHADES, accuracy, confusionMatrix, drawDigit, perDigitAccuracy, toPng, worstMistakes } from "./evaluate";

// Seven hand-made answers for a 3-class problem (digits 0, 1, 2).
const PREDICTED = [0, 1, 1, 2, 2, 2, 0];
const ACTUAL = [0, 1, 2, 2, 2, 1, 0];
const CONFUSION = [
  [2, 0, 0], // both 0s were called 0
  [0, 1, 1], // one 1 was called 1, one was called 2
  [0, 1, 2], // one 2 was called 1, two were called 2
];

const same = (got: unknown, expected: unknown) => JSON.stringify(got) === JSON.stringify(expected);
const show = (value: unknown) => JSON.stringify(value);

function decode(png: unknown, what: string): PNG {
  if (!Buffer.isBuffer(png)) fail(t(`${what}\n  expected: a Buffer holding a PNG file\n  got:      ${typeof png}`, `${what}\n  expected: 一个装着 PNG 文件的 Buffer\n  got:      ${typeof png}`));
  try {
    return PNG.sync.read(png);
  } catch (error) {
    fail(t(`${what}: pngjs cannot read it back as a PNG (${(error as Error).message})`, `${what}：pngjs 无法把它当作 PNG 读回来（${(error as Error).message}）`));
  }
}

/** The decoded PNG must be width x height with grey = the pixel, fully opaque. */
function expectPngPixels(png: unknown, pixels: ArrayLike<number>, width: number, height: number, what: string): void {
  const image = decode(png, what);
  if (image.width !== width || image.height !== height) fail(t(`${what}\n  expected: a ${width}x${height} picture\n  got:      ${image.width}x${image.height}`, `${what}\n  expected: 一张 ${width}x${height} 的图\n  got:      ${image.width}x${image.height}`));
  for (let i = 0; i < width * height; i++) {
    const [r, g, b, a] = image.data.subarray(4 * i, 4 * i + 4);
    if (r !== pixels[i] || g !== pixels[i] || b !== pixels[i] || a !== 255) {
      fail(t(`${what}: pixel [${i}] (row ${Math.floor(i / width)}, column ${i % width})\n  expected: grey ${pixels[i]} (red = green = blue = ${pixels[i]}, alpha 255)\n  got:      red ${r}, green ${g}, blue ${b}, alpha ${a}`, `${what}：第 [${i}] 个像素（第 ${Math.floor(i / width)} 行，第 ${i % width} 列）\n  expected: 灰度 ${pixels[i]}（红 = 绿 = 蓝 = ${pixels[i]}，alpha 255）\n  got:      红 ${r}，绿 ${g}，蓝 ${b}，alpha ${a}`));
    }
  }
}

describe("13 evaluate: the scorecard, the mistakes and pictures of digits (book 2.5.3) | 13 评估：计分卡、错误和数字图片（书中 2.5.3 节）", () => {
  it("accuracy is the fraction of predictions equal to the labels; different lengths are refused | accuracy 是预测等于标签的比例；长度不同时拒绝计算", () => {
    expectClose(accuracy(PREDICTED, ACTUAL), 5 / 7, t("accuracy([0,1,1,2,2,2,0], [0,1,2,2,2,1,0]): 5 of 7 right", "accuracy([0,1,1,2,2,2,0], [0,1,2,2,2,1,0])：7 个里对了 5 个"), 1e-12);
    expectClose(accuracy([3, 3], [3, 3]), 1, "accuracy([3, 3], [3, 3])", 1e-12);
    expectThrowsMentioning(() => accuracy([1, 2, 3], [1, 2]), ["3", "2"], t("accuracy with 3 predictions but 2 labels: name both counts", "3 个预测却只有 2 个标签时的 accuracy：两个数目都要写出来"));
    expectThrowsMentioning(() => accuracy([], []), ["no"], t("accuracy of no predictions at all (never NaN)", "一个预测都没有时的 accuracy（绝不能是 NaN）"));
  });

  it("confusionMatrix counts each (true digit, answer) pair: row = true digit, column = answer | confusionMatrix 统计每对（真实数字，回答）：行 = 真实数字，列 = 回答", () => {
    const got = confusionMatrix(PREDICTED, ACTUAL, 3);
    if (!same(got, CONFUSION)) fail(t(`confusionMatrix(predicted [${PREDICTED}], actual [${ACTUAL}], 3 classes)\n  expected: ${show(CONFUSION)}\n  got:      ${show(got)}`, `confusionMatrix(预测 [${PREDICTED}], 实际 [${ACTUAL}], 3 个类别)\n  expected: ${show(CONFUSION)}\n  got:      ${show(got)}`));
    const ten = confusionMatrix([9], [4]);
    if (!Array.isArray(ten) || ten.length !== 10 || ten[4]?.[9] !== 1) fail(t(`confusionMatrix([9], [4]) with the default 10 classes: a 10x10 table with a 1 at row 4, column 9\n  got: ${show(ten)}`, `默认 10 个类别时的 confusionMatrix([9], [4])：一张 10x10 的表，第 4 行第 9 列是 1\n  got: ${show(ten)}`));
    expectThrowsMentioning(() => confusionMatrix([1, 12], [1, 2]), ["12"], t("confusionMatrix with a prediction of 12 for 10 classes", "10 个类别时预测为 12 的 confusionMatrix"));
  });

  it("the confusion matrix adds up: every answer counted once, rows are the label counts, the diagonal is the accuracy (property) | 混淆矩阵的账对得上：每个回答只算一次，各行之和是各标签的个数，对角线就是准确率（性质测试）", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 60 }), (pairs) => {
        const predicted = pairs.map((p) => p[0]);
        const actual = pairs.map((p) => p[1]);
        const table = confusionMatrix(predicted, actual);
        const what = `confusionMatrix([${predicted}], [${actual}])`;
        if (!Array.isArray(table) || table.length !== 10) fail(t(`${what}: expected 10 rows, got ${show(table)}`, `${what}：应有 10 行，实际是 ${show(table)}`));
        for (let digit = 0; digit < 10; digit++) {
          const rowSum = table[digit].reduce((a, b) => a + b, 0);
          const count = actual.filter((d) => d === digit).length;
          if (rowSum !== count) fail(t(`${what}: row ${digit} should add up to the ${count} images labelled ${digit}, but adds up to ${rowSum}`, `${what}：第 ${digit} 行加起来应该是标签为 ${digit} 的 ${count} 张图像，实际加起来是 ${rowSum}`));
        }
        const diagonal = table.reduce((sum, row, i) => sum + row[i], 0);
        expectClose(diagonal / pairs.length, accuracy(predicted, actual), t(`${what}: the diagonal over the total is the accuracy`, `${what}：对角线之和除以总数就是准确率`), 1e-12);
      }),
      propertyOptions(),
    );
  });

  it("perDigitAccuracy is each row's diagonal over the row's total, and null for a digit with no images | perDigitAccuracy 是每行对角线上的数除以该行总数，没有图像的数字为 null", () => {
    const got = perDigitAccuracy(CONFUSION);
    const expected = [1, 0.5, 2 / 3];
    if (!Array.isArray(got) || got.length !== 3 || got.some((v, i) => typeof v !== "number" || Math.abs(v - expected[i]) > 1e-12)) {
      fail(`perDigitAccuracy(${show(CONFUSION)})\n  expected: [1, 0.5, 0.6667]\n  got:      ${show(got)}`);
    }
    const withGap = perDigitAccuracy([[3, 1], [0, 0]]);
    if (!same(withGap, [0.75, null])) fail(t(`perDigitAccuracy([[3, 1], [0, 0]]): no image of digit 1 was tested\n  expected: [0.75, null] (never NaN)\n  got:      ${show(withGap)}`, `perDigitAccuracy([[3, 1], [0, 0]])：没有测试过数字 1 的图像\n  expected: [0.75, null]（绝不能是 NaN）\n  got:      ${show(withGap)}`));
  });

  it("worstMistakes lists the wrong answers the network was surest of, most confident first | worstMistakes 列出网络最有把握的错误回答，最有把握的排在前面", () => {
    const outputs = [
      [0.9, 0.1, 0.0], // label 0, answer 0: right
      [0.2, 0.7, 0.1], // label 2, answer 1 with 0.7
      [0.1, 0.2, 0.95], // label 0, answer 2 with 0.95: the worst
      [0.3, 0.3, 0.6], // label 2, answer 2: right
      [0.7, 0.2, 0.1], // label 1, answer 0 with 0.7, as sure as image 1 but later in the test set
    ];
    const labels = [0, 2, 0, 2, 1];
    const all = worstMistakes(outputs, labels, 10);
    const expected = [
      { index: 2, label: 0, predicted: 2, confidence: 0.95 },
      { index: 1, label: 2, predicted: 1, confidence: 0.7 },
      { index: 4, label: 1, predicted: 0, confidence: 0.7 },
    ];
    const pick = (list: unknown) => (Array.isArray(list) ? list.map(({ index, label, predicted, confidence }) => ({ index, label, predicted, confidence })) : list);
    if (!same(pick(all), expected)) fail(t(`worstMistakes(outputs, labels [${labels}], 10)\n  expected: ${show(expected)}\n  got:      ${show(all)}`, `worstMistakes(outputs, 标签 [${labels}], 10)\n  expected: ${show(expected)}\n  got:      ${show(all)}`));
    const two = worstMistakes(outputs, labels, 2);
    if (!same(pick(two), expected.slice(0, 2))) fail(t(`worstMistakes(..., 2): only the two worst\n  expected: ${show(expected.slice(0, 2))}\n  got:      ${show(two)}`, `worstMistakes(..., 2)：只要最差的两个\n  expected: ${show(expected.slice(0, 2))}\n  got:      ${show(two)}`));
  });

  it("drawDigit draws a pixel as two characters of SHADES, a line for each row | drawDigit 把每个像素画成两个 SHADES 字符，每行像素一行", () => {
    const got = drawDigit([0, 255, 128, 26], 2, 2);
    const expected = "  @@\n++..";
    if (got !== expected) fail(`drawDigit([0, 255, 128, 26], 2, 2)\n  expected: ${show(expected)}\n  got:      ${show(got)}`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (width, height, seed) => {
        const pixels = Array.from({ length: width * height }, (_, i) => Math.abs(seed * 31 + i * 97) % 256);
        const lines = String(drawDigit(pixels, width, height)).split("\n");
        const what = t(`drawDigit of a ${width}x${height} image`, `${width}x${height} 图像的 drawDigit`);
        if (lines.length !== height) fail(t(`${what}: expected ${height} lines, got ${lines.length}`, `${what}：应有 ${height} 行，实际有 ${lines.length} 行`));
        lines.forEach((line, row) => {
          if (line.length !== 2 * width) fail(t(`${what}: line ${row} should be ${2 * width} characters (2 per pixel), got ${line.length}: ${show(line)}`, `${what}：第 ${row} 行应该有 ${2 * width} 个字符（每个像素 2 个），实际有 ${line.length} 个：${show(line)}`));
          for (let col = 0; col < width; col++) {
            const p = pixels[row * width + col];
            const shade = SHADES[Math.floor((p / 256) * SHADES.length)];
            if (line.slice(2 * col, 2 * col + 2) !== shade + shade) fail(t(`${what}: pixel ${p} at row ${row}, column ${col}\n  expected: ${show(shade + shade)}\n  got:      ${show(line.slice(2 * col, 2 * col + 2))}`, `${what}：第 ${row} 行第 ${col} 列的像素 ${p}\n  expected: ${show(shade + shade)}\n  got:      ${show(line.slice(2 * col, 2 * col + 2))}`));
          }
        });
      }),
      propertyOptions(50),
    );
  });

  it("toPng writes a greyscale PNG that decodes back to exactly the same pixels (property) | toPng 写出的灰度 PNG 解码后得到完全相同的像素（性质测试）", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer(), (width, height, seed) => {
        const pixels = Array.from({ length: width * height }, (_, i) => Math.abs(seed * 13 + i * 71) % 256);
        expectPngPixels(toPng(pixels, width, height), pixels, width, height, t(`toPng of a ${width}x${height} image, read back with pngjs`, `${width}x${height} 图像的 toPng，用 pngjs 读回来`));
      }),
      propertyOptions(50),
    );
  });

  it("toPng rounds a grey level that is not whole to the nearest one (127.6 is 128, not 127) | toPng 把非整数的灰度四舍五入到最近的整数（127.6 是 128，不是 127）", () => {
    // Backquery pictures (exercise 18) have fractional grey levels: cutting them off would darken them.
    const pixels = [0.4, 0.6, 127.6, 254.7];
    const png = decode(toPng(pixels, 2, 2), "toPng([0.4, 0.6, 127.6, 254.7], 2, 2)");
    const grey = Array.from({ length: 4 }, (_, i) => png.data[4 * i]);
    if (!same(grey, [0, 1, 128, 255])) fail(`toPng([0.4, 0.6, 127.6, 254.7], 2, 2), ${t("read back", "读回来")}\n  expected: [0, 1, 128, 255] (Math.round)\n  got:      ${show(grey)}`);
  });

  it("toPng of the first training digit (a 5) is a 28x28 picture of it | 对第一个训练数字（一个 5）调用 toPng，得到它的 28x28 图片", () => {
    const five = loadMnist("train", 1)[0].pixels;
    const png = toPng(five);
    if (!Buffer.isBuffer(png) || png.subarray(1, 4).toString() !== "PNG") fail(t("toPng(first training image): a PNG file starts with the bytes \\x89 P N G", "toPng(第一张训练图像)：PNG 文件以字节 \\x89 P N G 开头"));
    expectPngPixels(png, five, 28, 28, t("toPng(first training image) with the default 28x28", "默认 28x28 的 toPng(第一张训练图像)"));
  });

  it("toPng and drawDigit refuse an image of the wrong size or with values outside 0..255 | toPng 和 drawDigit 拒绝大小不对或有 0..255 以外取值的图像", () => {
    expectThrowsMentioning(() => toPng(new Array(780).fill(0)), ["784", "780"], t("toPng of 780 pixels for a 28x28 image", "给 28x28 的图像传 780 个像素的 toPng"));
    expectThrowsMentioning(() => drawDigit(new Array(10).fill(0), 3, 3), ["9", "10"], t("drawDigit of 10 pixels for a 3x3 image", "给 3x3 的图像传 10 个像素的 drawDigit"));
    expectThrowsMentioning(() => toPng([0, 300, 0, 0], 2, 2), ["300", "255"], t("toPng with a pixel of 300", "有一个像素是 300 的 toPng"));
    expectThrowsMentioning(() => toPng([0, 0.5, NaN, 0], 2, 2), ["NaN"], t("toPng with a pixel that is NaN", "有一个像素是 NaN 的 toPng"));
  });
});
