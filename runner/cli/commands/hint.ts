// npm run hint [-- <exercise>]: the next hint of the current (or named) exercise, one level at a
// time; the ones already revealed are shown again above it.
import { type Exercise, exerciseLabel, readmePath } from "../../harness/manifest";
import { updateState } from "../state";
import { nextStepLine, resolveExercise, type Cli } from "./common";

export async function hint(cli: Cli): Promise<number> {
  const ex = cli.args.name ? resolveExercise(cli, cli.args.name) : await currentExercise(cli);
  if (!ex) return 2;
  cli.print(revealHint(cli, ex, "next"));
  return 0;
}

/** The exercise the learner was shown last; else the first one that does not pass. */
async function currentExercise(cli: Cli): Promise<Exercise> {
  const course = cli.course;
  const remembered = course.current();
  if (remembered) return remembered;
  const outcome = await course.firstNotDone();
  const ex = outcome?.ex ?? course.exercises[course.exercises.length - 1];
  course.setCurrent(ex);
  return ex;
}

/** Reveal one more hint (if any is left) and return the text to show. Shared with watch mode. */
export function revealHint(cli: Cli, ex: Exercise, mode: "next" | "watch"): string {
  const { m, term } = cli;
  const hints = ex.hints.filter((h) => h[cli.lang] && h[cli.lang].trim() !== "TODO");
  const lines = [term.bold(m.hintHeading(exerciseLabel(ex), m.title(ex)))];
  if (hints.length === 0) return [...lines, m.noHintsYet].join("\n");
  let shown = 0;
  updateState(cli.course.root, (state) => {
    shown = Math.min(hints.length, (state.hints[ex.dir] ?? 0) + 1);
    state.hints[ex.dir] = shown;
  });
  hints.slice(0, shown).forEach((h, i) => {
    const text = `${m.hintNumber(i + 1, hints.length)}${h[cli.lang]}`;
    lines.push("", i === shown - 1 ? text : term.dim(text));
  });
  const readme = term.link(cli.course.root, readmePath(ex, cli.lang, cli.course.root));
  const step = shown < hints.length ? (mode === "watch" ? m.moreHintsWatch : m.moreHintsNext(ex.number)) : m.lastHint(readme);
  lines.push("", nextStepLine(cli, step));
  return lines.join("\n");
}
