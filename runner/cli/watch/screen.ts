// Watch mode's screen: each result replaces the last one (cleared on a terminal, a rule line in
// a log), with what happened since (passes, "next exercise") kept as a prelude at its top.
import type { Cli } from "../commands/common";

export class Screen {
  /** Lines to show at the top of the next screen. */
  prelude: string[] = [];

  constructor(
    private readonly cli: Cli,
    private readonly typed: () => string,
    private readonly raw: boolean,
  ) {}

  show(text: string): void {
    const { term } = this.cli;
    const before = this.prelude.length > 0 ? this.prelude.join("\n") + "\n" : "";
    this.prelude = [];
    process.stdout.write(term.tty ? term.clear() : "\n" + "-".repeat(60) + "\n");
    this.cli.print(before + text);
    if (this.typed()) process.stdout.write(`> ${this.typed()}`);
  }

  status(text: string): void {
    this.cli.print(this.cli.term.dim(text));
  }

  keysLine(): string {
    const { m, term } = this.cli;
    return term.dim(this.raw ? m.watchKeys : m.watchKeysPlain);
  }
}
