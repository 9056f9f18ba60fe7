import { describe, it } from "vitest";
import { fail, t } from "../_testkit/check";
import { makeTargets, scaleInputs } from "../09-prepare/prepare";
import { NeuralNetwork } from "../10-network/network";
import { loadMnist } from "../11-idx/idx";
import { predict } from "../12-mnist-small/mnist-small";
import { accuracy, confusionMatrix } from "../13-evaluate/evaluate";
import { testLang } from "../../data/lang";
import { formatConfusion, formatDuration, progressBar } from "../../data/report";
import { settings, type GateSettings } from "./settings";

const PASS = 0.95; // the book's result after one epoch with good settings (2.5.7)
const STAR = 0.975; // the stretch mark: more epochs and rotated training images (3.3)
// A slow network on generous settings can take a long time; the progress bar shows the time left.
const GATE_TIMEOUT_MS = 3 * 60 * 60 * 1000;

// Straight to the terminal, line by line, while the test runs (console.log would wait for the end).
const say = (text = "") => process.stdout.write(text + "\n");
const lang = testLang();

const EXAMPLE = "{ hiddenNodes: 200, learningRate: 0.1, epochs: 1, rotations: false, seed: 1 }";

function checkedSettings(): GateSettings {
  const s = settings();
  const problems: string[] = [];
  if (typeof s !== "object" || s === null) fail(t(`settings() should return an object like ${EXAMPLE}, got ${String(s)}`, `settings() 应该返回一个形如 ${EXAMPLE} 的对象，实际是 ${String(s)}`));
  if (!Number.isInteger(s.hiddenNodes) || s.hiddenNodes < 1 || s.hiddenNodes > 2000) problems.push(t(`hiddenNodes should be a whole number from 1 to 2000, got ${s.hiddenNodes}`, `hiddenNodes 应该是 1 到 2000 之间的整数，实际是 ${s.hiddenNodes}`));
  if (!(s.learningRate > 0 && s.learningRate <= 1)) problems.push(t(`learningRate should be above 0 and at most 1 (the book tries 0.01 to 0.6), got ${s.learningRate}`, `learningRate 应该大于 0、至多为 1（书中试了 0.01 到 0.6），实际是 ${s.learningRate}`));
  if (!Number.isInteger(s.epochs) || s.epochs < 1 || s.epochs > 50) problems.push(t(`epochs should be a whole number from 1 to 50, got ${s.epochs}`, `epochs 应该是 1 到 50 之间的整数，实际是 ${s.epochs}`));
  if (typeof s.rotations !== "boolean") problems.push(t(`rotations should be true or false, got ${String(s.rotations)}`, `rotations 应该是 true 或 false，实际是 ${String(s.rotations)}`));
  if (!Number.isInteger(s.seed)) problems.push(t(`seed should be a whole number, got ${s.seed}`, `seed 应该是整数，实际是 ${s.seed}`));
  if (problems.length > 0) fail(`exercises/19-gate/settings.ts:\n  ${problems.join("\n  ")}`);
  return s;
}

describe("19 gate: the full MNIST (book 2.5 and 3.3) | 19 门槛：完整的 MNIST（书中 2.5 和 3.3 节）", () => {
  it("your settings are sensible numbers | 你的设置是合理的数", () => {
    checkedSettings();
  });

  it(
    `your network, trained on all 60,000 training images, gets at least ${PASS * 100}% of the 10,000 test images right (a star at ${STAR * 100}%) | 你的网络用全部 60,000 张训练图片训练后，10,000 张测试图片至少答对 ${PASS * 100}%（达到 ${STAR * 100}% 得星）`,
    async () => {
      const s = checkedSettings();
      const started = performance.now();
      const train = loadMnist("train");
      const test = loadMnist("test");
      if (train.length !== 60_000 || test.length !== 10_000) fail(t(`loadMnist gave ${train.length} training and ${test.length} test digits, expected 60,000 and 10,000 (exercise 11)`, `loadMnist 给出了 ${train.length} 个训练数字和 ${test.length} 个测试数字，应该是 60,000 和 10,000（练习 11）`));
      // Rotations come from exercise 16, loaded only when you ask for them.
      const augment = s.rotations ? (await import("../16-augment/augment")).augment : undefined;

      say();
      say(
        t(
          `The MNIST gate: a 784-${s.hiddenNodes}-10 network, learning rate ${s.learningRate}, ${s.epochs} epoch${s.epochs === 1 ? "" : "s"}` +
            `${s.rotations ? ", with rotated copies (+10 and -10 degrees)" : ""}, seed ${s.seed}`,
          `MNIST 终极测试：784-${s.hiddenNodes}-10 的神经网络，学习率 ${s.learningRate}，${s.epochs} 个世代` +
            `${s.rotations ? "，加上旋转的副本（+10 度和 -10 度）" : ""}，种子 ${s.seed}`,
        ),
      );
      const net = new NeuralNetwork(784, s.hiddenNodes, 10, s.learningRate, s.seed);
      const perEpoch = train.length * (augment ? 3 : 1);
      for (let epoch = 1; epoch <= s.epochs; epoch++) {
        const bar = progressBar(t(`training, epoch ${epoch}/${s.epochs}`, `训练，第 ${epoch}/${s.epochs} 个世代`), perEpoch, { lang });
        for (const digit of train) {
          const targets = makeTargets(digit.label);
          const inputs = scaleInputs(digit.pixels);
          if (augment) {
            for (const turned of augment(inputs)) net.train(turned, targets);
            bar.tick(3);
          } else {
            net.train(inputs, targets);
            bar.tick();
          }
        }
        bar.done();
      }

      const bar = progressBar(t("testing", "测试"), test.length, { lang });
      const predicted = test.map((digit) => {
        bar.tick();
        return predict(net, digit.pixels);
      });
      bar.done();
      const labels = test.map((digit) => digit.label);
      const score = accuracy(predicted, labels);

      say();
      say(formatConfusion(confusionMatrix(predicted, labels), lang));
      say();
      const percent = (score * 100).toFixed(2);
      say(t(`accuracy: ${percent}% of the 10,000 test images (the gate is ${PASS * 100}%)`, `准确率：10,000 张测试图片答对 ${percent}%（通过线是 ${PASS * 100}%）`));
      say(
        score >= STAR
          ? t(`*** a star: at least ${STAR * 100}%, beyond the book's own one-epoch network ***`, `*** 得星：至少 ${STAR * 100}%，超过了书中只训练一个世代的神经网络 ***`)
          : t(`stretch mark: ${STAR * 100}% (more epochs, a smaller learning rate, rotations: see the README)`, `进阶目标：${STAR * 100}%（更多的世代、更小的学习率、旋转：见 README.zh.md）`),
      );
      say(t(`time: ${formatDuration((performance.now() - started) / 1000)}`, `用时：${formatDuration((performance.now() - started) / 1000)}`));
      say();

      if (!(score >= PASS)) {
        fail(
          t(`accuracy on the full MNIST test set\n  expected: at least ${PASS}\n  got:      ${score}\n`, `完整 MNIST 测试集上的准确率\n  expected: 至少 ${PASS}\n  got:      ${score}\n`) +
            (score < 0.5
              ? t("Far below: is the network learning at all? Exercises 10 and 12 check that it does.", "差得很远：神经网络到底在学习吗？练习 10 和 12 会检查这一点。")
              : t(
                  "Close: choose better settings in exercises/19-gate/settings.ts (exercise 14 shows how learning rate, hidden nodes and epochs change the score).",
                  "很接近了：在 exercises/19-gate/settings.ts 里选择更好的设置（练习 14 展示了学习率、隐藏节点数和世代数如何改变成绩）。",
                )),
        );
      }
    },
    GATE_TIMEOUT_MS,
  );
});
