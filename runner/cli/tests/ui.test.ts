// npm run ui starts vitest's UI for the exercises and serves its page.
import { spawn } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { copyCourse, learnerEnv, removeCourse } from "./course-copy";

let dir: string;
beforeAll(() => {
  dir = copyCourse();
});
afterAll(() => removeCourse(dir));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

it("npm run ui serves the vitest UI page", { timeout: 90_000 }, async () => {
  const port = await freePort();
  const child = spawn("npm", ["run", "-s", "ui", "--", "--port", String(port), "--no-open"], { cwd: dir, env: learnerEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (out += chunk));
  try {
    const url = `http://localhost:${port}/__vitest__/`;
    let page = "";
    for (let tries = 0; tries < 240 && !page; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const response = await fetch(url).catch(() => undefined);
      if (response?.ok) page = await response.text();
    }
    expect(out).toContain(`Starting the vitest UI for the exercises at ${url}`);
    expect(page).toContain("<title>Vitest</title>");
  } finally {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
});
