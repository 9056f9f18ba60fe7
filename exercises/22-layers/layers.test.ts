import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectCloseMatrix, expectMatrix, expectNumber, expectThrowsMentioning, fail, propertyOptions, t } from "../_testkit/check";
import { expectGradient, numericGradient } from "../_testkit/gradcheck";
import { Matrix } from "../05-matrix/matrix";
import { createRng } from "../09-prepare/prepare";
import { softmaxCrossEntropy } from "../20-softmax/softmax";
import { RELU, SIGMOID, TANH, type Init } from "../21-activations/activations";
import { ActivationLayer, Dense, Sequential, softmaxCrossEntropyLoss } from "./layers";

// Generous, so a busy machine never fails a test that takes a second on a quiet one.
const LIMIT_MS = 120_000;

const given = (rows: number[][]): Init => () => Matrix.fromArray(rows);
const rowsOf = (m: Matrix) => m.toArray();

/** The mean softmax cross-entropy of a model's outputs, by the test itself (exercise 20 per row). */
function meanLoss(model: Sequential, x: Matrix, labels: number[]): number {
  const out = model.forward(x);
  let sum = 0;
  for (let i = 0; i < out.rows; i++) sum += softmaxCrossEntropy(Array.from(out.data.subarray(i * out.cols, (i + 1) * out.cols)), labels[i]);
  return sum / out.rows;
}

// Random models of 2 or 3 Dense layers (1 to 4 nodes each, 2 to 4 classes) with sigmoid or tanh
// between them (no kinks: a central difference across a ReLU's kink measures nothing useful),
// a batch of 1 to 3 samples, their labels and a seed for the weights.
const hundredths = fc.integer({ min: -200, max: 200 }).map((n) => n / 100);
const randomModel = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 3 }),
    classes: fc.integer({ min: 2, max: 4 }),
    batch: fc.integer({ min: 1, max: 3 }),
    tanh: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .chain((m) =>
    fc.record({
      spec: fc.constant(m),
      inputs: fc.array(hundredths, { minLength: m.batch * m.sizes[0], maxLength: m.batch * m.sizes[0] }),
      labels: fc.array(fc.integer({ min: 0, max: m.classes - 1 }), { minLength: m.batch, maxLength: m.batch }),
      biases: fc.array(hundredths, { minLength: 20, maxLength: 20 }),
    }),
  );

function build({ spec, biases }: { spec: { sizes: number[]; classes: number; tanh: boolean; seed: number }; biases: number[] }): Sequential {
  const rng = createRng(spec.seed);
  const widths = [...spec.sizes, spec.classes];
  const layers = [];
  let b = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    const dense = new Dense(widths[l], widths[l + 1], rng);
    // Random biases too: biases of 0 would hide a bias gradient that is wrong by a factor.
    for (let j = 0; j < dense.bias.data.length; j++) dense.bias.data[j] = biases[b++ % biases.length];
    layers.push(dense);
    if (l + 2 < widths.length) layers.push(new ActivationLayer(spec.tanh ? TANH : SIGMOID));
  }
  return new Sequential(layers);
}

const describeModel = (m: { spec: { sizes: number[]; classes: number; batch: number; tanh: boolean; seed: number } }) =>
  t(`a ${[...m.spec.sizes, m.spec.classes].join("-")} model (${m.spec.tanh ? "tanh" : "sigmoid"}, seed ${m.spec.seed}), batch of ${m.spec.batch}`, `一个 ${[...m.spec.sizes, m.spec.classes].join("-")} 的模型（${m.spec.tanh ? "tanh" : "sigmoid"}，种子 ${m.spec.seed}），一批 ${m.spec.batch} 个样本`);

describe("22 layers: Dense with biases on mini-batches, and Sequential (Deep Learning from Scratch 5.6 - 5.7; the frameworks' nn.Sequential) | 22 层：小批量上带偏置的 Dense 层，以及 Sequential（《深度学习入门》5.6 - 5.7 节；框架里的 nn.Sequential）", { timeout: LIMIT_MS }, () => {
  it("Dense.forward: x . weights + bias, the bias added to every row | Dense.forward：x . weights + bias，偏置加到每一行上", () => {
    const dense = new Dense(3, 2, createRng(1), given([[1, 2], [3, 4], [5, 6]]));
    expectMatrix(dense.weights, 3, 2, t("new Dense(3, 2, rng, init).weights: inputs x outputs", "new Dense(3, 2, rng, init).weights：输入数 x 输出数"));
    expectCloseMatrix(dense.bias, [[0, 0]], t("new Dense(3, 2, ...).bias: 1 x outputs, starting at 0", "new Dense(3, 2, ...).bias：1 x 输出数，从 0 开始"), 0);
    dense.bias.data.set([0.5, -1]);
    const y = dense.forward(Matrix.fromArray([[1, 0, 0], [1, 1, 1]]));
    expectCloseMatrix(y, [[1.5, 1], [9.5, 11]], t("Dense.forward([[1, 0, 0], [1, 1, 1]]) with weights [[1, 2], [3, 4], [5, 6]], bias [0.5, -1]", "权重为 [[1, 2], [3, 4], [5, 6]]、偏置为 [0.5, -1] 的 Dense.forward([[1, 0, 0], [1, 1, 1]])"), 1e-12);
  });

  it("Dense.backward: weights gradient x^T . g, bias gradient the column sums of g, input gradient g . weights^T | Dense.backward：权重的梯度是 x^T . g，偏置的梯度是 g 每一列的和，输入的梯度是 g . weights^T", () => {
    const dense = new Dense(2, 2, createRng(1), given([[1, 2], [3, 4]]));
    const x = Matrix.fromArray([[1, 2], [3, 4], [5, 6]]);
    dense.forward(x);
    const g = Matrix.fromArray([[1, 0], [0, 1], [1, 1]]);
    const dx = dense.backward(g);
    expectCloseMatrix(dense.weightsGrad, [[6, 8], [8, 10]], t("weightsGrad after backward(g = [[1, 0], [0, 1], [1, 1]]) for x = [[1, 2], [3, 4], [5, 6]]", "对 x = [[1, 2], [3, 4], [5, 6]] 做 backward(g = [[1, 0], [0, 1], [1, 1]]) 之后的 weightsGrad"), 1e-12);
    expectCloseMatrix(dense.biasGrad, [[2, 2]], t("biasGrad: the sum of each column of g", "biasGrad：g 每一列的和"), 1e-12);
    expectCloseMatrix(dx, [[1, 3], [2, 4], [3, 7]], t("backward's return value, the gradient for the input: g . weights^T", "backward 的返回值，即输入的梯度：g . weights^T"), 1e-12);
    // A second backward replaces the gradients, it does not add to them, and keeps the same matrices.
    const [w, b] = [dense.weightsGrad, dense.biasGrad];
    dense.backward(g);
    expectCloseMatrix(dense.weightsGrad, [[6, 8], [8, 10]], t("weightsGrad after a second backward (replaced, not added up)", "第二次 backward 之后的 weightsGrad（是替换，不是累加）"), 1e-12);
    if (dense.weightsGrad !== w || dense.biasGrad !== b) fail(t("Dense.backward should write into weightsGrad and biasGrad (e.g. with .data.set), not make new matrices: an optimiser holds on to them through parameters()", "Dense.backward 应该写进 weightsGrad 和 biasGrad（比如用 .data.set），而不是新建矩阵：优化器通过 parameters() 一直拿着它们"));
    if (dense.backward(g, false) !== undefined) fail(t("Dense.backward(g, false) should skip the input gradient and return undefined", "Dense.backward(g, false) 应该跳过输入的梯度，返回 undefined"));
  });

  it("parameters() lists every Dense's weights and bias with their gradients, in order | parameters() 按顺序列出每个 Dense 层的权重和偏置，以及它们的梯度", () => {
    const model = new Sequential([new Dense(3, 4, createRng(1)), new ActivationLayer(RELU), new Dense(4, 2, createRng(2))]);
    const params = model.parameters();
    if (params.length !== 4) fail(t(`parameters() of Dense, ReLU, Dense\n  expected: 4 (weights and bias of each Dense)\n  got:      ${params.length}`, `Dense、ReLU、Dense 的 parameters()\n  expected: 4（每个 Dense 层的权重和偏置）\n  got:      ${params.length}`));
    [[3, 4], [1, 4], [4, 2], [1, 2]].forEach(([r, c], i) => {
      expectMatrix(params[i].value, r, c, `parameters()[${i}].value (${params[i].name})`);
      expectMatrix(params[i].grad, r, c, `parameters()[${i}].grad (${params[i].name})`);
    });
  });

  it("ActivationLayer applies the activation to every number, and backward multiplies by its slope | ActivationLayer 对每个数应用激活函数，backward 时乘以它的斜率", () => {
    const layer = new ActivationLayer(RELU);
    expectCloseMatrix(layer.forward(Matrix.fromArray([[-1, 2], [3, -4]])), [[0, 2], [3, 0]], t("ReLU layer forward([[-1, 2], [3, -4]])", "ReLU 层的 forward([[-1, 2], [3, -4]])"), 0);
    expectCloseMatrix(layer.backward(Matrix.fromArray([[5, 6], [7, 8]])), [[0, 6], [7, 0]], t("ReLU layer backward([[5, 6], [7, 8]]): the gradient passes where the input was positive", "ReLU 层的 backward([[5, 6], [7, 8]])：输入为正的地方梯度才能通过"), 0);
  });

  it("softmaxCrossEntropyLoss: the mean loss over the batch, and gradient (softmax - onehot) / batch | softmaxCrossEntropyLoss：整批的平均损失，梯度是 (softmax - onehot) / batch", () => {
    const { loss, gradient } = softmaxCrossEntropyLoss(Matrix.fromArray([[1, 2, 3], [0, 0, 0]]), [0, 2]);
    expectClose(loss, (softmaxCrossEntropy([1, 2, 3], 0) + Math.log(3)) / 2, t("loss of [[1, 2, 3], [0, 0, 0]] with labels [0, 2]: the mean of 2.4076 and ln 3", "[[1, 2, 3], [0, 0, 0]] 在标签 [0, 2] 下的损失：2.4076 和 ln 3 的平均值"), 1e-9);
    expectCloseMatrix(gradient, [[(0.09003 - 1) / 2, 0.24473 / 2, 0.66524 / 2], [1 / 6, 1 / 6, (1 / 3 - 1) / 2]], t("gradient: each row softmax - onehot, divided by the batch size 2", "梯度：每一行是 softmax - onehot，再除以批大小 2"), 1e-5);
  });

  it("Sequential runs forward through the layers in order: Dense, ReLU, Dense on the hand example | Sequential 按顺序做各层的 forward：手算示例上的 Dense、ReLU、Dense", () => {
    const model = new Sequential([new Dense(2, 2, createRng(1), given([[1, -1], [2, 1]])), new ActivationLayer(RELU), new Dense(2, 1, createRng(1), given([[1], [3]]))]);
    // [1, 1] -> [3, 0] -> relu [3, 0] -> 3; [-1, 1] -> [1, 2] -> [1, 2] -> 7
    expectCloseMatrix(model.forward(Matrix.fromArray([[1, 1], [-1, 1]])), [[3], [7]], "Sequential(Dense [[1, -1], [2, 1]], ReLU, Dense [[1], [3]]).forward([[1, 1], [-1, 1]])", 1e-12);
    const predicted = model.predict(Matrix.fromArray([[1, 1]]));
    if (JSON.stringify(predicted) !== "[0]") fail(t(`predict with one output: always class 0\n  got: ${JSON.stringify(predicted)}`, `只有一个输出时的 predict：总是类别 0\n  got: ${JSON.stringify(predicted)}`));
    const two = new Sequential([new Dense(2, 3, createRng(1), given([[1, 0, 2], [0, 3, 0]]))]);
    const got = two.predict(Matrix.fromArray([[1, 0], [0, 1], [1, 1]]));
    if (JSON.stringify(got) !== "[2,1,1]") fail(t(`predict: the largest output of each row\n  expected: [2,1,1]\n  got:      ${JSON.stringify(got)}`, `predict：每一行最大的输出\n  expected: [2,1,1]\n  got:      ${JSON.stringify(got)}`));
  });

  it("GRADIENT CHECK: every weight and bias of random 2-3 layer models with softmax cross-entropy (relative 1e-5) | 梯度检验：随机的 2 到 3 层模型配 softmax 交叉熵，每个权重和偏置都检验（相对误差 1e-5）", () => {
    fc.assert(
      fc.property(randomModel, (m) => {
        const model = build(m);
        const x = new Matrix(m.spec.batch, m.spec.sizes[0], Float64Array.from(m.inputs));
        const { gradient } = softmaxCrossEntropyLoss(model.forward(x), m.labels);
        model.backward(gradient);
        for (const p of model.parameters()) {
          const analytic = Array.from(p.grad.data);
          expectGradient(analytic, numericGradient(() => meanLoss(model, x, m.labels), p.value.data), t(`${p.name} of ${describeModel(m)}`, `${describeModel(m)} 的 ${p.name}`));
        }
      }),
      { ...propertyOptions(150), endOnFailure: true },
    );
  });

  it("GRADIENT CHECK: Dense.backward's input gradient, through a whole model | 梯度检验：Dense.backward 给出的输入梯度，穿过整个模型", () => {
    fc.assert(
      fc.property(randomModel, (m) => {
        const model = build(m);
        const x = new Matrix(m.spec.batch, m.spec.sizes[0], Float64Array.from(m.inputs));
        const { gradient } = softmaxCrossEntropyLoss(model.forward(x), m.labels);
        let g = gradient;
        for (let i = model.layers.length - 1; i >= 0; i--) g = model.layers[i].backward(g)!;
        expectGradient(Array.from(expectMatrix(g, x.rows, x.cols, t("the gradient for the model's input", "模型输入的梯度")).flat()), numericGradient(() => meanLoss(model, x, m.labels), x.data), t(`the input of ${describeModel(m)}`, `${describeModel(m)} 的输入`));
      }),
      { ...propertyOptions(100), endOnFailure: true },
    );
  });

  it("a batch of one is the per-sample case: a batch's outputs are its rows' outputs, its gradients their mean | 一个样本的批就是逐个样本的情形：一批的输出是各行的输出，它的梯度是各样本梯度的平均", () => {
    fc.assert(
      fc.property(randomModel, (m) => {
        const model = build(m);
        const x = new Matrix(m.spec.batch, m.spec.sizes[0], Float64Array.from(m.inputs));
        const all = rowsOf(model.forward(x));
        const { gradient } = softmaxCrossEntropyLoss(model.forward(x), m.labels);
        model.backward(gradient);
        const batchGrads = model.parameters().map((p) => Array.from(p.grad.data));
        const sums = batchGrads.map((g) => g.map(() => 0));
        for (let i = 0; i < x.rows; i++) {
          const row = new Matrix(1, x.cols, x.data.slice(i * x.cols, (i + 1) * x.cols));
          expectCloseMatrix(model.forward(row), [all[i]], t(`forward of sample ${i} alone against row ${i} of the batch, ${describeModel(m)}`, `单独做样本 ${i} 的 forward 与批中第 ${i} 行对比，${describeModel(m)}`), 1e-12);
          model.backward(softmaxCrossEntropyLoss(model.forward(row), [m.labels[i]]).gradient);
          model.parameters().forEach((p, k) => p.grad.data.forEach((v, j) => (sums[k][j] += v / x.rows)));
        }
        model.parameters().forEach((p, k) =>
          batchGrads[k].forEach((v, j) => expectClose(v, sums[k][j], t(`${p.name}.grad [${j}]: the batch's gradient against the mean of its samples', ${describeModel(m)}`, `${p.name}.grad [${j}]：整批的梯度与各样本梯度的平均值对比，${describeModel(m)}`), 1e-12)),
        );
      }),
      propertyOptions(100),
    );
  });

  it("XOR with only 2 hidden nodes: biases make it possible (exercise 10 needed 8 without them) | 只用 2 个隐藏节点做 XOR：偏置让它成为可能（练习 10 没有偏置，需要 8 个）", () => {
    // Two hidden nodes are just enough, and some starting weights lead into a dead end (11 of
    // the seeds 1 to 20 learn XOR this way); seed 2 is one that does.
    const rng = createRng(2);
    const model = new Sequential([new Dense(2, 2, rng), new ActivationLayer(TANH), new Dense(2, 2, rng)]);
    const x = Matrix.fromArray([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const labels = [0, 1, 1, 0];
    let loss = Infinity;
    for (let step = 0; step < 2000; step++) {
      const result = softmaxCrossEntropyLoss(model.forward(x), labels);
      loss = expectNumber(result.loss, t(`the loss at step ${step}`, `第 ${step} 步的损失`));
      model.backward(result.gradient);
      for (const p of model.parameters()) p.value.data.forEach((v, i) => (p.value.data[i] = v - 0.5 * p.grad.data[i]));
    }
    const predicted = model.predict(x);
    if (JSON.stringify(predicted) !== JSON.stringify(labels)) fail(t(`XOR after 2,000 steps of gradient descent (learning rate 0.5) with a 2-2-2 tanh model, seed 2\n  expected: ${JSON.stringify(labels)}\n  got:      ${JSON.stringify(predicted)} (loss ${loss})`, `用 2-2-2 的 tanh 模型、种子 2，梯度下降（学习率 0.5）2,000 步之后的 XOR\n  expected: ${JSON.stringify(labels)}\n  got:      ${JSON.stringify(predicted)}（损失 ${loss}）`));
    if (!(loss < 0.05)) fail(t(`XOR: the loss after 2,000 steps\n  expected: below 0.05\n  got:      ${loss}`, `XOR：2,000 步之后的损失\n  expected: 低于 0.05\n  got:      ${loss}`));
  });

  it("shape errors name both shapes; mismatched batch sizes and backward before forward are clear errors | 形状错误要写出两个形状；批大小对不上、在 forward 之前 backward 都给出清楚的错误", () => {
    const dense = new Dense(4, 2, createRng(1));
    expectMatrix(dense.forward(new Matrix(5, 4)), 5, 2, t("Dense(4, 2).forward of a 5x4 batch works first", "Dense(4, 2).forward 一批 5x4 先要能用"));
    expectThrowsMentioning(() => dense.forward(new Matrix(5, 3)), ["5x3", "5x4"], t("Dense(4 -> 2).forward of a 5x3 batch: say what it got and what it takes", "Dense(4 -> 2).forward 一批 5x3：说出收到了什么、需要什么"));
    expectThrowsMentioning(() => dense.backward(new Matrix(5, 3)), ["5x3", "5x2"], t("Dense(4 -> 2).backward of a 5x3 gradient after a 5x4 forward: the outputs were 5x2", "在 5x4 的 forward 之后 Dense(4 -> 2).backward 一个 5x3 的梯度：输出是 5x2"));
    expectThrowsMentioning(() => dense.backward(new Matrix(4, 2)), ["4x2", "5x2"], t("Dense.backward with a batch of 4 after a forward of 5", "在 5 个样本的 forward 之后，用 4 个样本的批做 Dense.backward"));
    expectThrowsMentioning(() => new Dense(2, 2, createRng(1)).backward(new Matrix(1, 2)), ["forward"], t("backward before any forward", "还没做过 forward 就 backward"));
    expectThrowsMentioning(() => new ActivationLayer(RELU).backward(new Matrix(1, 2)), ["forward"], t("ActivationLayer.backward before any forward", "还没做过 forward 就 ActivationLayer.backward"));
    const relu = new ActivationLayer(RELU);
    relu.forward(new Matrix(2, 3));
    expectThrowsMentioning(() => relu.backward(new Matrix(3, 2)), ["3x2", "2x3"], t("ActivationLayer.backward of a 3x2 gradient after a 2x3 forward", "在 2x3 的 forward 之后 ActivationLayer.backward 一个 3x2 的梯度"));
    expectThrowsMentioning(() => softmaxCrossEntropyLoss(new Matrix(3, 4), [0, 1]), ["3", "2 labels"], t("softmaxCrossEntropyLoss of 3 rows with 2 labels: mismatched batch sizes", "3 行却只有 2 个标签的 softmaxCrossEntropyLoss：批大小对不上"));
    expectThrowsMentioning(() => softmaxCrossEntropyLoss(new Matrix(2, 4), [0, 4]), ["4", "0 to 3"], t("softmaxCrossEntropyLoss with label 4 of 4 classes", "4 个类别时标签为 4 的 softmaxCrossEntropyLoss"));
    expectThrowsMentioning(() => softmaxCrossEntropyLoss(Matrix.fromArray([[0, NaN]]), [0]), ["NaN"], t("softmaxCrossEntropyLoss of a NaN logit", "有一个 logit 是 NaN 的 softmaxCrossEntropyLoss"));
  });
});
