// The corpus (scripts/corpus/, see its README): other people's answers to the exercises, each
// read as the whole module that stands in for solutions/<dir>/<file>. The self-check proves them;
// the grader's benchmark hands them in as learners' own work.
import fs from "node:fs";
import path from "node:path";
import { courseRoot } from "../runner/harness/driver";
import type { Exercise } from "../runner/harness/manifest";

export interface Variant {
  ex: Exercise;
  name: string;
  kind: "ok" | "bug";
  /** The module that stands in for the exercise's own, imports as in solutions/<dir>/. */
  source: string;
  /** Part of the name of the test that must catch a bug. */
  caughtBy?: string;
}

const corpusDir = path.join(courseRoot, "scripts", "corpus");

/**
 * A variant is a whole module (name.ok.ts, name.bug.ts) or a unified diff (name.ok.diff,
 * name.bug.diff) against the file its `---` line names: a file of the corpus folder, else a path
 * from the course root (solutions/...). Its header says what it is; a bug's says
 * `caught by: "<part of a test name>"`.
 */
export function loadCorpus(exercises: Exercise[]): Variant[] {
  return exercises.flatMap((ex) => {
    const dir = path.join(corpusDir, ex.dir);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((f) => /\.(ok|bug)\.(ts|diff)$/.test(f))
      .sort()
      .map((f) => {
        const text = fs.readFileSync(path.join(dir, f), "utf8");
        const name = `${ex.dir}/${f}`;
        const source = f.endsWith(".diff") ? applyDiff(text, dir, name) : text;
        const caughtBy = /^(?:\/\/|#) caught by: "(.+)"$/m.exec(text)?.[1];
        return { ex, name, kind: /\.ok\./.test(f) ? "ok" : "bug", source: asInExercise(source), caughtBy } as Variant;
      });
  });
}

/** Imports written from scripts/corpus/<dir>/ become the ones of solutions/<dir>/. */
const asInExercise = (source: string) => source.replaceAll('"../../../solutions/', '"../').replaceAll('"../../../data/', '"../../data/');

/** Apply a unified diff by content, not line numbers: each hunk's old lines must occur exactly once. */
function applyDiff(diff: string, dir: string, name: string): string {
  const base = /^--- (\S+)/m.exec(diff)?.[1];
  if (!base) throw new Error(`${name}: no "--- <file>" line`);
  const file = fs.existsSync(path.join(dir, base)) ? path.join(dir, base) : path.join(courseRoot, base);
  let text = fs.readFileSync(file, "utf8");
  for (const hunk of diff.split(/^@@.*@@$/m).slice(1)) {
    const lines = hunk.replace(/^\n/, "").split("\n").filter((l) => l !== "" && !l.startsWith("\\"));
    const before = lines.filter((l) => l[0] !== "+").map((l) => l.slice(1)).join("\n");
    const after = lines.filter((l) => l[0] !== "-").map((l) => l.slice(1)).join("\n");
    const at = text.indexOf(before);
    if (at < 0 || text.indexOf(before, at + 1) >= 0) throw new Error(`${name} no longer applies to ${base}: ${at < 0 ? "this part is not there" : "this part is there twice"}:\n${before}`);
    text = text.slice(0, at) + after + text.slice(at + before.length);
  }
  return text;
}
