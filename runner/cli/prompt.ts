// Asking before anything that replaces a learner's file: a y/N question in a terminal, `--yes`
// in a script; with neither, the answer is no.
import readline from "node:readline";

export type Confirmation = "yes" | "no" | "no-terminal";

export async function confirm(question: string, options: { yes: boolean; input?: NodeJS.ReadStream; output?: NodeJS.WriteStream }): Promise<Confirmation> {
  if (options.yes) return "yes";
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  if (!input.isTTY) return "no-terminal";
  const rl = readline.createInterface({ input, output });
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.question(`${question} [y/N] `, resolve);
      rl.once("close", () => resolve(""));
    });
    return /^(y|yes|是|好)$/i.test(answer.trim()) ? "yes" : "no";
  } finally {
    rl.close();
  }
}
