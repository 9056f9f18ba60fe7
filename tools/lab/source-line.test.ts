// The line an error in the learner's code is reported at: the browser runs vite's transform of the
// .ts file (types stripped, so lines move), and sourceLine maps a position in it back.
import { transformWithOxc } from "vite";
import { describe, expect, it } from "vitest";
import { sourceLine } from "./source-line";

const SOURCE = [
  "export interface Picture {", // 1: types vanish, so every line below moves up
  "  width: number;",
  "  height: number;",
  "}",
  "",
  "type Grey = number[];",
  "",
  "export function toGrey(picture: Picture): Grey {",
  '  throw new Error("not implemented yet: toGrey");', // 9
  "}",
  "",
  "export function twice(x: number): number {",
  "  const y: number = x * 2;",
  '  if (y > 10) throw new Error("too big");', // 14
  "  return y;",
  "}",
].join("\n");

describe("sourceLine", () => {
  it("maps a position in vite's transformed code back to the line of the .ts file", async () => {
    const out = await transformWithOxc(SOURCE, "example.ts", { sourcemap: true });
    const lines = out.code.split("\n");
    for (const [text, expected] of [["not implemented yet: toGrey", 9], ['"too big"', 14]] as const) {
      const generated = lines.findIndex((line) => line.includes(text)) + 1;
      const column = lines[generated - 1].indexOf("throw") + 1;
      expect(generated).not.toBe(expected); // the transform did move it, so the map is what finds it
      expect(sourceLine(out.map!.mappings, generated, column)).toBe(expected);
    }
  });

  it("gives back the line itself where the map says nothing", () => {
    expect(sourceLine("", 7, 1)).toBe(7);
    expect(sourceLine("AAAA;AACA", 5, 1)).toBe(5);
  });
});
