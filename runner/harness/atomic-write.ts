// Every file the runner, the grader and the tools write goes through here.
import fs from "node:fs";
import path from "node:path";

/**
 * Write to a temporary file beside the target, then rename it over the target: a reader (or a
 * Ctrl-C at any moment) sees the old file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
