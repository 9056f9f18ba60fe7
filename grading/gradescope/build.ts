// npm run gradescope -- --out DIR [--hidden DIR] [--exercises LIST] [--grade MODE] [--timeout S]
// Writes DIR/autograder.zip for a Gradescope programming assignment: setup.sh and run_autograder
// at its root, the course at this commit (git's HEAD, so uncommitted edits stay out) under
// course/, your hidden tests under hidden/, and the settings run_autograder reads.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { courseRoot as checkout } from "../../runner/harness/driver";
import { loadCourse } from "../course";
import { zip, type ZipEntry } from "../zip";

export const CONFIG = "nn-kata-gradescope.json";

export interface AutograderSettings {
  exercises?: string;
  mode: "progressive" | "isolated";
  timeoutSeconds?: number;
  /** The commit the course was taken from. */
  commit: string;
}

export interface BuildOptions {
  courseRoot?: string;
  hidden?: string;
  exercises?: string;
  mode?: "progressive" | "isolated";
  timeoutSeconds?: number;
}

const SETUP = `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image.
set -euo pipefail
cd "$(dirname "$0")"
NODE_VERSION=20.19.5
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  apt-get install -y --no-install-recommends ca-certificates curl xz-utils
  arch=$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
  curl -fsSL "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$arch.tar.xz" | tar -xJ -C /usr/local --strip-components=1
fi
cd course
npm ci --omit=dev --no-audit --no-fund
`;

const RUN = `#!/usr/bin/env bash
# Gradescope runs this for every submission: the learner's files are in /autograder/submission,
# the results go to /autograder/results/results.json. NN_KATA_AUTOGRADER_ROOT replaces
# /autograder (the grader's own test runs it in a temporary folder).
set -uo pipefail
ROOT="\${NN_KATA_AUTOGRADER_ROOT:-/autograder}"
cd "$ROOT/source/course" || exit 1
exec node --import tsx grading/gradescope/run.ts
`;

/** The course's files at HEAD, by path, with their modes (git ls-tree and one cat-file process). */
export function filesAtHead(root: string): { entries: ZipEntry[]; commit: string; dirty: boolean } {
  const git = (args: string[], input?: string) => {
    const r = spawnSync("git", ["-C", root, ...args], { input, maxBuffer: 512 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`git ${args[0]} failed in ${root}: ${r.stderr?.toString().trim() || r.error?.message}; the course must be a git checkout with a commit`);
    return r.stdout as Buffer;
  };
  const commit = git(["rev-parse", "HEAD"]).toString().trim();
  const listed = git(["ls-tree", "-r", "-z", "HEAD"]).toString().split("\0").filter(Boolean).map((line) => {
    const [meta, file] = line.split("\t");
    const [mode, type, id] = meta.split(" ");
    return { mode, type, id, file };
  }).filter((e) => e.type === "blob" && e.mode !== "120000");
  const batch = git(["cat-file", "--batch"], listed.map((e) => e.id).join("\n") + "\n");
  const entries: ZipEntry[] = [];
  let at = 0;
  for (const e of listed) {
    const headerEnd = batch.indexOf(10, at);
    const size = Number(batch.subarray(at, headerEnd).toString().split(" ")[2]);
    entries.push({ name: e.file, data: batch.subarray(headerEnd + 1, headerEnd + 1 + size), mode: e.mode === "100755" ? 0o755 : 0o644 });
    at = headerEnd + 1 + size + 1;
  }
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]).length > 0;
  return { entries, commit, dirty };
}

export function buildAutograder(options: BuildOptions): { zip: Buffer; commit: string; dirty: boolean; files: number; hidden: number } {
  const root = path.resolve(options.courseRoot ?? checkout);
  // Fails here, with the grader's own message, on an exercise list or hidden folder it cannot use.
  const course = loadCourse({ root, exercises: options.exercises, hiddenDir: options.hidden });
  const { entries, commit, dirty } = filesAtHead(root);
  const hidden = [...course.hidden].map(([rel, data]) => ({ name: `hidden/${rel.slice("exercises/".length)}`, data }));
  // The workspace names a clashing hidden file "hidden-<name>": undo that to keep the instructor's layout.
  for (const h of hidden) h.name = h.name.replace(/\/hidden-([^/]+)$/, "/$1");
  const settings: AutograderSettings = { exercises: options.exercises, mode: options.mode ?? "progressive", timeoutSeconds: options.timeoutSeconds, commit };
  const all: ZipEntry[] = [
    { name: "setup.sh", data: Buffer.from(SETUP), mode: 0o755 },
    { name: "run_autograder", data: Buffer.from(RUN), mode: 0o755 },
    { name: CONFIG, data: Buffer.from(JSON.stringify(settings, null, 2) + "\n") },
    ...entries.map((e) => ({ ...e, name: `course/${e.name}` })),
    ...hidden,
  ];
  return { zip: zip(all), commit, dirty, files: entries.length, hidden: hidden.length };
}

async function main(argv: string[]): Promise<number> {
  const usage = "npm run gradescope -- --out DIR [--hidden DIR] [--exercises LIST] [--grade progressive|isolated] [--timeout SECONDS] [--course DIR]";
  let values;
  try {
    values = parseArgs({ args: argv, options: { out: { type: "string" }, hidden: { type: "string" }, exercises: { type: "string" }, grade: { type: "string" }, timeout: { type: "string" }, course: { type: "string" }, help: { type: "boolean", short: "h" } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) return console.log(usage), 0;
  const mode = values.grade ?? "progressive";
  if (mode !== "progressive" && mode !== "isolated") return console.error(`--grade must be progressive or isolated, not "${values.grade}"`), 2;
  const timeoutSeconds = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutSeconds !== undefined && !(timeoutSeconds >= 1)) return console.error(`--timeout must be a number of seconds, at least 1, not "${values.timeout}"`), 2;
  try {
    const built = buildAutograder({ courseRoot: values.course, hidden: values.hidden, exercises: values.exercises, mode, timeoutSeconds });
    const out = path.resolve(values.out ?? path.join("reports", "gradescope"));
    fs.mkdirSync(out, { recursive: true });
    const file = path.join(out, "autograder.zip");
    fs.writeFileSync(file, built.zip);
    console.log(`${path.relative(process.cwd(), file)}: the course at ${built.commit.slice(0, 12)} (${built.files} files), ${built.hidden} hidden test file(s), ${(built.zip.length / 1024).toFixed(0)} kB`);
    if (built.dirty) console.error("warning: the checkout has uncommitted changes; the autograder holds the last commit, not them");
    console.log("Upload it as the autograder of a Gradescope programming assignment (see grading/README.md).");
    return 0;
  } catch (error) {
    console.error(`gradescope: ${(error as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) process.exitCode = await main(process.argv.slice(2));
