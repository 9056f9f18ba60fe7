// Maintainer's tool: write exercises/ from solutions/ (stubs for marked files, copies of the rest).
//   npm run generate          write the files
//   npm run generate:check    exit 1 if a committed file differs from what would be written (CI)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadManifest, inExercise } from "../runner/harness/manifest";
import { generateExercises } from "../runner/harness/stubs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const files = generateExercises(root);
const drifted: string[] = [];

for (const [rel, content] of files) {
  const target = path.join(root, "exercises", rel);
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
  if (current === content) continue;
  if (check) {
    drifted.push(`exercises/${rel}${current === undefined ? " (missing)" : ""}`);
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    console.log(`wrote exercises/${rel}`);
  }
}

// The READMEs are written by hand in exercises/: check that every exercise has both languages.
const missingReadmes = loadManifest(root).exercises.flatMap((ex) =>
  ["README.md", "README.zh.md"].map((f) => inExercise(ex, f)).filter((f) => !fs.existsSync(path.join(root, f))),
);
if (check && missingReadmes.length > 0) {
  console.error(`Every exercise needs an English and a Chinese README; missing:\n  ${missingReadmes.join("\n  ")}`);
  process.exitCode = 1;
}

if (check && drifted.length > 0) {
  console.error(`These files in exercises/ differ from what solutions/ generates:\n  ${drifted.join("\n  ")}`);
  console.error("Edit the file under solutions/ (never the copy in exercises/), then run `npm run generate` and commit both.");
  process.exit(1);
}
if (process.exitCode) process.exit();
console.log(check ? `exercises/ matches solutions/ (${files.size} files checked)` : `exercises/ is up to date (${files.size} files)`);
