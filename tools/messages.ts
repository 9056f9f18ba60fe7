// What `npm run train` and `npm run query` say, in English and Chinese: their usage, their errors,
// the lines they print and the report's summary. The language is chosen as the runner chooses it
// (--lang, then LC_ALL / LC_MESSAGES / LANG: data/lang.ts). The report's pictures keep English
// labels: their 3 x 5 pixel font (pictures.ts) has no Chinese characters.
import { chooseLang, isKnownLang, type Lang } from "../data/lang";
import { catalogue } from "../runner/cli/i18n";

export type { Lang };

/** The book network's settings, as one line says them. */
export interface BookRun {
  hidden: number;
  lr: number;
  epochs: number;
  rotations: boolean;
  seed: number;
}

const TRAIN_USAGE_EN = `npm run train -- [options]

  --model M       book (default): the book's network of exercise 10;
                  deep: the Part 4 network (exercises 20-23) with exercise 24's settings,
                  which the options below change
  --hidden N      hidden nodes (default 200; deep: one number per hidden layer, e.g. 512,128)
  --lr X          learning rate (default 0.1; deep: Adam's first one)
  --epochs N      passes over the 60,000 training images (default 1)
  --rotations     also train on each image turned +10 and -10 degrees (exercise 16; book only)
  --seed N        seed of the starting weights (default 1)
  --batch N       deep: images per step
  --decay X       deep: the learning rate is multiplied by X after each epoch
  --out DIR       the report folder (default reports/)
  --mine          train your own network (exercises/) instead of the course's reference
  --reference     use the reference even before your own exercises pass (instructors)
  --lang zh|en    the language of what is printed and of summary.txt (default: from LANG)
`;

const TRAIN_USAGE_ZH = `npm run train -- [选项]

  --model M       book（默认）：练习 10 中书里的神经网络；
                  deep：第四部分的网络（练习 20-23），用练习 24 的设置，
                  下面的选项可以改变这些设置
  --hidden N      隐藏节点数（默认 200；deep：每个隐藏层一个数，例如 512,128）
  --lr X          学习率（默认 0.1；deep：Adam 的初始学习率）
  --epochs N      训练轮数，每轮把 60,000 张训练图片全部学一遍（默认 1）
  --rotations     每张图片再旋转 +10 度和 -10 度各训练一次（练习 16；只用于 book）
  --seed N        初始权重的随机种子（默认 1）
  --batch N       deep：每批的图片数
  --decay X       deep：每轮之后学习率乘以 X
  --out DIR       报告文件夹（默认 reports/）
  --mine          训练你自己的网络（exercises/），而不是本课程的参考代码
  --reference     即使你自己的练习还没通过也使用参考代码（供教师使用）
  --lang zh|en    输出和 summary.txt 的语言（默认取自 LANG）
`;

const QUERY_USAGE_EN = `npm run query -- <image.png> [options]

  --model FILE    a network saved by npm run train (default reports/model.json)
  --save FILE     also write the 28 x 28 picture the network saw as a PNG
  --mine          use your own code (exercises/) instead of the course's reference
  --reference     use the reference even before your own exercises pass (instructors)
  --lang zh|en    the language of what is printed (default: from LANG)
`;

const QUERY_USAGE_ZH = `npm run query -- <图片.png> [选项]

  --model FILE    npm run train 保存的网络（默认 reports/model.json）
  --save FILE     另外把网络看到的 28 x 28 图片写成 PNG 文件
  --mine          使用你自己的代码（exercises/），而不是本课程的参考代码
  --reference     即使你自己的练习还没通过也使用参考代码（供教师使用）
  --lang zh|en    输出的语言（默认取自 LANG）
`;

const en = {
  /** The runner's own warning. */
  badLang: catalogue.en.badLang,
  /** node:util's message about an option it could not read (see optionError). */
  badOption: (message: string) => message,
  stopped: (tool: string, message: string) => `npm run ${tool} stopped: ${message}`,
  stillStub: "That function is still a stub: write it (npm run next), or leave out --mine to use the reference once your exercises pass.",

  // Whose code runs (course-code.ts).
  checking: (dirs: string[]) => `Checking that your exercises ${dirs.join(", ")} pass...`,
  chooseOne: "Choose one: --mine (your own network) or --reference (the course's).",
  mineSays: "your own code (exercises/)",
  referenceAsked: "the course's reference code (solutions/), as --reference asks",
  referenceEarned: (numbers: string[]) => `the course's reference code: your exercises ${numbers.join(", ")} pass`,
  notYet: (numbers: string[], missing: string[]) =>
    `This uses the course's reference code for exercises ${numbers.join(", ")} once your own versions pass their tests; ` +
    `not yet: ${missing.join(", ")}.\n` +
    "  - finish them first (npm run next), or\n" +
    "  - run it with your own code: add --mine\n" +
    "  - (instructors and maintainers: --reference runs the reference code anyway)",

  // npm run train
  trainUsage: TRAIN_USAGE_EN,
  wholeNumber: (name: string, min: number, max: number, text: string) => `--${name} must be a whole number from ${min} to ${max}, got "${text}"`,
  aboveZero: (name: string, max: number, text: string) => `--${name} must be a number above 0 and at most ${max}, got "${text}"`,
  badModel: (model: string) => `--model must be book or deep, got "${model}"`,
  rotationsBookOnly: "--rotations is for the book's network; the deep model trains on the images as they are",
  deepOnly: "--batch and --decay are for --model deep",
  epochLabel: (epoch: number, epochs: number) => `epoch ${epoch}/${epochs}`,
  testingLabel: "testing",
  trainingBook: (r: BookRun) =>
    `Training a 784-${r.hidden}-10 network, learning rate ${r.lr}, ${r.epochs} epoch${r.epochs === 1 ? "" : "s"}${r.rotations ? ", with rotations" : ""}, seed ${r.seed}`,
  trainingDeep: (described: string) => `Training a ${described}`,
  code: (says: string) => `Code: ${says}`,
  onEngine: "; the network trains on the engine (tools/engine, WebAssembly), which learns what the reference learns",
  bookSettings: (r: BookRun) => `784-${r.hidden}-10, learning rate ${r.lr}, ${r.epochs} epoch(s)${r.rotations ? ", rotations" : ""}, seed ${r.seed}`,
  /** The summary's first line: the settings, then whose code ran. */
  settingsAndCode: (settings: string, says: string) => `${settings}; ${says}`,
  accuracy: (percent: string, right: number, total: number) => `accuracy: ${percent}% (${right} of ${total} test images)`,
  time: (duration: string) => `time: ${duration}`,
  peakMemory: (mb: number) => `peak memory: ${mb} MB`,
  reportIn: (dir: string, files: string[]) => `Report in ${dir}: ${files.join(", ")}`,
  noBackqueryDeep: "(no backquery.png and no model.json: back-querying and `npm run query` work with the book's network)",
  noBackqueryYet: "(no backquery.png: exercise 18, backquery, is not written yet)",
  keptModel: (name: string) => `(the earlier model.json is kept as ${name})`,
  deepFallback: "(exercise 24's settings() is not written yet: using the course's suggestion)",
  /** Said after the report in a language the pictures' English labels are not in (nothing in English). */
  englishPictures: "",

  // npm run query
  queryUsage: QUERY_USAGE_EN,
  giveOnePng: "Give one PNG file of a digit, e.g. npm run query -- my-seven.png",
  noModelFile: (file: string) => `There is no model file at ${file}. \`npm run train\` trains a network and saves it as reports/model.json.`,
  modelLine: (file: string, hidden: number, says: string) => `${file}: a 784-${hidden}-10 network (${says})`,
  saw: "What the network saw (28 x 28, after grey, resize, invert and scale):",
  written: (file: string) => `(written to ${file})`,
  looksLike: (image: string, answer: number) => `${image} looks like a ${answer}`,
  theAnswer: "<- the answer",
};

export type ToolTexts = typeof en;

const zh: ToolTexts = {
  badLang: catalogue.zh.badLang,
  badOption: (message) => `命令行选项有误：${message}`,
  stopped: (tool, message) => `npm run ${tool} 已停止：${message}`,
  stillStub: "这个函数还没有实现：先写好它（npm run next），或者去掉 --mine，等你的练习通过后改用参考代码。",

  checking: (dirs) => `正在检查你的练习 ${dirs.join(", ")} 是否通过……`,
  chooseOne: "只能选一个：--mine（你自己的网络）或 --reference（本课程的参考代码）。",
  mineSays: "你自己的代码（exercises/）",
  referenceAsked: "本课程的参考代码（solutions/），按 --reference 的要求",
  referenceEarned: (numbers) => `本课程的参考代码：你的练习 ${numbers.join(", ")} 已通过`,
  notYet: (numbers, missing) =>
    `练习 ${numbers.join(", ")} 要等你自己的版本通过测试之后，这里才会使用本课程的参考代码；` +
    `还没通过：${missing.join(", ")}。\n` +
    "  - 先完成它们（npm run next），或者\n" +
    "  - 用你自己的代码运行：加上 --mine\n" +
    "  - （教师和维护者：--reference 可以直接使用参考代码）",

  trainUsage: TRAIN_USAGE_ZH,
  wholeNumber: (name, min, max, text) => `--${name} 必须是 ${min} 到 ${max} 之间的整数，收到的是“${text}”`,
  aboveZero: (name, max, text) => `--${name} 必须是大于 0、不超过 ${max} 的数，收到的是“${text}”`,
  badModel: (model) => `--model 只能是 book 或 deep，收到的是“${model}”`,
  rotationsBookOnly: "--rotations 只用于书里的网络；deep 模型直接用原始图片训练",
  deepOnly: "--batch 和 --decay 只用于 --model deep",
  epochLabel: (epoch, epochs) => `训练，第 ${epoch}/${epochs} 轮`,
  testingLabel: "测试",
  trainingBook: (r) => `训练一个 784-${r.hidden}-10 的神经网络，学习率 ${r.lr}，${r.epochs} 轮${r.rotations ? "，加上旋转图片" : ""}，随机种子 ${r.seed}`,
  trainingDeep: (described) => `训练：${described}`,
  code: (says) => `代码：${says}`,
  onEngine: "；网络在引擎上训练（tools/engine，WebAssembly），它学到的和参考网络一样",
  bookSettings: (r) => `784-${r.hidden}-10，学习率 ${r.lr}，${r.epochs} 轮${r.rotations ? "，旋转图片" : ""}，随机种子 ${r.seed}`,
  settingsAndCode: (settings, says) => `${settings}；${says}`,
  accuracy: (percent, right, total) => `准确率：${percent}%（${total} 张测试图片答对 ${right} 张）`,
  time: (duration) => `用时：${duration}`,
  peakMemory: (mb) => `内存峰值：${mb} MB`,
  reportIn: (dir, files) => `报告在 ${dir} 中：${files.join(", ")}`,
  noBackqueryDeep: "（没有 backquery.png 和 model.json：反向查询和 `npm run query` 只适用于书里的网络）",
  noBackqueryYet: "（没有 backquery.png：练习 18（反向查询）还没写好）",
  keptModel: (name) => `（之前的 model.json 保留为 ${name}）`,
  deepFallback: "（练习 24 的 settings() 还没写好：使用本课程建议的设置）",
  englishPictures: "（图片上的文字是英文的：图片所用的小点阵字体没有中文字符）",

  queryUsage: QUERY_USAGE_ZH,
  giveOnePng: "请给出一个数字的 PNG 文件，例如 npm run query -- my-seven.png",
  noModelFile: (file) => `${file} 处没有模型文件。\`npm run train\` 会训练一个网络并保存为 reports/model.json。`,
  modelLine: (file, hidden, says) => `${file}：一个 784-${hidden}-10 的神经网络（${says}）`,
  saw: "网络看到的图片（28 x 28，已转为灰度、调整大小、反色并缩放数值）：",
  written: (file) => `（已写入 ${file}）`,
  looksLike: (image, answer) => `${image} 看起来是 ${answer}`,
  theAnswer: "<- 答案",
};

export const toolTexts: Record<Lang, ToolTexts> = { en, zh };

/**
 * A tool's language from its own command line (`--lang X` or `--lang=X`, read before the other
 * options so that even their errors are in it) and the locale; a --lang value that is neither
 * en nor zh gets a warning, as in the runner, and English.
 */
export function toolLang(argv: string[], env: NodeJS.ProcessEnv = process.env): { lang: Lang; t: ToolTexts; warning?: string } {
  let flag: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === "--lang") flag = argv[i + 1];
    else if (arg.startsWith("--lang=")) flag = arg.slice("--lang=".length);
  });
  const lang = chooseLang(flag, env);
  const t = toolTexts[lang];
  return { lang, t, warning: flag !== undefined && !isKnownLang(flag) ? t.badLang(flag) : undefined };
}

/** What was wrong with the command line: node:util's own (English) message is introduced in the learner's language. */
export function optionError(error: unknown, t: ToolTexts): string {
  const message = error instanceof Error ? error.message : String(error);
  return String((error as { code?: unknown })?.code).startsWith("ERR_PARSE_ARGS") ? t.badOption(message) : message;
}
