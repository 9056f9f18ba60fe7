"""nn-kata's autograder for Classroom 50 (the open-source successor of GitHub Classroom).

Copy this file to CLASSROOM/autograders/ASSIGNMENT/autograder.py in your classroom50 repository
and give the assignment the runtime in runtime.json beside it (Node 20). Classroom 50's runner
starts it in the learner's checkout; it fetches the course at a fixed tag (never the learner's
copy of the tests), grades the checkout with `npm run grade`, and leaves ./result.json in
Classroom 50's result format (schema classroom50/result/v1), which the grader writes itself.

Edit COURSE and REF. The course repository must be readable without a token (Classroom 50 gives
the grading job no secrets), so instructor-only hidden tests belong in Gradescope or in
grade-class.yml, not here. NN_KATA_COURSE_DIR names an existing course checkout instead (tests).
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

COURSE = "https://github.com/my-school/nn-kata.git"
REF = "grading-2026"
EXERCISES = ""  # e.g. "1-10"; empty grades every exercise


def run(args, cwd):
    print("+", " ".join(args), flush=True)
    subprocess.run(args, cwd=cwd, check=True)


def main():
    submission = os.getcwd()
    work = tempfile.mkdtemp(prefix="nn-kata-")
    course = os.environ.get("NN_KATA_COURSE_DIR")
    if not course:
        course = os.path.join(work, "course")
        run(["git", "clone", "--quiet", "--depth", "1", "--branch", REF, COURSE, course], work)
        run(["npm", "ci", "--no-audit", "--no-fund"], course)
    out = os.path.join(work, "report")
    args = ["npm", "run", "--silent", "grade", "--", submission, "--out", out]
    if EXERCISES:
        args += ["--exercises", EXERCISES]
    run(args, course)
    results = glob.glob(os.path.join(out, "classroom50", "*.json"))
    if len(results) != 1:
        print("::error::the grader wrote no Classroom 50 result", file=sys.stderr)
        return 1
    shutil.copyfile(results[0], os.path.join(submission, "result.json"))
    feedback = glob.glob(os.path.join(out, "feedback", "*.md"))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary and feedback:
        with open(summary, "a", encoding="utf-8") as target, open(feedback[0], encoding="utf-8") as source:
            target.write(source.read())
    with open(results[0], encoding="utf-8") as f:
        result = json.load(f)
    print(f"nn-kata: {result['score']} / {result['max-score']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
