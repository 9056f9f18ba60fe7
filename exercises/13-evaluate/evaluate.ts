// Book 2.5.3: the scorecard says how often the network is right. To improve it we also want
// to know *where* it goes wrong: which digits it mixes up (the confusion matrix), how good it
// is at each digit, and the test images it got most confidently wrong. And we want to look at
// the digits themselves, in the terminal and as pictures.
import { PNG } from "pngjs";

/** The fraction of predictions equal to the true labels: 0.95 means 95 out of 100. */
export function accuracy(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  throw new Error("not implemented yet: accuracy in exercises/13-evaluate/evaluate.ts");
}

/**
 * A classes x classes table of counts: row = the true digit, column = the network's answer.
 * The diagonal holds the right answers; entry (4, 9) counts the 4s the network called 9.
 */
export function confusionMatrix(predicted: ArrayLike<number>, actual: ArrayLike<number>, classes = 10): number[][] {
  throw new Error("not implemented yet: confusionMatrix in exercises/13-evaluate/evaluate.ts");
}

/** For each digit, the fraction of its test images the network got right; null if there were none. */
export function perDigitAccuracy(confusion: number[][]): (number | null)[] {
  throw new Error("not implemented yet: perDigitAccuracy in exercises/13-evaluate/evaluate.ts");
}

export interface Mistake {
  /** Where the image is in the test set. */
  index: number;
  label: number;
  predicted: number;
  /** The output value of the (wrong) node the network chose: how sure it was. */
  confidence: number;
}

/**
 * The `count` wrong answers the network was most sure of, most confident first (the first of
 * equally confident ones first). `outputs[i]` is the network's output for test image i.
 */
export function worstMistakes(outputs: ArrayLike<number>[], labels: ArrayLike<number>, count: number): Mistake[] {
  throw new Error("not implemented yet: worstMistakes in exercises/13-evaluate/evaluate.ts");
}

/** From background to ink: a pixel 0..255 becomes one of these, darkest first. */
export const SHADES = " .:-=+*#%@";

/**
 * A picture made of characters, one line per row of pixels, rows joined by "\n". Each pixel
 * is two characters wide, because a character cell is about twice as tall as it is wide.
 * Pixel p gets SHADES[floor(p / 256 * 10)]: 0..25 is " ", 230..255 is "@".
 */
export function drawDigit(pixels: ArrayLike<number>, width = 28, height = 28): string {
  throw new Error("not implemented yet: drawDigit in exercises/13-evaluate/evaluate.ts");
}

/**
 * A greyscale PNG of the image, one pixel per pixel, with the grey levels 0..255 of the MNIST
 * file (so the digit is light on a dark background). Write it with fs.writeFileSync(name, png).
 */
export function toPng(pixels: ArrayLike<number>, width = 28, height = 28): Buffer {
  throw new Error("not implemented yet: toPng in exercises/13-evaluate/evaluate.ts");
}
