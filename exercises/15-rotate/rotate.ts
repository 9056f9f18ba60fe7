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
  throw new Error("not implemented yet: rotate in exercises/15-rotate/rotate.ts");
}
