// BUG: new DataView(bytes.buffer) reads from the start of the underlying buffer, not from the
// view's byteOffset: right for a fresh array, wrong for a small file from Node's pool.
// caught by: "byte offset"
// Book 2.5: the MNIST handwritten digits. The book reads them from CSV files; here we read the
// original files, which use the IDX format: a short header of big-endian 32-bit numbers, then
// the bytes themselves.
//
//   images file: magic 2051 | count | rows | cols | count x rows x cols pixels, 0..255, row by row
//   labels file: magic 2049 | count | count labels, 0..9
//
// "Big-endian" means the most significant byte comes first: the bytes 00 00 08 03 are 2051.
import fs from "node:fs";
import { mnistPath } from "../../../data/mnist";

export const IMAGES_MAGIC = 2051;
export const LABELS_MAGIC = 2049;

export interface Images {
  count: number;
  rows: number;
  cols: number;
  /** All the pixels, image after image, each image row by row: count x rows x cols bytes. */
  pixels: Uint8Array;
}

/** One handwritten digit: its rows x cols pixels (0 = background, 255 = ink) and its label 0..9. */
export interface Digit {
  pixels: Uint8Array;
  label: number;
}

/** Parse an IDX images file (magic 2051). */
export function readImages(bytes: Uint8Array): Images {
  const [count, rows, cols] = readHeader("readImages", bytes, IMAGES_MAGIC, 3);
  const pixels = body("readImages", bytes, 16, count * rows * cols, `${count} images of ${rows}x${cols}`);
  return { count, rows, cols, pixels };
}

/** Parse an IDX labels file (magic 2049): one byte per label. */
export function readLabels(bytes: Uint8Array): Uint8Array {
  const [count] = readHeader("readLabels", bytes, LABELS_MAGIC, 1);
  return body("readLabels", bytes, 8, count, `${count} labels`);
}

/** Pair each image with its label; `limit` keeps only the first ones. */
export function readDigits(imageBytes: Uint8Array, labelBytes: Uint8Array, limit = Infinity): Digit[] {
  const images = readImages(imageBytes);
  const labels = readLabels(labelBytes);
  if (images.count !== labels.length) {
    throw new Error(`readDigits: the images file holds ${images.count} images but the labels file holds ${labels.length} labels; they must come in pairs (are they from the same set, train or test?)`);
  }
  const size = images.rows * images.cols;
  const digits: Digit[] = [];
  for (let i = 0; i < Math.min(images.count, limit); i++) {
    // subarray is a view into the same memory, so 60,000 digits cost no copying.
    digits.push({ pixels: images.pixels.subarray(i * size, (i + 1) * size), label: labels[i] });
  }
  return digits;
}

/** The real MNIST: "train" has 60,000 digits, "test" 10,000. */
export function loadMnist(set: "train" | "test", limit = Infinity): Digit[] {
  const images = fs.readFileSync(mnistPath(`${set}-images`));
  const labels = fs.readFileSync(mnistPath(`${set}-labels`));
  return readDigits(images, labels, limit);
}
/** Checks the magic number and returns the `dims` numbers that follow it. */
function readHeader(fn: string, bytes: Uint8Array, magic: number, dims: number): number[] {
  const headerBytes = 4 + 4 * dims;
  const tooShort = () => new Error(`${fn}: the data has only ${bytes.length} bytes, too short even for the ${headerBytes}-byte IDX header; is the file empty or cut off?`);
  if (bytes.length < 4) throw tooShort();
  const view = new DataView(bytes.buffer);
  const got = view.getUint32(0); // DataView reads big-endian unless told otherwise
  if (got !== magic) {
    const other = got === IMAGES_MAGIC ? " (that is an images file)" : got === LABELS_MAGIC ? " (that is a labels file)" : "";
    throw new Error(`${fn}: the magic number is ${got}${other}, expected ${magic}; this is not the right kind of IDX file`);
  }
  if (bytes.length < headerBytes) throw tooShort();
  return Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i));
}

/** The bytes after the header, which must be exactly `length` long. */
function body(fn: string, bytes: Uint8Array, headerBytes: number, length: number, what: string): Uint8Array {
  const expected = headerBytes + length;
  if (bytes.length !== expected) {
    const problem = bytes.length < expected ? "it is truncated" : "there are extra bytes after the data";
    throw new Error(`${fn}: the header promises ${what}, so the data should be ${expected} bytes, but it is ${bytes.length} bytes: ${problem}`);
  }
  return bytes.subarray(headerBytes);
}
