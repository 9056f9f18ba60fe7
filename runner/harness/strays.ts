// Processes a test run leaves behind. Learner code can start a child that outlives the run: a
// detached one leaves the process group, a setsid one the session, a double fork its parent. What
// they keep is the environment: every process a run starts carries NN_KATA_RUN_TAG, so when the
// run ends, any process still carrying the tag (other than the ones the runner keeps, its vitest
// child) is a stray, found through /proc and killed. Linux only (elsewhere: the process group).
import crypto from "node:crypto";
import fs from "node:fs";

/** The variable envFor({ runTag }) sets (env.ts). */
export const TAG_VARIABLE = "NN_KATA_RUN_TAG";

export const newTag = () => crypto.randomBytes(8).toString("hex");

/** Pids of the processes whose environment carries `tag`. */
export function taggedProcesses(tag: string): number[] {
  if (process.platform !== "linux" || !fs.existsSync("/proc")) return [];
  const needle = Buffer.from(`${TAG_VARIABLE}=${tag}\0`);
  const found: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/environ`).includes(needle)) found.push(Number(name));
    } catch {
      // gone already, or not ours to read
    }
  }
  return found;
}

/** SIGKILL every process carrying `tag` except `keep`; returns how many there were. */
export function killStrays(tag: string, keep: (number | undefined)[] = []): number {
  const kept = new Set(keep.filter((pid): pid is number => pid !== undefined));
  let killed = 0;
  // A stray may start another while we look: go round until none is left (a few rounds at most).
  for (let round = 0; round < 5; round++) {
    const strays = taggedProcesses(tag).filter((pid) => !kept.has(pid));
    if (strays.length === 0) break;
    for (const pid of strays) {
      try {
        process.kill(pid, "SIGKILL");
        killed++;
      } catch {
        // already gone
      }
    }
  }
  return killed;
}
