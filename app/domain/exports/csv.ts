/**
 * CSV for exports: RFC 4180 quoting, plus a guard against spreadsheet formula injection.
 * Plain TypeScript, no imports: writing CSV is a few lines; the tests read it back with a parser.
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
 * With `excel`, it starts with a UTF-8 byte-order mark, which Excel needs to read the text as
 * UTF-8 rather than the Windows code page (R's read.csv and SPSS skip it with UTF-8 chosen).
 *
 * @example
 * toCsv(["a", "b"], [[1, "x,y"]])                   // "a,b\r\n1,\"x,y\"\r\n"
 * toCsv(["a"], [["é"]], { excel: true })            // "\uFEFFa\r\né\r\n"
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: { excel?: boolean } = {},
): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return (options.excel ? BOM : "") + lines.map((line) => `${line}\r\n`).join("");
}

/** The UTF-8 byte-order mark, as the first character of an Excel-friendly file. */
export const BOM = "\uFEFF";

/**
 * Whether a download asks for the Excel-friendly form (`?excel=1`). Any other value of the
 * parameter is the plain form, so a bad link still downloads a valid file.
 */
export const wantsExcel = (url: URL) => url.searchParams.get("excel") === "1";
