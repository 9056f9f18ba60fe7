// Book 3.3: the network learns from every example it sees, so give it more. A 7 turned ten
// degrees is still a 7: each training digit is used three times, as it is and turned +10 and
// -10 degrees, with the same label. The test digits are never turned.
import { makeTargets, scaleInputs } from "../09-prepare/prepare";
import type { Digit } from "../11-idx/idx";
import type { Trainable } from "../12-mnist-small/mnist-small";
import { rotate } from "../15-rotate/rotate";

/** How far the book turns each training image, in degrees. */
export const ANGLE = 10;

/** One scaled 28 x 28 input becomes three: itself, turned +10 degrees, turned -10 degrees. */
export function augment(image: ArrayLike<number>): number[][] {
  throw new Error("not implemented yet: augment in exercises/16-augment/augment.ts");
}

/**
 * One epoch with rotations: for each digit, in file order, train on the three inputs that
 * `augment` makes from its scaled pixels, all with the digit's targets.
 */
export function trainEpochAugmented(net: Trainable, digits: readonly Digit[]): void {
  throw new Error("not implemented yet: trainEpochAugmented in exercises/16-augment/augment.ts");
}
