// Each exercise's last test result, remembered in the runner's state (state.ts) together with the
// fingerprint of every file its tests load (harness/deps.ts). A remembered pass counts only while
// that fingerprint still matches the files on disk: done means "its tests pass now".
import { fingerprint } from "../harness/deps";
import { allTests, type RunResult } from "../harness/driver";
import type { Exercise } from "../harness/manifest";
import { loadState, updateState, type StoredResult } from "./state";

/** fast-check can append "(with seed=...)" to a property test's name; results are keyed without it. */
export function stableName(name: string): string {
  return name.replace(/\s*\(with seed=-?\d+\)\s*$/, "");
}

/** The last remembered result, whatever the files look like now. */
export function storedResult(root: string, ex: Exercise): StoredResult | undefined {
  return loadState(root).results[ex.dir];
}

/**
 * True when the remembered result is a pass on exactly the files `closure()` names (course-relative;
 * undefined when they cannot pass as they are) as they are now. Asked only after a remembered pass.
 */
export function passStillHolds(root: string, ex: Exercise, closure: () => string[] | undefined): boolean {
  const stored = storedResult(root, ex);
  if (!stored?.passed) return false;
  const files = closure();
  return files !== undefined && stored.fingerprint === fingerprint(root, files);
}

/**
 * Store a result, keyed by test name, for files with fingerprint `print`; a run that timed out or
 * crashed says nothing about the code, so it forgets the old one. Returns how many tests pass
 * now that did not last time.
 */
export function rememberResult(root: string, ex: Exercise, print: string, result: { passed: boolean; forget: boolean; passedTests: number; totalTests: number; run?: RunResult }): number {
  const passing = result.run ? allTests(result.run).filter((t) => t.state === "passed").map((t) => stableName(t.fullName)) : [];
  let newlyPassing = 0;
  updateState(root, (state) => {
    const before = new Set(state.results[ex.dir]?.passing ?? []);
    newlyPassing = passing.filter((name) => !before.has(name)).length;
    if (result.forget) delete state.results[ex.dir];
    else state.results[ex.dir] = { fingerprint: print, passed: result.passed, passedTests: result.passedTests, totalTests: result.totalTests, passing, at: new Date().toISOString() };
  });
  return newlyPassing;
}
