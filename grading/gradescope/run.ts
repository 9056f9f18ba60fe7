// Inside Gradescope's container, for one submission: grade /autograder/submission with the
// course's tests and the hidden ones, write /autograder/results/results.json. Whatever happens,
// results.json is written, so the learner sees a reason instead of a blank page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gradeClass } from "../grader";
import { CONFIG, type AutograderSettings } from "./build";
import { gradescopeResults } from "./results";

const root = process.env.NN_KATA_AUTOGRADER_ROOT ?? "/autograder";
const started = Date.now();
const resultsFile = path.join(root, "results", "results.json");
const write = (results: object) => {
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
};

try {
  const settings = JSON.parse(fs.readFileSync(path.join(root, "source", CONFIG), "utf8")) as AutograderSettings;
  const hidden = path.join(root, "source", "hidden");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-gradescope-"));
  const result = await gradeClass({
    inputs: [path.join(root, "submission")],
    out,
    exercises: settings.exercises,
    hidden: fs.existsSync(hidden) ? hidden : undefined,
    mode: settings.mode,
    timeoutMs: settings.timeoutSeconds ? settings.timeoutSeconds * 1000 : undefined,
    jobs: Math.max(1, os.availableParallelism()),
  });
  for (const warning of result.warnings) console.error(`warning: ${warning}`);
  write(gradescopeResults(result.grades[0], settings.mode, Math.round((Date.now() - started) / 1000)));
  // The reports stay in the log Gradescope keeps for the instructor (stdout is hidden from learners).
  console.log(fs.readFileSync(path.join(out, "feedback", `${result.grades[0].id}.md`), "utf8"));
} catch (error) {
  console.error(error);
  write({ score: 0, execution_time: Math.round((Date.now() - started) / 1000), output: `The autograder failed before it could grade this submission (${(error as Error).message.split("\n")[0]}). Your instructor can see the details.`, visibility: "visible", stdout_visibility: "hidden", tests: [] });
}
