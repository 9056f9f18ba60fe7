// Views that appear as the learner goes on. Each belongs to an exercise and is shown only once
// the course has that exercise (its number is in the manifest the server reports). Parts 4 and 5
// will add theirs here, e.g. the optimisers' paths (exercise 23) and the convolution kernels (26):
//
//   laterViews.push({ exercise: 23, title: { en: "...", zh: "..." }, render: (box, lab) => { ... } });
import type { Lang } from "./text";
import type { Weights } from "./network";

export interface ViewContext {
  lang: Lang;
  /** Where the server serves the learner's exercises/ (import their modules from here). */
  learnerBase: string;
  /** The network the page uses now, if any. */
  weights?: Weights;
}

export interface LaterView {
  exercise: number;
  title: Record<Lang, string>;
  render(box: HTMLElement, context: ViewContext): void | Promise<void>;
}

export const laterViews: LaterView[] = [];

/** The views whose exercise exists in this copy of the course. */
export const availableViews = (exerciseNumbers: number[]) => laterViews.filter((view) => exerciseNumbers.includes(view.exercise));
