// Results cached by content hash in the report folder (<out>/.cache), so re-grading a class only
// runs the submissions whose files changed. The key covers the submission's bytes, the course's
// fingerprint (tests, reference, manifest, grader) and every option that can change a grade.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../runner/harness/atomic-write";

export class ResultCache {
  constructor(
    private readonly dir: string,
    private readonly salt: string,
  ) {}

  key(...parts: string[]): string {
    return crypto.createHash("sha256").update([this.salt, ...parts].join("\0")).digest("hex");
  }

  get<T>(key: string): T | undefined {
    const file = path.join(this.dir, `${key}.json`);
    if (!fs.existsSync(file)) return undefined;
    try {
      return JSON.parse(fs.readFileSync(file, "utf8")) as T;
    } catch {
      return undefined; // a half-written entry from an interrupted run: grade again
    }
  }

  set(key: string, value: unknown): void {
    writeFileAtomic(path.join(this.dir, `${key}.json`), JSON.stringify(value));
  }
}
