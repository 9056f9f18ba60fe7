// A long run, shown while it goes: the MNIST gate trains for minutes and prints its progress, and
// a learner must not stare at a terminal that looks frozen. Once a run has taken `showAfterMs`
// (at once for an exercise with its own time limit), what its tests print is passed on as it
// arrives, and a short "still running" line says the run is alive when they print nothing.
// Short runs show nothing extra: their output waits for the report.
//
// On a terminal the output goes through as it is (a bar that redraws itself with \r redraws in
// place) and the "still running" line is one line, redrawn each second and erased when output
// comes. Anywhere else (a pipe, a log) only whole lines are printed, a redrawn line in its last
// state, and "still running" once per `heartbeatMs` of silence.
import { lastState } from "./term";

export interface LiveOptions {
  out: { write(text: string): unknown; isTTY?: boolean };
  /** "still running: 19 · The MNIST gate, 42 s", from the seconds so far. */
  status: (seconds: number) => string;
  /** How the status line looks (dim on a colour terminal). */
  style?: (text: string) => string;
  showAfterMs: number;
  /** Silence before a status line in a pipe (on a terminal: one second). */
  heartbeatMs?: number;
}

const TICK_MS = 1000;
const HELD_MAX = 100_000;
const ERASE_LINE = "\x1b[K";

/** The longest line shown in a pipe; the rest of a longer one is dropped. */
const LINE_MAX = 10_000;

export class LiveOutput {
  private readonly started = Date.now();
  private lastOutput = this.started;
  private showing = false;
  /** Output of the first moments, held back until the run turns out to be long. */
  private held = "";
  /** Pipe: the text after the last newline. */
  private partial = "";
  /** Terminal: the cursor is not at the start of a line. */
  private midLine = false;
  private statusShown = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly tty: boolean;
  /** Inside a line too long to show: dropping text until its end. */
  private cutting = false;
  private readonly heartbeatMs: number;

  constructor(private readonly options: LiveOptions) {
    this.tty = Boolean(options.out.isTTY);
    this.heartbeatMs = this.tty ? TICK_MS : options.heartbeatMs ?? 10_000;
    this.timers.push(setInterval(() => this.tick(), TICK_MS));
    if (options.showAfterMs > 0) this.timers.push(setTimeout(() => this.show(), options.showAfterMs));
    else this.showing = true;
    for (const timer of this.timers) timer.unref();
  }

  write(text: string): void {
    if (this.showing) this.forward(text);
    else if (this.held.length < HELD_MAX) this.held += text;
  }

  /** The run ended: leave the cursor at the start of a clean line for the report. True if anything was shown. */
  stop(): boolean {
    for (const timer of this.timers) clearTimeout(timer);
    if (!this.showing) return false;
    if (this.tty) {
      if (this.statusShown) this.options.out.write(`\r${ERASE_LINE}`);
      else if (this.midLine) this.options.out.write("\n");
    } else if (lastState(this.partial)) {
      this.options.out.write(lastState(this.partial) + "\n");
    }
    this.statusShown = this.midLine = false;
    this.partial = "";
    return true;
  }

  private show(): void {
    this.showing = true;
    const held = this.held;
    this.held = "";
    this.forward(held);
  }

  private tick(): void {
    const now = Date.now();
    if (!this.showing || now - this.lastOutput < this.heartbeatMs) return;
    const status = (this.options.style ?? ((text: string) => text))(this.options.status(Math.round((now - this.started) / 1000)));
    if (this.tty) {
      if (this.midLine && !this.statusShown) this.options.out.write("\n");
      this.options.out.write(`\r${status}${ERASE_LINE}`);
      this.statusShown = true;
    } else {
      this.options.out.write(status + "\n");
      this.lastOutput = now;
    }
  }

  private forward(text: string): void {
    if (!text) return;
    this.lastOutput = Date.now();
    if (this.tty) {
      if (this.statusShown) this.options.out.write(`\r${ERASE_LINE}`);
      this.statusShown = false;
      this.options.out.write(text);
      this.midLine = !text.endsWith("\n");
      return;
    }
    // One enormous line (40 MB without a newline) must not be joined and split again for every
    // chunk: that is quadratic, and made a correct solution look like an endless loop. A line
    // is shown up to LINE_MAX characters; the rest of it is dropped.
    if (this.cutting) {
      const end = text.indexOf("\n");
      if (end === -1) return;
      this.cutting = false;
      text = text.slice(end);
    }
    const lines = (this.partial + text).split("\n");
    this.partial = lines.pop()!;
    if (this.partial.length > LINE_MAX) {
      lines.push(`${this.partial.slice(0, LINE_MAX)} ... (line cut)`);
      this.partial = "";
      this.cutting = true;
    }
    // A line being redrawn only needs its latest state kept.
    if (this.partial.includes("\r")) this.partial = "\r" + lastState(this.partial);
    if (lines.length > 0) this.options.out.write(lines.map(lastState).join("\n") + "\n");
  }
}
