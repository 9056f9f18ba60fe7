// Book 2.5: the MNIST handwritten digits. The book reads them from CSV files; here we read the
// original files, which use the IDX format: a short header of big-endian 32-bit numbers, then
// the bytes themselves.
//
//   images file: magic 2051 | count | rows | cols | count x rows x cols pixels, 0..255, row by row
//   labels file: magic 2049 | count | count labels, 0..9
//
// "Big-endian" means the most significant byte comes first: the bytes 00 00 08 03 are 2051.
import fs from "node:fs";
import { mnistPath } from "../../data/mnist";

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
  throw new Error("not implemented yet: readImages in exercises/11-idx/idx.ts");
}

/** Parse an IDX labels file (magic 2049): one byte per label. */
export function readLabels(bytes: Uint8Array): Uint8Array {
  throw new Error("not implemented yet: readLabels in exercises/11-idx/idx.ts");
}

/** Pair each image with its label; `limit` keeps only the first ones. */
export function readDigits(imageBytes: Uint8Array, labelBytes: Uint8Array, limit = Infinity): Digit[] {
  throw new Error("not implemented yet: readDigits in exercises/11-idx/idx.ts");
}

/** The real MNIST: "train" has 60,000 digits, "test" 10,000. */
export function loadMnist(set: "train" | "test", limit = Infinity): Digit[] {
  throw new Error("not implemented yet: loadMnist in exercises/11-idx/idx.ts");
}
