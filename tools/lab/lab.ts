// `npm run lab`: draw a digit and watch your own network think, in the browser.
//
//   npm run lab [-- --lang zh] [--port 5180] [--no-open]
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { chooseLang } from "../../data/lang";
import { runTool } from "../course-code";
import { DEFAULT_PORT, startLab } from "./server";

const USAGE = `npm run lab -- [options]

  --lang en|zh    the page's language (default: from LANG / LC_ALL, else English)
  --port N        the port (default ${DEFAULT_PORT}, or the next free one)
  --no-open       do not open the browser, only print the address
`;

const say = (text = "") => process.stdout.write(text + "\n");

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        lang: { type: "string" },
        port: { type: "string" },
        "no-open": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (error) {
    say(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    say(USAGE);
    return 0;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    say(`--port must be a whole number from 1 to 65535, got "${values.port}"\n\n${USAGE}`);
    return 2;
  }
  const lang = chooseLang(values.lang);
  const onCheck = (dirs: string[]) => say(lang === "zh" ? `正在检查你的练习 ${dirs.join(", ")} 是否通过……` : `Checking whether your exercise ${dirs.join(", ")} passes...`);
  const onBuild = () => say(lang === "zh" ? "正在打包实验室页面（只在第一次或页面代码更新后）……" : "Bundling the lab's page (only the first time, or after its code changed)...");
  const lab = await startLab({ lang, port, strictPort: port !== undefined, onCheck, onBuild });
  say(lang === "zh" ? `nn-kata 实验室：${lab.url}  （只在本机可访问；按 Ctrl-C 结束）` : `nn-kata lab: ${lab.url}  (this computer only; Ctrl-C stops it)`);
  if (!values["no-open"]) openBrowser(lab.url);
  await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  await lab.close();
  return 0;
}

/** Best effort: a computer without a desktop just keeps the printed address. */
function openBrowser(url: string): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "cmd" : "xdg-open";
  const args = process.platform === "win32" ? ["/c", "start", "", url] : [url];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.on("error", () => {});
    child.unref();
  } catch {
    // no opener: the address is printed above
  }
}

runTool("lab", () => main(process.argv.slice(2)));
