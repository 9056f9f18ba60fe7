// Which exercise a learner means: a number (4, 04), a slug (activation), a folder name
// (04-activation) or a path inside it (exercises/04-activation/activation.ts). A name that
// matches nothing gets the closest names back, for a "did you mean".
import type { Exercise } from "../harness/manifest";

export type Selection = { exercise: Exercise } | { outOfRange: number } | { unknown: string; suggestions: Exercise[] };

export function selectExercise(exercises: Exercise[], name: string): Selection {
  const wanted = name.trim().toLowerCase().replace(/\\/g, "/");
  if (/^\d+$/.test(wanted)) {
    const number = Number(wanted);
    const exercise = exercises.find((ex) => ex.number === number);
    return exercise ? { exercise } : { outOfRange: number };
  }
  const inPath = wanted.split("/").find((part) => exercises.some((ex) => ex.dir === part));
  const exercise = exercises.find((ex) => ex.slug === wanted || ex.dir === wanted || ex.dir === inPath);
  if (exercise) return { exercise };
  return { unknown: name, suggestions: suggest(exercises, wanted) };
}

/** Up to three exercises whose slug is close to `wanted` (edit distance), closest first. */
function suggest(exercises: Exercise[], wanted: string): Exercise[] {
  const bare = wanted.replace(/^\d+-/, "");
  const scored = exercises
    .map((ex) => {
      const distance = Math.min(editDistance(bare, ex.slug), editDistance(wanted, ex.dir));
      const partial = ex.slug.includes(bare) || (bare.length >= 3 && bare.includes(ex.slug));
      return { ex, score: partial ? 0 : distance };
    })
    .filter(({ ex, score }) => score <= Math.max(2, Math.floor(ex.slug.length / 3)))
    .sort((a, b) => a.score - b.score || a.ex.number - b.ex.number);
  return scored.slice(0, 3).map(({ ex }) => ex);
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
