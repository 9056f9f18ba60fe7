// What a module loads, found by following relative imports (es-module-lexer reads them, so a
// commented-out import or one inside a string is not counted). Two kinds of file go to TypeScript's
// own pre-processor instead: one the lexer cannot read (a learner's half-typed edit) and one with
// a type-only re-export (`export type { T } from`), which the lexer does not see. TypeScript is
// loaded only then: it takes about a second to load, longer than a whole `npm run next` should. Used by the CLI (watch
// mode re-runs when any file an exercise's tests load is saved, and a test result is remembered
// only together with a fingerprint of all of them) and by the grader (which of a learner's helper
// modules join the workspace, and whether an exercise builds on another).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { initSync, parse } from "es-module-lexer";

const EXTENSIONS = ["", ".ts", ".mts", ".tsx", ".js", ".mjs", ".json", "/index.ts"];

/** Relative specifiers imported by a source (static and dynamic imports, re-exports), in order. */
export function relativeImports(source: string): string[] {
  return specifiers(source).filter((spec) => spec.startsWith("."));
}

function specifiers(source: string): string[] {
  initSync();
  try {
    if (/\bexport\s+type\s*[{*]/.test(source)) throw new Error("a type-only re-export");
    const [imports] = parse(source);
    return imports.flatMap((i) => (i.n === undefined ? [] : [i.n]));
  } catch {
    const ts = createRequire(import.meta.url)("typescript") as typeof import("typescript");
    return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
  }
}

/**
 * The file (a posix path relative to the same base as `from`) that `spec`, imported by `from`,
 * means, among those `exists` accepts; "./x.js" written for a TypeScript file finds x.ts.
 */
export function resolveImport(from: string, spec: string, exists: (rel: string) => boolean): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  const stem = base.replace(/\.(m?)js$/, ".$1ts");
  return [...EXTENSIONS.map((ext) => base + ext), stem].find(exists);
}

/** Every file reachable from `entries` by relative imports, given how to read a file (undefined: not there). */
export function closureOf(entries: string[], read: (rel: string) => string | undefined, exists: (rel: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const rel = queue.shift()!;
    if (seen.has(rel)) continue;
    const text = read(rel);
    if (text === undefined) continue;
    seen.add(rel);
    if (!/\.(m?ts|tsx|m?js)$/.test(rel)) continue;
    for (const spec of relativeImports(text)) {
      const target = resolveImport(rel, spec, exists);
      if (target) queue.push(target);
    }
  }
  return seen;
}

/** Every file on disk reachable from `entries` (course-relative) by relative imports, course-relative, sorted. */
export function importClosure(root: string, entries: string[]): string[] {
  const isFile = (rel: string) => {
    const file = path.join(root, rel);
    return !rel.split("/").includes("node_modules") && fs.existsSync(file) && fs.statSync(file).isFile();
  };
  const read = (rel: string) => (isFile(rel) ? fs.readFileSync(path.join(root, rel), "utf8") : undefined);
  return [...closureOf(entries.map((e) => e.split(path.sep).join("/")), read, isFile)].sort();
}

/** A hash of the files' names and contents: equal fingerprints, equal test results. */
export function fingerprint(root: string, files: string[]): string {
  const hash = crypto.createHash("sha1");
  for (const file of files) {
    hash.update(file + "\0");
    hash.update(fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file)) : "(missing)");
    hash.update("\0");
  }
  return hash.digest("hex");
}
