// The manifest module: every per-exercise fact (paths, label, time limit, which exercise a name means).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exerciseLabel, inExercise, learnerLimitMs, loadManifest, ownLimitMs, readmePath, selectExercise, selectExercises, solutionPaths, stubPaths, testPaths } from "./manifest";

const exercises = loadManifest().exercises;
const matrix = exercises[4];

describe("naming an exercise", () => {
  const pick = (name: string) => {
    const found = selectExercise(exercises, name);
    return "exercise" in found ? found.exercise.dir : found;
  };

  it("by number, slug, folder or a path inside the folder", () => {
    expect(pick("4")).toBe("04-activation");
    expect(pick("04")).toBe("04-activation");
    expect(pick("activation")).toBe("04-activation");
    expect(pick("04-activation")).toBe("04-activation");
    expect(pick("exercises/04-activation/activation.ts")).toBe("04-activation");
  });

  it("a misspelt name gets the closest ones back; a number out of range says so", () => {
    const typo = selectExercise(exercises, "activaton");
    // Exercise 21 (activations) is one letter further away than 04 (activation): closest first.
    expect("suggestions" in typo && typo.suggestions.map((ex) => ex.slug)).toEqual(["activation", "activations"]);
    expect(selectExercise(exercises, "99")).toEqual({ outOfRange: 99 });
    const nothing = selectExercise(exercises, "zzzzzzzzzz");
    expect("suggestions" in nothing && nothing.suggestions).toEqual([]);
  });

  it("several at once: ranges, numbers, slugs and folders; a wrong one is named", () => {
    expect([...selectExercises(exercises, "1-10,12")]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
    expect([...selectExercises(exercises, "04, matrix,06-forward")]).toEqual([4, 5, 6]);
    expect(selectExercises(exercises, undefined).size).toBe(exercises.length);
    expect(() => selectExercises(exercises, "1,nope")).toThrow('--exercises: "nope" is not an exercise of this course');
  });
});

describe("where an exercise's files are", () => {
  it("in either tree, from the manifest's lists", () => {
    expect(matrix.dir).toBe("05-matrix");
    expect(stubPaths(matrix)).toEqual(["exercises/05-matrix/matrix.ts"]);
    expect(testPaths(matrix)).toEqual(["exercises/05-matrix/matrix.test.ts"]);
    expect(testPaths(matrix, "solutions")).toEqual(["solutions/05-matrix/matrix.test.ts"]);
    expect(solutionPaths(matrix)).toEqual(["solutions/05-matrix/matrix.ts"]);
    expect(inExercise(matrix, "README.md")).toBe("exercises/05-matrix/README.md");
    expect(exerciseLabel(matrix)).toBe("05");
  });

  it("the README in the learner's language when there is one", () => {
    expect(readmePath(matrix, "en")).toBe("exercises/05-matrix/README.md");
    expect(readmePath(matrix, "zh")).toBe("exercises/05-matrix/README.zh.md");
    expect(readmePath(matrix, "zh", "/nowhere")).toBe("exercises/05-matrix/README.md");
  });

  it("time limits: the manifest's own wins; otherwise 30 s in part 1 and 300 s later", () => {
    expect(learnerLimitMs(exercises[0])).toBe(30_000);
    expect(learnerLimitMs({ ...matrix, part: 2 })).toBe(300_000);
    expect(learnerLimitMs({ ...matrix, timeoutSeconds: 7 })).toBe(7_000);
    expect(ownLimitMs(matrix)).toBeUndefined();
  });
});

describe("a damaged manifest", () => {
  it("a JSON error names the file and says how to restore it", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-manifest-"));
    try {
      fs.mkdirSync(path.join(root, "exercises"));
      fs.writeFileSync(path.join(root, "exercises", "manifest.json"), '{ "exercises": [ { "number": 1, }');
      expect(() => loadManifest(root)).toThrow(`The course manifest ${path.join(root, "exercises", "manifest.json")} is not valid JSON (`);
      expect(() => loadManifest(root)).toThrow("git checkout -- exercises/manifest.json");
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
