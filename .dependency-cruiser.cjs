// The project's boundaries, checked by `npm run deps:check` (and CI). A broken rule fails with
// its name and the offending import. See README, "How the course is made".
const fs = require("node:fs");
const path = require("node:path");

// Course content may build on earlier exercises only: one rule per exercise, forbidding the later ones.
const { exercises } = JSON.parse(fs.readFileSync(path.join(__dirname, "exercises", "manifest.json"), "utf8"));
const later = exercises.map((ex) => ({
  name: "course-imports-only-earlier-exercises",
  comment: `${ex.dir} may import only exercises before it (its own folder, the test kit, data/ and npm packages)`,
  severity: "error",
  from: { path: `^(exercises|solutions)/${ex.dir}/` },
  to: { path: `^(exercises|solutions)/(${exercises.filter((e) => e.number > ex.number).map((e) => e.dir).join("|") || "$^"})/` },
}));

module.exports = {
  forbidden: [
    {
      name: "course-imports-only-its-own-tree",
      comment: "exercises/ and solutions/ import only their own tree, data/, node built-ins and npm packages: never runner/, tools/, grading/ or the other tree",
      severity: "error",
      from: { path: "^(exercises|solutions)/" },
      to: { pathNot: ["^$1/", "^data/", "node_modules"], dependencyTypesNot: ["core"] },
    },
    ...later,
    {
      name: "cli-never-imports-grading",
      comment: "the learner's CLI (runner/cli/) does not depend on the instructor's grader",
      severity: "error",
      from: { path: "^runner/cli/" },
      to: { path: "^grading/" },
    },
    {
      name: "grading-uses-the-harness-not-the-cli",
      comment: "grading/ shares runner/harness/ with the learner's CLI, never runner/cli/ itself",
      severity: "error",
      from: { path: "^grading/" },
      to: { path: "^runner/cli/" },
    },
    {
      name: "launcher-is-plain-javascript",
      comment:
        "bin.mjs and server/identity.mjs run before any TypeScript loader is there (that is what makes next quick): " +
        "they import only node built-ins and each other; bin.mjs loads tsx and cli.ts with import() once it must run the command itself",
      severity: "error",
      from: { path: "^runner/cli/(bin|server/identity)\\.mjs$" },
      to: { dependencyTypesNot: ["core", "dynamic-import"], pathNot: "^runner/cli/server/identity\\.mjs$" },
    },
    {
      name: "harness-stands-alone",
      comment: "runner/harness/ is shared by the CLI, the grader and the self-check: it imports none of them, nor tools/",
      severity: "error",
      from: { path: "^runner/harness/" },
      to: { path: "^(runner/cli|grading|tools|scripts)/" },
    },
    {
      name: "only-harness-grading-scripts-import-solutions",
      comment:
        "the reference solutions are read only by the harness, the grader and the maintainer scripts. " +
        "Allowed on purpose: the engine (tools/engine/) draws the reference's starting weights (09) and rotates as " +
        "exercise 16 does, so that it learns what the reference learns; its tests and benchmark (tools/engine/bench/) " +
        "measure it against the reference network; and tools/model.test.ts saves and loads one. " +
        "train and query (tools/course-code.ts) load solutions/ at run time, by path, only after the learner's own version passes",
      severity: "error",
      from: {
        pathNot: ["^(runner/harness|grading|scripts|solutions|tools/engine)/", "^tools/model\\.test\\.ts$"],
      },
      to: { path: "^solutions/" },
    },
    {
      name: "no-circular",
      comment: "no module imports itself through others",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "every import resolves to a file or an installed package",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^node_modules", "^\\.nn-kata"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".mts", ".js", ".mjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
