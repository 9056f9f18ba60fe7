// Figures the page keeps on `window.labStats`, for the browser test to read: when the page was
// ready, how long each drawing update took from the input to the bars, and what happened since.
export interface LabStats {
  /** performance.now() when the page could be used. */
  ready?: number;
  /** Milliseconds from each input event to its outputs on the bars. */
  updates: number[];
  /** The digit the bars show now. */
  answer?: number;
  /** How many times the confusion matrix and mistakes were made. */
  evaluated: number;
  trainingDone: number;
  /** The accuracy curve of the last training. */
  curve: { x: number; y: number }[];
}

export const stats: LabStats = { updates: [], evaluated: 0, trainingDone: 0, curve: [] };
(globalThis as unknown as { labStats: LabStats }).labStats = stats;
