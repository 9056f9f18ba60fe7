// The learner's runner: `npm run next | watch | hint | list | verify | reset | solution | ui`.
// A thin layer over vitest (driven in a child process, see session.ts): it decides which exercise
// the learner is on, runs its tests and says what failed and the one next step.
import { chooseLang, parseArgs } from "./args";
import { Course } from "./course";
import { catalogue } from "./i18n";
import { LiveOutput } from "./live";
import { makeTerm } from "./term";
import type { Cli } from "./commands/common";
import { exerciseLabel } from "../harness/manifest";
import { envFor } from "../harness/env";

const commands: Record<string, () => Promise<{ default?: unknown } & Record<string, unknown>>> = {
  next: () => import("./commands/next"),
  watch: () => import("./commands/watch"),
  hint: () => import("./commands/hint"),
  list: () => import("./commands/list"),
  verify: () => import("./commands/verify"),
  reset: () => import("./commands/reset"),
  solution: () => import("./commands/solution"),
  ui: () => import("./commands/ui"),
};

/** How long a run goes on before its output is shown as it comes (the report follows either way). */
const SHOW_AFTER_MS = 2000;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const term = makeTerm();
  const lang = chooseLang(args.lang);
  const m = catalogue[lang];
  // The tests' own texts follow the learner's language too (data/lang.ts): vitest children inherit it.
  Object.assign(process.env, envFor({ lang }));
  const print = (text = "") => process.stdout.write(text + "\n");
  if (args.lang && !/^(en|zh)/i.test(args.lang)) print(term.yellow(m.badLang(args.lang)));
  if (args.help || !args.command) {
    print(m.usage);
    return args.help ? 0 : 2;
  }
  const load = commands[args.command];
  if (!load) {
    print(term.red(m.unknownCommand(args.command)));
    print(m.usage);
    return 2;
  }
  if (args.unknown.length > 0) print(term.dim(args.unknown.map(m.unknownOption).join(" ")));
  if (args.timeoutSeconds !== undefined && !(Number.isFinite(args.timeoutSeconds) && args.timeoutSeconds > 0)) {
    print(term.red(m.badTimeout(args.timeoutText ?? "")));
    return 2;
  }
  let course: Course;
  try {
    course = new Course({ timeoutMs: args.timeoutSeconds === undefined ? undefined : args.timeoutSeconds * 1000 });
  } catch (error) {
    print(term.red((error as Error).message));
    return 2;
  }
  // A run that takes a while shows its tests' output and a "still running" line as it goes;
  // an exercise with its own time limit (the MNIST gate trains for minutes) does so from the start.
  course.live = (ex) =>
    new LiveOutput({
      out: process.stdout,
      status: (seconds) => m.stillRunningFor(`${exerciseLabel(ex)} · ${m.title(ex)}`, seconds),
      style: term.dim,
      showAfterMs: ex.timeoutSeconds ? 0 : SHOW_AFTER_MS,
    });
  const cli: Cli = { args, lang, m, term, course, print };
  if (args.command !== "watch" && args.command !== "ui") {
    // Ctrl-C: the vitest child is in its own process group, so stop it here (watch and ui do their own).
    const interrupted = () => {
      course.close();
      process.exit(130);
    };
    process.once("SIGINT", interrupted);
    process.once("SIGTERM", interrupted);
  }
  const module = await load();
  const run = module[args.command] as (cli: Cli) => Promise<number>;
  try {
    return await run(cli);
  } finally {
    course.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Nothing of the runner is meant to outlive the command (watch and ui return when they end).
    setImmediate(() => process.exit(code));
  },
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
