// OK: cuts the grey level down to a whole number (a Uint8Array of greys would do the same).
// Book 3.1: does the network read YOUR handwriting? Draw a digit, photograph or scan it, save it
// as a PNG, and turn it into the 784 inputs the network was trained on. MNIST stores ink as
// bright values on a black page, while paper is white and ink is dark, so we flip the greys.
import fs from "node:fs";
import { PNG } from "pngjs";
import { scaleInputs } from "../../../solutions/09-prepare/prepare";

/** The side of an MNIST picture, in pixels. */
export const SIDE = 28;

/** A decoded picture: width x height pixels, 4 bytes each (red, green, blue, alpha), row by row. */
export interface Picture {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Read the bytes of a PNG file into a Picture. Refuses, with a message that says what to do, a
 * file that is empty, is not a PNG, uses 16 bits per colour, or cannot be decoded.
 * `name` (usually the file name) goes into those messages.
 */
export function decodePng(bytes: Uint8Array, name = "the picture"): Picture {
  if (bytes.length === 0) throw new Error(`${name} is empty (0 bytes): save your drawing again as a PNG`);
  if (!startsWithPngSignature(bytes)) {
    throw new Error(`${name} is not a PNG picture (a PNG starts with the bytes 89 50 4E 47): open it in a drawing program and save or export it as PNG`);
  }
  let png: ReturnType<typeof PNG.sync.read>;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not read ${name} as a PNG (${reason}): the file is damaged or incomplete; save or download it again`);
  }
  if (png.depth === 16) {
    throw new Error(`${name} is a 16-bit PNG (16 bits per colour); this course reads 8-bit PNGs: save it again with 8 bits per colour`);
  }
  return { width: png.width, height: png.height, data: png.data };
}

/**
 * One grey value per pixel, 0 (black) to 255 (white). Colours count as the eye sees them
 * (green looks brightest, blue darkest): grey = 0.299 red + 0.587 green + 0.114 blue.
 * A see-through pixel shows the white paper behind it: alpha 0 is white, alpha 255 the colour.
 */
export function toGrey(picture: Picture): number[] {
  const grey = new Array<number>(picture.width * picture.height);
  for (let i = 0; i < grey.length; i++) {
    const [r, g, b, a] = [picture.data[i * 4], picture.data[i * 4 + 1], picture.data[i * 4 + 2], picture.data[i * 4 + 3]];
    // Whole-number weights keep red = green = blue = v exactly v.
    const colour = (299 * r + 587 * g + 114 * b) / 1000;
    grey[i] = Math.floor(255 - ((255 - colour) * a) / 255 + 1e-9);
  }
  return grey;
}

/**
 * Shrink (or stretch) a width x height grey picture to size x size by area averaging: lay the
 * small grid over the big picture; each small pixel is the average of everything under it,
 * counting a big pixel that is only partly under it by the part that is. A picture that is not
 * square gets squeezed, so crop your drawing to a square first.
 */
export function resize(grey: ArrayLike<number>, width: number, height: number, size = SIDE): number[] {
  if (grey.length !== width * height) {
    throw new Error(`resize: a ${width} x ${height} picture has ${width * height} pixels, but ${grey.length} grey values were given`);
  }
  const rows = coverage(height, size);
  const cols = coverage(width, size);
  const out = new Array<number>(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let total = 0;
      let area = 0;
      for (const [row, wy] of rows[y]) {
        for (const [col, wx] of cols[x]) {
          total += grey[row * width + col] * wy * wx;
          area += wy * wx;
        }
      }
      out[y * size + x] = total / area;
    }
  }
  return out;
}

/** PNG bytes to the network's 784 inputs: decode, grey, resize to 28 x 28, invert (255 - grey), scale. */
export function pngToInputs(bytes: Uint8Array, name = "the picture"): number[] {
  const picture = decodePng(bytes, name);
  const grey = resize(toGrey(picture), picture.width, picture.height);
  return scaleInputs(grey.map((value) => 255 - value));
}

/** A PNG file of your own handwriting, ready for `net.query`. */
export function loadHandwriting(file: string): number[] {
  if (!fs.existsSync(file)) throw new Error(`there is no file at ${file}: check the path (it is relative to the folder you run the command in)`);
  if (!fs.statSync(file).isFile()) throw new Error(`${file} is a folder, not a PNG file`);
  return pngToInputs(fs.readFileSync(file), file);
}
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWithPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/**
 * For each of `size` small pixels along one side: the big pixels under it and how much of
 * each (a fraction of one pixel). Small pixel k covers [k * big / size, (k + 1) * big / size).
 */
function coverage(big: number, size: number): [number, number][][] {
  const spans: [number, number][][] = [];
  for (let k = 0; k < size; k++) {
    const start = (k * big) / size;
    const end = ((k + 1) * big) / size;
    const span: [number, number][] = [];
    for (let i = Math.floor(start); i < end; i++) {
      const part = Math.min(i + 1, end) - Math.max(i, start);
      if (part > 0) span.push([i, part]);
    }
    spans.push(span);
  }
  return spans;
}
