// The error a generated stub throws, "not implemented yet: NAME in FILE": built here for the
// generator (stubs.ts, which re-exports these) and read back here by the CLI's report, its
// "is this exercise still a stub" check and the tools. A module of its own so that reading a
// message does not load ts-morph, which the generator needs and a quick `npm run next` does not.

const PREFIX = "not implemented yet";
// NAME is a function, a method, or "Class constructor" (two words).
const PATTERN = /not implemented yet: (\S+(?: constructor)?) in (\S+)/;

/** The message a stub of `name` in the learner's file `file` throws. */
export const stubMessage = (name: string, file: string) => `${PREFIX}: ${name} in ${file}`;

/** The function and the file of a stub's message found anywhere in `text`, if there is one. */
export function parseStubMessage(text: string): { name: string; file: string } | undefined {
  const found = PATTERN.exec(text);
  return found ? { name: found[1], file: found[2] } : undefined;
}

/** `text` with a stub's message replaced by `say(name, file)` (e.g. in the learner's language). */
export const rewriteStubMessage = (text: string, say: (name: string, file: string) => string) => text.replace(PATTERN, (_, name: string, file: string) => say(name, file));

/** True when the error is a stub's (its function has not been written). */
export const isStubError = (error: unknown) => error instanceof Error && error.message.startsWith(PREFIX);
