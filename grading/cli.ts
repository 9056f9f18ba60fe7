// npm run grade -- [options] <submission>...   (see grading/README.md)
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULTS, gradeClass } from "./grader";
import { ProgressBar } from "./progress";
import { describeSandbox } from "./sandbox";
import { summaryTable } from "./reports/table";
import type { Mode } from "./types";

const USAGE = `Grade learners' copies of the course with the course's own tests.

  npm run grade -- [options] <submission>...
  npm run grade -- [options] --class <folder>

A submission is a learner's clone of the course, just its exercises/ folder, or a .zip/.tar(.gz)
archive of either. --class grades every folder and archive inside a folder.

Options:
  --out DIR          report folder (default reports/grading); the only folder written
  --class DIR        a folder of submissions (may be repeated)
  --exercises LIST   which exercises to grade: 1-10, 3,5-7, matrix, 05-matrix (default all)
  --hidden DIR       instructor's hidden tests, laid out like exercises/ (NN-slug/*.test.ts)
  --grade MODE       progressive (default) or isolated: the score in the gradebook's columns
  --jobs N           test runs at a time (default: the number of cores)
  --timeout SECONDS  time limit per exercise (default ${DEFAULTS.timeoutMs / 1000}; a manifest timeoutSeconds wins)
  --memory MB        heap limit of the process running learner code (default ${DEFAULTS.memoryMb})
  --isolate          a fresh process for every exercise (slower)
  --no-sandbox       no bubblewrap and no Node permission model for learner code
  --show-hidden      name hidden tests and their messages in the reports (default: counts only)
  --force            grade again even when a submission's files have not changed
  --keep             keep the temporary workspaces (to debug the grader)
  --course DIR       the course to grade against (default: this checkout)
  --roster FILE      CSV: learner (folder, archive or repository name), name, email, id[, extension]
                     -> lms/canvas.csv and lms/moodle.csv; extension in days ("2") or hours ("36h")
  --deadline WHEN    ISO 8601, e.g. 2026-12-01T23:59:00+01:00; the hand-in time is the last git
                     commit of a clone, or an archive's timestamp
  --late POLICY      cutoff (default: late work scores 0) or a percentage off per day, "10%/day"
  --overrides FILE   CSV: learner, exercise, points, comment; the instructor's points replace the
                     exercise's autograded score
  --assignment NAME  the assignment's column in the LMS gradebooks (default nn-kata)
  -h, --help         this text`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        class: { type: "string", multiple: true },
        exercises: { type: "string" },
        hidden: { type: "string" },
        grade: { type: "string" },
        jobs: { type: "string" },
        timeout: { type: "string" },
        memory: { type: "string" },
        isolate: { type: "boolean" },
        "no-sandbox": { type: "boolean" },
        "show-hidden": { type: "boolean" },
        force: { type: "boolean" },
        keep: { type: "boolean" },
        course: { type: "string" },
        roster: { type: "string" },
        deadline: { type: "string" },
        late: { type: "string" },
        overrides: { type: "string" },
        assignment: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0 && !values.class?.length) {
    console.error(`Name at least one submission (a folder or archive) or --class DIR.\n\n${USAGE}`);
    return 2;
  }
  const mode = (values.grade ?? "progressive") as Mode;
  if (mode !== "progressive" && mode !== "isolated") {
    console.error(`--grade must be progressive or isolated, not "${values.grade}"`);
    return 2;
  }
  const number = (name: string, value: string | undefined, min: number) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number of at least ${min}, not "${value}"`);
    return n;
  };

  const out = path.resolve(values.out ?? path.join("reports", "grading"));
  let bar: ProgressBar | undefined;
  // Ctrl-C: exit properly, so the driver kills running tests and the temporary folder goes.
  // Exit a moment later, not inside the handler: tsx's wrapper waits for this process to say it
  // got the signal and SIGKILLs it otherwise, which would cut the clean-up short. A terminal's
  // Ctrl-C also arrives twice (directly and relayed by tsx).
  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) return;
    interrupted = true;
    bar?.close();
    console.error("grade: interrupted; no reports were written");
    setTimeout(() => process.exit(130), 100);
  });
  try {
    const result = await gradeClass({
      inputs: positionals,
      classDirs: values.class,
      out,
      exercises: values.exercises,
      hidden: values.hidden,
      jobs: number("jobs", values.jobs, 1),
      timeoutMs: (number("timeout", values.timeout, 1) ?? DEFAULTS.timeoutMs / 1000) * 1000,
      memoryMb: number("memory", values.memory, 64),
      isolate: values.isolate,
      permissions: !values["no-sandbox"],
      showHidden: values["show-hidden"],
      force: values.force,
      keep: values.keep,
      mode,
      courseRoot: values.course,
      instructor: { roster: values.roster, deadline: values.deadline, late: values.late, overrides: values.overrides, assignment: values.assignment },
      onStart: (total, course) => {
        console.error(`Grading ${total} submission(s) on ${course.selected.length} exercise(s): ${course.selected.map((e) => e.dir).join(", ") || "none"}`);
        bar = new ProgressBar(total);
      },
      onRun: (id, event) => (event === "start" ? bar?.start(id) : bar?.end(id)),
      onGraded: (g) => bar?.finished(g.id, g.status === "invalid" ? `invalid (${g.problem})` : `${g.totals[mode]} / ${g.totals.max}${g.cached ? " (cached)" : ""}`),
    });
    bar?.close();
    console.log(summaryTable(result.grades, mode));
    for (const warning of result.warnings) console.error(`warning: ${warning}`);
    console.log(`Sandbox: ${describeSandbox(result.sandbox)}`);
    const perLearner = result.grades.length;
    console.log(
      `\nReports in ${path.relative(process.cwd(), out) || "."}: class.html, class.md, gradebook.csv, feedback/ results/ junit/ classroom50/ (${perLearner} each), summary.json${values.roster ? ", lms/canvas.csv, lms/moodle.csv" : ""}` +
        ` (${(result.durationMs / 1000).toFixed(1)} s${result.baselineCached ? "" : ", reference graded"})`,
    );
    const flagged = result.grades.filter((g) => g.flags.length > 0).length;
    if (flagged > 0) console.log(`${flagged} submission(s) have integrity flags: evidence to review in their feedback, not automatic zeros.`);
    return 0;
  } catch (error) {
    bar?.close();
    console.error(`grade: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
