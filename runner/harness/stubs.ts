// One source of truth, as in nbgrader: the reference files in solutions/ carry solution
// markers, and the learner's stubs in exercises/ are generated from them.
//
//   // BEGIN SOLUTION
//   ...reference code...
//   // END SOLUTION
//
// Inside a function body the region becomes one line that throws
// "not implemented yet: <name> in <file>". Outside any function body (a helper the
// solution needs, a private method) the region is removed, except for its lines written
// "// STUB: <code>", which the stub keeps as "<code>". Every other file under solutions/
// (the tests, the test kit) is copied as it is.
import fs from "node:fs";
import path from "node:path";
import { Node, Project, ts } from "ts-morph";
import { CHECKSUMS_FILE, checksumsFor } from "./checksums";
import { stubMessage } from "./stub-message";

export { isStubError, parseStubMessage, rewriteStubMessage, stubMessage } from "./stub-message";

export const BEGIN = "// BEGIN SOLUTION";
export const END = "// END SOLUTION";

interface Region {
  begin: number; // line index of BEGIN
  end: number; // line index of END
}

export class MarkerError extends Error {}

/** The stub text for one solution file. `displayPath` is the learner's path, used in the error message. */
export function stubSource(text: string, displayPath: string): string {
  const lines = text.split("\n");
  const regions = findRegions(lines, displayPath);
  if (regions.length === 0) return text;

  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  const source = project.createSourceFile("solution.ts", text);
  const lineStarts = lineOffsets(lines);

  // Replace from the bottom up so earlier line numbers stay valid.
  for (const region of [...regions].reverse()) {
    const markerPos = lineStarts[region.begin] + lines[region.begin].indexOf(BEGIN);
    const owner = enclosingFunctionName(source, markerPos);
    const indent = lines[region.begin].slice(0, lines[region.begin].indexOf(BEGIN));
    if (owner !== undefined) {
      const message = stubMessage(owner, displayPath);
      lines.splice(region.begin, region.end - region.begin + 1, `${indent}throw new Error(${JSON.stringify(message)});`);
    } else {
      // "// STUB: code" lines of a removed region stay in the stub as "code" (e.g. imports the
      // learner will need that the reference itself does not use).
      const kept = lines
        .slice(region.begin + 1, region.end)
        .map((line) => /^(\s*)\/\/ STUB: (.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => m[1] + m[2]);
      // Drop the blank line before the block too when it would leave a double gap or a gap before "}".
      const before = region.begin > 0 ? lines[region.begin - 1].trim() : "x";
      const after = (lines[region.end + 1] ?? "").trim();
      const start = kept.length === 0 && before === "" && (after === "" || after.startsWith("}")) ? region.begin - 1 : region.begin;
      lines.splice(start, region.end - start + 1, ...kept);
    }
  }
  let out = lines.join("\n");
  if (!out.endsWith("\n")) out += "\n";
  out = out.replace(/\n\n+$/, "\n");

  const check = project.createSourceFile("stub.ts", out, { overwrite: true });
  const problems = project.getProgram().compilerObject.getSyntacticDiagnostics(check.compilerNode);
  if (problems.length > 0) {
    const first = ts.flattenDiagnosticMessageText(problems[0].messageText, "\n");
    throw new MarkerError(`${displayPath}: the generated stub does not parse (${first}); check the solution markers`);
  }
  return out;
}

function findRegions(lines: string[], displayPath: string): Region[] {
  const regions: Region[] = [];
  let open: number | undefined;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === BEGIN) {
      if (open !== undefined) throw new MarkerError(`${displayPath}:${i + 1}: ${BEGIN} inside another one (opened on line ${open + 1})`);
      open = i;
    } else if (trimmed === END) {
      if (open === undefined) throw new MarkerError(`${displayPath}:${i + 1}: ${END} without a ${BEGIN} before it`);
      regions.push({ begin: open, end: i });
      open = undefined;
    } else if (trimmed.includes("BEGIN SOLUTION") || trimmed.includes("END SOLUTION")) {
      throw new MarkerError(`${displayPath}:${i + 1}: a solution marker must stand alone on its line as "${BEGIN}" or "${END}"`);
    }
  });
  if (open !== undefined) throw new MarkerError(`${displayPath}:${open + 1}: ${BEGIN} is never closed by ${END}`);
  return regions;
}

function lineOffsets(lines: string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

/** The name of the function whose body holds `pos`, e.g. "sigmoid" or "NeuralNetwork.train"; undefined at top level. */
function enclosingFunctionName(source: ReturnType<Project["createSourceFile"]>, pos: number): string | undefined {
  let node: Node | undefined = source.getDescendantAtPos(pos);
  for (; node !== undefined; node = node.getParent()) {
    if (!Node.isFunctionLikeDeclaration(node) && !Node.isArrowFunction(node)) continue;
    const body = (Node.isBodyable(node) || Node.isBodied(node) ? node.getBody() : undefined) as Node | undefined;
    if (body === undefined || !(body.getStart() < pos && pos < body.getEnd())) continue;
    const className = Node.isClassDeclaration(node.getParent()) ? node.getParentOrThrow().asKindOrThrow(ts.SyntaxKind.ClassDeclaration).getName() : undefined;
    if (Node.isConstructorDeclaration(node)) return `${className ?? "class"} constructor`;
    if (Node.isMethodDeclaration(node) || Node.isGetAccessorDeclaration(node) || Node.isSetAccessorDeclaration(node)) {
      return className ? `${className}.${node.getName()}` : node.getName();
    }
    if (Node.isFunctionDeclaration(node)) return node.getName() ?? "function";
    const variable = node.getParentIfKind(ts.SyntaxKind.VariableDeclaration);
    return variable?.getName() ?? "function";
  }
  return undefined;
}

/** Every file the generator writes into exercises/: relative path -> content. */
export function generateExercises(root: string): Map<string, string> {
  const solutionsDir = path.join(root, "solutions");
  const out = new Map<string, string>();
  for (const rel of listFiles(solutionsDir)) {
    const text = fs.readFileSync(path.join(solutionsDir, rel), "utf8");
    const learnerPath = path.posix.join("exercises", rel.split(path.sep).join("/"));
    out.set(rel.split(path.sep).join("/"), rel.endsWith(".ts") ? stubSource(text, learnerPath) : text);
  }
  out.set(CHECKSUMS_FILE, checksumsFor(out));
  return out;
}

/** The pristine stub of one exercise file, e.g. stubFor(root, "05-matrix/matrix.ts"). */
export function stubFor(root: string, rel: string): string {
  const text = fs.readFileSync(path.join(root, "solutions", rel), "utf8");
  return stubSource(text, `exercises/${rel}`);
}

export function listFiles(dir: string, prefix = ""): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(dir, rel));
    else if (entry.isFile()) files.push(rel);
  }
  return files.sort();
}
