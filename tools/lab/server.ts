// The lab's server: vite, on this computer only (127.0.0.1), serving the page in tools/lab/page/
// (bundled once, see bundle.ts) and the learner's own exercise modules from exercises/,
// transformed for the browser as they are now.
// The course's reference code is never sent: solutions/ is refused outright, and the one place
// the reference runs (exercise 17's preprocessing, while the learner's own does not pass yet)
// runs here on the server and sends back only the 28 x 28 picture.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createServer, type Plugin, type ViteDevServer } from "vite";
import { Course } from "../../runner/cli/course";
import { courseRoot } from "../../runner/harness/driver";
import { load, notDone } from "../course-code";
import { parseModel, type ModelFile } from "../model";
import { pageBundle } from "./bundle";
import { MODEL_HEADER } from "./page/network";
import type { Lang } from "../../runner/harness/manifest";
import { mnistPath } from "../../data/mnist";
import { sourceLine } from "./source-line";

export const labDir = path.dirname(fileURLToPath(import.meta.url));
/** The page's own files (index.html and its TypeScript): vite's root. */
const pageDir = path.join(labDir, "page");
/** The WebAssembly engine (issue 12): its TypeScript API and the compiled .wasm. */
const engineDir = path.join(courseRoot, "tools", "engine");
const engineFiles = { module: path.join(engineDir, "index.ts"), wasm: path.join(engineDir, "engine.wasm") };

export interface LabOptions {
  /** The learner's course folder (exercises/, .nn-kata/ state, reports/model.json). */
  root?: string;
  lang: Lang;
  port?: number;
  /** True when the port was asked for (--port): then a busy port is an error, not a reason to move on. */
  strictPort?: boolean;
  /** Whether an exercise passes; by default the runner's own check (course-code.ts). Tests set it. */
  passed?: (dir: string) => boolean | Promise<boolean>;
  /** Told when the check has to run an exercise's tests (it takes a few seconds). */
  onCheck?: (dirs: string[]) => void;
  /** Told when the page has to be bundled (the first start after the page's code changed: a few seconds). */
  onBuild?: () => void;
}

export interface Lab {
  url: string;
  port: number;
  vite: ViteDevServer;
  /** The folder of the page's bundle (index.html, assets/). */
  bundle: string;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 5180;

/** The learner's modules the page loads (page/learner.ts), transformed ahead of the first visit. */
const PAGE_EXERCISES = ["09-prepare/prepare.ts", "10-network/network.ts", "13-evaluate/evaluate.ts", "17-handwriting/handwriting.ts", "18-backquery/backquery.ts"];

export async function startLab(options: LabOptions): Promise<Lab> {
  const root = path.resolve(options.root ?? courseRoot);
  const exercisesDir = path.join(root, "exercises");
  if (!fs.existsSync(path.join(exercisesDir, "manifest.json"))) throw new Error(`${root} is not a course folder: it has no exercises/manifest.json`);
  const passed = options.passed ?? (async (dir: string) => (await notDone([dir], root, options.onCheck)).length === 0);
  const status17 = await passed("17-handwriting");
  const bundle = await pageBundle(pageDir, path.join(courseRoot, ".nn-kata", "lab-page"), options.onBuild);

  const vite = await createServer({
    configFile: false,
    root: pageDir,
    logLevel: "warn",
    clearScreen: false,
    appType: "spa",
    server: {
      host: "127.0.0.1",
      port: options.port ?? DEFAULT_PORT,
      strictPort: options.strictPort ?? false,
      fs: { strict: true, allow: [pageDir, exercisesDir, path.join(courseRoot, "tools")], deny: ["**/solutions/**", ".env", ".env.*"] },
      // The page reports a learner's module that does not compile itself, and keeps working; vite's overlay would cover it.
      hmr: { overlay: false },
      watch: { ignored: ["**/node_modules/**", "**/.nn-kata/**", "**/reports/**"] },
      // Transform the page and the learner's modules while the browser starts, so the first load is quick.
      warmup: { clientFiles: [...PAGE_EXERCISES.map((rel) => path.join(exercisesDir, rel).split(path.sep).join("/"))] },
    },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [labPlugin({ root, exercisesDir, lang: options.lang, status17, bundle })],
  });
  try {
    await vite.listen();
  } catch (error) {
    await vite.close();
    const code = (error as NodeJS.ErrnoException).code;
    const busy = code === "EADDRINUSE" || /already in use/i.test((error as Error).message);
    if (busy) throw new Error(`port ${options.port} is already in use on 127.0.0.1: choose another with --port (e.g. --port ${(options.port ?? DEFAULT_PORT) + 1}), or leave out --port to take the next free one`);
    throw error;
  }
  // The page's first visit finds every module transformed and the model file read.
  await importClosure(vite, pageModules(exercisesDir));
  const model = path.join(root, "reports", "model.json");
  if (fs.existsSync(model)) {
    try {
      modelFileWeights(model);
    } catch {
      // the page asks again and shows what is wrong
    }
  }
  const address = vite.httpServer?.address();
  const port = typeof address === "object" && address ? address.port : options.port ?? DEFAULT_PORT;
  return { url: `http://127.0.0.1:${port}/`, port, vite, bundle, close: () => vite.close() };
}

interface PluginContext {
  root: string;
  exercisesDir: string;
  lang: Lang;
  status17: boolean;
  bundle: string;
}

/** Node modules some exercises import for their file-reading parts, which the page never calls. */
const BROWSER_SHIMS: Record<string, string> = {
  "node:fs": "fs",
  fs: "fs",
  pngjs: "pngjs",
};

function labPlugin(c: PluginContext): Plugin {
  const shimPrefix = "\0lab-shim:";
  return {
    name: "nn-kata-lab",
    enforce: "pre",
    resolveId(id, importer) {
      if (id in BROWSER_SHIMS) return shimPrefix + BROWSER_SHIMS[id];
      // The engine builds on the course's exercises (e.g. 09's createRng and initWeights). In the
      // lab it gets the learner's own, like everything else on the page: never solutions/.
      if (importer?.startsWith(engineDir + path.sep) && id.startsWith(".")) {
        const target = path.resolve(path.dirname(importer), id);
        const solutions = path.join(courseRoot, "solutions") + path.sep;
        if (target.startsWith(solutions)) return path.join(c.exercisesDir, path.relative(solutions, target)).replace(/(\.ts)?$/, ".ts");
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(shimPrefix)) return null;
      const what = id.slice(shimPrefix.length);
      const refuse = `() => { throw new Error("${what} cannot be used in the browser: the lab calls only the parts of your exercises that work on numbers"); }`;
      if (what === "pngjs") return `export const PNG = { sync: { read: ${refuse}, write: ${refuse} } };`;
      return `const refuse = ${refuse};\nexport default new Proxy({}, { get: () => refuse });`;
    },
    configureServer(devServer) {
      devServer.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
        if (/(^|\/)solutions(\/|$)/.test(url)) {
          res.statusCode = 403;
          res.end("The lab does not serve the course's reference solutions.");
          return;
        }
        if (url === "/" || url === "/index.html") {
          page(c, devServer).then((html) => {
            res.setHeader("content-type", "text/html; charset=utf-8");
            res.setHeader("cache-control", "no-store");
            res.end(html);
          }, next);
          return;
        }
        if (url.startsWith("/assets/")) return sendAsset(c, url, res, next);
        if (!url.startsWith("/api/")) return next();
        api(c, devServer, url, req, res).catch((error: unknown) => send(res, 500, { error: error instanceof Error ? error.message : String(error) }));
      });
    },
  };
}

/** The learner's modules the page starts from. */
const pageModules = (exercisesDir: string) => PAGE_EXERCISES.map((rel) => learnerBase(exercisesDir) + rel);

/**
 * The bundle's index.html, told where the learner's modules are; the browser is also told every
 * learner module the page will import (with what they import) and the page's first two questions
 * to the server, so it asks for them all at once instead of one after another. Vite's client,
 * which reloads the page when the learner saves a file, comes once the page is ready (it is
 * larger than the page itself).
 */
async function page(c: PluginContext, server: ViteDevServer): Promise<string> {
  const base = learnerBase(c.exercisesDir);
  const modules = await importClosure(server, pageModules(c.exercisesDir));
  const requests = ["/api/status", ...(fs.existsSync(path.join(c.root, "reports", "model.json")) ? ["/api/model"] : [])];
  const head = [
    `<meta name="nn-kata-learner" content="${base}">`,
    ...requests.map((url) => `<link rel="preload" href="${url}" as="fetch" crossorigin>`),
    ...modules.map((url) => `<link rel="modulepreload" href="${url}">`),
  ];
  return fs
    .readFileSync(path.join(c.bundle, "index.html"), "utf8")
    .replace("</head>", `  ${head.join("\n    ")}\n  </head>`)
    .replace("</body>", `  <script type="module">${LATER}</script>\n  </body>`);
}

/** Vite's client, loaded when the page says it is ready (page/stats.ts), or a few seconds after it loaded if it never does. */
const LATER = `const later = () => import("/@vite/client");
    addEventListener("lab-ready", later, { once: true });
    addEventListener("load", () => setTimeout(later, 5000), { once: true });`;

/** A file of the bundle: its name carries a hash of its content, so the browser may keep it. */
function sendAsset(c: PluginContext, url: string, res: Res, next: () => void): void {
  const file = path.join(c.bundle, "assets", path.basename(url));
  if (!fs.existsSync(file)) return next();
  const types: Record<string, string> = { ".js": "text/javascript", ".css": "text/css", ".map": "application/json" };
  res.setHeader("content-type", `${types[path.extname(file)] ?? "application/octet-stream"}; charset=utf-8`);
  res.setHeader("cache-control", "public, max-age=31536000, immutable");
  res.end(fs.readFileSync(file));
}

/**
 * The addresses of these modules and everything they import, as vite serves them (each is
 * transformed here if it was not yet). A module that fails to transform is left to the page, which
 * reports it (a learner's syntax error, say).
 */
async function importClosure(server: ViteDevServer, urls: string[]): Promise<string[]> {
  const seen = new Set(urls);
  const queue = [...urls];
  while (queue.length > 0) {
    const batch = queue.splice(0);
    await Promise.all(
      batch.map(async (url) => {
        try {
          await server.transformRequest(url);
        } catch {
          return;
        }
        const mod = await server.moduleGraph.getModuleByUrl(url);
        for (const imported of mod?.importedModules ?? []) {
          if (imported.url && !seen.has(imported.url)) {
            seen.add(imported.url);
            queue.push(imported.url);
          }
        }
      }),
    );
  }
  // A virtual module (the browser shims) is served under /@id/__x00__, as vite writes its id in imports.
  return [...seen].map((url) => (url.startsWith("\0") ? `/@id/__x00__${url.slice(1)}` : url));
}

/** Where vite serves the learner's exercises/ folder. */
const learnerBase = (exercisesDir: string) => `/@fs${exercisesDir.split(path.sep).join("/")}/`;

type Req = import("node:http").IncomingMessage;
type Res = import("node:http").ServerResponse;

function send(res: Res, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

async function readBody(req: Req): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function api(c: PluginContext, server: ViteDevServer, url: string, req: Req, res: Res): Promise<void> {
  const query = new URL(req.url ?? "/", "http://lab").searchParams;
  switch (url) {
    case "/api/status":
      return send(res, 200, await status(c));
    case "/api/model": {
      const file = path.join(c.root, "reports", "model.json");
      // A missing or faulty model is an answer for the page to show, not a failed request.
      if (!fs.existsSync(file)) return send(res, 200, { error: "no reports/model.json yet: `npm run train -- --mine` trains your network and saves it there" });
      try {
        return sendWeights(res, modelFileWeights(file));
      } catch (error) {
        return send(res, 200, { error: (error as Error).message });
      }
    }
    case "/api/check-model": {
      const name = query.get("name") || "the dropped file";
      try {
        return sendWeights(res, weightsOf(parseModel((await readBody(req)).toString("utf8"), name)));
      } catch (error) {
        return send(res, 200, { error: (error as Error).message });
      }
    }
    case "/api/mnist":
      return sendMnist(res, query.get("set") === "train" ? "train" : "test", Number(query.get("count") ?? "1000"));
    case "/api/engine.wasm":
      res.setHeader("content-type", "application/wasm");
      res.end(fs.readFileSync(engineFiles.wasm));
      return;
    case "/api/preprocess":
      return preprocess(c, req, res);
    case "/api/where":
      return send(res, 200, await where(c, server, (await readBody(req)).toString("utf8")));
    default:
      return send(res, 404, { error: `no such lab request: ${url}` });
  }
}

interface ModelWeights {
  sizes: Omit<ModelFile, "wih" | "who">;
  /** wih then who, row after row. */
  weights: Float64Array;
}

const weightsOf = ({ wih, who, ...sizes }: ModelFile): ModelWeights => ({ sizes, weights: Float64Array.from([...wih.flat(), ...who.flat()]) });

/** reports/model.json checked and turned into weights, again only when the file changed (it is megabytes of JSON). */
let modelCache: { file: string; stamp: string; weights: ModelWeights } | undefined;
function modelFileWeights(file: string): ModelWeights {
  const { mtimeMs, size } = fs.statSync(file);
  const stamp = `${mtimeMs} ${size}`;
  if (modelCache?.file !== file || modelCache.stamp !== stamp) modelCache = { file, stamp, weights: weightsOf(parseModel(fs.readFileSync(file, "utf8"), "reports/model.json")) };
  return modelCache.weights;
}

/**
 * A checked model for the page (page/network.ts readWeights): the sizes and learning rate in a
 * header, the weights as raw 64-bit numbers, so the page has nothing to parse.
 */
function sendWeights(res: Res, { sizes, weights }: ModelWeights): void {
  res.statusCode = 200;
  res.setHeader("content-type", "application/octet-stream");
  res.setHeader("cache-control", "no-store");
  res.setHeader(MODEL_HEADER, JSON.stringify(sizes));
  res.end(Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength));
}

async function status(c: PluginContext) {
  const course = new Course({ root: c.root });
  try {
    // 17 was checked when the lab started (it decides whose preprocessing runs); the others are
    // what the runner last saw, without running any tests.
    const exercises = course.exercises.map((ex) => ({
      number: ex.number,
      dir: ex.dir,
      title: ex.title,
      passed: ex.dir === "17-handwriting" ? c.status17 : course.knownDone(ex),
      written: !course.unwritten(ex),
    }));
    return {
      lang: c.lang,
      learnerBase: learnerBase(c.exercisesDir),
      referencePreprocessing: !c.status17,
      hasModel: fs.existsSync(path.join(c.root, "reports", "model.json")),
      engine: fs.existsSync(engineFiles.module) && fs.existsSync(engineFiles.wasm) ? { module: `/@fs${engineFiles.module.split(path.sep).join("/")}`, wasm: "/api/engine.wasm" } : undefined,
      exercises,
    };
  } finally {
    course.close();
  }
}

/**
 * MNIST images as the page wants them: `count` images of 784 bytes (0 = background, 255 = ink),
 * then their `count` labels. The IDX files have a 16-byte (images) and 8-byte (labels) header.
 */
function sendMnist(res: Res, set: "train" | "test", count: number): void {
  const max = set === "train" ? 60_000 : 10_000;
  if (!Number.isInteger(count) || count < 1 || count > max) return send(res, 400, { error: `count must be a whole number from 1 to ${max}` });
  const images = fs.readFileSync(mnistPath(set === "train" ? "train-images" : "test-images")).subarray(16, 16 + count * 784);
  const labels = fs.readFileSync(mnistPath(set === "train" ? "train-labels" : "test-labels")).subarray(8, 8 + count);
  res.statusCode = 200;
  res.setHeader("content-type", "application/octet-stream");
  res.end(Buffer.concat([images, labels]));
}

interface Preprocessing {
  toGrey(picture: { width: number; height: number; data: Uint8Array }): number[];
  resize(grey: ArrayLike<number>, width: number, height: number, size?: number): number[];
}

/**
 * Exercise 17's preprocessing by the course's reference, for a learner whose own does not pass yet:
 * the body is the drawing's RGBA bytes, ?width=&height= its size; the answer 784 grey values.
 */
async function preprocess(c: PluginContext, req: Req, res: Res): Promise<void> {
  if (c.status17) return send(res, 409, { error: "your exercise 17 passes: the page uses your own preprocessing" });
  const width = Number(new URL(req.url ?? "/", "http://lab").searchParams.get("width"));
  const height = Number(new URL(req.url ?? "/", "http://lab").searchParams.get("height"));
  const data = new Uint8Array(await readBody(req));
  if (!(width > 0 && height > 0 && data.length === width * height * 4)) return send(res, 400, { error: `expected ${width} x ${height} x 4 bytes, got ${data.length}` });
  // The reference is read from the course's own solutions/, never served (see the middleware above).
  const { toGrey, resize } = await load<Preprocessing>("solutions", "17-handwriting/handwriting.ts");
  send(res, 200, { grey: resize(toGrey({ width, height, data }), width, height, 28) });
}

/** Where in the learner's exercises an error was thrown: the first stack frame in exercises/, mapped back to the .ts line. */
async function where(c: PluginContext, server: ViteDevServer, stack: string) {
  const course = new Course({ root: c.root });
  try {
    for (const match of stack.matchAll(/(https?:\/\/[^\s)]+?):(\d+):(\d+)/g)) {
      const pathname = decodeURIComponent(new URL(match[1]).pathname);
      const file = pathname.startsWith("/@fs/") ? pathname.slice(4) : path.join(pageDir, pathname);
      if (!file.startsWith(c.exercisesDir + "/")) continue;
      const rel = path.relative(c.exercisesDir, file);
      const ex = course.exercises.find((e) => rel.startsWith(e.dir + "/"));
      const mod = server.moduleGraph.getModuleById(file) ?? (await server.moduleGraph.getModuleByUrl(pathname));
      const map = mod?.transformResult?.map;
      const line = map && "mappings" in map ? sourceLine(map.mappings, Number(match[2]), Number(match[3])) : Number(match[2]);
      return { exercise: ex?.number, dir: ex?.dir, file: `exercises/${rel.split(path.sep).join("/")}`, line };
    }
    return {};
  } finally {
    course.close();
  }
}
