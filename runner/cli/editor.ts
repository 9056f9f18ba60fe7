// Opening the learner's file in their editor: `--edit-cmd "code -g"` (the path is appended, or put
// where "{file}" stands), else $VISUAL / $EDITOR. A terminal editor gets the terminal until it
// exits; a window editor is started and left running.
import { spawn } from "node:child_process";
import path from "node:path";

const TERMINAL_EDITORS = /^(vi|vim|nvim|nano|pico|micro|hx|helix|kak|joe|ne|mg|ed|emacs\s+(-nw|-t)|emacsclient\s+(-nw|-t))\b/;

export function editorCommand(editCmd: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return editCmd || env.VISUAL || env.EDITOR || undefined;
}

export function isTerminalEditor(command: string): boolean {
  return TERMINAL_EDITORS.test(path.basename(command.trim().split(/\s+/)[0]) + command.trim().replace(/^\S+/, ""));
}

/** Open `file`; resolves when a terminal editor exits, or at once for a window editor. */
export function openInEditor(command: string, file: string): Promise<void> {
  const quoted = `'${file.replace(/'/g, "'\\''")}'`;
  const line = command.includes("{file}") ? command.split("{file}").join(quoted) : `${command} ${quoted}`;
  if (isTerminalEditor(command)) {
    return new Promise((resolve) => {
      const child = spawn(line, { shell: true, stdio: "inherit" });
      child.on("close", () => resolve());
      child.on("error", () => resolve());
    });
  }
  const child = spawn(line, { shell: true, stdio: "ignore", detached: true });
  child.on("error", () => {});
  child.unref();
  return Promise.resolve();
}
