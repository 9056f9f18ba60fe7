// A Vite plugin that changes which file an import loads, so the same test files can run
// against different implementations without copying anything:
//
//   "stubs"     an exercise's own module, imported from inside its folder, is replaced by its
//               generated stub (stubDir/<folder>/<file>); everything else stays the reference.
//               The maintainer's self-check uses it to prove each exercise's tests fail on its stub.
//   "reference" a module of another exercise (an import that leaves the folder) is replaced by
//               the reference in solutions/. The grader uses it for "isolated" scores, so one
//               early bug does not fail every later exercise.
import path from "node:path";
import type { Plugin } from "vite";

export type RedirectOptions =
  | { mode: "stubs"; courseDir: string; stubDir: string }
  | { mode: "reference"; courseDir: string; solutionsDir: string };

const isModule = (file: string) => file.endsWith(".ts") && !file.endsWith(".test.ts");

/** "…/solutions/05-matrix/matrix.ts" relative to its tree: ["05-matrix", "matrix.ts"], or undefined outside it. */
function within(tree: string, file: string): [string, string] | undefined {
  const rel = path.relative(tree, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  const [folder, ...rest] = rel.split(path.sep);
  return rest.length === 0 ? undefined : [folder, rest.join(path.sep)];
}

export function redirectPlugin(options: RedirectOptions): Plugin {
  const course = path.resolve(options.courseDir);
  const replacement = path.resolve(options.mode === "stubs" ? options.stubDir : options.solutionsDir);
  return {
    name: "nn-kata-redirect",
    enforce: "pre",
    async resolveId(source, importer, resolveOptions) {
      if (!importer || !source.startsWith(".")) return null;
      // A replaced file resolves its own imports as if it stood in the course tree.
      const importerInReplacement = within(replacement, importer);
      const effectiveImporter = importerInReplacement ? path.join(course, ...importerInReplacement) : importer;
      const resolved = await this.resolve(source, effectiveImporter, { ...resolveOptions, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const target = within(course, resolved.id);
      const from = within(course, effectiveImporter);
      if (!target || !from || !isModule(resolved.id)) return resolved;
      const sameFolder = target[0] === from[0];
      if (options.mode === "stubs" ? sameFolder : !sameFolder) {
        return { ...resolved, id: path.join(replacement, ...target) };
      }
      return resolved;
    },
  };
}
