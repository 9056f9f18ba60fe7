// Watch mode's eyes: the folders of every file an exercise's tests load (editors often save by
// rename, so folders are watched, not files). A burst of events (write, rename, chmod) from one
// save becomes one call of onChange.
import fs from "node:fs";
import path from "node:path";

/** Saves arrive as bursts of events; one run answers the whole burst. */
const DEBOUNCE_MS = 30;

export class FileWatcher {
  private watchers: fs.FSWatcher[] = [];
  private watched = new Set<string>();
  private folder = "";
  private debounce: NodeJS.Timeout | undefined;
  /** While true (a terminal editor has the screen), saves are ignored. */
  paused = false;

  constructor(private readonly onChange: () => void) {}

  /** Watch `files` (absolute), and any .ts file saved in `folder` (the exercise's own). */
  watch(files: string[], folder: string, enabled = true): void {
    this.watched = new Set(files);
    this.folder = folder;
    if (!enabled) return;
    this.closeWatchers();
    for (const dir of new Set([...files.map((file) => path.dirname(file)), folder])) {
      if (!fs.existsSync(dir)) continue;
      try {
        const watcher = fs.watch(dir, (_event, name) => this.onEvent(dir, name?.toString()));
        watcher.on("error", () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // A folder that cannot be watched: r still re-runs by hand.
      }
    }
  }

  close(): void {
    clearTimeout(this.debounce);
    this.closeWatchers();
  }

  private closeWatchers(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }

  private onEvent(dir: string, name: string | undefined): void {
    if (this.paused) return;
    const file = name ? path.join(dir, name) : undefined;
    if (file && !this.watched.has(file) && !(/\.ts$/.test(file) && dir === this.folder)) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(this.onChange, DEBOUNCE_MS);
  }
}
