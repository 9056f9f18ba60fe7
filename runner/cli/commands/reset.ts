// npm run reset -- <exercise>: the exercise's files back as the course gave them (the generated
// stub, from runner/harness/stubs.ts: the same source of truth as `npm run generate`); with
// --tests only its test files and the test kit, so the learner's own code stays. It asks first,
// copies the learner's versions to .nn-kata/backups/<time>/ and writes every file atomically,
// so neither a "no" nor a Ctrl-C at any moment loses work.
import fs from "node:fs";
import path from "node:path";
import { confirm } from "../prompt";
import { writeFileAtomic } from "../../harness/atomic-write";
import { stateDir } from "../state";
import { nextStepLine, resolveExercise, type Cli } from "./common";
import { exerciseLabel, stubPaths, testPaths } from "../../harness/manifest";
import { testKitFiles } from "../../harness/checksums";

export async function reset(cli: Cli): Promise<number> {
  const { course, m, term } = cli;
  if (!cli.args.name) {
    cli.print(m.resetNeedsName);
    return 2;
  }
  const ex = resolveExercise(cli, cli.args.name);
  if (!ex) return 2;
  const { stubFor } = await import("../../harness/stubs"); // ts-morph: loaded only when needed
  const changes: { rel: string; content: string; exists: boolean }[] = [];
  const files = cli.args.tests ? [...testPaths(ex), ...testKitFiles(course.root)] : [...stubPaths(ex), ...testPaths(ex)];
  for (const rel of files) {
    const inCourse = rel.replace(/^exercises\//, "");
    if (!fs.existsSync(path.join(course.root, "solutions", inCourse))) {
      cli.print(term.red(m.noReference(rel)));
      return 1;
    }
    const content = stubFor(course.root, inCourse);
    const file = path.join(course.root, rel);
    const exists = fs.existsSync(file);
    if (exists && fs.readFileSync(file, "utf8") === content) continue;
    changes.push({ rel, content, exists });
  }
  const label = exerciseLabel(ex);
  if (changes.length === 0) {
    cli.print(m.resetNothing(label));
    return 0;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const backupDir = path.join(stateDir(course.root), "backups", stamp);
  const backupShown = path.relative(course.root, backupDir).split(path.sep).join("/");
  const overwrites = changes.filter((c) => c.exists);
  cli.print(m.resetPlan(label, m.title(ex)));
  for (const change of changes) cli.print(`  ${term.link(course.root, change.rel)}`);
  if (overwrites.length > 0) {
    cli.print(term.dim(m.resetBackupNote(backupShown)));
    const answer = await confirm(m.resetQuestion, { yes: cli.args.yes });
    if (answer === "no-terminal") {
      cli.print(term.yellow(m.resetNoTerminal(ex.number)));
      return 1;
    }
    if (answer === "no") {
      cli.print(m.resetCancelled);
      return 1;
    }
    // Every backup is in place before the first file is replaced.
    for (const change of overwrites) writeFileAtomic(path.join(backupDir, change.rel), fs.readFileSync(path.join(course.root, change.rel)));
  }
  for (const change of changes) {
    writeFileAtomic(path.join(course.root, change.rel), change.content);
    cli.print(term.green(`✓ ${m.resetRestored(term.link(course.root, change.rel))}`));
  }
  if (overwrites.length > 0) cli.print(m.resetBackedUp(term.link(course.root, backupShown)));
  cli.print();
  cli.print(nextStepLine(cli, m.stepRunNext));
  return 0;
}
