import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { FASHION_MNIST_FILES, fashionMnistDir, readFashionMnist } from "./fashion-mnist";

const saved = process.env.FASHION_MNIST_DIR;
const temps: string[] = [];

function tempDir(files: Record<string, Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-fashion-"));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

afterEach(() => {
  if (saved === undefined) delete process.env.FASHION_MNIST_DIR;
  else process.env.FASHION_MNIST_DIR = saved;
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("data/fashion-mnist: the optional Fashion-MNIST files", () => {
  it("FASHION_MNIST_DIR naming a folder that does not exist is an error that says what to do", () => {
    process.env.FASHION_MNIST_DIR = path.join(os.tmpdir(), "no-such-fashion-folder");
    expect(() => fashionMnistDir()).toThrow(/FASHION_MNIST_DIR is set to .*no folder there.*apt-get install dataset-fashion-mnist/);
  });

  it("FASHION_MNIST_DIR wins over the Debian folder", () => {
    const dir = tempDir({});
    process.env.FASHION_MNIST_DIR = dir;
    expect(fashionMnistDir()).toBe(dir);
  });

  it("a missing file, a file of the wrong size, a damaged gzip and a wrong hash are each named", () => {
    const labels = FASHION_MNIST_FILES["test-labels"];
    expect(() => readFashionMnist("test-labels", tempDir({}))).toThrow(/t10k-labels-idx1-ubyte \(or t10k-labels-idx1-ubyte.gz\) is missing/);
    expect(() => readFashionMnist("test-labels", tempDir({ [labels.file]: Buffer.alloc(10) }))).toThrow(/10 bytes, but the real one has 10008/);
    expect(() => readFashionMnist("test-labels", tempDir({ [labels.file + ".gz"]: Buffer.from([0x1f, 0x8b, 1, 2, 3]) }))).toThrow(/damaged gzip/);
    expect(() => readFashionMnist("test-labels", tempDir({ [labels.file + ".gz"]: zlib.gzipSync(Buffer.alloc(labels.bytes)) }))).toThrow(/SHA-256 is [0-9a-f]{64}, but the real one's is 0402a96d/);
  });

  it.runIf(fashionMnistDir() !== undefined)("reads the installed files: 10,000 test labels, each from 0 to 9", () => {
    const bytes = readFashionMnist("test-labels", fashionMnistDir()!);
    expect(bytes.length).toBe(10_008);
    expect(Math.max(...bytes.subarray(8))).toBe(9);
  });
});
