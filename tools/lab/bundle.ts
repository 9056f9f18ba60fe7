// The page's own code (tools/lab/page/) bundled by vite, once for each version of it: a first visit
// then fetches one script (and one for the training worker when it starts) instead of a module
// per file, each through the dev server. The learner's code is not in the bundle: the page
// imports it by address from the dev server, as it is on disk now (page/learner.ts).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { build, version } from "vite";

/**
 * The folder of the bundle of `pageDir`, built into `outRoot` if this version of the page has no
 * bundle there yet (`onBuild` is told first: it takes a few seconds).
 */
export async function pageBundle(pageDir: string, outRoot: string, onBuild?: () => void): Promise<string> {
  const hash = createHash("sha256").update(`vite ${version}\n`);
  for (const name of fs.readdirSync(pageDir).sort()) hash.update(`${name}\n`).update(fs.readFileSync(path.join(pageDir, name)));
  const dir = path.join(outRoot, hash.digest("hex").slice(0, 16));
  if (fs.existsSync(path.join(dir, "index.html"))) return dir;
  onBuild?.();
  // Built aside and renamed into place, so a lab started meanwhile never sees half a bundle.
  const building = `${dir}.building-${process.pid}`;
  await build({
    configFile: false,
    root: pageDir,
    logLevel: "warn",
    build: { outDir: building, emptyOutDir: true, sourcemap: true, target: "es2022", modulePreload: { polyfill: false }, reportCompressedSize: false },
    worker: { format: "es" },
  });
  try {
    fs.renameSync(building, dir);
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, "index.html"))) throw error; // else another lab built it first
  }
  return dir;
}
