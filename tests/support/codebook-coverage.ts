/**
 * Reads an export's CSV files and its codebook with csv-parse (as a spreadsheet or R would read
 * them) and lists what the codebook leaves undescribed: a column of a file with no entry, or a
 * cell of a code column whose code is not listed (for `value`, per question: item_key).
 */
import { parse } from "csv-parse/sync";

/** A CSV file as records by header, BOM or not, failing on a ragged row (as an unclean file would). */
export function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: false }) as string[][];
  const [header, ...body] = records;
  if (!header) throw new Error("empty file");
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}

export function codebookGaps(files: Record<string, string>): string[] {
  const codebook = readCsv(files["codebook.csv"]!).rows;
  const gaps: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    if (!name.endsWith(".csv") || name === "codebook.csv") continue;
    const { header, rows } = readCsv(text);
    for (const column of header) {
      const entry = codebook.find((e) => e.file === name && e.column === column && e.code === "");
      if (!entry) {
        gaps.push(`${name}: column ${column} has no codebook entry`);
        continue;
      }
      if (!entry.description) gaps.push(`${name}: column ${column} has no description`);
      const codes = codebook.filter((e) => e.file === name && e.column === column && e.code !== "");
      for (const c of codes) if (!c.label) gaps.push(`${name}: ${column} code ${c.code} has no label`);
      if (entry.type === "text" || entry.type === "id") continue;
      const listed = new Set(codes.map((c) => `${c.item_key}|${c.code}`));
      const perItem = codes.some((c) => c.item_key !== "");
      const missing = new Set<string>();
      for (const row of rows) {
        const cell = row[column]!;
        if (cell === "") continue;
        if (entry.type === "number" && /^-?\d+(\.\d+)?$/.test(cell)) continue;
        const key = `${perItem ? row.item_key : ""}|${cell}`;
        if (!listed.has(key)) missing.add(key);
      }
      for (const m of missing) gaps.push(`${name}: ${column} value ${m} is not in the codebook`);
    }
  }
  return gaps;
}
