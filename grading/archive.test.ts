// Archives unpack in-process: plain files and folders only, inside the target; unsafe entries
// are skipped and listed, the rest kept; size and file-count caps hold while streaming.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tar from "tar";
import { afterAll, describe, expect, it } from "vitest";
import { safeEntryPath, unpackArchive } from "./archive";
import { zip } from "./zip";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-archive-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const at = (...parts: string[]) => path.join(tmp, ...parts);

describe("unpacking submissions", () => {
  it("refuses paths that leave the folder", () => {
    expect(safeEntryPath("exercises/01-predictor/predictor.ts")).toBe("exercises/01-predictor/predictor.ts");
    for (const bad of ["../evil.ts", "a/../../evil.ts", "/etc/passwd", "C:\\evil.ts", "a\\..\\..\\evil.ts"]) expect(safeEntryPath(bad)).toHaveProperty("why");
  });

  it("unpacks a zip, skipping a '..' entry and a symbolic link, keeping the rest", async () => {
    fs.writeFileSync(
      at("mixed.zip"),
      zip(
        [
          { name: "exercises/01-predictor/predictor.ts", data: "export const c = 1;\n" },
          { name: "../escaped.txt", data: "out" },
          { name: "exercises/link", data: "/etc/passwd", mode: 0o120777 },
        ],
        { compress: "never" },
      ),
    );
    const result = await unpackArchive(at("mixed.zip"), at("mixed"));
    expect(result.problem).toBeUndefined();
    expect(result.skipped.map((s) => s.entry).sort()).toEqual(["../escaped.txt", "exercises/link"]);
    expect(fs.readFileSync(at("mixed", "exercises", "01-predictor", "predictor.ts"), "utf8")).toBe("export const c = 1;\n");
    expect(fs.existsSync(at("escaped.txt"))).toBe(false);
    expect(fs.existsSync(at("mixed", "exercises", "link"))).toBe(false);
  });

  it("stops a zip bomb at the size cap while streaming, and too many files at the count cap", async () => {
    fs.writeFileSync(at("bomb.zip"), zip([{ name: "zeros.bin", data: Buffer.alloc(8 * 1024 * 1024) }], { compress: "always" }));
    expect(fs.statSync(at("bomb.zip")).size).toBeLessThan(100_000);
    const bomb = await unpackArchive(at("bomb.zip"), at("bomb"), { maxBytes: 1024 * 1024, maxFiles: 100 });
    expect(bomb.problem).toMatch(/too big to grade: it unpacks to more than 1 MB/);
    const written = fs.readdirSync(at("bomb")).map((f) => fs.statSync(at("bomb", f)).size).reduce((a, b) => a + b, 0);
    expect(written).toBeLessThanOrEqual(1024 * 1024 + 65_536);
    fs.writeFileSync(at("many.zip"), zip(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}.ts`, data: "x" })), { compress: "never" }));
    expect((await unpackArchive(at("many.zip"), at("many"), { maxBytes: 1e6, maxFiles: 10 })).problem).toMatch(/more than 10 files/);
  });

  it("unpacks a tar.gz without the system's tar, skipping links; refuses a damaged one", async () => {
    fs.mkdirSync(at("src", "exercises", "01-predictor"), { recursive: true });
    fs.writeFileSync(at("src", "exercises", "01-predictor", "predictor.ts"), "export {};\n");
    fs.symlinkSync("/etc/passwd", at("src", "exercises", "passwd"));
    await tar.c({ gzip: true, file: at("alice.tar.gz"), cwd: at("src") }, ["exercises"]);
    const result = await unpackArchive(at("alice.tar.gz"), at("alice"));
    expect(result.problem).toBeUndefined();
    expect(result.skipped).toEqual([{ entry: "exercises/passwd", why: "a link or special file" }]);
    expect(fs.readFileSync(at("alice", "exercises", "01-predictor", "predictor.ts"), "utf8")).toBe("export {};\n");
    fs.writeFileSync(at("bad.tar.gz"), "not gzip at all");
    expect((await unpackArchive(at("bad.tar.gz"), at("bad"))).problem).toMatch(/will not unpack/);
    fs.writeFileSync(at("bad.zip"), "not a zip");
    expect((await unpackArchive(at("bad.zip"), at("badzip"))).problem).toMatch(/will not unpack/);
  });
});
