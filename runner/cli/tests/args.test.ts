// The CLI's own arguments: what it refuses before it runs anything.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { courseRoot } from "../../harness/driver";
import { parseArgs } from "../args";
import { stripAnsi } from "../term";

const cli = (...args: string[]) => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "runner/cli/cli.ts", ...args], { cwd: courseRoot, encoding: "utf8", env: { ...process.env, LANG: "en_US.UTF-8", LC_ALL: "", LC_MESSAGES: "" } });
  return { code: run.status, out: stripAnsi(run.stdout + run.stderr) };
};

describe("--timeout", () => {
  it("a number of seconds is read as one; anything else is kept as typed, to say what was wrong", () => {
    expect(parseArgs(["next", "--timeout", "90"])).toMatchObject({ timeoutSeconds: 90, timeoutText: "90" });
    expect(parseArgs(["next", "--timeout=abc"]).timeoutSeconds).toBeNaN();
    expect(parseArgs(["next", "--timeout"])).toMatchObject({ timeoutSeconds: NaN, timeoutText: "" });
    expect(parseArgs(["next"]).timeoutSeconds).toBeUndefined();
  });

  it.each([["abc"], ["0"], ["-5"]])("--timeout %s is refused with what to write instead, before any test runs", (value) => {
    const { code, out } = cli("next", "--timeout", value);
    expect(code).toBe(2);
    expect(out).toContain(`--timeout needs a number of seconds above 0, not "${value}" (for example --timeout 60).`);
    expect(out).not.toContain("Running the tests");
  }, 180_000); // starting node and tsx takes far longer on a busy machine
});
