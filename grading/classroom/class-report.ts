// The class report: class.md and class.html (one self-contained page: inline CSS and SVG, no
// script, nothing fetched). Score distribution, pass rates per exercise and per test with each
// test's most common failing assertion, integrity flags, similar pairs with excerpts, the
// instructor's changes (late work, overrides) and how long grading took.
import type { Mode, SubmissionGrade } from "../types";
import { adjustmentLine } from "./adjust";
import { classStats, type ClassStats } from "./class-stats";
import type { SimilarPair } from "./similarity";

export interface ClassReportInput {
  title?: string;
  grades: SubmissionGrade[];
  mode: Mode;
  similarity: { pairs: SimilarPair[]; threshold: number; compared: number };
  warnings: string[];
  durationMs?: number;
}

const pct = (n: number, d: number) => (d === 0 ? "-" : `${Math.round((n / d) * 100)}%`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mdCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function classMarkdown(input: ClassReportInput): string {
  const s = classStats(input.grades, input.mode, input.durationMs);
  const out = [`# ${input.title ?? "nn-kata: class report"}`, "", ...summaryLines(s, input).map((l) => `- ${l}`), ""];
  out.push("## Score distribution", "", "| score | learners |", "|---|---|");
  s.histogram.forEach((count, i) => out.push(`| ${binLabel(s.max, i)} | ${count} ${"█".repeat(count > 0 ? Math.max(1, Math.round((count / Math.max(1, ...s.histogram)) * 30)) : 0)} |`));
  out.push("", "## Exercises", "", "| exercise | passed | tried | pass rate | mean score |", "|---|---|---|---|---|");
  for (const e of s.exercises) out.push(`| ${e.dir} | ${e.passed} | ${e.attempted} | ${pct(e.passed, e.attempted)} | ${e.meanScore} / ${e.points} |`);
  out.push("", "## Tests", "", "Pass rate among the submissions that tried the exercise; the most common failing assertion with how many of the failures had it.", "", "| exercise | test | pass rate | most common failure |", "|---|---|---|---|");
  for (const t of s.tests) {
    const failure = t.commonFailure ? `${t.commonFailure.count} of ${t.commonFailure.failures}: \`${mdCell(t.commonFailure.message).replace(/`/g, "'")}\`` : "";
    out.push(`| ${t.exercise} | ${mdCell(t.hidden ? `(hidden) ${t.name}` : t.name)} | ${t.passed}/${t.attempted} (${pct(t.passed, t.attempted)}) | ${failure} |`);
  }
  out.push("", ...flagsMd(input.grades), ...similarityMd(input), ...instructorMd(input.grades), ...problemsMd(s, input.warnings));
  return out.join("\n") + "\n";
}

function summaryLines(s: ClassStats, input: ClassReportInput): string[] {
  const flagged = input.grades.filter((g) => g.flags.length > 0).length;
  const above = input.similarity.pairs.filter((p) => p.score >= input.similarity.threshold).length;
  const time = s.time;
  return [
    `${s.submissions} submissions: ${s.graded} graded, ${s.invalid.length} could not be graded`,
    `score (${input.mode}, after the instructor's changes): mean ${s.mean}, median ${s.median} of ${s.max}`,
    `${flagged} with integrity flags; ${above} similar pair(s) at or above ${input.similarity.threshold} (of ${input.similarity.compared} pairs compared)`,
    `grading time: ${time.totalMs !== undefined ? `${secs(time.totalMs)} in all, ` : ""}median ${secs(time.medianMs)} per submission${time.slowest[0] ? `, slowest ${time.slowest.map((x) => `${x.id} ${secs(x.ms)}`).join(", ")}` : ""}${time.cached ? `; ${time.cached} from the cache` : ""}`,
  ];
}

const binLabel = (max: number, i: number) => `${Math.round((max * i) / 10)}${i === 9 ? `-${max}` : `-<${Math.round((max * (i + 1)) / 10)}`}`;

function flagsMd(grades: SubmissionGrade[]): string[] {
  const rows = grades.flatMap((g) => g.flags.map((f) => `| ${g.id} | ${f.kind} | \`${f.file}${f.line ? `:${f.line}` : ""}\` | ${mdCell(f.message)} |`));
  return ["## Integrity flags", "", "Evidence to read, not automatic zeros.", "", ...(rows.length ? ["| learner | flag | where | what |", "|---|---|---|---|", ...rows] : ["None."]), ""];
}

function similarityMd(input: ClassReportInput): string[] {
  const { pairs, threshold } = input.similarity;
  const out = ["## Similar submissions", "", `Learner-written code compared by winnowed fingerprints of its tokens (names and literals ignored; the course's stubs and code most of the class shares left out). The score is the share of the smaller submission's fingerprints found in the other. Pairs at or above ${threshold} are listed with the matching code: evidence to read, not a verdict.`, ""];
  const above = pairs.filter((p) => p.score >= threshold);
  if (above.length === 0) out.push("No pair reaches the threshold.", "");
  for (const p of above) {
    out.push(`### ${p.a} and ${p.b}: ${p.score} (${p.shared} shared fingerprints)`, "");
    for (const [who, e] of [[p.a, p.excerpt.a], [p.b, p.excerpt.b]] as const) out.push(`${who}, \`${e.file}\` lines ${e.from}-${e.to}:`, "", "```ts", e.text, "```", "");
  }
  const below = pairs.filter((p) => p.score < threshold);
  if (below.length) out.push(`Closest pairs below the threshold: ${below.map((p) => `${p.a} / ${p.b} ${p.score}`).join("; ")}.`, "");
  return out;
}

function instructorMd(grades: SubmissionGrade[]): string[] {
  const rows = grades.filter((g) => g.instructor && (g.instructor.overrides.length > 0 || (g.instructor.late?.daysLate ?? 0) > 0));
  if (!grades.some((g) => g.instructor)) return [];
  const out = ["## The instructor's changes", "", "Overrides and late penalties, applied after autograding.", ""];
  if (rows.length === 0) return [...out, "None.", ""];
  out.push("| learner | submitted | autograded | changes | final |", "|---|---|---|---|---|");
  for (const g of rows) out.push(`| ${g.id} | ${g.instructor!.submittedAt ?? "unknown"} | ${g.instructor!.autograded} | ${mdCell(adjustmentLine(g.instructor))} | ${g.instructor!.final} / ${g.instructor!.max} |`);
  for (const g of rows) for (const o of g.instructor!.overrides) if (o.comment) out.push("", `- ${g.id}, ${o.exercise}: ${o.comment}`);
  return [...out, ""];
}

function problemsMd(s: ClassStats, warnings: string[]): string[] {
  const out: string[] = [];
  if (s.invalid.length) out.push("## Not graded", "", ...s.invalid.map((i) => `- ${i.id}: ${i.problem}`), "");
  if (warnings.length) out.push("## Warnings", "", ...warnings.map((w) => `- ${w}`), "");
  return out;
}

// ---- HTML ----

const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function classHtml(input: ClassReportInput): string {
  const s = classStats(input.grades, input.mode, input.durationMs);
  const title = input.title ?? "nn-kata: class report";
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<ul class="summary">${summaryLines(s, input).map((l) => `<li>${esc(l)}</li>`).join("")}</ul>`,
    `<section><h2>Score distribution</h2>${histogramSvg(s)}</section>`,
    `<section><h2>Pass rate per exercise</h2>${exerciseSvg(s)}</section>`,
    `<section><h2>Tests</h2><p>Pass rate among the submissions that tried the exercise, and the most common failing assertion.</p>${testsTable(s)}</section>`,
    `<section><h2>Integrity flags</h2>${flagsHtml(input.grades)}</section>`,
    `<section><h2>Similar submissions</h2>${similarityHtml(input)}</section>`,
    instructorHtml(input.grades),
    s.invalid.length || input.warnings.length ? `<section><h2>Not graded and warnings</h2><ul>${[...s.invalid.map((i) => `${i.id}: ${i.problem}`), ...input.warnings].map((w) => `<li>${esc(w)}</li>`).join("")}</ul></section>` : "",
  ].join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2433}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #d8dde6;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eceff4;vertical-align:top}
th{background:#f4f6fa}td.num{text-align:right;white-space:nowrap}code,pre{font:12px/1.4 ui-monospace,monospace}
.bar{display:inline-block;height:.7rem;background:#4a7bd0;vertical-align:middle}.low{background:#d0664a}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.pair pre{background:#f6f8fb;border:1px solid #d8dde6;padding:.5rem;overflow:auto;max-height:24rem;margin:.3rem 0}
.score{font-weight:600}.summary li{margin:.15rem 0}svg text{font:11px system-ui,sans-serif;fill:#1d2433}
</style></head>
<body>
${body}
</body></html>
`;
}

function histogramSvg(s: ClassStats): string {
  const w = 640, h = 230, left = 36, bottom = 30, top = 22;
  const peak = Math.max(1, ...s.histogram);
  const bw = (w - left - 10) / 10;
  const bars = s.histogram.map((count, i) => {
    const bh = ((h - top - bottom) * count) / peak;
    const x = left + i * bw;
    return `<rect x="${x + 2}" y="${h - bottom - bh}" width="${bw - 4}" height="${bh}" fill="#4a7bd0"><title>${esc(binLabel(s.max, i))}: ${count}</title></rect>` +
      `<text x="${x + bw / 2}" y="${h - bottom + 14}" text-anchor="middle">${Math.round((s.max * i) / 10)}</text>` +
      (count ? `<text x="${x + bw / 2}" y="${h - bottom - bh - 3}" text-anchor="middle">${count}</text>` : "");
  });
  return `<svg role="img" aria-label="score distribution" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><line x1="${left}" y1="${h - bottom}" x2="${w - 10}" y2="${h - bottom}" stroke="#888"/>${bars.join("")}<text x="${w - 10}" y="${h - 2}" text-anchor="end">score (of ${s.max})</text><text x="4" y="${top + 8}">learners</text></svg>`;
}

function exerciseSvg(s: ClassStats): string {
  const row = 20, labelW = 170, barW = 380, w = labelW + barW + 120;
  const h = row * s.exercises.length + 10;
  const rows = s.exercises.map((e, i) => {
    const rate = e.attempted ? e.passed / e.attempted : 0;
    const y = 5 + i * row;
    return `<text x="0" y="${y + 13}">${esc(e.dir)}</text><rect x="${labelW}" y="${y + 3}" width="${barW}" height="${row - 6}" fill="#eceff4"/>` +
      `<rect x="${labelW}" y="${y + 3}" width="${barW * rate}" height="${row - 6}" fill="${rate < 0.5 ? "#d0664a" : "#4a7bd0"}"><title>${esc(`${e.dir}: ${e.passed} of ${e.attempted}`)}</title></rect>` +
      `<text x="${labelW + barW + 8}" y="${y + 13}">${pct(e.passed, e.attempted)} (${e.passed}/${e.attempted})</text>`;
  });
  return `<svg role="img" aria-label="pass rate per exercise" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${rows.join("")}</svg>`;
}

function testsTable(s: ClassStats): string {
  const rows = s.tests.map((t) => {
    const rate = t.attempted ? t.passed / t.attempted : 0;
    const failure = t.commonFailure ? `<span class="num">${t.commonFailure.count} of ${t.commonFailure.failures}</span>: <code>${esc(t.commonFailure.message)}</code>` : "";
    return `<tr><td>${esc(t.exercise)}</td><td>${t.hidden ? "<em>(hidden)</em> " : ""}${esc(t.name)}</td><td class="num"><span class="bar${rate < 0.5 ? " low" : ""}" style="width:${Math.round(rate * 60)}px"></span> ${pct(t.passed, t.attempted)}</td><td>${failure}</td></tr>`;
  });
  return `<table><thead><tr><th>exercise</th><th>test</th><th>pass rate</th><th>most common failure</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function flagsHtml(grades: SubmissionGrade[]): string {
  const rows = grades.flatMap((g) => g.flags.map((f) => `<tr><td>${esc(g.id)}</td><td>${esc(f.kind)}</td><td><code>${esc(`${f.file}${f.line ? `:${f.line}` : ""}`)}</code></td><td>${esc(f.message)}${f.evidence ? `<br><code>${esc(f.evidence)}</code>` : ""}</td></tr>`));
  return rows.length ? `<p>Evidence to read, not automatic zeros.</p><table><thead><tr><th>learner</th><th>flag</th><th>where</th><th>what</th></tr></thead><tbody>${rows.join("")}</tbody></table>` : "<p>None.</p>";
}

function similarityHtml(input: ClassReportInput): string {
  const { pairs, threshold } = input.similarity;
  const above = pairs.filter((p) => p.score >= threshold);
  const below = pairs.filter((p) => p.score < threshold);
  const intro = `<p>Learner-written code compared by winnowed fingerprints of its tokens (names and literals ignored; the stubs and code most of the class shares left out). Pairs at or above ${threshold}: evidence to read, not a verdict.</p>`;
  const blocks = above.map((p) => `<h3>${esc(p.a)} and ${esc(p.b)}: <span class="score">${p.score}</span> (${p.shared} shared fingerprints)</h3><div class="pair">${[[p.a, p.excerpt.a], [p.b, p.excerpt.b]].map(([who, e]) => {
    const x = e as SimilarPair["excerpt"]["a"];
    return `<div><strong>${esc(who as string)}</strong> <code>${esc(x.file)}</code> lines ${x.from}-${x.to}<pre>${esc(x.text)}</pre></div>`;
  }).join("")}</div>`);
  return intro + (above.length ? blocks.join("") : "<p>No pair reaches the threshold.</p>") + (below.length ? `<p>Closest below the threshold: ${below.map((p) => `${esc(p.a)} / ${esc(p.b)} ${p.score}`).join("; ")}.</p>` : "");
}

function instructorHtml(grades: SubmissionGrade[]): string {
  if (!grades.some((g) => g.instructor)) return "";
  const rows = grades.filter((g) => g.instructor && (g.instructor.overrides.length > 0 || (g.instructor.late?.daysLate ?? 0) > 0));
  const table = rows.map((g) => {
    const v = g.instructor!;
    const comments = v.overrides.filter((o) => o.comment).map((o) => `<br><em>${esc(o.exercise)}: ${esc(o.comment)}</em>`).join("");
    return `<tr><td>${esc(g.id)}</td><td>${esc(v.submittedAt ?? "unknown")}</td><td class="num">${v.autograded}</td><td>${esc(adjustmentLine(v))}${comments}</td><td class="num">${v.final} / ${v.max}</td></tr>`;
  });
  return `<section><h2>The instructor's changes</h2>${rows.length ? `<table><thead><tr><th>learner</th><th>submitted</th><th>autograded</th><th>changes</th><th>final</th></tr></thead><tbody>${table.join("")}</tbody></table>` : "<p>None.</p>"}</section>`;
}
