// The numbers behind the class report: the score distribution, pass rates per exercise and per
// test, each test's most common failing assertion, grading time. Pure functions of the grades.
import type { Mode, SubmissionGrade } from "../types";

export interface TestStat {
  exercise: string;
  name: string;
  hidden: boolean;
  passed: number;
  attempted: number;
  /** The most common first line of the failure message, and how many failures had it. */
  commonFailure?: { message: string; count: number; failures: number };
}

export interface ExerciseStat {
  dir: string;
  title: string;
  points: number;
  /** Submissions that passed every test / that tried it (not untouched or missing). */
  passed: number;
  attempted: number;
  meanScore: number;
}

export interface ClassStats {
  submissions: number;
  graded: number;
  invalid: { id: string; problem: string }[];
  scores: number[];
  max: number;
  mean: number;
  median: number;
  /** Counts per tenth of the maximum (the last bin includes full marks). */
  histogram: number[];
  exercises: ExerciseStat[];
  tests: TestStat[];
  time: { totalMs?: number; medianMs: number; slowest: { id: string; ms: number }[]; cached: number };
}

const firstLine = (text: string) => text.split("\n").map((l) => l.trim()).find(Boolean) ?? "";

export function classStats(grades: SubmissionGrade[], mode: Mode, totalMs?: number): ClassStats {
  const graded = grades.filter((g) => g.status === "graded");
  const max = grades[0]?.totals.max ?? 0;
  const scores = graded.map((g) => g.instructor?.final ?? g.totals[mode]);
  const sorted = [...scores].sort((a, b) => a - b);
  const histogram = new Array(10).fill(0);
  for (const s of scores) histogram[max > 0 ? Math.min(9, Math.floor((s / max) * 10)) : 0]++;

  const exercises = new Map<string, ExerciseStat>();
  const tests = new Map<string, TestStat & { messages: Map<string, number> }>();
  for (const g of graded) {
    for (const ex of g.exercises) {
      const r = ex[mode];
      const e = exercises.get(ex.dir) ?? { dir: ex.dir, title: ex.title, points: ex.points, passed: 0, attempted: 0, meanScore: 0 };
      exercises.set(ex.dir, e);
      if (r.status === "untouched" || r.status === "missing") continue;
      e.attempted++;
      if (r.status === "pass") e.passed++;
      e.meanScore += r.score;
      for (const t of r.tests) {
        const key = `${ex.dir}\0${t.file}\0${t.name}`;
        const s = tests.get(key) ?? { exercise: ex.dir, name: t.name, hidden: t.hidden, passed: 0, attempted: 0, messages: new Map() };
        tests.set(key, s);
        s.attempted++;
        if (t.status === "pass") s.passed++;
        else {
          const message = t.hidden ? "(hidden test: its messages are never recorded)" : firstLine(t.message ?? r.reason ?? "failed").slice(0, 200);
          s.messages.set(message, (s.messages.get(message) ?? 0) + 1);
        }
      }
    }
  }
  for (const e of exercises.values()) e.meanScore = e.attempted > 0 ? Math.round((e.meanScore / e.attempted) * 100) / 100 : 0;
  const testStats: TestStat[] = [...tests.values()].map(({ messages, ...s }) => {
    const failures = s.attempted - s.passed;
    const [message, count] = [...messages].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    return message === undefined ? s : { ...s, commonFailure: { message, count, failures } };
  });
  const fresh = graded.filter((g) => !g.cached);
  const times = fresh.map((g) => g.durationMs).sort((a, b) => a - b);
  return {
    submissions: grades.length,
    graded: graded.length,
    invalid: grades.filter((g) => g.status === "invalid").map((g) => ({ id: g.id, problem: g.problem ?? "" })),
    scores,
    max,
    mean: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : 0,
    median: sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)] * 100) / 100 : 0,
    histogram,
    exercises: [...exercises.values()],
    tests: testStats,
    time: {
      totalMs,
      medianMs: times[Math.floor(times.length / 2)] ?? 0,
      slowest: [...fresh].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3).map((g) => ({ id: g.id, ms: g.durationMs })),
      cached: graded.length - fresh.length,
    },
  };
}
