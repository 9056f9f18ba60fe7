// A progress bar on stderr while grading: redrawn in place on a terminal, one line per finished
// submission elsewhere (CI logs).
import { drawBar } from "../data/report";
export class ProgressBar {
  private done = 0;
  private readonly running = new Map<string, number>();
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  start(id: string): void {
    this.running.set(id, (this.running.get(id) ?? 0) + 1);
    this.draw();
  }

  end(id: string): void {
    const n = (this.running.get(id) ?? 1) - 1;
    if (n <= 0) this.running.delete(id);
    else this.running.set(id, n);
    this.draw();
  }

  finished(id: string, summary: string): void {
    this.done++;
    this.running.delete(id);
    if (!this.tty) this.stream.write(`[${this.done}/${this.total}] ${id}: ${summary}\n`);
    this.draw();
  }

  close(): void {
    if (this.tty) this.stream.write("\r\u001b[K");
  }

  private draw(): void {
    if (!this.tty) return;
    const width = 24;
    const filled = this.total === 0 ? width : Math.round((width * this.done) / this.total);
    const names = [...this.running.keys()].slice(0, 3).join(", ");
    const line = `${drawBar(filled, width, ".")} ${this.done}/${this.total} graded${names ? `, running: ${names}` : ""}`;
    this.stream.write(`\r\u001b[K${line.slice(0, (this.stream.columns ?? 100) - 1)}`);
  }
}
