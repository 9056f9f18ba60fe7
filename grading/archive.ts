// Unpacks a submission archive in-process (yauzl for .zip, tar for .tar/.tar.gz/.tgz): no
// system tool needed, so the grader unpacks the same on Linux, macOS and Windows. Only plain
// files and folders are written, each inside the target folder; an entry that is not (a path
// with "..", an absolute path, a link, a device) is skipped and reported, and the rest is graded.
// The total size and number of files are capped while streaming, whatever the archive claims.
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { Parser, type ReadEntry } from "tar";
import yauzl from "yauzl";

export interface UnpackLimits {
  /** Bytes the unpacked files may take in all. */
  maxBytes: number;
  maxFiles: number;
}

export const UNPACK_LIMITS: UnpackLimits = { maxBytes: 200 * 1024 * 1024, maxFiles: 20_000 };

export interface UnpackResult {
  /** Why nothing can be graded (damaged, too big, a format not supported). */
  problem?: string;
  /** Entries left out, with why. */
  skipped: { entry: string; why: string }[];
}

class TooBig extends Error {}

/** A path inside the archive, as a safe relative path, or why it is not one. */
export function safeEntryPath(name: string): string | { why: string } {
  const posix = name.replace(/\\/g, "/");
  if (posix.startsWith("/") || /^[A-Za-z]:/.test(posix)) return { why: "an absolute path" };
  const parts = posix.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.some((p) => p === "..")) return { why: 'a path with ".." that would land outside the folder' };
  if (parts.length === 0) return { why: "an empty name" };
  if (parts.some((p) => p.includes("\0"))) return { why: "a name with a NUL byte" };
  return parts.join("/");
}

export async function unpackArchive(archive: string, into: string, limits: UnpackLimits = UNPACK_LIMITS): Promise<UnpackResult> {
  fs.mkdirSync(into, { recursive: true });
  const skipped: UnpackResult["skipped"] = [];
  let bytes = 0;
  let files = 0;
  const budget = () =>
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > limits.maxBytes) done(new TooBig(`it unpacks to more than ${Math.round(limits.maxBytes / 1024 / 1024)} MB`));
        else done(null, chunk);
      },
    });
  const target = (name: string, isDir: boolean): string | undefined => {
    const safe = safeEntryPath(name);
    if (typeof safe !== "string") {
      skipped.push({ entry: name, why: safe.why });
      return undefined;
    }
    if (!isDir && ++files > limits.maxFiles) throw new TooBig(`it holds more than ${limits.maxFiles} files`);
    const at = path.join(into, safe);
    fs.mkdirSync(isDir ? at : path.dirname(at), { recursive: true });
    return at;
  };
  const kind = /\.zip$/i.test(archive) ? "zip" : /\.(tar|tgz|tar\.gz)$/i.test(archive) ? "tar" : undefined;
  try {
    if (kind === "zip") await unzip(archive, target, budget, skipped);
    else if (kind === "tar") await untar(archive, target, budget, skipped);
    else return { problem: `${path.basename(archive)}: only .zip, .tar, .tar.gz and .tgz archives are unpacked; re-pack it as a .zip`, skipped };
  } catch (error) {
    if (error instanceof TooBig) return { problem: `the archive is too big to grade: ${error.message}`, skipped };
    const why = (error as Error).message.split("\n")[0].slice(0, 160);
    return { problem: `the archive will not unpack: it is damaged or not really a ${kind} file (${why})`, skipped };
  }
  return { skipped };
}

type Target = (name: string, isDir: boolean) => string | undefined;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

function unzip(archive: string, target: Target, budget: () => Transform, skipped: UnpackResult["skipped"]): Promise<void> {
  return new Promise((resolve, reject) => {
    // Names are decoded here, not by yauzl, which rejects the whole archive for one unsafe name.
    yauzl.open(archive, { lazyEntries: true, decodeStrings: false }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("not a zip"));
      const fail = (e: unknown) => {
        zip.close();
        reject(e);
      };
      zip.on("error", fail);
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        try {
          const name = (entry.fileName as unknown as Buffer).toString("utf8");
          const isDir = name.endsWith("/");
          // Unix permissions live in the top 16 bits of the external attributes (0 when made on Windows).
          const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
          if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) {
            skipped.push({ entry: name, why: "a link or special file" });
            return zip.readEntry();
          }
          const at = target(name, isDir);
          if (!at || isDir) return zip.readEntry();
          zip.openReadStream(entry, (err, stream) => {
            if (err || !stream) return fail(err);
            pipeline(stream, budget(), fs.createWriteStream(at, { flags: "wx" })).then(() => zip.readEntry(), fail);
          });
        } catch (e) {
          fail(e);
        }
      });
      zip.readEntry();
    });
  });
}

async function untar(archive: string, target: Target, budget: () => Transform, skipped: UnpackResult["skipped"]): Promise<void> {
  const writes: Promise<void>[] = [];
  let failure: unknown;
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      try {
        if (failure) return entry.resume();
        const type = entry.type;
        if (type === "Directory") {
          target(entry.path, true);
          return entry.resume();
        }
        if (type !== "File" && type !== "OldFile" && type !== "ContiguousFile") {
          // pax/global headers are metadata, not entries a learner made.
          if (!/Header|ExtendedHeader|NextFile/.test(type)) skipped.push({ entry: entry.path, why: "a link or special file" });
          return entry.resume();
        }
        const at = target(entry.path, false);
        if (!at) return entry.resume();
        writes.push(pipeline(entry, budget(), fs.createWriteStream(at, { flags: "wx" })).catch((e) => {
          failure ??= e;
        }));
      } catch (e) {
        failure ??= e;
        entry.resume();
      }
    },
  });
  await pipeline(fs.createReadStream(archive), parser as unknown as NodeJS.WritableStream);
  await Promise.all(writes);
  if (failure) throw failure;
}
