// Fashion-MNIST (Zalando Research): the same IDX files as MNIST, 60,000 + 10,000 greyscale
// 28 x 28 pictures, but of ten kinds of clothing instead of digits, and much harder. The deep
// gate (exercise 24) reports its accuracy on it when the files are here; nothing requires them.
//
// Where they come from: the folder FASHION_MNIST_DIR names, else the Debian package
// dataset-fashion-mnist (`apt-get install dataset-fashion-mnist`, gzip-compressed files in
// /usr/share/datasets/fashion-mnist). Each file may be plain or .gz; its unpacked bytes are
// checked by size and SHA-256, as data/mnist.ts checks MNIST.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { MnistFileError, type MnistName } from "./mnist";

export const FASHION_MNIST_DIR_VARIABLE = "FASHION_MNIST_DIR";
export const DEBIAN_FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

/** What each class number means. */
export const FASHION_LABELS = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
/** The same classes in Chinese, for a run under --lang zh. */
export const FASHION_LABELS_ZH = ["T 恤/上衣", "裤子", "套头衫", "连衣裙", "外套", "凉鞋", "衬衫", "运动鞋", "包", "短靴"];

// Sizes and SHA-256 of the unpacked files, measured on Debian's dataset-fashion-mnist
// 0.0~git20200523.55506a9-1 (its .gz files have the MD5 sums the Fashion-MNIST README lists).
export const FASHION_MNIST_FILES: Record<MnistName, { file: string; bytes: number; sha256: string }> = {
  "train-images": { file: "train-images-idx3-ubyte", bytes: 47_040_016, sha256: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888" },
  "train-labels": { file: "train-labels-idx1-ubyte", bytes: 60_008, sha256: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9" },
  "test-images": { file: "t10k-images-idx3-ubyte", bytes: 7_840_016, sha256: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b" },
  "test-labels": { file: "t10k-labels-idx1-ubyte", bytes: 10_008, sha256: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34" },
};

const FIX = `Install them with \`apt-get install dataset-fashion-mnist\`, or point ${FASHION_MNIST_DIR_VARIABLE} at a folder with the four original files (plain or .gz).`;

/** The folder to read Fashion-MNIST from, or undefined when it is not installed (it is optional). */
export function fashionMnistDir(): string | undefined {
  const custom = process.env[FASHION_MNIST_DIR_VARIABLE];
  if (custom) {
    const dir = path.resolve(custom);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new MnistFileError(`${FASHION_MNIST_DIR_VARIABLE} is set to "${custom}", but there is no folder there. Unset it, or ${FIX.charAt(0).toLowerCase() + FIX.slice(1)}`);
    }
    return dir;
  }
  return fs.existsSync(DEBIAN_FASHION_MNIST_DIR) ? DEBIAN_FASHION_MNIST_DIR : undefined;
}

/** The unpacked bytes of one Fashion-MNIST file from `dir`, after checking they are the real ones. */
export function readFashionMnist(name: MnistName, dir: string): Uint8Array {
  const expected = FASHION_MNIST_FILES[name];
  const plain = path.join(dir, expected.file);
  const file = [plain, plain + ".gz"].find((f) => fs.existsSync(f));
  if (file === undefined) throw new MnistFileError(`The Fashion-MNIST file ${expected.file} (or ${expected.file}.gz) is missing from ${dir}. ${FIX}`);
  let bytes: Buffer = fs.readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = zlib.gunzipSync(bytes);
    } catch (error) {
      throw new MnistFileError(`The Fashion-MNIST file ${file} is a damaged gzip file (${(error as Error).message}). ${FIX}`);
    }
  }
  if (bytes.length !== expected.bytes) {
    throw new MnistFileError(`The Fashion-MNIST file ${file} unpacks to ${bytes.length} bytes, but the real one has ${expected.bytes}: it is incomplete or not the right file. ${FIX}`);
  }
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== expected.sha256) {
    throw new MnistFileError(`The Fashion-MNIST file ${file} is damaged: its SHA-256 is ${sha256}, but the real one's is ${expected.sha256}. ${FIX}`);
  }
  return bytes;
}
