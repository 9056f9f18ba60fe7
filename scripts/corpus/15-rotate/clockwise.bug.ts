// BUG: turns the wrong way (the sign of the angle flipped), so +10 degrees is clockwise.
// caught by: "anticlockwise"
// Book 3.3: more training data for free. A digit turned a little is still the same digit, so
// each training image can be rotated by +10 and -10 degrees to make two new examples.
//
// We turn the picture about its centre and keep it 28 x 28, like the book's
// scipy.ndimage.rotate(image, degrees, reshape=False, order=1, cval=0.01).

/** The side of an MNIST picture, in pixels. */
export const SIDE = 28;
/** What fills the corners that rotate in from outside the picture: the scaled value of a blank pixel. */
export const BACKGROUND = 0.01;

/**
 * The picture turned by `degrees` about its centre; positive turns it anticlockwise as you look
 * at it (as scipy does). `image` is 784 scaled inputs, row after row; the result is 784 too.
 *
 * For each pixel of the result we ask where it came from: turn its position back by `degrees`
 * and read the original there. That place usually lies between four pixels, so we blend them,
 * each weighted by how close it is (bilinear interpolation). A place outside the picture gives
 * BACKGROUND.
 */
export function rotate(image: ArrayLike<number>, degrees: number): number[] {
  checkImage(image);
  if (!Number.isFinite(degrees)) throw new Error(`rotate: degrees must be a finite number, got ${degrees}`);
  const radians = (-degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  // 28 is even, so the centre lies between pixels 13 and 14.
  const centre = (SIDE - 1) / 2;
  const out = new Array<number>(SIDE * SIDE);
  for (let row = 0; row < SIDE; row++) {
    for (let col = 0; col < SIDE; col++) {
      const y = row - centre;
      const x = col - centre;
      const fromRow = snap(centre + cos * y + sin * x);
      const fromCol = snap(centre - sin * y + cos * x);
      out[row * SIDE + col] = sample(image, fromRow, fromCol);
    }
  }
  return out;
}
function checkImage(image: ArrayLike<number>): void {
  if (image === null || typeof image !== "object" || typeof image.length !== "number") {
    throw new Error(`rotate: the image must be an array of ${SIDE * SIDE} numbers (${SIDE} x ${SIDE}), got ${String(image)}`);
  }
  if (image.length !== SIDE * SIDE) {
    throw new Error(`rotate: the image must have ${SIDE * SIDE} numbers (${SIDE} x ${SIDE} pixels), got ${image.length}`);
  }
  for (let i = 0; i < image.length; i++) {
    if (!Number.isFinite(image[i])) throw new Error(`rotate: pixel [${i}] of the image is ${image[i]}; every pixel must be a number (scaled inputs are 0.01 to 1.00)`);
  }
}

/** cos(90 degrees) is 6e-17, not 0: round away such dust so quarter turns land exactly on pixels. */
function snap(position: number): number {
  const nearest = Math.round(position);
  return Math.abs(position - nearest) < 1e-9 ? nearest : position;
}

/** The value at a fractional (row, col): a blend of the four pixels around it. */
function sample(image: ArrayLike<number>, row: number, col: number): number {
  if (row < 0 || row > SIDE - 1 || col < 0 || col > SIDE - 1) return BACKGROUND;
  const r0 = Math.floor(row);
  const c0 = Math.floor(col);
  // On the last row or column there is no pixel beyond; its weight is 0 anyway.
  const r1 = Math.min(r0 + 1, SIDE - 1);
  const c1 = Math.min(c0 + 1, SIDE - 1);
  const dr = row - r0;
  const dc = col - c0;
  const top = image[r0 * SIDE + c0] * (1 - dc) + image[r0 * SIDE + c1] * dc;
  const bottom = image[r1 * SIDE + c0] * (1 - dc) + image[r1 * SIDE + c1] * dc;
  return top * (1 - dr) + bottom * dr;
}
