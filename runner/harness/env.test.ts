import { describe, expect, it } from "vitest";
import { envFor, readEnv, type KataEnv } from "./env";

describe("runner/harness/env: the NN_KATA_* variables, written and read in one place", () => {
  it("what a parent writes for its child is what the child reads", () => {
    const values: KataEnv = { root: "/course", tests: "solutions", redirect: { tree: "solutions", mode: "stubs" } as never, live: true, stdoutTty: true, noLinks: true, grading: '{"a":1}', runTag: "t1", noBwrap: true, lang: "zh", server: "off", serverIdleSeconds: 30 };
    const written = envFor(values);
    expect(written).toEqual({
      NN_KATA_ROOT: "/course",
      NN_KATA_TESTS: "solutions",
      NN_KATA_REDIRECT: JSON.stringify({ tree: "solutions", mode: "stubs" }),
      NN_KATA_LIVE: "1",
      NN_KATA_STDOUT_TTY: "1",
      NN_KATA_NO_LINKS: "1",
      NN_KATA_GRADING: '{"a":1}',
      NN_KATA_RUN_TAG: "t1",
      NN_KATA_NO_BWRAP: "1",
      NN_KATA_LANG: "zh",
      NN_KATA_SERVER: "off",
      NN_KATA_SERVER_IDLE_SECONDS: "30",
    });
    expect(readEnv(written)).toEqual(values);
  });

  it("only the variables asked for are written; a switched-off one is removed from the child's environment", () => {
    expect(envFor({ live: true, stdoutTty: false })).toEqual({ NN_KATA_LIVE: "1", NN_KATA_STDOUT_TTY: undefined });
    expect(readEnv({})).toEqual({ root: undefined, tests: undefined, redirect: undefined, live: false, stdoutTty: false, noLinks: false, grading: undefined, runTag: undefined, noBwrap: false, lang: undefined, server: undefined, serverIdleSeconds: undefined });
  });
});
