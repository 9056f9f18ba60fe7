import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import fc from "fast-check";
import { PNG } from "pngjs";
import { expectClose, expectCloseMatrix, expectCloseNumbers, expectMatrix, expectNumber, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { Matrix } from "../05-matrix/matrix";
import { createRng } from "../09-prepare/prepare";
import { loadMnist } from "../11-idx/idx";
import { RELU } from "../21-activations/activations";
import { ActivationLayer, Dense, Sequential, softmaxCrossEntropyLoss, type Parameter } from "../22-layers/layers";
import { Adam, Momentum, PATH_COLOURS, RMSprop, SGD, batchOf, descend, pathsPng, trainEpoch, valley, type Optimiser } from "./optimisers";

// Generous, so a busy machine never fails a test that takes a second on a quiet one.
const LIMIT_MS = 120_000;

const reports = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "reports");
const say = (text = "") => process.stdout.write(text + "\n");

/** A parameter [1, -2] with gradient [0.5, 0.25]: the hand-computed first steps start here. */
const point = (): Parameter => ({ name: "p", value: Matrix.fromArray([[1, -2]]), grad: Matrix.fromArray([[0.5, 0.25]]) });

function steps(optimiser: Optimiser, grads: number[][]): number[][] {
  const p = point();
  const values: number[][] = [];
  for (const g of grads) {
    p.grad.data.set(g);
    optimiser.step([p]);
    values.push(Array.from(p.value.data));
  }
  return values;
}

const START: [number, number] = [-7, 2];
// The learning rates Deep Learning from Scratch draws these paths with (6.1.7), RMSprop's chosen here.
const RACE: [string, () => Optimiser][] = [
  ["SGD (0.95)", () => new SGD(0.95)],
  ["Momentum (0.1)", () => new Momentum(0.1)],
  ["RMSprop (0.1)", () => new RMSprop(0.1)],
  ["Adam (0.3)", () => new Adam(0.3)],
];

describe("23 optimisers: SGD, momentum, RMSprop and Adam (Deep Learning from Scratch 6.1; torch.optim) | 23 优化器：SGD、Momentum、RMSprop 与 Adam（《深度学习入门》6.1 节；torch.optim）", { timeout: LIMIT_MS }, () => {
  it("SGD: value -= learningRate * grad; [1, -2] with gradient [0.5, 0.25] and rate 0.1 becomes [0.95, -2.025] | SGD：value -= learningRate * grad；[1, -2] 在梯度 [0.5, 0.25]、学习率 0.1 下变成 [0.95, -2.025]", () => {
    expectCloseNumbers(steps(new SGD(0.1), [[0.5, 0.25]])[0], [0.95, -2.025], t("SGD(0.1), one step from [1, -2] with gradient [0.5, 0.25]", "SGD(0.1)，从 [1, -2] 以梯度 [0.5, 0.25] 走一步"), 1e-12);
  });

  it("Momentum: the second step is bigger, [0.95, -2.025] then [0.855, -2.0725] | Momentum：第二步更大，先 [0.95, -2.025]，再 [0.855, -2.0725]", () => {
    const [first, second] = steps(new Momentum(0.1, 0.9), [[0.5, 0.25], [0.5, 0.25]]);
    expectCloseNumbers(first, [0.95, -2.025], t("Momentum(0.1, 0.9), step 1: velocity = -0.1 * [0.5, 0.25]", "Momentum(0.1, 0.9)，第 1 步：velocity = -0.1 * [0.5, 0.25]"), 1e-12);
    expectCloseNumbers(second, [0.855, -2.0725], t("Momentum(0.1, 0.9), step 2 with the same gradient: velocity = 0.9 * [-0.05, -0.025] - [0.05, 0.025]", "Momentum(0.1, 0.9)，用同样的梯度走第 2 步：velocity = 0.9 * [-0.05, -0.025] - [0.05, 0.025]"), 1e-12);
  });

  it("RMSprop: every parameter's step divided by the root of its mean square gradient: [0.9, -2.1], then [0.8291, -2.1707] | RMSprop：每个参数的步子除以它的梯度平方平均值的平方根：[0.9, -2.1]，然后 [0.8291, -2.1707]", () => {
    const [first, second] = steps(new RMSprop(0.01, 0.99), [[0.5, 0.25], [0.5, 0.25]]);
    // meanSquare = 0.01 * [0.25, 0.0625]; sqrt = [0.05, 0.025]; step = 0.01 * [0.5 / 0.05, 0.25 / 0.025] = [0.1, 0.1]
    expectCloseNumbers(first, [0.9, -2.1], t("RMSprop(0.01, decay 0.99), step 1: the same step 0.1 for both, whatever their gradients", "RMSprop(0.01, decay 0.99)，第 1 步：不管梯度是多少，两个参数都走同样的 0.1"), 1e-6);
    // meanSquare = 0.0199 * [0.25, 0.0625]; step = 0.01 / sqrt(0.0199) = 0.070888
    expectCloseNumbers(second, [0.9 - 0.070888, -2.1 - 0.070888], t("RMSprop(0.01, 0.99), step 2", "RMSprop(0.01, 0.99)，第 2 步"), 1e-6);
  });

  it("Adam with bias correction: the first step is learningRate * sign(grad), [0.9, -2.1]; then [0.905263, -2.188438] | 带偏差修正的 Adam：第一步是 learningRate * sign(grad)，即 [0.9, -2.1]；然后 [0.905263, -2.188438]", () => {
    const [first, second] = steps(new Adam(0.1), [[0.5, 0.25], [-0.5, 1]]);
    expectCloseNumbers(first, [0.9, -2.1], t("Adam(0.1), step 1: m / (1 - 0.9) = g and v / (1 - 0.999) = g^2, so the step is 0.1 * g / |g| (without the correction it would be 0.316)", "Adam(0.1)，第 1 步：m / (1 - 0.9) = g，v / (1 - 0.999) = g^2，所以步子是 0.1 * g / |g|（没有修正的话会是 0.316）"), 1e-6);
    // m = [-0.005, 0.1225], v = [0.00049975, 0.0010624375], corrections 1 - 0.9^2 = 0.19 and 1 - 0.999^2 = 0.001999
    expectCloseNumbers(second, [0.905263, -2.188438], t("Adam(0.1), step 2 with gradient [-0.5, 1]", "Adam(0.1)，用梯度 [-0.5, 1] 走第 2 步"), 1e-6);
  });

  it("each optimiser keeps its own numbers per parameter, and steps every parameter it is given | 每个优化器为每个参数各自保存自己的数，并移动传给它的每个参数", () => {
    for (const make of [() => new SGD(0.1), () => new Momentum(0.1), () => new RMSprop(0.01), () => new Adam(0.1)]) {
      const optimiser = make();
      const [a, b] = [point(), point()];
      b.value.data.set([3, 4]);
      b.grad.data.set([-1, 2]);
      const alone = point();
      const single = make();
      for (let s = 0; s < 3; s++) {
        optimiser.step([a, b]);
        single.step([alone]);
      }
      expectCloseMatrix(a.value, [Array.from(alone.value.data)], t(`${optimiser.constructor.name}: a parameter stepped beside another moves as it would alone`, `${optimiser.constructor.name}：和另一个参数一起移动的参数，走法和它单独移动时一样`), 1e-12);
      if (b.value.data[0] === 3 || b.value.data[1] === 4) fail(t(`${optimiser.constructor.name}.step([a, b]) did not move b`, `${optimiser.constructor.name}.step([a, b]) 没有移动 b`));
    }
  });

  it("for any gradient, SGD steps against it and Adam's first step is learningRate in every direction | 对任意梯度，SGD 都逆着它走，而 Adam 的第一步在每个方向上都是 learningRate", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }).filter((g) => Math.abs(g) > 1e-3), fc.double({ min: 0.001, max: 1, noNaN: true }), (g, rate) => {
        const p: Parameter = { name: "w", value: Matrix.fromArray([[0]]), grad: Matrix.fromArray([[g]]) };
        new SGD(rate).step([p]);
        expectClose(p.value.data[0], -rate * g, t(`SGD(${rate}) from 0 with gradient ${g}`, `SGD(${rate}) 从 0 出发，梯度 ${g}`), 1e-12);
        p.value.data[0] = 0;
        new Adam(rate).step([p]);
        expectClose(p.value.data[0], -rate * Math.sign(g), t(`Adam(${rate}), first step from 0 with gradient ${g} (epsilon 1e-8 makes it a touch smaller)`, `Adam(${rate})，从 0 出发的第一步，梯度 ${g}（epsilon 1e-8 让它稍微小一点）`), 1e-4 * rate);
      }),
      propertyOptions(),
    );
  });

  it("the paths on f(x, y) = x^2/20 + y^2 from (-7, 2): all go downhill; SGD zig-zags across the valley, the others do not (chart in reports/) | 在 f(x, y) = x^2/20 + y^2 上从 (-7, 2) 出发的路线：都在下坡；SGD 在山谷两侧来回弹跳，其他的不会（图表在 reports/）", () => {
    const paths = RACE.map(([name, make]) => {
      const p = descend(make(), START, 30);
      if (!Array.isArray(p) || p.length !== 31) fail(t(`descend(${name}, (-7, 2), 30)\n  expected: 31 points, the start and one per step\n  got:      ${Array.isArray(p) ? p.length + " points" : String(p)}`, `descend(${name}, (-7, 2), 30)\n  expected: 31 个点，起点加上每步一个\n  got:      ${Array.isArray(p) ? p.length + " 个点" : String(p)}`));
      expectCloseNumbers(p[0], START, t(`descend(${name}, ...): the first point is the start`, `descend(${name}, ...)：第一个点是起点`), 0);
      const [x, y] = p[30];
      say(t(`${name.padEnd(15)} after 30 steps: (${x.toFixed(3)}, ${y.toFixed(3)}), f = ${valley(x, y).toFixed(4)}`, `${name.padEnd(15)} 30 步之后：(${x.toFixed(3)}, ${y.toFixed(3)})，f = ${valley(x, y).toFixed(4)}`));
      if (!(valley(x, y) < 0.2)) fail(t(`${name} after 30 steps from (-7, 2)\n  expected: near the bottom, f below 0.2 (it starts at 6.45)\n  got:      (${x}, ${y}), f = ${valley(x, y)}`, `${name} 从 (-7, 2) 出发 30 步之后\n  expected: 接近谷底，f 低于 0.2（起点是 6.45）\n  got:      (${x}, ${y})，f = ${valley(x, y)}`));
      return p;
    });
    const sgdY = paths[0].map(([, y]) => y);
    sgdY.slice(1, 10).forEach((y, i) => {
      if (!(Math.sign(y) === -Math.sign(sgdY[i]))) fail(t(`SGD(0.95) on the valley: y = ${sgdY[i]} then ${y}; with the gradient 2y a step of 0.95 overshoots the bottom (y = 0) every time`, `SGD(0.95) 在山谷上：y = ${sgdY[i]}，然后是 ${y}；梯度是 2y，步长 0.95 每次都会越过谷底（y = 0）`));
    });
    for (const k of [1, 3]) {
      paths[k].slice(1, 4).forEach(([, y], i) => {
        if (!(y > 0 && y < paths[k][i][1])) fail(t(`${RACE[k][0]} on the valley: y should fall smoothly towards 0 in the first steps, got ${paths[k][i][1]} then ${y}`, `${RACE[k][0]} 在山谷上：前几步 y 应该平稳地降向 0，实际是 ${paths[k][i][1]}，然后是 ${y}`));
      });
    }
    const png = pathsPng(paths);
    const image = PNG.sync.read(png);
    for (let k = 0; k < paths.length; k++) {
      const [r, g, b] = PATH_COLOURS[k];
      let found = false;
      for (let i = 0; i < image.data.length && !found; i += 4) found = image.data[i] === r && image.data[i + 1] === g && image.data[i + 2] === b;
      if (!found) fail(t(`pathsPng: the path of ${RACE[k][0]} is not in the picture`, `pathsPng：${RACE[k][0]} 的路线不在图里`));
    }
    fs.mkdirSync(reports, { recursive: true });
    const file = path.join(reports, "23-optimiser-paths.png");
    fs.writeFileSync(file, png);
    say(t(`chart: ${path.relative(process.cwd(), file)} (red SGD, green Momentum, blue RMSprop, orange Adam)`, `图表：${path.relative(process.cwd(), file)}（红色 SGD，绿色 Momentum，蓝色 RMSprop，橙色 Adam）`));
  });

  it("batchOf: one row per digit, pixels / 255 | batchOf：每个数字一行，像素 / 255", () => {
    const digits = [{ label: 1, pixels: Uint8Array.of(0, 255, 51) }, { label: 2, pixels: Uint8Array.of(102, 0, 0) }];
    expectCloseMatrix(batchOf(digits), [[0, 1, 0.2], [0.4, 0, 0]], t("batchOf(two 3-pixel digits)", "batchOf(两个 3 像素的数字)"), 1e-12);
  });

  it("on a seeded slice of 1,000 MNIST digits, Adam (0.001) reaches a lower loss than SGD (0.01) in the same 40 steps from the same weights | 在带种子选出的 1,000 个 MNIST 数字上，从同样的权重出发走同样的 40 步，Adam (0.001) 的损失比 SGD (0.01) 低", () => {
    const train = loadMnist("train", 1000);
    const labels = train.map((d) => d.label);
    const losses = ([["SGD", () => new SGD(0.01)], ["Adam", () => new Adam(0.001)]] as const).map(([name, make]) => {
      const rng = createRng(1);
      const model = new Sequential([new Dense(784, 32, rng), new ActivationLayer(RELU), new Dense(32, 10, rng)]);
      const optimiser = make();
      for (let epoch = 0; epoch < 2; epoch++) expectNumber(trainEpoch(model, optimiser, train, 50, rng), t(`trainEpoch(model, ${name}, 1,000 digits, batches of 50): the mean loss`, `trainEpoch(model, ${name}, 1,000 个数字, 每批 50 个)：平均损失`));
      const loss = expectNumber(softmaxCrossEntropyLoss(model.forward(batchOf(train)), labels).loss, t(`the loss after training with ${name}`, `用 ${name} 训练之后的损失`));
      say(t(`${name}: loss ${loss.toFixed(4)} on the 1,000 digits after 2 epochs of 20 batches (it starts near ln 10 = 2.30)`, `${name}：训练 2 轮、每轮 20 批之后，在这 1,000 个数字上的损失是 ${loss.toFixed(4)}（起点接近 ln 10 = 2.30）`));
      return loss;
    });
    if (!(losses[0] < 2.3 && losses[1] < losses[0])) fail(t(`after 40 steps from the same start\n  expected: Adam's loss below SGD's, and both below 2.3\n  got:      SGD ${losses[0]}, Adam ${losses[1]}`, `从同一个起点走 40 步之后\n  expected: Adam 的损失低于 SGD 的，并且两者都低于 2.3\n  got:      SGD ${losses[0]}，Adam ${losses[1]}`));
  });

  it("trainEpoch uses every digit once per epoch, in a seeded shuffled order, and returns the mean loss | trainEpoch 每轮把每个数字用一次，顺序是带种子打乱的，并返回平均损失", () => {
    const train = loadMnist("train", 60);
    const seen: number[] = [];
    const model = new Sequential([new Dense(784, 10, createRng(1))]);
    const counting: Optimiser = { step: () => undefined };
    const loss = trainEpoch(model, counting, train, 16, createRng(4), (n) => seen.push(n));
    if (JSON.stringify(seen) !== "[16,16,16,12]") fail(t(`trainEpoch of 60 digits in batches of 16: onBatch should be told each batch's size\n  expected: [16,16,16,12]\n  got:      ${JSON.stringify(seen)}`, `以每批 16 个对 60 个数字做 trainEpoch：应该把每批的大小告诉 onBatch\n  expected: [16,16,16,12]\n  got:      ${JSON.stringify(seen)}`));
    // The optimiser did nothing, so the mean loss is the loss of all 60 at once.
    expectClose(loss, softmaxCrossEntropyLoss(model.forward(batchOf(train)), train.map((d) => d.label)).loss, t("trainEpoch's mean loss with weights that do not move", "权重不动时 trainEpoch 的平均损失"), 1e-9);
    const order = (seed: number) => {
      const firsts: number[] = [];
      const spy = new Sequential([new Dense(784, 10, createRng(1))]);
      const forward = spy.forward.bind(spy);
      spy.forward = (x: Matrix) => (firsts.push(x.data.reduce((a, b) => a + b, 0)), forward(x));
      trainEpoch(spy, counting, train, 60, createRng(seed));
      trainEpoch(spy, counting, train, 1, createRng(seed));
      return firsts.slice(1, 6).join();
    };
    if (order(4) !== order(4)) fail(t("trainEpoch with the same seed twice visited the digits in different orders", "用同一个种子两次 trainEpoch，访问数字的顺序不同"));
    if (order(4) === order(5)) fail(t("trainEpoch with seeds 4 and 5 visited the digits in the same order: shuffle with rng", "用种子 4 和 5 做 trainEpoch，访问数字的顺序相同：要用 rng 打乱"));
  });

  it("bad settings are clear errors: a learning rate <= 0, a NaN gradient, a gradient of the wrong shape, a bad batch size | 不合理的设置给出清楚的错误：学习率 <= 0、梯度为 NaN、梯度形状不对、批大小不对", () => {
    expectCloseNumbers(steps(new SGD(0.1), [[0.5, 0.25]])[0], [0.95, -2.025], t("SGD(0.1) works first", "SGD(0.1) 先要能用"), 1e-12);
    for (const [name, make] of [["SGD", (r: number) => new SGD(r)], ["Momentum", (r: number) => new Momentum(r)], ["RMSprop", (r: number) => new RMSprop(r)], ["Adam", (r: number) => new Adam(r)]] as const) {
      for (const rate of [0, -0.1, NaN]) expectThrowsMentioning(() => make(rate), [name, "learning rate", String(rate)], `new ${name}(${rate})`);
      const p = point();
      p.grad.data[1] = NaN;
      expectThrowsMentioning(() => make(0.1).step([p]), ["NaN", "p"], t(`${name}.step with a NaN gradient`, `有 NaN 梯度的 ${name}.step`));
      const q = point();
      q.grad = new Matrix(2, 1);
      expectThrowsMentioning(() => make(0.1).step([q]), ["1x2", "2x1"], t(`${name}.step with a 2x1 gradient for a 1x2 value`, `给 1x2 的 value 传 2x1 梯度的 ${name}.step`));
    }
    expectThrowsMentioning(() => new Momentum(0.1, 1), ["momentum", "1"], t("new Momentum(0.1, momentum 1): it would never slow down", "new Momentum(0.1, momentum 1)：它永远不会减速"));
    expectThrowsMentioning(() => new Adam(0.1, 0.9, 1.5), ["beta2", "1.5"], "new Adam(0.1, 0.9, beta2 1.5)");
    expectThrowsMentioning(() => new Adam(0.1, -0.1), ["beta1", "-0.1"], "new Adam(0.1, beta1 -0.1)");
    expectThrowsMentioning(() => new RMSprop(0.1, 1), ["decay", "1"], t("new RMSprop(0.1, decay 1): it would never learn the gradients' size", "new RMSprop(0.1, decay 1)：它永远学不到梯度的大小"));
    expectThrowsMentioning(() => new SGD(Infinity), ["learning rate", "Infinity"], "new SGD(Infinity)");
    // 0 is allowed: Momentum with momentum 0 is plain SGD.
    expectCloseNumbers(steps(new Momentum(0.1, 0), [[0.5, 0.25], [0.5, 0.25]])[1], [0.9, -2.05], t("Momentum(0.1, momentum 0): two plain SGD steps", "Momentum(0.1, momentum 0)：两步普通的 SGD"), 1e-12);
    const model = new Sequential([new Dense(784, 10, createRng(1))]);
    expectThrowsMentioning(() => trainEpoch(model, new SGD(0.1), loadMnist("train", 10), 0, createRng(1)), ["batchSize", "0"], t("trainEpoch with batchSize 0", "batchSize 为 0 的 trainEpoch"));
    expectThrowsMentioning(() => batchOf([]), ["no digits"], "batchOf([])");
    expectMatrix(batchOf(loadMnist("test", 2)), 2, 784, t("batchOf(two test digits)", "batchOf(两个测试数字)"));
  });
});
