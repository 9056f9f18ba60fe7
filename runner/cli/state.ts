// The learner's runner state, in .nn-kata/ inside the course folder (git-ignored): which hints
// were revealed, which exercise was shown last, and the last test result of each exercise
// together with the fingerprint of every file its tests load (deps.ts). A result whose
// fingerprint no longer matches the files on disk is ignored: done means "its tests pass now".
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../harness/atomic-write";

export interface StoredResult {
  fingerprint: string;
  passed: boolean;
  passedTests: number;
  totalTests: number;
  /** The names of the passing tests (without any fast-check seed suffix). */
  passing?: string[];
  at: string;
}

/** One of TypeScript's errors in the learner's files (typecheck.ts). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface State {
  /** The exercise (its folder name) the runner showed last: what `npm run hint` talks about. */
  current?: string;
  /** How many hints of each exercise were revealed. */
  hints: Record<string, number>;
  results: Record<string, StoredResult>;
  /** TypeScript's last answer for an exercise's files (typecheck.ts), keyed by the files checked. */
  typeChecks: Record<string, { fingerprint: string; diagnostics: Diagnostic[] }>;
}

export const stateDir = (root: string) => path.join(root, ".nn-kata");
const stateFile = (root: string) => path.join(stateDir(root), "state.json");

export function loadState(root: string): State {
  try {
    const parsed = JSON.parse(fs.readFileSync(stateFile(root), "utf8")) as Partial<State>;
    return { current: parsed.current, hints: parsed.hints ?? {}, results: parsed.results ?? {}, typeChecks: parsed.typeChecks ?? {} };
  } catch {
    // No state yet, or a file damaged by hand: start afresh (it holds nothing that cannot be rebuilt).
    return { hints: {}, results: {}, typeChecks: {} };
  }
}

/** Read-modify-write, so a `npm run hint` in a second terminal and a watch session do not undo each other. */
export function updateState(root: string, change: (state: State) => void): State {
  const state = loadState(root);
  change(state);
  writeFileAtomic(stateFile(root), JSON.stringify(state, null, 2) + "\n");
  return state;
}
