// Reading and writing the small CSV files instructors keep in spreadsheets: a roster, overrides,
// gradebooks for an LMS. RFC 4180 quoting; a byte-order mark (Excel adds one) is fine.

/** Rows of a CSV file as objects keyed by the (trimmed, lower-cased) header names. */
export function parseCsv(text: string, what: string): { header: string[]; rows: Record<string, string>[] } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && input[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  if (quoted) throw new Error(`${what}: a quoted field is never closed (a " is missing)`);
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  const filled = rows.filter((r) => r.some((cell) => cell.trim() !== ""));
  if (filled.length === 0) throw new Error(`${what}: the file is empty; it needs a header line`);
  const header = filled[0].map((h) => h.trim().toLowerCase());
  return { header, rows: filled.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? "").trim()]))) };
}

/** Fails with the columns a file must have when one is missing. */
export function requireColumns(rows: Record<string, string>[], header: string[], columns: string[], what: string): Record<string, string>[] {
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`${what}: no ${missing.map((m) => `"${m}"`).join(", ")} column; its first line must name the columns (${columns.join(",")})`);
  return rows;
}

export function csvField(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+@]/.test(value) || /^-[^\d]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const toCsv = (rows: string[][]) => rows.map((r) => r.map(csvField).join(",")).join("\n") + "\n";
