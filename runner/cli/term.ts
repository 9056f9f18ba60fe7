// What the terminal can show: colours, clickable file links (OSC 8), clearing the screen. Off when
// the output is not a terminal (a pipe, a log file, CI), so plain output stays plain.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readEnv } from "../harness/env";
import { drawBar } from "../../data/report";

export interface Term {
  color: boolean;
  links: boolean;
  tty: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  /** A course path shown relative to the root, clickable where the terminal supports it. */
  link(root: string, rel: string, suffix?: string): string;
  clear(): string;
}

export function makeTerm(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): Term {
  const tty = Boolean(stream.isTTY);
  const color = env.NO_COLOR ? false : env.FORCE_COLOR ? env.FORCE_COLOR !== "0" : tty && env.TERM !== "dumb";
  // OSC 8 is ignored by terminals that do not know it, but not by pipes and log files.
  const links = tty && env.TERM !== "dumb" && !readEnv(env).noLinks;
  const wrap = (open: number, close: number) => (text: string) => (color ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return {
    color,
    links,
    tty,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    link(root, rel, suffix = "") {
      const shown = rel + suffix;
      if (!links) return shown;
      const url = pathToFileURL(path.resolve(root, rel)).href;
      return `\x1b]8;;${url}\x1b\\${shown}\x1b]8;;\x1b\\`;
    },
    clear: () => (tty ? "\x1b[2J\x1b[3J\x1b[H" : ""),
  };
}

/** [#####---------] 5/19 */
export function progressBar(done: number, total: number): string {
  return `${drawBar(done, Math.max(done, total))} ${done}/${total}`;
}

/** Columns line up in a terminal: a CJK character takes two cells. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of stripAnsi(text)) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** `text` padded with spaces to `width` terminal cells (at least one space after it). */
export const padCells = (text: string, width: number) => text + " ".repeat(Math.max(1, width - displayWidth(text)));

/** Terminal escapes removed: what a reader (or a test) sees. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\]8;;[^\x1b\x07]*(?:\x1b\\|\x07)/g, "").replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
}

/** A line as it finally looks on a terminal when it redrew itself: the part after its last \r. */
export function lastState(line: string): string {
  const parts = line.replaceAll("\x1b[K", "").split("\r").filter((part) => part !== "");
  return parts.at(-1) ?? "";
}
