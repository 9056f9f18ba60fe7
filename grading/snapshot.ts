// A submission's exercises/ folder read once into memory: the grade, the integrity check and
// the cache key all look at the same bytes. Symbolic links are recorded, never followed (a link
// to the course's solutions/ must not smuggle the reference in); oversized files are left out.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface Snapshot {
  /** The folder that was read. */
  dir: string;
  /** Regular files by path relative to it ("05-matrix/matrix.ts"). */
  files: Map<string, Buffer>;
  /** Symbolic links, relative path -> where they point. */
  links: Map<string, string>;
  /** Files too big to be source code, relative path -> size in bytes. */
  oversized: Map<string, number>;
  hash: string;
}

export const MAX_FILE_BYTES = 1_000_000;
const MAX_FILES = 5_000;
const SKIP = new Set(["node_modules", ".git", "__MACOSX", ".nn-kata"]);

export function snapshot(dir: string): Snapshot {
  const files = new Map<string, Buffer>();
  const links = new Map<string, string>();
  const oversized = new Map<string, number>();
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (files.size + links.size >= MAX_FILES) return;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, child);
      if (entry.isSymbolicLink()) links.set(child, safeReadlink(full));
      else if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) walk(child);
      } else if (entry.isFile()) {
        const size = fs.lstatSync(full).size;
        if (size > MAX_FILE_BYTES) oversized.set(child, size);
        else files.set(child, fs.readFileSync(full));
      }
    }
  };
  walk("");
  const hash = crypto.createHash("sha256");
  for (const [rel, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) hash.update(`f\0${rel}\0${content.length}\0`).update(content);
  for (const [rel, target] of [...links].sort(([a], [b]) => a.localeCompare(b))) hash.update(`l\0${rel}\0${target}\0`);
  for (const [rel, size] of [...oversized].sort(([a], [b]) => a.localeCompare(b))) hash.update(`o\0${rel}\0${size}\0`);
  return { dir, files, links, oversized, hash: hash.digest("hex") };
}

/** The hash of a file's bytes (an archive's cache key is its own content). */
export function hashFile(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Line endings differ between Windows and Linux clones; the grader compares text without them. */
export const normalise = (text: string) => text.replace(/\r\n?/g, "\n");

function safeReadlink(file: string): string {
  try {
    return fs.readlinkSync(file);
  } catch {
    return "?";
  }
}
