// Similarity on a class where four learners wrote the matrix and activation exercises each in
// their own way and a fifth copied the first one, renamed its variables and reordered it.
import { describe, expect, it } from "vitest";
import { loadCourse } from "../course";
import { activationFile, disguise, matrixFile, STYLES } from "../testing/class-code";
import type { SubmissionGrade } from "../types";
import { similarPairs, THRESHOLD, tokens, winnow } from "./similarity";

const course = loadCourse({ exercises: "4-5" });
const learner = (id: string, files: Record<string, string>) => ({ id, authored: files }) as unknown as SubmissionGrade;
const own = (style: string) => ({ "exercises/05-matrix/matrix.ts": matrixFile(course, style), "exercises/04-activation/activation.ts": activationFile(course, style) });
const stubs = new Map([...course.stubs].map(([rel, text]) => [`exercises/${rel}`, text]));

const original = own("loops");
const copied = { "exercises/05-matrix/matrix.ts": disguise(original["exercises/05-matrix/matrix.ts"]), "exercises/04-activation/activation.ts": original["exercises/04-activation/activation.ts"].replace(/\bx\b/g, "input") };
const klass = [...STYLES.map((s) => learner(`independent-${s}`, own(s))), learner("copier", copied)];

describe("similarity (winnowing over normalised tokens)", () => {
  it("normalises identifiers and literals, so renaming changes no token", () => {
    expect(tokens("const total = a + 1;").map((t) => t.kind)).toEqual(tokens("let sum = b + 2").map((t) => t.kind));
    expect(tokens('f("x")').map((t) => t.kind)).toEqual(tokens("g(3)").map((t) => t.kind));
  });

  it("the disguised copy really is renamed and reordered, and its fingerprints are the original's", () => {
    const a = original["exercises/05-matrix/matrix.ts"];
    const b = copied["exercises/05-matrix/matrix.ts"];
    expect(b).not.toContain("result");
    expect(b.indexOf("export function map")).toBeLessThan(b.indexOf("export function dot"));
    expect(a.indexOf("export function map")).toBeGreaterThan(a.indexOf("export function dot"));
    const hashes = (text: string) => new Set(winnow(text, "f").map((f) => f.hash));
    const ha = hashes(a);
    const shared = [...hashes(b)].filter((h) => ha.has(h)).length;
    expect(shared / ha.size).toBeGreaterThan(0.8);
  });

  it("puts the planted pair above the threshold and every independent pair below it", () => {
    const { pairs, compared } = similarPairs(klass, stubs, { keep: 20 });
    expect(compared).toBe(10);
    const score = (x: string, y: string) => pairs.find((p) => [p.a, p.b].sort().join() === [x, y].sort().join())?.score ?? 0;
    const planted = score("copier", "independent-loops");
    expect(planted).toBeGreaterThanOrEqual(THRESHOLD);
    const independent = pairs.filter((p) => !(p.a === "copier" && p.b === "independent-loops") && !(p.b === "copier" && p.a === "independent-loops"));
    for (const p of independent) expect(p.score, `${p.a} / ${p.b}`).toBeLessThan(THRESHOLD);
    console.log(`planted pair ${planted}; closest independent pair ${independent[0]?.score ?? 0} (${independent[0]?.a} / ${independent[0]?.b})`);
  });

  it("shows side-by-side excerpts of the matching code", () => {
    const top = similarPairs(klass, stubs).pairs[0];
    expect([top.a, top.b].sort()).toEqual(["copier", "independent-loops"]);
    expect(top.excerpt.a.file).toBe("exercises/05-matrix/matrix.ts");
    expect(top.excerpt.a.text).toMatch(/for \(let/);
    expect(top.excerpt.b.text).toMatch(/for \(let/);
    expect(top.excerpt.a.to).toBeGreaterThanOrEqual(top.excerpt.a.from);
  });

  it("never counts the stub's given code: a class that only wrote one-liners is not similar", () => {
    const stubOnly = ["a", "b", "c"].map((id) => learner(id, { "exercises/05-matrix/matrix.ts": course.stubs.get("05-matrix/matrix.ts")! }));
    expect(similarPairs(stubOnly, stubs).pairs).toEqual([]);
  });
});
