// Two learners for the lab's tests, made in a temporary folder from solutions/: one who has
// solved every exercise (the reference files copied into exercises/) and one who has solved none
// (the generated stubs). Neither touches the maintainer's own exercises/ folder.
import fs from "node:fs";
import path from "node:path";
import { courseRoot } from "../../runner/harness/driver";
import { generateExercises, listFiles } from "../../runner/harness/stubs";

export function makeCourse(kind: "solved" | "stubs"): string {
  fs.mkdirSync(path.join(courseRoot, ".nn-kata"), { recursive: true });
  const root = fs.mkdtempSync(path.join(courseRoot, ".nn-kata", `lab-${kind}-`));
  const files =
    kind === "stubs"
      ? generateExercises(courseRoot)
      : new Map(listFiles(path.join(courseRoot, "solutions")).map((rel) => [rel, fs.readFileSync(path.join(courseRoot, "solutions", rel), "utf8")]));
  for (const [rel, content] of files) {
    if (!rel.endsWith(".ts") || rel.endsWith(".test.ts")) continue;
    const file = path.join(root, "exercises", rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  fs.copyFileSync(path.join(courseRoot, "exercises", "manifest.json"), path.join(root, "exercises", "manifest.json"));
  return root;
}
