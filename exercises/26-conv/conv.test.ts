import { describe, it } from "vitest";
import fc from "fast-check";
import { expectCloseNumbers, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { expectGradient, numericGradient } from "../_testkit/gradcheck";
import { conv2d, conv2dBackward, kernels, maxPool, maxPoolBackward, volume, type Volume } from "./conv";

/** A Volume from rows of rows: [[[...], [...]]] is one channel. */
const fromRows = (channels: number[][][]) => volume(channels.length, channels[0].length, channels[0][0].length, channels.flat(2));

/** Checks a result is a Volume of the given shape; returns its numbers. */
function expectVolume(got: unknown, channels: number, height: number, width: number, what: string): number[] {
  const v = got as Volume;
  if (typeof v !== "object" || v === null || !("data" in v)) fail(t(`${what}\n  expected: a Volume { channels, height, width, data }\n  got:      ${String(got)}`, `${what}\n  expected: 一个 Volume { channels, height, width, data }\n  got:      ${String(got)}`));
  if (v.channels !== channels || v.height !== height || v.width !== width) {
    fail(t(`${what}\n  expected shape: ${channels}x${height}x${width} (channels x height x width)\n  got shape:      ${v.channels}x${v.height}x${v.width}`, `${what}\n  期望的形状：${channels}x${height}x${width}（通道 x 高 x 宽）\n  实际的形状：${v.channels}x${v.height}x${v.width}`));
  }
  return Array.from(v.data);
}

// The test's own convolution, written straight from the formula.
function directConv(input: Volume, k: { outChannels: number; inChannels: number; size: number; data: Float64Array }, bias: number[]): number[] {
  const out: number[] = [];
  const h = input.height - k.size + 1;
  const w = input.width - k.size + 1;
  for (let o = 0; o < k.outChannels; o++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let sum = bias[o];
        for (let c = 0; c < input.channels; c++)
          for (let i = 0; i < k.size; i++)
            for (let j = 0; j < k.size; j++) sum += k.data[((o * k.inChannels + c) * k.size + i) * k.size + j] * input.data[(c * input.height + y + i) * input.width + x + j];
        out.push(sum);
      }
  return out;
}

const hundredths = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);
const numbers = (count: number) => fc.array(hundredths(-2, 2), { minLength: count, maxLength: count });

// Random convolution layers: 1-3 input and output channels, pictures 3-7 high and wide, kernels 1-3.
const convCase = fc
  .record({ inC: fc.integer({ min: 1, max: 3 }), outC: fc.integer({ min: 1, max: 3 }), height: fc.integer({ min: 3, max: 7 }), width: fc.integer({ min: 3, max: 7 }), size: fc.integer({ min: 1, max: 3 }) })
  .chain((s) =>
    fc.record({
      input: numbers(s.inC * s.height * s.width).map((d) => volume(s.inC, s.height, s.width, d)),
      kernel: numbers(s.outC * s.inC * s.size * s.size).map((d) => kernels(s.outC, s.inC, s.size, d)),
      bias: numbers(s.outC),
      // The loss is sum(output * weights): its slope for each output number is that weight.
      lossWeights: numbers(s.outC * (s.height - s.size + 1) * (s.width - s.size + 1)),
    }),
  );
const describeCase = (c: { input: Volume; kernel: { outChannels: number; size: number } }) => t(`a ${c.input.channels}x${c.input.height}x${c.input.width} input and ${c.kernel.outChannels} kernels of ${c.kernel.size}x${c.kernel.size}`, `一个 ${c.input.channels}x${c.input.height}x${c.input.width} 的输入和 ${c.kernel.outChannels} 个 ${c.kernel.size}x${c.kernel.size} 的卷积核`);

// Pictures whose numbers are all different and at least 0.1 apart, so nudging one by 0.001 never changes which is largest.
const poolCase = fc.record({ channels: fc.integer({ min: 1, max: 3 }), height: fc.integer({ min: 2, max: 7 }), width: fc.integer({ min: 2, max: 7 }) }).chain((s) =>
  fc.record({
    input: fc.shuffledSubarray(Array.from({ length: s.channels * s.height * s.width }, (_, i) => i / 10 - 1), { minLength: s.channels * s.height * s.width }).map((d) => volume(s.channels, s.height, s.width, d)),
    lossWeights: numbers(s.channels * Math.floor(s.height / 2) * Math.floor(s.width / 2)),
  }),
);

// Property tests with gradient checks take a few seconds; a busy machine may need many more.
const LIMIT_MS = 120_000;

describe("26 conv: convolution and max-pooling, forward and backward | 26 卷积：卷积与最大池化，前向与反向", { timeout: LIMIT_MS }, () => {
  const picture = [[1, 2, 0], [0, 1, 3], [2, 1, 0]];

  it("a 3x3 picture and a 2x2 kernel [[1, 0], [0, -1]] with bias 0.5 give [[0.5, -0.5], [-0.5, 1.5]] (worked by hand) | 3x3 的图片、2x2 的卷积核 [[1, 0], [0, -1]]、偏置 0.5，得到 [[0.5, -0.5], [-0.5, 1.5]]（手算验证）", () => {
    const out = conv2d(fromRows([picture]), kernels(1, 1, 2, [1, 0, 0, -1]), [0.5]);
    const got = expectVolume(out, 1, 2, 2, t("conv2d(3x3 picture, one 2x2 kernel, bias [0.5]): valid convolution gives (3 - 2 + 1) x (3 - 2 + 1)", "conv2d(3x3 的图片, 一个 2x2 的卷积核, 偏置 [0.5])：valid 卷积得到 (3 - 2 + 1) x (3 - 2 + 1)"));
    expectCloseNumbers(got, [0.5, -0.5, -0.5, 1.5], t("conv2d: top-left is 1*1 + 0*2 + 0*0 + (-1)*1 + 0.5 = 0.5", "conv2d：左上角是 1*1 + 0*2 + 0*0 + (-1)*1 + 0.5 = 0.5"), 1e-12);
  });

  it("Sobel's 3x3 edge kernel on the same 3x3 picture fits once: one number, -1 + 2*3 - 2 = 3 | Sobel 的 3x3 边缘卷积核在同样的 3x3 图片上只放得下一次：一个数，-1 + 2*3 - 2 = 3", () => {
    const out = conv2d(fromRows([picture]), kernels(1, 1, 3, [-1, 0, 1, -2, 0, 2, -1, 0, 1]), [0]);
    expectCloseNumbers(expectVolume(out, 1, 1, 1, t("conv2d(3x3 picture, 3x3 kernel)", "conv2d(3x3 的图片, 3x3 的卷积核)")), [3], t("conv2d(3x3 picture, Sobel kernel): the kernel is not flipped", "conv2d(3x3 的图片, Sobel 卷积核)：卷积核不翻转"), 1e-12);
  });

  it("two input channels and two kernels: each output channel adds up its kernel over every input channel, plus its bias | 两个输入通道和两个卷积核：每个输出通道把它的卷积核在每个输入通道上的结果加起来，再加上它的偏置", () => {
    const input = fromRows([picture, [[0, 1, 0], [1, 0, 1], [0, 1, 0]]]);
    // kernel 0: [[1, 0], [0, -1]] on channel 0 and all ones on channel 1; kernel 1: only a 1 at (0, 1) of channel 1.
    const k = kernels(2, 2, 2, [1, 0, 0, -1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
    const got = expectVolume(conv2d(input, k, [0, 1]), 2, 2, 2, t("conv2d(2x3x3 input, 2 kernels of 2x2x2, 2 biases)", "conv2d(2x3x3 的输入, 2 个 2x2x2 的卷积核, 2 个偏置)"));
    expectCloseNumbers(got, [2, 1, 1, 3, 2, 1, 1, 2], t("conv2d with two channels in and out: channel 0 is [[2, 1], [1, 3]], channel 1 is [[2, 1], [1, 2]]", "输入输出都是两个通道的 conv2d：通道 0 是 [[2, 1], [1, 3]]，通道 1 是 [[2, 1], [1, 2]]"), 1e-12);
  });

  it("conv2d equals the formula, sum over channels and kernel positions plus bias, for random shapes | 对随机的形状，conv2d 都等于公式：对通道和卷积核位置求和，再加偏置", () => {
    fc.assert(
      fc.property(convCase, (c) => {
        const h = c.input.height - c.kernel.size + 1;
        const w = c.input.width - c.kernel.size + 1;
        const got = expectVolume(conv2d(c.input, c.kernel, c.bias), c.kernel.outChannels, h, w, t(`conv2d of ${describeCase(c)}`, `${describeCase(c)} 的 conv2d`));
        expectCloseNumbers(got, directConv(c.input, c.kernel, c.bias), t(`conv2d of ${describeCase(c)}`, `${describeCase(c)} 的 conv2d`), 1e-9);
      }),
      propertyOptions(100),
    );
  });

  it("GRADIENT CHECK: conv2dBackward's input, kernel and bias slopes equal the measured ones (relative 1e-5) | 梯度检验：conv2dBackward 给出的输入、卷积核和偏置的斜率都等于测出的斜率（相对误差 1e-5）", () => {
    fc.assert(
      fc.property(convCase, (c) => {
        const loss = () => conv2d(c.input, c.kernel, c.bias).data.reduce((sum, o, i) => sum + o * c.lossWeights[i], 0);
        const outGrad = volume(c.kernel.outChannels, c.input.height - c.kernel.size + 1, c.input.width - c.kernel.size + 1, c.lossWeights);
        const grads = conv2dBackward(c.input, c.kernel, outGrad);
        if (typeof grads !== "object" || grads === null) fail(t(`conv2dBackward should return { input, kernel, bias }, got ${String(grads)}`, `conv2dBackward 应该返回 { input, kernel, bias }，实际是 ${String(grads)}`));
        expectVolume(grads.input, c.input.channels, c.input.height, c.input.width, t(`conv2dBackward(...).input for ${describeCase(c)}: the shape of the input`, `${describeCase(c)} 的 conv2dBackward(...).input：和输入的形状相同`));
        expectGradient(grads.input.data, numericGradient(loss, c.input.data), t(`conv2dBackward(...).input for ${describeCase(c)}`, `${describeCase(c)} 的 conv2dBackward(...).input`));
        expectGradient(grads.kernel?.data, numericGradient(loss, c.kernel.data), t(`conv2dBackward(...).kernel.data for ${describeCase(c)}`, `${describeCase(c)} 的 conv2dBackward(...).kernel.data`));
        expectGradient(grads.bias, numericGradient(loss, c.bias), t(`conv2dBackward(...).bias for ${describeCase(c)}`, `${describeCase(c)} 的 conv2dBackward(...).bias`));
      }),
      propertyOptions(100),
    );
  });

  it("maxPool keeps the largest of every 2x2 block: a 4x4 picture gives 2x2, and a 5x5 one leaves its last row and column out | maxPool 保留每个 2x2 块中最大的数：4x4 的图片得到 2x2，5x5 的图片舍去最后一行和最后一列", () => {
    const four = fromRows([[[1, 5, 2, 0], [3, 4, 8, 1], [0, -1, 2, 2], [7, 0, 3, 9]]]);
    expectCloseNumbers(expectVolume(maxPool(four), 1, 2, 2, "maxPool(4x4)"), [5, 8, 7, 9], "maxPool(4x4)", 0);
    const five = fromRows([[[1, 5, 2, 0, 99], [3, 4, 8, 1, 99], [0, -1, 2, 2, 99], [7, 0, 3, 9, 99], [99, 99, 99, 99, 99]]]);
    expectCloseNumbers(expectVolume(maxPool(five), 1, 2, 2, "maxPool(5x5): floor(5 / 2) = 2"), [5, 8, 7, 9], t("maxPool(5x5): the 99s in the last row and column are left out", "maxPool(5x5)：最后一行和最后一列的 99 被舍去"), 0);
  });

  it("maxPoolBackward routes each slope to the largest number of its block only; the other three get 0 | maxPoolBackward 只把每个斜率传给所在块中最大的那个数；其余三个得到 0", () => {
    fc.assert(
      fc.property(poolCase, ({ input, lossWeights }) => {
        const pooledShape = [input.channels, Math.floor(input.height / 2), Math.floor(input.width / 2)] as const;
        const grad = expectVolume(maxPoolBackward(input, volume(...pooledShape, lossWeights)), input.channels, input.height, input.width, t(`maxPoolBackward of a ${input.channels}x${input.height}x${input.width} input: the shape of the input`, `${input.channels}x${input.height}x${input.width} 输入的 maxPoolBackward：和输入的形状相同`));
        const expected = new Array<number>(input.data.length).fill(0);
        for (let c = 0; c < pooledShape[0]; c++)
          for (let y = 0; y < pooledShape[1]; y++)
            for (let x = 0; x < pooledShape[2]; x++) {
              const block = [0, 1, input.width, input.width + 1].map((d) => (c * input.height + 2 * y) * input.width + 2 * x + d);
              const best = block.reduce((a, b) => (input.data[b] > input.data[a] ? b : a));
              expected[best] = lossWeights[(c * pooledShape[1] + y) * pooledShape[2] + x];
            }
        expectCloseNumbers(grad, expected, t(`maxPoolBackward of a ${input.channels}x${input.height}x${input.width} input: the slope goes to the maximum of each block, 0 elsewhere`, `${input.channels}x${input.height}x${input.width} 输入的 maxPoolBackward：斜率传给每个块的最大值，其余地方是 0`), 1e-12);
        const loss = () => maxPool(input).data.reduce((sum, o, i) => sum + o * lossWeights[i], 0);
        expectGradient(grad, numericGradient(loss, input.data), t(`maxPoolBackward(...) for a ${input.channels}x${input.height}x${input.width} input`, `${input.channels}x${input.height}x${input.width} 输入的 maxPoolBackward(...)`));
      }),
      propertyOptions(100),
    );
  });

  it("maxPoolBackward: when numbers tie for the largest, the first in reading order gets the whole slope | maxPoolBackward：几个数并列最大时，按阅读顺序的第一个得到全部斜率", () => {
    const grad = expectVolume(maxPoolBackward(fromRows([[[2, 7], [7, 7]]]), volume(1, 1, 1, [5])), 1, 2, 2, t("maxPoolBackward(2x2 with three 7s)", "maxPoolBackward(有三个 7 的 2x2)"));
    expectCloseNumbers(grad, [0, 5, 0, 0], t("maxPoolBackward([[2, 7], [7, 7]], slope 5): only the first 7 gets it", "maxPoolBackward([[2, 7], [7, 7]], 斜率 5)：只有第一个 7 得到它"), 0);
  });

  it("bad input: channels that do not match, a kernel that does not fit, a wrong number of biases or a wrong slope shape | 不合理的输入：通道对不上、卷积核放不下、偏置个数不对或斜率形状不对", () => {
    const input = fromRows([picture]);
    expectThrowsMentioning(() => conv2d(input, kernels(1, 2, 2), [0]), ["1 channels", "expect 2"], t("conv2d of a 1-channel input with kernels for 2 channels", "1 通道的输入配 2 通道卷积核的 conv2d"));
    expectThrowsMentioning(() => conv2d(input, kernels(1, 1, 4), [0]), ["4x4", "3x3"], t("conv2d with a 4x4 kernel on a 3x3 picture", "4x4 卷积核作用在 3x3 图片上的 conv2d"));
    expectThrowsMentioning(() => conv2d(input, kernels(2, 1, 2), [0]), ["2 biases", "got 1"], t("conv2d with 2 kernels and 1 bias", "有 2 个卷积核却只有 1 个偏置的 conv2d"));
    expectThrowsMentioning(() => conv2dBackward(input, kernels(1, 1, 2), volume(1, 3, 3)), ["1x2x2", "1x3x3"], t("conv2dBackward with a 1x3x3 outputGrad for a 1x2x2 output", "输出是 1x2x2 却传 1x3x3 outputGrad 的 conv2dBackward"));
    expectThrowsMentioning(() => maxPool(volume(1, 1, 4)), ["2x2", "1x1x4"], t("maxPool of a 1x4 picture", "1x4 图片的 maxPool"));
    expectThrowsMentioning(() => maxPool(volume(2, 4, 1)), ["2x2", "2x4x1"], t("maxPool of a 4x1 picture", "4x1 图片的 maxPool"));
    expectThrowsMentioning(() => conv2d(volume(1, 5, 3), kernels(1, 1, 4), [0]), ["4x4", "5x3"], t("conv2d with a 4x4 kernel on a 5x3 picture (too narrow)", "4x4 卷积核作用在 5x3 图片上的 conv2d（太窄）"));
    expectThrowsMentioning(() => conv2d(volume(1, 3, 5), kernels(1, 1, 4), [0]), ["4x4", "3x5"], t("conv2d with a 4x4 kernel on a 3x5 picture (too low)", "4x4 卷积核作用在 3x5 图片上的 conv2d（太矮）"));
    expectThrowsMentioning(() => conv2dBackward(input, kernels(1, 1, 2), volume(2, 2, 2)), ["1x2x2", "2x2x2"], t("conv2dBackward with an outputGrad of 2 channels for 1 kernel", "只有 1 个卷积核却传 2 个通道 outputGrad 的 conv2dBackward"));
    expectThrowsMentioning(() => conv2dBackward(input, kernels(1, 1, 2), volume(1, 2, 3)), ["1x2x2", "1x2x3"], t("conv2dBackward with an outputGrad one column too wide", "outputGrad 宽了一列的 conv2dBackward"));
    expectThrowsMentioning(() => conv2dBackward(input, kernels(1, 2, 2), volume(1, 2, 2)), ["1 channels", "expect 2"], t("conv2dBackward of a 1-channel input with kernels for 2 channels", "1 通道的输入配 2 通道卷积核的 conv2dBackward"));
    expectThrowsMentioning(() => maxPoolBackward(volume(1, 4, 4), volume(1, 1, 1)), ["1x2x2", "1x1x1"], t("maxPoolBackward with a 1x1x1 outputGrad for a 4x4 input", "4x4 的输入却传 1x1x1 outputGrad 的 maxPoolBackward"));
  });
});
