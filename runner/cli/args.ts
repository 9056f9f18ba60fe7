// The runner's command line: `tsx runner/cli/cli.ts <command> [exercise] [--flags]`, as npm passes it
// (`npm run hint -- 4 --lang zh`).
import { parseArgs as parse } from "node:util";

export interface Args {
  command: string;
  /** The exercise named on the command line, as typed. */
  name?: string;
  lang?: string;
  yes: boolean;
  force: boolean;
  /** reset: only the test files (and the test kit), never the learner's own code. */
  tests: boolean;
  manualRun: boolean;
  edit: boolean;
  editCmd?: string;
  timeoutSeconds?: number;
  /** --timeout as typed (NaN seconds when it is not a number), to say what was wrong with it. */
  timeoutText?: string;
  port?: number;
  open: boolean;
  help: boolean;
  /** Anything the runner did not understand, to say so rather than ignore it. */
  unknown: string[];
}

const OPTIONS = {
  lang: { type: "string" },
  yes: { type: "boolean", short: "y" },
  force: { type: "boolean" },
  tests: { type: "boolean" },
  "manual-run": { type: "boolean" },
  edit: { type: "boolean" },
  "edit-cmd": { type: "string" },
  timeout: { type: "string" },
  port: { type: "string" },
  "no-open": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** node:util's parseArgs, not strict: an option the runner does not know is reported, not fatal. */
export function parseArgs(argv: string[]): Args {
  const { values, positionals, tokens } = parse({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const number = (value: unknown) => (value === undefined ? undefined : typeof value === "string" ? Number(value) : NaN);
  const unknown = tokens.flatMap((t) => (t.kind === "option" && !(t.name in OPTIONS) ? [argv[t.index]] : []));
  const [command = "", name, ...extra] = positionals;
  return {
    command,
    name,
    lang: text(values.lang),
    yes: values.yes === true,
    force: values.force === true,
    tests: values.tests === true,
    manualRun: values["manual-run"] === true,
    edit: values.edit === true,
    editCmd: text(values["edit-cmd"]),
    timeoutSeconds: number(values.timeout),
    timeoutText: values.timeout === undefined ? undefined : text(values.timeout) ?? "",
    port: number(values.port),
    open: values["no-open"] !== true,
    help: values.help === true,
    unknown: [...unknown, ...extra],
  };
}
