// Watch mode's keyboard: single letters on a terminal (raw mode), digits typed up to Enter for a
// jump; without a terminal, the same commands one per line on stdin.
import readline from "node:readline";

export class Keys {
  /** Digits typed so far (a jump to an exercise), shown after the prompt "> ". */
  typed = "";
  readonly raw: boolean;
  private rl: readline.Interface | undefined;

  constructor(
    private readonly onCommand: (command: string) => void,
    private readonly onQuit: () => void,
  ) {
    this.raw = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  }

  listen(): void {
    if (this.raw) {
      process.stdin.setRawMode(true);
      process.stdin.setEncoding("utf8");
      process.stdin.on("data", this.onKeys);
      process.stdin.resume();
    } else {
      // No terminal: the same letters, one per line. At the end of input, watching goes on.
      this.rl = readline.createInterface({ input: process.stdin, terminal: false });
      this.rl.on("line", (line) => this.onCommand(line.trim()));
    }
  }

  /** Give the terminal to another program (a terminal editor) until resume(). */
  pause(): void {
    if (!this.raw) return;
    process.stdin.off("data", this.onKeys);
    process.stdin.setRawMode(false);
  }

  resume(): void {
    if (!this.raw) return;
    process.stdin.setRawMode(true);
    process.stdin.on("data", this.onKeys);
  }

  close(): void {
    this.pause();
    this.rl?.close();
    process.stdin.pause();
  }

  private readonly onKeys = (data: string): void => {
    for (const key of data) {
      if (key === "\u0003" || key === "\u0004") return this.onQuit(); // Ctrl-C, Ctrl-D
      if (key === "\r" || key === "\n") {
        const typed = this.typed;
        this.typed = "";
        if (typed) {
          process.stdout.write("\n");
          this.onCommand(typed);
        }
      } else if (key === "\u007f" || key === "\b") {
        this.typed = this.typed.slice(0, -1);
        process.stdout.write("\b \b");
      } else if (key === "\u001b") {
        this.typed = "";
      } else if (/[0-9]/.test(key)) {
        this.typed += key;
        process.stdout.write(this.typed.length === 1 ? `> ${key}` : key);
      } else if (!this.typed) {
        this.onCommand(key.toLowerCase());
      }
    }
  };
}
