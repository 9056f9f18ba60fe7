import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "./atomic-write";

describe("runner/harness/atomic-write", () => {
  it("an atomic write leaves the whole new file and no temporary file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-atomic-"));
    const file = path.join(dir, "sub", "state.json");
    writeFileAtomic(file, "one");
    writeFileAtomic(file, "two");
    expect(fs.readFileSync(file, "utf8")).toBe("two");
    expect(fs.readdirSync(path.dirname(file))).toEqual(["state.json"]);
    fs.rmSync(dir, { recursive: true });
  });
});
