// A learner's work is never lost to a test run: before the run, every file under exercises/ that
// is not the running exercise's own is copied (in memory: sources are small); after it, any of
// them the run changed or deleted is put back, and the runner says so.
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../harness/atomic-write";

const MAX_FILE = 2_000_000;

export interface FileGuard {
  /** Puts back what the run changed or deleted; returns those files, course-relative. */
  restore(): string[];
}

/** Copies exercises/ except `own` (course-relative paths, e.g. "exercises/05-matrix/matrix.ts"). */
export function guardFiles(root: string, own: string[]): FileGuard {
  const skip = new Set(own);
  const kept = new Map<string, Buffer>();
  const walk = (rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(child);
      else if (entry.isFile() && !skip.has(child)) {
        const file = path.join(root, child);
        if (fs.statSync(file).size <= MAX_FILE) kept.set(child, fs.readFileSync(file));
      }
    }
  };
  walk("exercises");
  return {
    restore() {
      const restored: string[] = [];
      for (const [rel, content] of kept) {
        const file = path.join(root, rel);
        let now: Buffer | undefined;
        try {
          now = fs.readFileSync(file);
        } catch {
          now = undefined;
        }
        if (now && now.equals(content)) continue;
        writeFileAtomic(file, content);
        restored.push(rel);
      }
      return restored;
    },
  };
}
