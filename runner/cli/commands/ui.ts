// npm run ui: @vitest/ui in the browser, for the learner's exercises (vitest's own CLI in watch
// mode, with the exercises' config). Ctrl-C stops it.
import { spawn } from "node:child_process";
import path from "node:path";
import { childEnv, exercisesConfig } from "../../harness/driver";
import type { Cli } from "./common";

const DEFAULT_PORT = 51204;

export async function ui(cli: Cli): Promise<number> {
  const root = cli.course.root;
  const port = cli.args.port && cli.args.port > 0 ? cli.args.port : DEFAULT_PORT;
  const vitestCli = path.join(root, "node_modules", "vitest", "vitest.mjs");
  const args = [vitestCli, "--ui", `--open=${cli.args.open}`, "--config", exercisesConfig, "--root", root, "--api.port", String(port), "--api.strictPort"];
  cli.print(cli.m.uiStarting(`http://localhost:${port}/__vitest__/`));
  // The config's extensionless import is fine for vitest's loader; vite's note about it is noise here.
  const env = childEnv(root, { env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" } });
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  const stop = () => child.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise((resolve) => child.on("close", (code) => resolve(code ?? 0)));
}
