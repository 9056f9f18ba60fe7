// Which code `npm run train` and `npm run query` run: the learner's own modules (exercises/, with
// --mine) or the course's reference modules (solutions/). The reference code of an exercise is
// used only once the learner's own version of it passes its tests, as with `npm run solution`:
// nothing the learner runs uses an answer before they have found their own. --reference skips
// that check, for instructors and maintainers (it says so when it runs).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { courseRoot } from "../runner/harness/driver";
import { type Exercise, type Tree, exerciseLabel, inExercise, loadManifest, selectExercise } from "../runner/harness/manifest";
import { isStubError } from "../runner/harness/stub-message";
import { toolLang, toolTexts, type Lang, type ToolTexts } from "./messages";

export type { Tree };

export interface CodeChoice {
  tree: Tree;
  /** One line for the user: whose code runs, and why. */
  says: string;
}

export interface ChoiceOptions {
  mine: boolean;
  reference: boolean;
  /** Exercise folders whose modules the tool needs, e.g. ["09-prepare", "10-network", "11-idx"]. */
  needs: string[];
  root?: string;
  /** Shown while the learner's tests run. */
  onCheck?: (dirs: string[]) => void;
  /** The language of `says` and `refused` (English by default). */
  lang?: Lang;
}

/** Exercise folders among `dirs` whose tests do not pass now (known from the runner's state, or run). */
export async function notDone(dirs: string[], root = courseRoot, onCheck?: (dirs: string[]) => void): Promise<string[]> {
  // Loaded only here: the runner's Course (its remembered results, its vitest session) is what
  // `npm run train -- --reference` or `--mine` never needs.
  const { Course } = await import("../runner/cli/course");
  const course = new Course({ root });
  try {
    const exercises = dirs.map((dir) => exerciseNamed(course.exercises, dir));
    const unknown = exercises.filter((ex) => !course.knownDone(ex));
    if (unknown.length > 0) onCheck?.(unknown.map((ex) => ex.dir));
    const missing: string[] = [];
    for (const ex of unknown) {
      if (course.unwritten(ex) || (await course.check(ex)).kind !== "passed") missing.push(ex.dir);
    }
    return missing;
  } finally {
    course.close();
  }
}

/** The tree to load modules from, or an explanation of why the reference is not open yet. */
export async function chooseCode(options: ChoiceOptions): Promise<CodeChoice | { refused: string }> {
  const t = toolTexts[options.lang ?? "en"];
  if (options.mine && options.reference) return { refused: t.chooseOne };
  if (options.mine) return { tree: "exercises", says: t.mineSays };
  if (options.reference) return { tree: "solutions", says: t.referenceAsked };
  const missing = await notDone(options.needs, options.root, options.onCheck);
  const numbers = options.needs.map(number);
  if (missing.length === 0) return { tree: "solutions", says: t.referenceEarned(numbers) };
  return { refused: t.notYet(numbers, missing) };
}

const number = (dir: string) => exerciseLabel(exerciseNamed(loadManifest().exercises, dir));

/** The manifest's exercise for a name the tool uses ("10-network", "network", "10-network/network.ts"). */
function exerciseNamed(exercises: Exercise[], name: string): Exercise {
  const found = selectExercise(exercises, name);
  if (!("exercise" in found)) throw new Error(`The course has no exercise ${name}`);
  return found.exercise;
}

/**
 * Import a module of the chosen tree: load("solutions", "10-network/network.ts"), or by the
 * exercise alone, load("solutions", "network"), for the first file the learner edits there.
 */
export async function load<T>(tree: Tree, name: string, root = courseRoot): Promise<T> {
  const ex = exerciseNamed(loadManifest().exercises, name);
  const file = name.includes("/") ? path.posix.basename(name) : ex.files[0];
  return (await import(pathToFileURL(path.join(root, inExercise(ex, file, tree))).href)) as T;
}

/** True when the error is a stub's "not implemented yet" (the learner has not written it). */
export const isUnwritten = isStubError;

/**
 * When `file` is the script node was started with (not a module a test imports): run the tool's
 * main on the command line, and exit as runTool does, in the language the command line asks for.
 */
export function runToolIfMain(name: string, file: string | undefined, main: (argv: string[]) => Promise<number>): void {
  if (!process.argv[1] || !file || path.resolve(process.argv[1]) !== path.resolve(file)) return;
  const argv = process.argv.slice(2);
  runTool(name, () => main(argv), toolLang(argv).t);
}

/** Run a tool's main and exit with its code; an error ends it with one line (in `t`'s language) saying what happened. */
export function runTool(name: string, main: () => Promise<number>, t: ToolTexts = toolTexts.en): void {
  const say = (text: string) => process.stdout.write(text + "\n");
  main().then(
    (code) => process.exit(code),
    (error) => {
      say(t.stopped(name, error instanceof Error ? error.message : String(error)));
      if (isUnwritten(error)) say(t.stillStub);
      process.exit(1);
    },
  );
}
