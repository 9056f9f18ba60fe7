// Pairs of submissions whose learner-written code is unusually alike, by winnowing (Schleimer,
// Wilkerson and Aiken's algorithm behind MOSS): the code becomes tokens with every identifier and
// literal replaced by its kind, so renaming changes nothing; every k tokens in a row are hashed;
// from each window of w hashes the smallest is kept as a fingerprint. Reordering functions keeps
// the fingerprints, only their positions change. Excluded: anything in the course's stub (given
// code, signatures) and fingerprints shared by many learners (the obvious way to write it).
// A score is evidence for a person to read, never a verdict.
import { ts } from "ts-morph";
import type { SubmissionGrade } from "../types";

export const K = 12; // tokens per hashed k-gram: about one short statement
export const W = 6; // window: any match of W + K - 1 tokens is sure to be found
export const THRESHOLD = 0.5;

export interface Fingerprint {
  hash: number;
  file: string;
  /** 1-based first and last line of the k-gram. */
  line: number;
  endLine: number;
}

export interface SimilarPair {
  a: string;
  b: string;
  /** Shared fingerprints over the smaller submission's fingerprints (0..1). */
  score: number;
  shared: number;
  /** Side-by-side evidence: the file and lines of each with the most shared fingerprints. */
  excerpt: { a: Excerpt; b: Excerpt };
}

export interface Excerpt {
  file: string;
  from: number;
  to: number;
  text: string;
}

interface Token {
  kind: string;
  line: number;
}

const IDENT = new Set([ts.SyntaxKind.Identifier, ts.SyntaxKind.PrivateIdentifier]);
const LITERAL = new Set([
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
]);
// Punctuation a formatter adds or drops freely.
const NOISE = new Set([ts.SyntaxKind.SemicolonToken, ts.SyntaxKind.CommaToken]);

/** The code as normalised tokens: identifiers -> "id", literals -> "lit", comments and layout gone. */
export function tokens(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const out: Token[] = [];
  let line = 1;
  let last = 0;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const start = scanner.getTokenStart();
    for (let i = last; i < start; i++) if (text.charCodeAt(i) === 10) line++;
    last = start;
    if (NOISE.has(kind)) continue;
    // Keywords like `const`, `let` and `var` are one kind: switching them is no change of idea.
    const name = IDENT.has(kind) ? "id" : LITERAL.has(kind) ? "lit" : kind === ts.SyntaxKind.LetKeyword || kind === ts.SyntaxKind.VarKeyword ? String(ts.SyntaxKind.ConstKeyword) : String(kind);
    out.push({ kind: name, line });
  }
  return out;
}

function hashGram(toks: Token[], at: number): number {
  let h = 2166136261; // FNV-1a over the kinds
  for (let i = at; i < at + K; i++) {
    const s = toks[i].kind;
    for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 16777619);
    h = Math.imul(h ^ 0x2c, 16777619);
  }
  return h >>> 0;
}

/** Winnowed fingerprints of one file (the rightmost minimum of each window, once). */
export function winnow(text: string, file: string): Fingerprint[] {
  const toks = tokens(text);
  const hashes: number[] = [];
  for (let i = 0; i + K <= toks.length; i++) hashes.push(hashGram(toks, i));
  const picked = new Map<number, Fingerprint>();
  const windows = Math.max(1, hashes.length - W + 1);
  for (let start = 0; start < windows && hashes.length > 0; start++) {
    let min = start;
    for (let i = start; i < Math.min(start + W, hashes.length); i++) if (hashes[i] <= hashes[min]) min = i;
    if (!picked.has(min)) picked.set(min, { hash: hashes[min], file, line: toks[min].line, endLine: toks[min + K - 1].line });
  }
  return [...picked.values()];
}

/**
 * Every pair scoring at least `threshold` (and the closest pairs below it, for calibration, up to
 * `keep`), best first. `stubs` are the course's stubs by "exercises/..." path: their fingerprints
 * (given code, signatures) never count.
 */
export function similarPairs(grades: SubmissionGrade[], stubs: Map<string, string>, options: { threshold?: number; keep?: number; commonShare?: number } = {}): { pairs: SimilarPair[]; compared: number } {
  const threshold = options.threshold ?? THRESHOLD;
  const given = new Set<number>();
  for (const [file, text] of stubs) for (const f of winnow(text, file)) given.add(f.hash);

  const prints = new Map<string, Fingerprint[]>();
  for (const g of grades) {
    if (!g.authored) continue;
    const all = Object.entries(g.authored).flatMap(([file, text]) => winnow(text, file)).filter((f) => !given.has(f.hash));
    if (all.length > 0) prints.set(g.id, all);
  }
  // A fingerprint in many submissions is the common way to write it, not a sign of copying (MOSS's -m).
  const holders = new Map<number, Set<string>>();
  for (const [id, list] of prints) for (const f of list) (holders.get(f.hash) ?? holders.set(f.hash, new Set()).get(f.hash)!).add(id);
  const common = Math.max(3, Math.ceil((options.commonShare ?? 0.1) * prints.size));
  const sets = new Map<string, Map<number, Fingerprint[]>>();
  for (const [id, list] of prints) {
    const byHash = new Map<number, Fingerprint[]>();
    for (const f of list) if ((holders.get(f.hash)?.size ?? 0) <= common) (byHash.get(f.hash) ?? byHash.set(f.hash, []).get(f.hash)!).push(f);
    if (byHash.size >= 3) sets.set(id, byHash);
  }
  // Count shared fingerprints per pair from the inverted index: only pairs that share one cost time.
  const sharedCount = new Map<string, number>();
  for (const [hash, ids] of holders) {
    if (ids.size < 2 || ids.size > common) continue;
    const list = [...ids].filter((id) => sets.get(id)?.has(hash)).sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const key = `${list[i]}\0${list[j]}`;
      sharedCount.set(key, (sharedCount.get(key) ?? 0) + 1);
    }
  }
  const scored = [...sharedCount].map(([key, shared]) => {
    const [a, b] = key.split("\0");
    return { a, b, shared, score: shared / Math.min(sets.get(a)!.size, sets.get(b)!.size) };
  });
  scored.sort((x, y) => y.score - x.score || y.shared - x.shared || x.a.localeCompare(y.a));
  const keep = options.keep ?? 3;
  const chosen = [...scored.filter((p) => p.score >= threshold), ...scored.filter((p) => p.score < threshold).slice(0, keep)];
  const texts = new Map(grades.map((g) => [g.id, g.authored ?? {}]));
  const pairs = chosen.map((p) => ({ ...p, score: Math.round(p.score * 1000) / 1000, excerpt: excerpts(sets.get(p.a)!, sets.get(p.b)!, texts.get(p.a)!, texts.get(p.b)!) }));
  return { pairs, compared: (sets.size * (sets.size - 1)) / 2 };
}

/** The file of a with the most shared fingerprints, and where b has those: from the first to the last shared line (at most 30). */
function excerpts(a: Map<number, Fingerprint[]>, b: Map<number, Fingerprint[]>, textA: Record<string, string>, textB: Record<string, string>): { a: Excerpt; b: Excerpt } {
  const side = (mine: Map<number, Fingerprint[]>, hashes: number[], texts: Record<string, string>): [Excerpt, number[]] => {
    const perFile = new Map<string, Fingerprint[]>();
    for (const f of hashes.flatMap((h) => mine.get(h)!)) (perFile.get(f.file) ?? perFile.set(f.file, []).get(f.file)!).push(f);
    const [file, list] = [...perFile].sort((x, y) => y[1].length - x[1].length)[0] ?? ["", []];
    const from = Math.min(...list.map((f) => f.line));
    const to = Math.min(Math.max(...list.map((f) => f.endLine)), from + 29);
    const text = (texts[file] ?? "").split("\n").slice(from - 1, to).join("\n");
    return [{ file, from, to, text }, [...new Set(list.map((f) => f.hash))]];
  };
  const [left, hashes] = side(a, [...a.keys()].filter((h) => b.has(h)), textA);
  return { a: left, b: side(b, hashes, textB)[0] };
}
