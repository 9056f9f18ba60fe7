// The course's checksums of its test files and test kit, written with the stubs by the generator
// (exercises/checksums.json) and checked by the runner before it runs an exercise: a test edited
// to pass never counts as done. Line endings are normalised first, so a Windows checkout of the
// same file matches.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const CHECKSUMS_FILE = "checksums.json";

const isChecked = (rel: string) => rel.startsWith("_testkit/") || rel.endsWith(".test.ts");
export const checksumOf = (text: string) => crypto.createHash("sha256").update(text.replace(/\r\n/g, "\n")).digest("hex");

/** checksums.json's text for the generated files (paths relative to exercises/). */
export function checksumsFor(files: Map<string, string>): string {
  const sums: Record<string, string> = {};
  for (const [rel, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) if (isChecked(rel)) sums[rel] = checksumOf(content);
  return JSON.stringify(sums, null, 2) + "\n";
}

/** The checked files (course-relative, "exercises/...") of `files` that differ from the course's checksums. */
export function changedTests(root: string, files: string[]): string[] {
  const listFile = path.join(root, "exercises", CHECKSUMS_FILE);
  if (!fs.existsSync(listFile)) return [];
  const sums = JSON.parse(fs.readFileSync(listFile, "utf8")) as Record<string, string>;
  return files.filter((rel) => {
    const key = rel.replace(/^exercises\//, "");
    const want = sums[key];
    const file = path.join(root, rel);
    return want !== undefined && fs.existsSync(file) && checksumOf(fs.readFileSync(file, "utf8")) !== want;
  });
}

/** Every test-kit file the course lists, course-relative. */
export function testKitFiles(root: string): string[] {
  const listFile = path.join(root, "exercises", CHECKSUMS_FILE);
  if (!fs.existsSync(listFile)) return [];
  return Object.keys(JSON.parse(fs.readFileSync(listFile, "utf8"))).filter((rel) => rel.startsWith("_testkit/")).map((rel) => `exercises/${rel}`);
}
