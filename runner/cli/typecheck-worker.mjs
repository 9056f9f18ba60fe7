// TypeScript's checker for the learner's files, in a worker thread so a cold start (a second or
// two to load the compiler and the standard library types) never blocks the keyboard in watch
// mode. A language service stays warm between checks: a re-check after a save takes milliseconds.
// Plain JavaScript so the worker needs no TypeScript loader.
import fs from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import ts from "typescript";

const root = workerData.root;
const configFile = path.join(root, "tsconfig.json");
const config = fs.existsSync(configFile) ? ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, root) : { options: { strict: true } };
// The exercises run in Node, not a browser: without the DOM's types (the lab's) a check starts a
// third faster.
const lib = config.options.lib?.filter((name) => !/dom/i.test(name));
const options = { ...config.options, noEmit: true, skipLibCheck: true, ...(lib ? { lib } : {}) };

let roots = [];
const version = (file) => {
  try {
    const stat = fs.statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return "missing";
  }
};
const host = {
  getScriptFileNames: () => roots,
  getScriptVersion: version,
  getScriptSnapshot: (file) => (fs.existsSync(file) ? ts.ScriptSnapshot.fromString(fs.readFileSync(file, "utf8")) : undefined),
  getCurrentDirectory: () => root,
  getCompilationSettings: () => options,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());

parentPort.on("message", ({ id, files }) => {
  let diagnostics = [];
  try {
    roots = files.map((file) => path.resolve(root, file));
    for (const file of roots) {
      if (!fs.existsSync(file)) continue;
      const found = [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)];
      for (const d of found) {
        if (!d.file || d.start === undefined) continue;
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        diagnostics.push({
          file: path.relative(root, d.file.fileName).split(path.sep).join("/"),
          line: line + 1,
          column: character + 1,
          message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
        });
      }
    }
  } catch (error) {
    diagnostics = [];
  }
  parentPort.postMessage({ id, diagnostics });
});
