import { describe, it } from "vitest";
import fc from "fast-check";
import { expectCloseNumbers, expectClose, expectNumber, expectNumbers, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { NeuralNetwork } from "../10-network/network";
import { loadMnist, type Digit } from "../11-idx/idx";
import { argmax, performance, predict, scorecard, trainEpoch } from "./mnist-small";

const digit = (pixels: number[], label: number): Digit => ({ pixels: Uint8Array.from(pixels), label });

/** A pretend network that remembers what it was given and answers with `answer(inputs)`. */
function pretendNetwork(answer: (inputs: number[]) => number[] = () => [0.5, 0.1, 0.2]) {
  const trained: { inputs: number[]; targets: number[] }[] = [];
  const queried: number[][] = [];
  return {
    trained,
    queried,
    train(inputs: ArrayLike<number>, targets: ArrayLike<number>) {
      trained.push({ inputs: Array.from(inputs), targets: Array.from(targets) });
    },
    query(inputs: ArrayLike<number>) {
      queried.push(Array.from(inputs));
      return answer(Array.from(inputs));
    },
  };
}

describe("12 mnist-small: training and scoring on a slice of MNIST (book 2.5.1 - 2.5.3) | 12 小规模 MNIST：在 MNIST 的一小部分上训练和评分（书中 2.5.1 - 2.5.3 节）", () => {
  it("trainEpoch trains once on every digit, in order, with scaled inputs and one-hot targets | trainEpoch 按顺序对每个数字训练一次，使用缩放后的输入和独热目标值", () => {
    const net = pretendNetwork();
    trainEpoch(net, [digit([0, 255, 51], 3), digit([255, 0, 0], 0)]);
    if (net.trained.length !== 2) fail(t(`trainEpoch on 2 digits\n  expected: net.train called 2 times\n  got:      ${net.trained.length} times`, `在 2 个数字上 trainEpoch\n  expected: net.train 被调用 2 次\n  got:      ${net.trained.length} 次`));
    expectCloseNumbers(net.trained[0].inputs, [0.01, 1.0, 0.208], t("the inputs of the first train call: pixels [0, 255, 51] scaled by x / 255 * 0.99 + 0.01 (book 2.5.2)", "第一次 train 调用的输入：像素 [0, 255, 51] 按 x / 255 * 0.99 + 0.01 缩放（书中 2.5.2 节）"));
    expectCloseNumbers(net.trained[0].targets, [0.01, 0.01, 0.01, 0.99, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01], t("the targets of the first train call, label 3", "第一次 train 调用的目标值，标签 3"));
    expectCloseNumbers(net.trained[1].targets, [0.99, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01], t("the targets of the second train call, label 0: digits are trained in file order", "第二次 train 调用的目标值，标签 0：数字按文件中的顺序训练"));
  });

  it("argmax is the index of the largest value, the first one if several are equally large | argmax 是最大值的下标，有几个一样大时取第一个", () => {
    expectNumber(argmax([0.1, 0.7, 0.2]), "argmax([0.1, 0.7, 0.2])");
    if (argmax([0.1, 0.7, 0.2]) !== 1) fail(`argmax([0.1, 0.7, 0.2])\n  expected: 1\n  got:      ${argmax([0.1, 0.7, 0.2])}`);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 12 }), (values) => {
        const expected = values.indexOf(Math.max(...values));
        const got = argmax(values);
        if (got !== expected) fail(`argmax([${values}])\n  expected: ${expected}\n  got:      ${got}`);
      }),
      propertyOptions(),
    );
  });

  it("predict scales the raw pixels, queries the network and answers with the strongest output node | predict 缩放原始像素，查询网络，用最强的输出节点作答", () => {
    const net = pretendNetwork(() => [0.01, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.93, 0.05, 0.01]);
    const got = expectNumber(predict(net, [0, 255, 102]), t("predict(net, pixels [0, 255, 102]) when the network's output node 7 is the largest", "网络的输出节点 7 最大时的 predict(net, 像素 [0, 255, 102])"));
    if (got !== 7) fail(t(`predict: the output node with the largest value is 7\n  got: ${got}`, `predict：值最大的输出节点是 7\n  got: ${got}`));
    if (net.queried.length !== 1) fail(t(`predict should call net.query once\n  got: ${net.queried.length} calls`, `predict 应该调用一次 net.query\n  got: ${net.queried.length} 次调用`));
    expectCloseNumbers(net.queried[0], [0.01, 1.0, 0.406], t("the inputs predict gave net.query: the pixels must be scaled first, like the training inputs", "predict 交给 net.query 的输入：像素必须先缩放，和训练输入一样"));
  });

  it("scorecard marks 1 for a right answer and 0 for a wrong one; performance is the fraction right | scorecard 答对记 1、答错记 0；performance 是答对的比例", () => {
    // This pretend network always answers 4.
    const net = pretendNetwork(() => [0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    const card = expectNumbers(scorecard(net, [digit([1], 4), digit([2], 7), digit([3], 4), digit([4], 0)]), 4, t("scorecard on 4 digits labelled 4, 7, 4, 0, for a network that always answers 4", "对一个总是回答 4 的网络，在标签为 4、7、4、0 的 4 个数字上 scorecard"));
    if (card.join() !== "1,0,1,0") fail(`scorecard\n  expected: [1, 0, 1, 0]\n  got:      [${card}]`);
    expectClose(performance([1, 0, 1, 0]), 0.5, "performance([1, 0, 1, 0])", 1e-12);
    expectClose(performance([1, 1, 1, 0, 1]), 0.8, "performance([1, 1, 1, 0, 1])", 1e-12);
    expectThrowsMentioning(() => performance([]), ["empty"], t("performance([]): an empty scorecard has no performance (never NaN)", "performance([])：空的计分卡没有成绩可言（绝不能是 NaN）"));
  });

  it(
    "a 784-100-10 network (learning rate 0.3) trained for one epoch on the first 6,000 digits gets at least 80% of the first 1,000 test digits right | 784-100-10 的网络（学习率 0.3）在前 6,000 个数字上训练一轮后，前 1,000 个测试数字至少答对 80%",
    () => {
      // Chance is 10%. The reference scores about 90% here; the book's full 60,000 reach about 95%.
      const net = new NeuralNetwork(784, 100, 10, 0.3, 1);
      trainEpoch(net, loadMnist("train", 6000));
      const card = expectNumbers(scorecard(net, loadMnist("test", 1000)), 1000, t("scorecard on the first 1,000 test digits", "在前 1,000 个测试数字上 scorecard"));
      const score = performance(card);
      if (!(score >= 0.8)) {
        fail(
          t(`performance after one epoch on 6,000 digits\n  expected: at least 0.80 (chance is 0.10; the reference gets about 0.90)\n  got:      ${score}\n`, `在 6,000 个数字上训练一轮后的成绩\n  expected: 至少 0.80（瞎猜是 0.10；参考答案大约 0.90）\n  got:      ${score}\n`) +
            t("If it is near 0.10 the network is not learning: check the scaling of the inputs, the targets, and the order of the steps in train.", "如果接近 0.10，说明网络没有在学习：检查输入的缩放、目标值，以及 train 里各步的顺序。"),
        );
      }
    },
    600_000,
  );
});
