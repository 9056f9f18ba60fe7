// Book 3.1: does the network read YOUR handwriting? Draw a digit, photograph or scan it, save it
// as a PNG, and turn it into the 784 inputs the network was trained on. MNIST stores ink as
// bright values on a black page, while paper is white and ink is dark, so we flip the greys.
import fs from "node:fs";
import { PNG } from "pngjs";
import { scaleInputs } from "../09-prepare/prepare";

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
  throw new Error("not implemented yet: decodePng in exercises/17-handwriting/handwriting.ts");
}

/**
 * One grey value per pixel, 0 (black) to 255 (white). Colours count as the eye sees them
 * (green looks brightest, blue darkest): grey = 0.299 red + 0.587 green + 0.114 blue.
 * A see-through pixel shows the white paper behind it: alpha 0 is white, alpha 255 the colour.
 */
export function toGrey(picture: Picture): number[] {
  throw new Error("not implemented yet: toGrey in exercises/17-handwriting/handwriting.ts");
}

/**
 * Shrink (or stretch) a width x height grey picture to size x size by area averaging: lay the
 * small grid over the big picture; each small pixel is the average of everything under it,
 * counting a big pixel that is only partly under it by the part that is. A picture that is not
 * square gets squeezed, so crop your drawing to a square first.
 */
export function resize(grey: ArrayLike<number>, width: number, height: number, size = SIDE): number[] {
  throw new Error("not implemented yet: resize in exercises/17-handwriting/handwriting.ts");
}

/** PNG bytes to the network's 784 inputs: decode, grey, resize to 28 x 28, invert (255 - grey), scale. */
export function pngToInputs(bytes: Uint8Array, name = "the picture"): number[] {
  throw new Error("not implemented yet: pngToInputs in exercises/17-handwriting/handwriting.ts");
}

/** A PNG file of your own handwriting, ready for `net.query`. */
export function loadHandwriting(file: string): number[] {
  throw new Error("not implemented yet: loadHandwriting in exercises/17-handwriting/handwriting.ts");
}
