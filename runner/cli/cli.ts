// The learner's runner: `npm run next | watch | hint | list | verify | reset | solution | ui`.
// A thin layer over vitest (driven in a child process, see session.ts): it decides which exercise
// the learner is on, runs its tests and says what failed and the one next step. This file runs a
// command in its own process; bin.mjs sends `next` to the runner's warm server when it can.
import { runCli } from "./main";

runCli(process.argv.slice(2), {
  out: process.stdout,
  env: process.env,
  onInterrupt: (stop) => {
    const interrupted = () => {
      stop();
      process.exit(130);
    };
    process.once("SIGINT", interrupted);
    process.once("SIGTERM", interrupted);
  },
}).then(
  (code) => {
    process.exitCode = code;
    // Nothing of the runner is meant to outlive the command (watch and ui return when they end).
    setImmediate(() => process.exit(code));
  },
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
