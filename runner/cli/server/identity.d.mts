// Types for identity.mjs (plain JavaScript, so that bin.mjs can load it without a TypeScript loader).
export declare function socketPath(root: string): string;
export declare function serverFile(root: string): string;
export declare function serverLog(root: string): string;
export declare function codeVersion(root: string): string;
export declare function settingsKey(env: NodeJS.ProcessEnv, stdoutTty: boolean | undefined): string;
