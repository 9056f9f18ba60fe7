// What an exercise's tests load, found by following relative imports from its test files. Two
// uses: watch mode re-runs when any of these files is saved, and a test result is remembered
// only together with a fingerprint of all of them, so editing any file the tests load (the
// exercise, an earlier exercise it builds on, the test kit) makes the runner run them again.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^"';]*?\sfrom\s*)?["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;
const EXTENSIONS = ["", ".ts", ".mts", ".js", ".mjs", ".json", "/index.ts"];

/** Relative specifiers imported by a TypeScript source. */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2];
    if (spec?.startsWith(".")) found.push(spec);
  }
  return found;
}

function resolve(fromFile: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  // "./x.js" written for a TypeScript file
  if (/\.m?js$/.test(spec)) {
    const ts = base.replace(/\.(m?)js$/, ".$1ts");
    if (fs.existsSync(ts)) return ts;
  }
  return undefined;
}

/** Every file reachable from `entries` (course-relative) by relative imports, course-relative, sorted. */
export function importClosure(root: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const stack = entries.map((entry) => path.resolve(root, entry));
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    if (!/\.(m?ts|m?js)$/.test(file)) continue;
    for (const spec of relativeImports(fs.readFileSync(file, "utf8"))) {
      const target = resolve(file, spec);
      if (target && !target.includes(`${path.sep}node_modules${path.sep}`)) stack.push(target);
    }
  }
  return [...seen].map((file) => path.relative(root, file).split(path.sep).join("/")).sort();
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
