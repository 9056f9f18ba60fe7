// Maintainer's tool: compile assembly/engine.ts to engine.wasm with AssemblyScript.
//   npm run engine:build    write tools/engine/engine.wasm
//   npm run engine:check    rebuild into a temporary file and exit 1 if it differs from the committed one (CI)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const source = path.join(here, "assembly", "engine.ts");
const target = path.join(here, "engine.wasm");
const asc = path.join(root, "node_modules", "assemblyscript", "bin", "asc.js");
// -O3 for speed; no runtime beyond a bump allocator (the engine never frees); SIMD for f64x2.
const FLAGS = ["-O3", "--noAssert", "--runtime", "stub", "--enable", "simd"];

function build(out: string): void {
  execFileSync(process.execPath, [asc, path.relative(root, source), ...FLAGS, "-o", out], { cwd: root, stdio: "inherit" });
}

if (process.argv.includes("--check")) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-engine-"));
  try {
    const fresh = path.join(dir, "engine.wasm");
    build(fresh);
    const committed = fs.existsSync(target) ? fs.readFileSync(target) : undefined;
    if (!committed || !committed.equals(fs.readFileSync(fresh))) {
      console.error(`tools/engine/engine.wasm ${committed ? "differs from what" : "is missing; it is what"} tools/engine/assembly/engine.ts compiles to.`);
      console.error("Run `npm run engine:build` and commit engine.wasm with its source.");
      process.exit(1);
    }
    console.log("tools/engine/engine.wasm matches its source");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
} else {
  build(target);
  console.log(`wrote tools/engine/engine.wasm (${fs.statSync(target).size} bytes)`);
}
