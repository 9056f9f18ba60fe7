// The runner's command line: `tsx runner/cli/cli.ts <command> [exercise] [--flags]`, as npm passes it
// (`npm run hint -- 4 --lang zh`).
import type { Lang } from "../harness/manifest";

export interface Args {
  command: string;
  /** The exercise named on the command line, as typed. */
  name?: string;
  lang?: string;
  yes: boolean;
  force: boolean;
  manualRun: boolean;
  edit: boolean;
  editCmd?: string;
  timeoutSeconds?: number;
  port?: number;
  open: boolean;
  help: boolean;
  /** Anything the runner did not understand, to say so rather than ignore it. */
  unknown: string[];
}

const WITH_VALUE = new Set(["--lang", "--edit-cmd", "--timeout", "--port"]);

export function parseArgs(argv: string[]): Args {
  const args: Args = { command: "", yes: false, force: false, manualRun: false, edit: false, open: true, help: false, unknown: [] };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    } else if (WITH_VALUE.has(arg)) {
      value = argv[++i];
    }
    switch (arg) {
      case "--lang":
        args.lang = value;
        break;
      case "--yes":
      case "-y":
        args.yes = true;
        break;
      case "--force":
        args.force = true;
        break;
      case "--manual-run":
        args.manualRun = true;
        break;
      case "--edit":
        args.edit = true;
        break;
      case "--edit-cmd":
        args.editCmd = value;
        break;
      case "--timeout":
        args.timeoutSeconds = Number(value);
        break;
      case "--port":
        args.port = Number(value);
        break;
      case "--no-open":
        args.open = false;
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      default:
        if (arg.startsWith("-")) args.unknown.push(argv[i]);
        else positional.push(arg);
    }
  }
  args.command = positional.shift() ?? "";
  args.name = positional.shift();
  args.unknown.push(...positional);
  return args;
}

/** --lang wins, then the locale (LC_ALL, LC_MESSAGES, LANG: the first one set decides), then English. */
export function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag) return /^zh/i.test(flag) ? "zh" : "en";
  for (const key of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[key];
    if (value) return /^zh/i.test(value) ? "zh" : "en";
  }
  return "en";
}
