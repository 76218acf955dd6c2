/**
 * CSV for exports: RFC 4180 quoting, plus a guard against spreadsheet formula injection.
 * Plain TypeScript, no imports: no CSV library is installed and one is not worth adding for this.
 */

/** A cell: numbers are written as they are; null and undefined as an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage
 * return before one) gets a leading apostrophe (OWASP "CSV injection"). Numbers are never
 * formulas, so -3.5 stays a number.
 *
 * @example
 * defuseFormula("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 * defuseFormula("team")                     // "team"
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One field, quoted when it holds a comma, a double quote, a carriage return or a newline,
 * with double quotes doubled (RFC 4180, section 2).
 *
 * @example
 * csvField('say "hi", then go') // "\"say \"\"hi\"\", then go\""
 * csvField(62.5)                // "62.5"
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = defuseFormula(String(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: a header row, then one line per row, each line ended by CRLF (RFC 4180).
 *
 * @example
 * toCsv(["a", "b"], [[1, "x,y"]]) // "a,b\r\n1,\"x,y\"\r\n"
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return lines.map((line) => `${line}\r\n`).join("");
}
