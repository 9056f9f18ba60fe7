// OK: writes a colour PNG (red = green = blue) instead of a one-channel grey one; it reads back the same.
// Book 2.5.3: the scorecard says how often the network is right. To improve it we also want
// to know *where* it goes wrong: which digits it mixes up (the confusion matrix), how good it
// is at each digit, and the test images it got most confidently wrong. And we want to look at
// the digits themselves, in the terminal and as pictures.
import { PNG } from "pngjs";

/** The fraction of predictions equal to the true labels: 0.95 means 95 out of 100. */
export function accuracy(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  sameLength("accuracy", predicted, actual);
  let right = 0;
  for (let i = 0; i < actual.length; i++) if (predicted[i] === actual[i]) right++;
  return right / actual.length;
}

/**
 * A classes x classes table of counts: row = the true digit, column = the network's answer.
 * The diagonal holds the right answers; entry (4, 9) counts the 4s the network called 9.
 */
export function confusionMatrix(predicted: ArrayLike<number>, actual: ArrayLike<number>, classes = 10): number[][] {
  sameLength("confusionMatrix", predicted, actual);
  const table = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < actual.length; i++) {
    for (const [name, value] of [["label", actual[i]], ["prediction", predicted[i]]] as const) {
      if (!Number.isInteger(value) || value < 0 || value >= classes) {
        throw new Error(`confusionMatrix: ${name} [${i}] is ${value}, but it must be a whole number from 0 to ${classes - 1}`);
      }
    }
    table[actual[i]][predicted[i]]++;
  }
  return table;
}

/** For each digit, the fraction of its test images the network got right; null if there were none. */
export function perDigitAccuracy(confusion: number[][]): (number | null)[] {
  return confusion.map((row, digit) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return total === 0 ? null : row[digit] / total;
  });
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
  sameLength("worstMistakes", outputs, labels);
  const mistakes: Mistake[] = [];
  outputs.forEach((output, index) => {
    let predicted = 0;
    for (let k = 1; k < output.length; k++) if (output[k] > output[predicted]) predicted = k;
    if (predicted !== labels[index]) mistakes.push({ index, label: labels[index], predicted, confidence: output[predicted] });
  });
  // Array.prototype.sort is stable, so equally confident mistakes keep their test-set order.
  return mistakes.sort((a, b) => b.confidence - a.confidence).slice(0, count);
}

/** From background to ink: a pixel 0..255 becomes one of these, darkest first. */
export const SHADES = " .:-=+*#%@";

/**
 * A picture made of characters, one line per row of pixels, rows joined by "\n". Each pixel
 * is two characters wide, because a character cell is about twice as tall as it is wide.
 * Pixel p gets SHADES[floor(p / 256 * 10)]: 0..25 is " ", 230..255 is "@".
 */
export function drawDigit(pixels: ArrayLike<number>, width = 28, height = 28): string {
  checkImage("drawDigit", pixels, width, height);
  const lines: string[] = [];
  for (let row = 0; row < height; row++) {
    let line = "";
    for (let col = 0; col < width; col++) line += SHADES[Math.floor((pixels[row * width + col] / 256) * SHADES.length)].repeat(2);
    lines.push(line);
  }
  return lines.join("\n");
}

/**
 * A greyscale PNG of the image, one pixel per pixel, with the grey levels 0..255 of the MNIST
 * file (so the digit is light on a dark background). Write it with fs.writeFileSync(name, png).
 */
export function toPng(pixels: ArrayLike<number>, width = 28, height = 28): Buffer {
  checkImage("toPng", pixels, width, height);
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    const grey = Math.round(pixels[i]);
    png.data[4 * i] = png.data[4 * i + 1] = png.data[4 * i + 2] = grey; // red, green, blue the same: grey
    png.data[4 * i + 3] = 255; // fully opaque
  }
  return PNG.sync.write(png);
}
function sameLength(fn: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) throw new Error(`${fn}: there are ${a.length} predictions but ${b.length} labels; give one prediction for each label`);
  if (a.length === 0) throw new Error(`${fn}: there are no predictions to score; give at least one`);
}

function checkImage(fn: string, pixels: ArrayLike<number>, width: number, height: number): void {
  if (pixels.length !== width * height) {
    throw new Error(`${fn}: a ${width}x${height} image has ${width * height} pixels, but ${pixels.length} were given`);
  }
  for (let i = 0; i < pixels.length; i++) {
    if (!(pixels[i] >= 0 && pixels[i] <= 255)) {
      throw new Error(`${fn}: pixel [${i}] is ${pixels[i]}, but grey levels go from 0 to 255 (scale 0.01..1.00 inputs back with (x - 0.01) / 0.99 * 255)`);
    }
  }
}
