// One learner command, from its words to its exit code. Two places run it: cli.ts, in its own
// process, and the runner's server (server/server.ts), which keeps vitest and TypeScript warm
// between calls of `npm run next` and answers each call over a socket. What differs between them
// is only where the words go and whether the test session and type checker outlive the command.
import { parseArgs } from "./args";
import { Course } from "./course";
import { catalogue } from "./i18n";
import { LiveOutput } from "./live";
import { makeTerm } from "./term";
import type { Cli } from "./commands/common";
import type { TestSession } from "./session";
import type { TypeChecker } from "./typecheck";
import { exerciseLabel } from "../harness/manifest";
import { envFor } from "../harness/env";
import { chooseLang, isKnownLang } from "../../data/lang";

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

export interface Io {
  /** Where everything is written: the terminal, or the socket back to the learner's terminal. */
  out: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** A warm test session and type checker that outlive the command (the server's); otherwise the command starts its own. */
  session?: TestSession;
  checker?: TypeChecker;
  /** Called with a function that stops the command's vitest, for Ctrl-C in a process of its own. */
  onInterrupt?: (stop: () => void) => void;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  const term = makeTerm(io.out, io.env);
  const lang = chooseLang(args.lang, io.env);
  const m = catalogue[lang];
  // The tests' own texts follow the learner's language too (data/lang.ts): vitest children inherit
  // it, so a warm vitest that speaks the other language is started again.
  if (io.session && (process.env.NN_KATA_LANG ?? "en") !== lang) io.session.close();
  Object.assign(process.env, envFor({ lang }));
  const print = (text = "") => void io.out.write(text + "\n");
  if (args.lang && !isKnownLang(args.lang)) print(term.yellow(m.badLang(args.lang)));
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
    course = new Course({ timeoutMs: args.timeoutSeconds === undefined ? undefined : args.timeoutSeconds * 1000, session: io.session });
  } catch (error) {
    print(term.red((error as Error).message));
    return 2;
  }
  // A run that takes a while shows its tests' output and a "still running" line as it goes;
  // an exercise with its own time limit (the MNIST gate trains for minutes) does so from the start.
  course.live = (ex) =>
    new LiveOutput({
      out: io.out,
      status: (seconds) => m.stillRunningFor(`${exerciseLabel(ex)} · ${m.title(ex)}`, seconds),
      style: term.dim,
      showAfterMs: ex.timeoutSeconds ? 0 : SHOW_AFTER_MS,
    });
  const cli: Cli = { args, lang, m, term, course, print, checker: io.checker };
  // Ctrl-C: the vitest child is in its own process group, so it is stopped here (watch and ui do their own).
  if (args.command !== "watch" && args.command !== "ui") io.onInterrupt?.(() => course.close());
  const module = await load();
  const run = module[args.command] as (cli: Cli) => Promise<number>;
  try {
    return await run(cli);
  } finally {
    course.close();
  }
}
