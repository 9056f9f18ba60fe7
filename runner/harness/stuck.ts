// What a run that ran out of time was doing, from the workers' call stacks (where-stuck.mjs):
// the course modules the time went into, or that nothing was computing at all.
import type { RunResult, StuckFrame } from "./driver";

export type TimeWent = { kind: "computing"; frames: StuckFrame[] } | { kind: "waiting" };

const MAX_FRAMES = 5;
const isTestCode = (file: string) => /\.test\.ts$/.test(file) || file.split("/").includes("_testkit");

/**
 * The learner's frames that were running, innermost first, the same place once, at most five; or
 * "waiting" when every worker was idle (an await on something that never finishes); undefined
 * when the inspector gave no answer, or the time went into code that is not the learner's.
 */
export function whereTimeWent(run: Pick<RunResult, "stuck">): TimeWent | undefined {
  if (!run.stuck || run.stuck.length === 0) return undefined;
  const frames: StuckFrame[] = [];
  const seen = new Set<string>();
  for (const worker of run.stuck) {
    if (worker.state !== "busy") continue;
    for (const frame of worker.frames) {
      const key = `${frame.file}:${frame.line}:${frame.functionName}`;
      if (isTestCode(frame.file) || seen.has(key)) continue;
      seen.add(key);
      frames.push(frame);
    }
  }
  if (frames.length > 0) return { kind: "computing", frames: frames.slice(0, MAX_FRAMES) };
  return run.stuck.every((worker) => worker.state === "waiting") ? { kind: "waiting" } : undefined;
}
