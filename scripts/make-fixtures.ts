// Maintainer's tool: `npm run fixtures` writes data/fixtures/ from the real MNIST test digits.
// Nothing in there is copied from elsewhere: every picture is drawn here from a test image,
// as dark ink on white paper (the way someone would photograph their own handwriting), in a
// few sizes and colour types, plus the broken files the course must refuse with a clear error.
// data/fixtures/index.json records where each one came from. The output is the same on every run.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PNG, type ColorType } from "pngjs";
import { loadMnist } from "../solutions/11-idx/idx";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "data", "fixtures");
const SIDE = 28;

/** Test-set positions of the digits drawn: the first four test images, labels 7, 2, 1, 0. */
const TEST_INDICES = [0, 1, 2, 3];

interface Entry {
  file: string;
  /** Where the picture came from: "MNIST test set" with its index and label, or nothing for broken files. */
  testIndex?: number;
  label?: number;
  width?: number;
  height?: number;
  colour?: "grey" | "rgb" | "rgba";
  bitDepth?: 8 | 16;
  how: string;
  /** For files the course must refuse: the words its error should contain. */
  refusedBecause?: string;
}

/** A square picture `size` pixels wide, each MNIST pixel blown up to the nearest source pixel. */
function paper(pixels: Uint8Array, size: number): Uint8Array {
  const ink = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sy = Math.floor(((y + 0.5) * SIDE) / size);
      const sx = Math.floor(((x + 0.5) * SIDE) / size);
      ink[y * size + x] = pixels[sy * SIDE + sx];
    }
  }
  return ink;
}

/** RGBA bytes for pngjs: dark ink on white (grey = 255 - ink), or black ink whose strength is its alpha over a transparent page. */
function rgba(ink: Uint8Array, transparentPage: boolean): Buffer {
  const data = Buffer.alloc(ink.length * 4);
  ink.forEach((value, i) => {
    const grey = transparentPage ? 0 : 255 - value;
    data.set([grey, grey, grey, transparentPage ? value : 255], i * 4);
  });
  return data;
}

function png(size: number, data: Buffer, colorType: ColorType): Buffer {
  const image = new PNG({ width: size, height: size });
  data.copy(image.data);
  return PNG.sync.write(image, { colorType });
}

/** A 16-bit grey PNG (pngjs writes one when given 16-bit samples). */
function png16(ink: Uint8Array): Buffer {
  const samples = new Uint16Array(ink.length);
  ink.forEach((value, i) => (samples[i] = (255 - value) * 257)); // 0..255 -> 0..65535
  const image = new PNG({ width: SIDE, height: SIDE });
  image.data = Buffer.from(samples.buffer);
  return PNG.sync.write(image, { colorType: 0, inputColorType: 0, bitDepth: 16 });
}

/** The byte offset just after the IDAT chunk's 8-byte length and type: where the compressed pixels start. */
function idatData(bytes: Buffer): number {
  const at = bytes.indexOf("IDAT", 8, "latin1");
  if (at < 0) throw new Error("make-fixtures: pngjs wrote a PNG without an IDAT chunk");
  return at + 4;
}

const files = new Map<string, Buffer>();
const index: Entry[] = [];
function add(entry: Entry, bytes: Buffer): void {
  files.set(entry.file, bytes);
  index.push(entry);
}

const digits = loadMnist("test", Math.max(...TEST_INDICES) + 1);
for (const testIndex of TEST_INDICES) {
  const { pixels, label } = digits[testIndex];
  const stem = `test${testIndex}-label${label}`;
  const from = { testIndex, label };
  add(
    { file: `${stem}-28-grey.png`, ...from, width: 28, height: 28, colour: "grey", bitDepth: 8, how: "8-bit grey, grey = 255 - MNIST pixel" },
    png(28, rgba(paper(pixels, 28), false), 0),
  );
  add(
    { file: `${stem}-56-rgb.png`, ...from, width: 56, height: 56, colour: "rgb", bitDepth: 8, how: "8-bit RGB, each MNIST pixel a 2 x 2 block, red = green = blue = 255 - pixel" },
    png(56, rgba(paper(pixels, 56), false), 2),
  );
  add(
    { file: `${stem}-100-rgba.png`, ...from, width: 100, height: 100, colour: "rgba", bitDepth: 8, how: "8-bit RGBA, stretched to 100 x 100 (nearest pixel), black ink with alpha = MNIST pixel on a transparent page" },
    png(100, rgba(paper(pixels, 100), true), 6),
  );
}

const first = digits[TEST_INDICES[0]];
const good = files.get(`test${TEST_INDICES[0]}-label${first.label}-28-grey.png`)!;
const from = { testIndex: TEST_INDICES[0], label: first.label };
add({ file: "sixteen-bit.png", ...from, width: 28, height: 28, colour: "grey", bitDepth: 16, how: "16-bit grey, sample = (255 - pixel) * 257", refusedBecause: "16" }, png16(first.pixels));
add({ file: "truncated.png", ...from, how: "the 28 x 28 grey PNG cut off half-way, like an interrupted download", refusedBecause: "truncated.png" }, good.subarray(0, Math.floor(good.length / 2)));
const damaged = Buffer.from(good);
for (let i = idatData(damaged) + 10; i < idatData(damaged) + 20; i++) damaged[i] ^= 0xff;
add({ file: "damaged.png", ...from, how: "the 28 x 28 grey PNG with 10 bytes of its pixel data flipped (its checksum no longer matches)", refusedBecause: "damaged.png" }, damaged);
add({ file: "empty.png", how: "0 bytes", refusedBecause: "empty" }, Buffer.alloc(0));
add(
  { file: "not-a-png.png", how: "a text file with a .png name", refusedBecause: "not a PNG" },
  Buffer.from("This is a text file, not a picture, even though its name ends in .png.\n"),
);

fs.mkdirSync(outDir, { recursive: true });
for (const [file, bytes] of files) fs.writeFileSync(path.join(outDir, file), bytes);
const note = "Written by `npm run fixtures` (scripts/make-fixtures.ts) from the MNIST test set; do not edit by hand.";
fs.writeFileSync(path.join(outDir, "index.json"), JSON.stringify({ $comment: note, fixtures: index }, null, 2) + "\n");
console.log(`wrote ${files.size} fixtures and index.json to ${path.relative(root, outDir)}`);
