// The manifest is the course's table of contents: the runner and the grader trust it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { courseRoot } from "../runner/harness/driver";
import { loadManifest, validateManifest, type Exercise, type Manifest } from "../runner/harness/manifest";

const manifest = loadManifest();

function sample(): Exercise {
  return {
    number: 1,
    slug: "predictor",
    dir: "01-predictor",
    part: 1,
    title: { en: "A predictor", zh: "预测机" },
    section: "1.2",
    files: ["predictor.ts"],
    tests: ["predictor.test.ts"],
    points: 10,
    hints: [
      { en: "one", zh: "一" },
      { en: "two", zh: "二" },
    ],
  };
}
const withFirst = (change: Partial<Exercise>): Manifest => ({ exercises: [{ ...sample(), ...change }] });

describe("validateManifest", () => {
  it("accepts a well-formed entry", () => {
    expect(validateManifest(withFirst({}))).toEqual([]);
  });

  it.each([
    ["a number out of order", { number: 2 }, /number is 2, expected 1/],
    ["a folder that does not match number and slug", { dir: "1-predictor" }, /dir is "1-predictor", expected "01-predictor"/],
    ["a missing Chinese title", { title: { en: "A predictor", zh: "" } }, /title.zh is missing/],
    ["a single hint", { hints: [{ en: "one", zh: "一" }] }, /needs 2 to 4 hints, has 1/],
    ["five hints", { hints: Array(5).fill({ en: "h", zh: "提示" }) }, /needs 2 to 4 hints, has 5/],
    ["a hint without Chinese", { hints: [{ en: "one", zh: "一" }, { en: "two" } as never] }, /hint 2 has no zh text/],
    ["no stub files", { files: [] }, /files must list/],
    ["zero points", { points: 0 }, /points must be above 0/],
    ["a bad slug", { slug: "Predictor!" }, /slug must be/],
  ])("rejects %s", (_what, change, message) => {
    expect(validateManifest(withFirst(change as Partial<Exercise>)).join("\n")).toMatch(message);
  });

  it("rejects a slug used twice", () => {
    const second = { ...sample(), number: 2, dir: "02-predictor" };
    expect(validateManifest({ exercises: [sample(), second] }).join("\n")).toMatch(/used twice/);
  });
});

describe("the course manifest", () => {
  it("lists every exercise folder of solutions/, in order", () => {
    const folders = fs
      .readdirSync(path.join(courseRoot, "solutions"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
      .map((d) => d.name)
      .sort();
    expect(manifest.exercises.map((e) => e.dir)).toEqual(folders);
  });

  it.each(manifest.exercises.map((e) => [e.dir, e] as const))("%s: its files and tests exist in solutions/, and its hints are written", (_dir, ex) => {
    for (const file of [...ex.files, ...ex.tests]) expect(fs.existsSync(path.join(courseRoot, "solutions", ex.dir, file)), `solutions/${ex.dir}/${file}`).toBe(true);
    for (const hint of ex.hints) expect(`${hint.en} ${hint.zh}`).not.toMatch(/\bTODO\b/);
  });
});
