// Figures the page keeps on `window.labStats`, for the browser test to read: when the page was
// ready, how long each drawing update took from the input to the bars, and what happened since.
export interface LabStats {
  /**
   * performance.now() (so: milliseconds since navigation start) when the page was ready to draw:
   * the pad listening, the bars built and, when there is a reports/model.json, its network in use.
   * The page also fires a "lab-ready" event on window then.
   */
  ready?: number;
  /**
   * Milliseconds from each drawing input (its event's time stamp) to its outputs written on the
   * bars, in the animation frame that paints them (for inputs that came within one frame: the oldest).
   */
  updates: number[];
  /** Milliseconds each of those updates took itself (the rest of `updates` is waiting for the frame). */
  work: number[];
  /** The digit the bars show now. */
  answer?: number;
  /** How many times the confusion matrix and mistakes were made. */
  evaluated: number;
  trainingDone: number;
  /** The accuracy curve of the last training. */
  curve: { x: number; y: number }[];
}

export const stats: LabStats = { updates: [], work: [], evaluated: 0, trainingDone: 0, curve: [] };
(globalThis as unknown as { labStats: LabStats }).labStats = stats;
