// The course's tests speak English and Chinese. A test's name and its descriptive texts are
// written once, with both languages side by side: "adds two matrices | 两个矩阵相加". The runner
// shows the half in the learner's language (--lang, passed to the tests as NN_KATA_LANG); plain
// `vitest` shows English messages and both halves of a name.
export type Lang = "en" | "zh";

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const SEPARATOR = " | ";

/** The learner's language inside a test run: the runner sets NN_KATA_LANG. */
export function testLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return /^zh/i.test(env.NN_KATA_LANG ?? "") ? "zh" : "en";
}

/**
 * The half of "English | 中文" for `lang`: the split is the first " | " with Chinese after it, so
 * the English half must not contain " | " itself (write code as `a|b`). Text without a Chinese
 * half is returned as it is, in either language.
 */
export function pick(text: string, lang: Lang): string {
  const at = text.indexOf(SEPARATOR);
  if (at < 0) return text;
  const [english, chinese] = [text.slice(0, at), text.slice(at + SEPARATOR.length)];
  if (!CJK.test(chinese) || CJK.test(english)) return text;
  return lang === "zh" ? chinese : english;
}

/** Every line of a message in `lang`, keeping each line's indentation. */
export function pickLines(text: string, lang: Lang): string {
  return text
    .split("\n")
    .map((line) => {
      const lead = /^\s*/.exec(line)![0];
      return lead + pick(line.slice(lead.length), lang);
    })
    .join("\n");
}

/**
 * The learner's language for a command: --lang wins, then the locale (LC_ALL, LC_MESSAGES, LANG:
 * the first one set decides), then English. Shared by the runner and the tools (train, query, lab).
 */
export function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag) return /^zh/i.test(flag) ? "zh" : "en";
  for (const key of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[key];
    if (value) return /^zh/i.test(value) ? "zh" : "en";
  }
  return "en";
}

/** True for a --lang value chooseLang understands (en, zh, zh_CN, ...); any other is warned about, and English is used. */
export const isKnownLang = (flag: string): boolean => /^(en|zh)/i.test(flag);
