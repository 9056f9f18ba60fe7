// Integrity evidence for the instructor, each with its file and line: tests edited against the
// course's (compared by content; grading used the course's anyway), imports of solutions/ or of
// forbidden libraries, and code that looks for the test environment. Found with ts-morph on the
// learner's own files and the helpers they import. Flags are evidence, never automatic zeros.
import path from "node:path";
import { Node, Project, SyntaxKind, ts, type SourceFile } from "ts-morph";
import type { Course } from "./course";
import type { FileRun } from "./execute";
import type { LearnerCode } from "./learner";
import {
  MATRIX_EXERCISE_SLUG,
  MATRIX_LIBRARIES,
  ML_LIBRARIES,
  PATCHABLE_GLOBALS,
  PROCESS_MODULES,
  TEST_ENV_VARIABLE,
  TEST_FILE_MENTION,
  TEST_FRAMEWORK_PACKAGES,
  TEST_GLOBALS,
  listed,
  packageName,
} from "./policy";
import { normalise, type Snapshot } from "./snapshot";
import type { Flag } from "./types";

export interface IntegrityReport {
  flags: Flag[];
  notes: string[];
}

const shown = (rel: string) => `exercises/${rel}`;

export function checkIntegrity(course: Course, snap: Snapshot, code: LearnerCode): IntegrityReport {
  const flags: Flag[] = [];
  const notes: string[] = [];
  checkTests(course, snap, flags, notes);
  checkLinks(course, snap, flags, notes);
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true, target: ts.ScriptTarget.ES2022 } });
  for (const rel of code.authored) scanSource(course, rel, project.createSourceFile(`/${rel}`, code.files.get(rel) ?? "", { overwrite: true }), flags);
  return { flags: dedupe(flags), notes };
}

/** The course's test files and test kit, compared with the learner's copies line by line. */
function checkTests(course: Course, snap: Snapshot, flags: Flag[], notes: string[]): void {
  const checked = [...course.pristine.keys()].filter((p) => p.startsWith("exercises/_testkit/") || (/\.test\.ts$/.test(p) && !course.hidden.has(p)));
  for (const at of checked) {
    const rel = at.slice("exercises/".length);
    if (snap.links.has(rel)) continue; // reported by checkLinks
    const mine = snap.files.get(rel);
    if (mine === undefined) {
      notes.push(`${at} is missing from the submission (the course's copy was used)`);
      continue;
    }
    const theirs = normalise(mine.toString("utf8")).split("\n");
    const pristine = normalise(course.pristine.get(at)!.toString("utf8")).split("\n");
    const line = theirs.findIndex((text, i) => text !== pristine[i]);
    const at1 = line === -1 ? (theirs.length === pristine.length ? -1 : Math.min(theirs.length, pristine.length)) : line;
    if (at1 === -1) continue;
    flags.push({
      kind: "tests-changed",
      file: at,
      line: at1 + 1,
      evidence: (theirs[at1] ?? "(the file ends here)").trim().slice(0, 160),
      message: `differs from the course's test file from line ${at1 + 1} on (grading used the course's copy)`,
    });
  }
}

function checkLinks(course: Course, snap: Snapshot, flags: Flag[], notes: string[]): void {
  for (const [rel, target] of snap.links) {
    const dir = rel.split("/")[0];
    if (!course.all.some((ex) => ex.dir === dir) && dir !== "_testkit") continue;
    flags.push({ kind: "symlink", file: shown(rel), evidence: `-> ${target}`, message: `is a symbolic link to ${target}; the grader does not follow links, so it counted as missing` });
  }
  for (const [rel, size] of snap.oversized) notes.push(`${shown(rel)} (${size} bytes) is too big to be source code and was ignored`);
}

function scanSource(course: Course, rel: string, source: SourceFile, flags: Flag[]): void {
  const exNumber = course.all.find((ex) => ex.dir === rel.split("/")[0])?.number ?? 0;
  const matrixFrom = course.all.find((ex) => ex.slug === MATRIX_EXERCISE_SLUG)?.number ?? Infinity;
  const lines = source.getFullText().split("\n");
  const flag = (kind: Flag["kind"], node: Node, message: string) => {
    const line = node.getStartLineNumber();
    flags.push({ kind, file: shown(rel), line, evidence: (lines[line - 1] ?? "").trim().slice(0, 160), message });
  };

  const checkSpecifier = (spec: string, node: Node) => {
    const builtin = spec.replace(/^node:/, "");
    if (PROCESS_MODULES.includes(builtin)) return flag("process", node, `imports ${spec}, which starts other processes`);
    if (spec === "node:test") return flag("test-environment", node, `imports ${spec}, the test framework`);
    if (/^(\.|\/|file:|[A-Za-z]:[\\/])/.test(spec)) return checkPath(spec, node);
    const name = packageName(spec);
    if (listed(name, ML_LIBRARIES)) return flag("forbidden-library", node, `imports ${name}, a machine-learning library; the course builds the network by hand`);
    if (exNumber >= matrixFrom && listed(name, MATRIX_LIBRARIES)) return flag("forbidden-library", node, `imports ${name}, a matrix library, in an exercise that builds on the learner's own matrices`);
    if (listed(name, TEST_FRAMEWORK_PACKAGES)) return flag("test-environment", node, `imports ${name}, the test framework, from an implementation file`);
  };

  const checkPath = (spec: string, node: Node) => {
    if (!spec.startsWith(".")) {
      const kind = /(^|[\\/])solutions[\\/]/.test(spec) ? "solutions-import" : "outside-import";
      return flag(kind, node, `imports ${spec} by absolute path, outside the learner's exercises`);
    }
    // Where the import lands in a course clone: exercises/<from folder>/<spec>.
    const target = path.posix.normalize(path.posix.join("exercises", path.posix.dirname(rel), spec));
    const top = target.split("/")[0];
    if (top === "exercises" || top === "data") return;
    if (top === "solutions") return flag("solutions-import", node, `imports the course's reference (${target}) instead of the learner's own code`);
    flag("outside-import", node, `imports ${target}, outside the exercises and data/`);
  };

  source.forEachDescendant((node) => {
    if (Node.isImportDeclaration(node) || Node.isExportDeclaration(node)) {
      const spec = node.getModuleSpecifierValue();
      if (spec !== undefined) checkSpecifier(spec, node);
    } else if (Node.isImportEqualsDeclaration(node)) {
      const ref = node.getModuleReference();
      if (Node.isExternalModuleReference(ref)) {
        const arg = ref.getExpression();
        if (arg && Node.isStringLiteral(arg)) checkSpecifier(arg.getLiteralValue(), node);
      }
    } else if (Node.isCallExpression(node)) {
      const callee = node.getExpression();
      const isImport = callee.getKind() === SyntaxKind.ImportKeyword;
      const isRequire = Node.isIdentifier(callee) && callee.getText() === "require";
      if (isImport || isRequire) {
        const [arg] = node.getArguments();
        if (arg && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg))) checkSpecifier(arg.getLiteralValue(), node);
        else flag("dynamic-import", node, `${isImport ? "import()" : "require()"} of a module chosen at run time: the grader cannot see what it loads`);
      } else if (/^(Object|Reflect)\.(defineProperty|defineProperties|assign|setPrototypeOf|freeze)$/.test(callee.getText())) {
        const [target] = node.getArguments();
        const root = target ? (rootName(target) ?? "") : "";
        if (target && (PATCHABLE_GLOBALS.has(root) || /\.prototype\b/.test(target.getText()))) flag("intrinsics", node, `changes a built-in (${callee.getText()} on ${target.getText().slice(0, 40)}), which can change how the tests compare results`);
      } else if (Node.isIdentifier(callee) && callee.getText() === "createRequire") {
        flag("dynamic-import", node, "createRequire: loads modules outside the test framework's view");
      }
    } else if (Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node)) {
      checkAccess(node, flag);
      if (Node.isPropertyAccessExpression(node) && TEST_GLOBALS.has(node.getName()) && GLOBAL_OBJECTS.has(rootName(node.getExpression()) ?? "")) {
        flag("test-environment", node, `uses ${node.getText().slice(0, 60)}, part of the test framework, in an implementation file`);
      }
    } else if (Node.isMetaProperty(node)) {
      const parent = node.getParent();
      if (Node.isPropertyAccessExpression(parent) && ["vitest", "env"].includes(parent.getName())) {
        flag("test-environment", parent, `reads import.meta.${parent.getName()}, which tells a test run apart`);
      }
    } else if (Node.isIdentifier(node)) {
      if (TEST_GLOBALS.has(node.getText()) && !isPropertyName(node) && !node.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)) flag("test-environment", node, `uses ${node.getText()}, part of the test framework, in an implementation file`);
    } else if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || Node.isTemplateHead(node) || Node.isTemplateMiddle(node) || Node.isTemplateTail(node)) {
      const text = node.getText();
      if (isImportSpecifier(node)) return;
      if (TEST_FILE_MENTION.test(text)) flag("test-environment", node, "names the test files or the test framework in a string");
      else if (/(^|[\\/"'`])solutions[\\/]/.test(text)) flag("solutions-import", node, "names the course's solutions/ folder in a string");
    } else if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      const left = node.getLeft();
      if (Node.isPropertyAccessExpression(left) || Node.isElementAccessExpression(left)) {
        const root = rootName(left.getExpression()) ?? "";
        const patchesPrototype = /\.prototype\b/.test(left.getText());
        if (PATCHABLE_GLOBALS.has(root) || patchesPrototype) flag("test-environment", node, `replaces a built-in (${left.getText().slice(0, 60)}), which can change how the tests compare results`);
      }
    }
  });
}

/** The errors a frozen built-in raises when code tries to change it (grading/setup/freeze.ts). */
const FROZEN = /Cannot (redefine property|assign to read only property|add property [^,]+, object is not extensible|define property [^,]+, object is not extensible|delete property)/;

/**
 * Flags from a run: an exercise whose code tried to change a frozen built-in (however it was
 * written, the freeze makes it throw). `runs` are the test files' runs by workspace path.
 */
export function runtimeFlags(course: Course, code: LearnerCode, runs: Iterable<FileRun>): Flag[] {
  const flags: Flag[] = [];
  for (const run of runs) {
    const dir = run.file.split("/")[1];
    const errors = [...run.errors, ...run.tests.flatMap((t) => t.errors)];
    const hit = errors.map((e) => FROZEN.exec(e.message)?.[0] ? e.message.split("\n")[0] : undefined).find(Boolean);
    if (!hit) continue;
    const file = code.used.get(dir)?.[0] ?? `${dir}/${course.all.find((ex) => ex.dir === dir)?.files[0] ?? ""}`;
    flags.push({ kind: "intrinsics", file: shown(file), evidence: hit.slice(0, 160), message: "tried to change a built-in the grader froze (Math, JSON, Number, Array, Object or their methods); the change failed and the exercise did not count it" });
  }
  return dedupe(flags);
}

function checkAccess(node: Node, flag: (kind: Flag["kind"], node: Node, message: string) => void): void {
  const text = node.getText();
  const envMatch = /^process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*["'`]([^"'`]+)["'`]\s*\])$/.exec(text);
  if (envMatch) {
    const name = envMatch[1] ?? envMatch[2];
    if (TEST_ENV_VARIABLE.test(name)) flag("test-environment", node, `reads process.env.${name}, which tells a test run apart`);
    return;
  }
  const processMatch = /^process\.(send|channel|exit|kill|abort|binding|dlopen|_linkedBinding|disconnect)$/.exec(text);
  if (processMatch) {
    flag("process", node, `uses process.${processMatch[1]}, which talks to or stops the test runner's process`);
    return;
  }
  if (/^Error\.(prepareStackTrace|captureStackTrace)$/.test(text) || (Node.isPropertyAccessExpression(node) && node.getName() === "stack" && /^new Error\b/.test(node.getExpression().getText()))) {
    flag("test-environment", node, "looks at the call stack (who is calling?), a way to tell tests apart");
  }
}

const GLOBAL_OBJECTS = new Set(["globalThis", "global", "window", "self"]);

/** The identifier an expression starts from: `(globalThis as any).x.y` -> "globalThis". */
function rootName(expression: Node): string | undefined {
  let node: Node = expression;
  for (;;) {
    if (Node.isIdentifier(node)) return node.getText();
    if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isNonNullExpression(node) || Node.isTypeAssertion(node) || Node.isSatisfiesExpression(node)) node = node.getExpression();
    else if (Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node) || Node.isCallExpression(node)) node = node.getExpression();
    else return undefined;
  }
}

const isPropertyName = (node: Node) => {
  const parent = node.getParent();
  return (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === node) || Node.isPropertyAssignment(parent) || Node.isPropertySignature(parent) || Node.isMethodDeclaration(parent);
};

const isImportSpecifier = (node: Node) => {
  const parent = node.getParent();
  return (
    Node.isImportDeclaration(parent) ||
    Node.isExportDeclaration(parent) ||
    Node.isExternalModuleReference(parent) ||
    (Node.isCallExpression(parent) && (parent.getExpression().getKind() === SyntaxKind.ImportKeyword || parent.getExpression().getText() === "require"))
  );
};

function dedupe(flags: Flag[]): Flag[] {
  const seen = new Set<string>();
  return flags.filter((f) => {
    const key = `${f.kind}\0${f.file}\0${f.line}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
