// The first script of a test thread started ahead (warm-threads.mjs): it loads the packages that
// nearly every test file imports, then vitest's own worker. Node keeps one copy of a package per
// thread, so when a test file imports fast-check it finds it already loaded, as if an earlier
// import in the same test had loaded it: nothing else of a run is shared.
import { workerData } from "node:worker_threads";

for (const name of workerData.preload) await import(name).catch(() => {});
await import(workerData.entry);
