// A Vite plugin for grading runs: an import written in a workspace file may only land in the
// workspace, the course's node_modules or data/. So `import "../../solutions/05-matrix/matrix"`
// or an absolute path to the course's reference fails with a clear message instead of loading
// it. The one exception is the isolated mode's redirect: a relative import of another exercise
// that the reference redirect (runner/harness/redirect-plugin.ts) sent to solutions/.
import fs from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

export interface GuardOptions {
  workspace: string;
  allowed: string[];
  solutionsDir: string;
  /** Learner helpers that isolated runs must not load (they lead to another exercise's module). */
  refused?: string[];
}

const within = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};
const pathLike = (source: string) => /^(\.|\/|file:|[A-Za-z]:[\\/])/.test(source);

export function guardPlugin(options: GuardOptions): Plugin {
  return {
    name: "nn-kata-grading-guard",
    enforce: "pre",
    async resolveId(source, importer, resolveOptions) {
      // Course files (the reference, data/) and packages are trusted; only workspace files are checked.
      if (!importer || importer.startsWith("\0") || source.startsWith("\0") || !within(options.workspace, importer)) return null;
      if (!pathLike(source)) return null;
      const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const id = resolved.id.split("?")[0];
      if (!path.isAbsolute(id) || within(options.workspace, id) || options.allowed.some((dir) => within(dir, id))) return resolved;
      const target = path.resolve(path.dirname(importer), source);
      const redirected = source.startsWith(".") && within(options.solutionsDir, id) && within(options.workspace, target);
      if (redirected && fs.existsSync(id)) return resolved;
      // A learner's own helper in another exercise's folder has no reference: it stays theirs.
      const own = redirected ? ["", ".ts", ".mts", "/index.ts"].map((ext) => target + ext).find((f) => fs.existsSync(f) && fs.statSync(f).isFile()) : undefined;
      if (own && options.refused?.includes(own)) {
        const helper = path.relative(options.workspace, own).split(path.sep).join("/").replace(/^isolated\//, "exercises/");
        this.error(`${helper} leads back to another exercise's module, so the isolated run does not load it (flagged cross-exercise): each exercise is graded on its own file`);
      }
      if (own) return { id: own };
      const from = path.relative(options.workspace, importer).split(path.sep).join("/");
      this.error(`${from} imports "${source}", which is outside the learner's exercises: the grader only loads the learner's own code, the course's data/ and installed packages`);
    },
  };
}
