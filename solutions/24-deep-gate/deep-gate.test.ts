import { describe, it } from "vitest";
import { fail, t } from "../_testkit/check";
import { loadMnist, readDigits, type Digit } from "../11-idx/idx";
import { accuracy, confusionMatrix } from "../13-evaluate/evaluate";
import { Adam, batchOf, trainEpoch } from "../23-optimisers/optimisers";
import { FASHION_LABELS, FASHION_LABELS_ZH, fashionMnistDir, readFashionMnist } from "../../data/fashion-mnist";
import { testLang } from "../../data/lang";
import { formatConfusion, formatDuration, progressBar } from "../../data/report";
import { buildModel, describeSettings } from "./model";
import { settings, type DeepSettings } from "./settings";

const PASS = 0.98;
const FASHION_EPOCHS = 2;
const BOOK_STRETCH = 0.975; // exercise 19's star: the book's network with rotations and 10 epochs
// A slow network on generous settings can take a long time; the progress bar shows the time left.
const GATE_TIMEOUT_MS = 3 * 60 * 60 * 1000;

// Straight to the terminal, line by line, while the test runs (console.log would wait for the end).
const say = (text = "") => process.stdout.write(text + "\n");
const lang = testLang();

const EXAMPLE = '{ hiddenLayers: [256], activation: "relu", learningRate: 0.001, learningRateDecay: 0.8, epochs: 5, batchSize: 100, seed: 1 }';

function checkedSettings(): DeepSettings {
  const s = settings();
  if (typeof s !== "object" || s === null) fail(t(`settings() should return an object like ${EXAMPLE}, got ${String(s)}`, `settings() 应该返回一个形如 ${EXAMPLE} 的对象，实际是 ${String(s)}`));
  const problems: string[] = [];
  if (!Array.isArray(s.hiddenLayers) || s.hiddenLayers.length === 0 || s.hiddenLayers.length > 4 || !s.hiddenLayers.every((n) => Number.isInteger(n) && n >= 1 && n <= 2000)) {
    problems.push(t(`hiddenLayers should be a list of 1 to 4 whole numbers from 1 to 2000, like [256] or [512, 128], got ${JSON.stringify(s.hiddenLayers)}`, `hiddenLayers 应该是由 1 到 4 个 1 到 2000 之间的整数组成的列表，比如 [256] 或 [512, 128]，实际是 ${JSON.stringify(s.hiddenLayers)}`));
  }
  if (!["relu", "leaky relu", "tanh"].includes(s.activation)) problems.push(t(`activation should be "relu", "leaky relu" or "tanh", got ${JSON.stringify(s.activation)}`, `activation 应该是 "relu"、"leaky relu" 或 "tanh"，实际是 ${JSON.stringify(s.activation)}`));
  if (!(s.learningRate > 0 && s.learningRate <= 0.1)) problems.push(t(`learningRate should be above 0 and at most 0.1 (Adam's usual one is 0.001), got ${s.learningRate}`, `learningRate 应该大于 0、至多为 0.1（Adam 通常用 0.001），实际是 ${s.learningRate}`));
  if (!(s.learningRateDecay > 0 && s.learningRateDecay <= 1)) problems.push(t(`learningRateDecay should be above 0 and at most 1 (1 keeps the learning rate), got ${s.learningRateDecay}`, `learningRateDecay 应该大于 0、至多为 1（1 表示学习率保持不变），实际是 ${s.learningRateDecay}`));
  if (!Number.isInteger(s.epochs) || s.epochs < 1 || s.epochs > 50) problems.push(t(`epochs should be a whole number from 1 to 50, got ${s.epochs}`, `epochs 应该是 1 到 50 之间的整数，实际是 ${s.epochs}`));
  if (!Number.isInteger(s.batchSize) || s.batchSize < 1 || s.batchSize > 60_000) problems.push(t(`batchSize should be a whole number from 1 to 60000, got ${s.batchSize}`, `batchSize 应该是 1 到 60000 之间的整数，实际是 ${s.batchSize}`));
  if (!Number.isInteger(s.seed)) problems.push(t(`seed should be a whole number, got ${s.seed}`, `seed 应该是整数，实际是 ${s.seed}`));
  if (problems.length > 0) fail(`exercises/24-deep-gate/settings.ts:\n  ${problems.join("\n  ")}`);
  return s;
}

/** Train on `train` as the settings say, with a progress bar per epoch; return the test predictions. */
function trainAndTest(s: DeepSettings, train: readonly Digit[], test: readonly Digit[]): { predicted: number[]; seconds: number } {
  const started = performance.now();
  const { model, rng } = buildModel(s);
  const adam = new Adam(s.learningRate);
  for (let epoch = 1; epoch <= s.epochs; epoch++) {
    const bar = progressBar(t(`training, epoch ${epoch}/${s.epochs}`, `训练，第 ${epoch}/${s.epochs} 轮`), train.length, { lang });
    const loss = trainEpoch(model, adam, train, s.batchSize, rng, (count) => bar.tick(count));
    bar.done();
    say(t(`  mean loss ${loss.toFixed(4)}, learning rate ${adam.learningRate.toPrecision(3)}`, `  平均损失 ${loss.toFixed(4)}，学习率 ${adam.learningRate.toPrecision(3)}`));
    adam.learningRate *= s.learningRateDecay;
  }
  const seconds = (performance.now() - started) / 1000;
  const bar = progressBar(t("testing", "测试"), test.length, { lang });
  const predicted: number[] = [];
  for (let start = 0; start < test.length; start += 1000) {
    const chunk = test.slice(start, start + 1000);
    predicted.push(...model.predict(batchOf(chunk)));
    bar.tick(chunk.length);
  }
  bar.done();
  return { predicted, seconds };
}

describe("24 deep gate: the modern network on the full MNIST, >= 98% (Part 4) | 24 深度关卡：现代网络在完整的 MNIST 上达到 >= 98%（第 4 部分）", () => {
  it("your settings are sensible numbers | 你的设置是合理的数", () => {
    checkedSettings();
  });

  it(
    `your Part 4 network, trained on all 60,000 training images, gets at least ${PASS * 100}% of the 10,000 test images right | 你的第 4 部分网络在全部 60,000 张训练图像上训练后，10,000 张测试图像至少答对 ${PASS * 100}%`,
    () => {
      const s = checkedSettings();
      const train = loadMnist("train");
      const test = loadMnist("test");
      if (train.length !== 60_000 || test.length !== 10_000) fail(t(`loadMnist gave ${train.length} training and ${test.length} test digits, expected 60,000 and 10,000 (exercise 11)`, `loadMnist 给出了 ${train.length} 个训练数字和 ${test.length} 个测试数字，应该是 60,000 和 10,000（练习 11）`));
      say();
      say(t(`The deep gate: ${describeSettings(s)}`, `深度关卡：${describeSettings(s)}`));
      const { predicted, seconds } = trainAndTest(s, train, test);
      const labels = test.map((d) => d.label);
      const score = accuracy(predicted, labels);
      say();
      say(formatConfusion(confusionMatrix(predicted, labels), lang));
      say();
      say(t(`accuracy: ${(score * 100).toFixed(2)}% of the 10,000 test images (the gate is ${PASS * 100}%; the book's stretch mark was ${BOOK_STRETCH * 100}%)`, `准确率：10,000 张测试图像答对 ${(score * 100).toFixed(2)}%（关卡是 ${PASS * 100}%；书中的进阶目标是 ${BOOK_STRETCH * 100}%）`));
      say(t(`training time: ${formatDuration(seconds)}`, `训练用时：${formatDuration(seconds)}`));
      say();
      if (!(score >= PASS)) {
        fail(
          t(`accuracy on the full MNIST test set\n  expected: at least ${PASS}\n  got:      ${score}\n`, `完整 MNIST 测试集上的准确率\n  expected: 至少 ${PASS}\n  got:      ${score}\n`) +
            (score < 0.9
              ? t("Far below: is it learning at all? The mean loss printed after each epoch should fall well below 0.1; exercises 22 and 23 check the parts.", "差得很远：它到底在学习吗？每轮之后打印的平均损失应该降到 0.1 以下很多；练习 22 和 23 检查各个部分。")
              : t("Close: more hidden nodes, more epochs and a learning rate that falls each epoch help (see exercises/24-deep-gate/README.md).", "很接近了：更多的隐藏节点、更多的训练轮数、每轮递减的学习率都有帮助（见 exercises/24-deep-gate/README.zh.md）。")),
        );
      }
    },
    GATE_TIMEOUT_MS,
  );

  it(
    "Fashion-MNIST, when its files are installed: the same network on clothes, at most two epochs (reported, never required) | Fashion-MNIST（装了它的文件时）：同样的网络用在服装上，至多训练两轮（只报告，从不要求）",
    () => {
      const s = checkedSettings();
      const dir = fashionMnistDir();
      if (dir === undefined) {
        say(t("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist, or set FASHION_MNIST_DIR): nothing to report.", "没有安装 Fashion-MNIST（apt-get install dataset-fashion-mnist，或者设置 FASHION_MNIST_DIR）：没有可报告的。"));
        return;
      }
      const load = (set: "train" | "test") => readDigits(readFashionMnist(`${set}-images`, dir), readFashionMnist(`${set}-labels`, dir));
      const [train, test] = [load("train"), load("test")];
      // A look, not a second gate: at most two epochs, so it adds little to the gate's time.
      const quick = { ...s, epochs: Math.min(s.epochs, FASHION_EPOCHS) };
      say();
      say(t(`Fashion-MNIST from ${dir}: ${describeSettings(quick)}`, `来自 ${dir} 的 Fashion-MNIST：${describeSettings(quick)}`));
      const { predicted, seconds } = trainAndTest(quick, train, test);
      const labels = test.map((d) => d.label);
      say();
      say(formatConfusion(confusionMatrix(predicted, labels), lang));
      say(t(`  classes: ${FASHION_LABELS.map((name, i) => `${i} ${name}`).join(", ")}`, `  类别：${FASHION_LABELS_ZH.map((name, i) => `${i} ${name}`).join("、")}`));
      say();
      say(t(`Fashion-MNIST accuracy: ${(accuracy(predicted, labels) * 100).toFixed(2)}% of the 10,000 test pictures (for comparison only; training time ${formatDuration(seconds)})`, `Fashion-MNIST 准确率：10,000 张测试图片答对 ${(accuracy(predicted, labels) * 100).toFixed(2)}%（仅供比较；训练用时 ${formatDuration(seconds)}）`));
      say();
    },
    GATE_TIMEOUT_MS,
  );
});
