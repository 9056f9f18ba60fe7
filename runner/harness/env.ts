// Every NN_KATA_* environment variable, in one place: the parent (driver, session, grader) writes
// them for a vitest child with envFor; the child's config, its workers and the CLI read them with
// readEnv. Nothing else reads process.env.NN_KATA_*, except data/lang.ts for NN_KATA_LANG: the
// test kit reads the learner's language inside a test, and course code may not import the harness;
// and runner/cli/bin.mjs for NN_KATA_SERVER, read before any TypeScript loader is there.
import type { RedirectOptions } from "./redirect-plugin";

export interface KataEnv {
  /** NN_KATA_ROOT: the course folder whose tests run. */
  root?: string;
  /** NN_KATA_TESTS: the tree whose tests run ("exercises"; the self-check runs "solutions"). */
  tests?: string;
  /** NN_KATA_REDIRECT: which implementations are swapped for stubs or the reference. */
  redirect?: RedirectOptions;
  /** NN_KATA_LIVE=1: the warm vitest sends what tests print as it is printed (worker-stdout.ts). */
  live?: boolean;
  /** NN_KATA_STDOUT_TTY=1: that output is shown on a terminal, so a progress bar may redraw. */
  stdoutTty?: boolean;
  /** NN_KATA_NO_LINKS=1: no clickable file links even on a terminal. */
  noLinks?: boolean;
  /** NN_KATA_GRADING: a grading run's settings, as JSON (grading/sandbox.ts owns their shape). */
  grading?: string;
  /** NN_KATA_RUN_TAG: marks every process a run starts, so strays can be found (strays.ts). */
  runTag?: string;
  /** NN_KATA_NO_BWRAP=1: the grader does not use bubblewrap even where it works. */
  noBwrap?: boolean;
  /** NN_KATA_LANG: the learner's language, for the tests' own texts (data/lang.ts reads it). */
  lang?: "en" | "zh";
  /** NN_KATA_SERVER=off: `npm run next` runs in its own process, without the runner's server (bin.mjs reads it). */
  server?: "off";
  /** NN_KATA_SERVER_IDLE_SECONDS: seconds the runner's server stays after the last call (600 by default). */
  serverIdleSeconds?: number;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): KataEnv {
  return {
    root: env.NN_KATA_ROOT || undefined,
    tests: env.NN_KATA_TESTS || undefined,
    redirect: env.NN_KATA_REDIRECT ? (JSON.parse(env.NN_KATA_REDIRECT) as RedirectOptions) : undefined,
    live: Boolean(env.NN_KATA_LIVE),
    stdoutTty: env.NN_KATA_STDOUT_TTY === "1",
    noLinks: Boolean(env.NN_KATA_NO_LINKS),
    grading: env.NN_KATA_GRADING || undefined,
    runTag: env.NN_KATA_RUN_TAG || undefined,
    noBwrap: env.NN_KATA_NO_BWRAP === "1",
    lang: env.NN_KATA_LANG === "zh" || env.NN_KATA_LANG === "en" ? env.NN_KATA_LANG : undefined,
    server: /^(off|0|false|no)$/i.test(env.NN_KATA_SERVER ?? "") ? "off" : undefined,
    serverIdleSeconds: Number(env.NN_KATA_SERVER_IDLE_SECONDS) > 0 ? Number(env.NN_KATA_SERVER_IDLE_SECONDS) : undefined,
  };
}

/** The variables that say `values` to a child process (unset ones are left out, or removed when undefined). */
export function envFor(values: KataEnv): Record<string, string | undefined> {
  const on = (value: boolean | undefined) => (value ? "1" : undefined);
  const all: Record<string, string | undefined> = {
    NN_KATA_ROOT: values.root,
    NN_KATA_TESTS: values.tests,
    NN_KATA_REDIRECT: values.redirect ? JSON.stringify(values.redirect) : undefined,
    NN_KATA_LIVE: on(values.live),
    NN_KATA_STDOUT_TTY: on(values.stdoutTty),
    NN_KATA_NO_LINKS: on(values.noLinks),
    NN_KATA_GRADING: values.grading,
    NN_KATA_RUN_TAG: values.runTag,
    NN_KATA_NO_BWRAP: on(values.noBwrap),
    NN_KATA_LANG: values.lang,
    NN_KATA_SERVER: values.server,
    NN_KATA_SERVER_IDLE_SECONDS: values.serverIdleSeconds === undefined ? undefined : String(values.serverIdleSeconds),
  };
  const keys = Object.keys(values) as (keyof KataEnv)[];
  const named = new Set(keys.map((key) => `NN_KATA_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`));
  return Object.fromEntries(Object.entries(all).filter(([key]) => named.has(key)));
}
