// Figures the page keeps on `window.labStats`, for the browser test to read: when the page was
// ready, how long each drawing update took from the input to the bars, and what happened since.
export interface LabStats {
  /**
   * performance.now() (so: milliseconds since navigation start) when the page was ready to draw:
   * the pad listening, the bars built and, when there is a reports/model.json, its network in use.
   */
  ready?: number;
  /** Milliseconds from each input event to its outputs on the bars. */
  updates: number[];
  /** Milliseconds from each input event to the animation frame that paints its bars. */
  frames: number[];
  /** The digit the bars show now. */
  answer?: number;
  /** How many times the confusion matrix and mistakes were made. */
  evaluated: number;
  trainingDone: number;
  /** The accuracy curve of the last training. */
  curve: { x: number; y: number }[];
}

export const stats: LabStats = { updates: [], frames: [], evaluated: 0, trainingDone: 0, curve: [] };
(globalThis as unknown as { labStats: LabStats }).labStats = stats;
