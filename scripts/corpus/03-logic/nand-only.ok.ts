// OK: xor from four NAND gates, the classic circuit.
// Book 1.5: one linear classifier can act as a logic gate (AND, OR, NAND), but no single one
// can do XOR: its true rows cannot be split from its false rows by one straight line.
// Two layers of classifiers can.

/** A linear threshold unit: 1 when w1 a + w2 b + bias > 0, else 0. */
export function thresholdUnit(w1: number, w2: number, bias: number): (a: number, b: number) => number {
  return (a, b) => (w1 * a + w2 * b + bias > 0 ? 1 : 0);
}

export function and(a: number, b: number): number {
  return thresholdUnit(1, 1, -1.5)(a, b);
}

export function or(a: number, b: number): number {
  return thresholdUnit(1, 1, -0.5)(a, b);
}

export function nand(a: number, b: number): number {
  return thresholdUnit(-1, -1, 1.5)(a, b);
}

/** XOR from two layers of classifiers: true when OR is true but AND is not. */
export function xor(a: number, b: number): number {
  const n = nand(a, b);
  return nand(nand(a, n), nand(b, n));
}
