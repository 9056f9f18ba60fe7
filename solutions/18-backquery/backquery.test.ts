import { describe, it } from "vitest";
import fc from "fast-check";
import { PNG } from "pngjs";
import { expectCloseNumbers, expectNumbers, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { Matrix } from "../05-matrix/matrix";
import { NeuralNetwork } from "../10-network/network";
import { backquery, backqueryLayers, backqueryPng, rescale } from "./backquery";

/** The values must span exactly 0.01 to 0.99: smallest 0.01, largest 0.99, none outside. */
function expectSpan(values: number[], what: string): void {
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  if (Math.abs(lo - 0.01) > 1e-12 || Math.abs(hi - 0.99) > 1e-12) {
    fail(`${what}\n  expected: smallest 0.01 and largest 0.99 (rescaled) | expected: 最小 0.01、最大 0.99（重新缩放后）\n  got:      smallest ${lo}, largest ${hi} | got:      最小 ${lo}，最大 ${hi}`);
  }
}

function layers(net: NeuralNetwork, label: number, what: string) {
  const got = backqueryLayers(net, label);
  if (got === undefined || got === null) fail(`${what}\n  expected: { hidden, inputs }\n  got:      ${String(got)}`);
  return {
    hidden: expectNumbers(got.hidden, net.hiddenNodes, t(`${what}.hidden (one value per hidden node)`, `${what}.hidden（每个隐藏节点一个值）`)),
    inputs: expectNumbers(got.inputs, net.inputNodes, t(`${what}.inputs (one value per input node)`, `${what}.inputs（每个输入节点一个值）`)),
  };
}

/**
 * A 4-3-2 network with weights chosen so the arithmetic can be done by hand (L = ln 99 = 4.59512,
 * the logit of 0.99; the logit of 0.01 is -L):
 *   who = [[1, 0, -0.5], [0, 0.5, 0.5]]
 *   wih = [[1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, 0]]
 * Label 0: targets [0.99, 0.01], logit [L, -L]. who^T . [L, -L] = [L, -0.5 L, -L].
 *   rescale: subtract the min (-L) -> [2L, 0.5L, 0]; divide by the max (2L) -> [1, 0.25, 0];
 *   times 0.98 plus 0.01 -> hidden [0.99, 0.255, 0.01].
 *   logit -> [L, g, -L] with g = ln(0.255 / 0.745) = -1.07212.
 *   wih^T . that = [L, g, -L, L + g]; subtract -L -> [2L, L + g, 0, 2L + g]; divide by 2L ->
 *   [1, 0.38334, 0, 0.88334]; times 0.98 plus 0.01 -> inputs [0.99, 0.38567, 0.01, 0.87567].
 * Label 1 is the mirror image: hidden [0.01, 0.745, 0.99], inputs [0.01, 0.61433, 0.99, 0.12433].
 */
function handNetwork(): NeuralNetwork {
  const net = new NeuralNetwork(4, 3, 2, 0.1, 1);
  net.who = Matrix.fromArray([[1, 0, -0.5], [0, 0.5, 0.5]]);
  net.wih = Matrix.fromArray([[1, 0, 0, 1], [0, 1, 0, 1], [0, 0, 1, 0]]);
  return net;
}

describe("18 backquery: run a label backwards through the network to see its idea of a digit (book 3.2) | 18 反向查询：让标签反向穿过网络，看看它心目中的数字是什么样（书中 3.2 节）", () => {
  it("rescale stretches values to span 0.01 to 0.99: [2, 4, 6] becomes [0.01, 0.5, 0.99] | rescale 把值拉伸到 0.01 到 0.99：[2, 4, 6] 变成 [0.01, 0.5, 0.99]", () => {
    expectCloseNumbers(rescale([2, 4, 6]), [0.01, 0.5, 0.99], "rescale([2, 4, 6])", 1e-12);
    expectCloseNumbers(rescale([-3, 1, -1, 0]), [0.01, 0.99, 0.5, 0.745], "rescale([-3, 1, -1, 0])", 1e-12);
  });

  it("rescale always gives smallest 0.01 and largest 0.99 and keeps the values' order and spacing | rescale 总是让最小值为 0.01、最大值为 0.99，并保持值的顺序和间距", () => {
    const distinct = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 30 }).filter((xs) => Math.max(...xs) - Math.min(...xs) > 1e-3);
    fc.assert(
      fc.property(distinct, (xs) => {
        const what = `rescale([${xs.slice(0, 5).join(", ")}${xs.length > 5 ? ", ..." : ""}])`;
        const got = expectNumbers(rescale(xs), xs.length, what);
        expectSpan(got, what);
        const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
        // Each value keeps its place between the smallest and the largest.
        expectCloseNumbers(got.map((r) => (r - 0.01) / 0.98), xs.map((x) => (x - lo) / (hi - lo)), t(`${what}, as fractions of the way from smallest to largest`, `${what}，换算成从最小值到最大值之间的比例`), 1e-9);
      }),
      propertyOptions(),
    );
  });

  it("rescale returns a new array and leaves the one it is given as it was | rescale 返回新数组，不改动传给它的数组", () => {
    const values = [2, 4, 6];
    rescale(values);
    expectCloseNumbers(values, [2, 4, 6], t("the values after rescale(values): they must not change", "rescale(values) 之后的 values：不能被改动"), 0);
  });

  it("rescale refuses values that are all the same (dividing by 0 would give NaN) | rescale 拒绝全部相同的值（除以 0 会得到 NaN）", () => {
    expectThrowsMentioning(() => rescale([0.3, 0.3, 0.3]), ["same"], "rescale([0.3, 0.3, 0.3])");
  });

  it("a hand-made 4-3-2 network gives the hand-computed layers (see the working above this test) | 手工构造的 4-3-2 网络给出手算的各层（推算过程见这个测试上方）", () => {
    const net = handNetwork();
    const hand = t("hand-made net", "手工网络");
    const zero = layers(net, 0, `backqueryLayers(${hand}, 0)`);
    expectCloseNumbers(zero.hidden, [0.99, 0.255, 0.01], `backqueryLayers(${hand}, 0).hidden`, 1e-9);
    expectCloseNumbers(zero.inputs, [0.99, 0.385675, 0.01, 0.875675], `backqueryLayers(${hand}, 0).inputs`, 1e-6);
    const one = layers(net, 1, `backqueryLayers(${hand}, 1)`);
    expectCloseNumbers(one.hidden, [0.01, 0.745, 0.99], `backqueryLayers(${hand}, 1).hidden`, 1e-9);
    expectCloseNumbers(one.inputs, [0.01, 0.614325, 0.99, 0.124325], `backqueryLayers(${hand}, 1).inputs`, 1e-6);
    expectCloseNumbers(backquery(net, 1), one.inputs, "backquery(hand-made net, 1): the inputs layer | backquery(手工网络, 1)：输入层", 1e-12);
  });

  it("for a 784-100-10 MNIST network every label gives 784 inputs and 100 hidden values, each layer spanning exactly 0.01 to 0.99 | 对 784-100-10 的 MNIST 网络，每个标签给出 784 个输入和 100 个隐藏值，每层都正好从 0.01 到 0.99", () => {
    const net = new NeuralNetwork(784, 100, 10, 0.1, 7);
    const mnistNet = t("784-100-10 net", "784-100-10 网络");
    for (let label = 0; label < 10; label++) {
      const { hidden, inputs } = layers(net, label, `backqueryLayers(${mnistNet}, ${label})`);
      expectSpan(hidden, `backqueryLayers(${mnistNet}, ${label}).hidden`);
      expectSpan(inputs, `backqueryLayers(${mnistNet}, ${label}).inputs`);
      expectSpan(expectNumbers(backquery(net, label), 784, `backquery(${mnistNet}, ${label})`), `backquery(${mnistNet}, ${label})`);
    }
  });

  it("every layer spans exactly 0.01 to 0.99 for networks of any shape | 对任意形状的网络，每层都正好从 0.01 到 0.99", () => {
    const shape = fc.record({ inputs: fc.integer({ min: 2, max: 8 }), hidden: fc.integer({ min: 2, max: 8 }), outputs: fc.integer({ min: 1, max: 6 }), seed: fc.integer({ min: 1, max: 1e6 }) });
    fc.assert(
      fc.property(shape.chain((s) => fc.record({ s: fc.constant(s), label: fc.integer({ min: 0, max: s.outputs - 1 }) })), ({ s, label }) => {
        const net = new NeuralNetwork(s.inputs, s.hidden, s.outputs, 0.1, s.seed);
        const what = t(`backqueryLayers(a ${s.inputs}-${s.hidden}-${s.outputs} net with seed ${s.seed}, ${label})`, `backqueryLayers(种子为 ${s.seed} 的 ${s.inputs}-${s.hidden}-${s.outputs} 网络, ${label})`);
        const { hidden, inputs } = layers(net, label, what);
        expectSpan(hidden, `${what}.hidden`);
        expectSpan(inputs, `${what}.inputs`);
      }),
      propertyOptions(50),
    );
  });

  it("backqueryPng writes the picture as a 28 x 28 PNG, grey = (value - 0.01) / 0.99 * 255 | backqueryPng 把图片写成 28 x 28 的 PNG，灰度 = (value - 0.01) / 0.99 * 255", () => {
    const net = new NeuralNetwork(784, 100, 10, 0.1, 7);
    const bytes = backqueryPng(net, 3);
    if (!Buffer.isBuffer(bytes)) fail(`backqueryPng(net, 3)\n  expected: a Buffer holding a PNG file | expected: 装着 PNG 文件的 Buffer\n  got:      ${String(bytes)}`);
    const png = PNG.sync.read(bytes);
    if (png.width !== 28 || png.height !== 28) fail(`backqueryPng(net, 3)\n  expected: a 28 x 28 picture | expected: 28 x 28 的图片\n  got:      ${png.width} x ${png.height}`);
    const grey = Array.from({ length: 784 }, (_, i) => png.data[i * 4]);
    const expected = backquery(net, 3).map((x) => ((x - 0.01) / 0.99) * 255);
    expectCloseNumbers(grey, expected, "the grey levels in backqueryPng(net, 3), against backquery(net, 3) scaled back to 0..255 | backqueryPng(net, 3) 的灰度，与缩放回 0..255 的 backquery(net, 3) 对比", 0.5 + 1e-9);
  });

  it("a label that is not one of the output nodes gives a clear error | 标签不对应任何输出节点时给出清楚的错误", () => {
    const net = new NeuralNetwork(784, 100, 10, 0.1, 7);
    for (const label of [10, -1, 2.5]) expectThrowsMentioning(() => backquery(net, label), ["label", String(label)], t(`backquery(784-100-10 net, ${label})`, `backquery(784-100-10 网络, ${label})`));
  });
});
