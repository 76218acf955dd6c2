/**
 * The CSV of a workshop session (its summary page's figures, consensus and actions), written
 * by the one CSV writer (./csv.ts). Plain TypeScript, no framework or database imports.
 */
import type { GroupComparison, WorkshopSummary } from "../workshop";
import { toCsv, type CsvCell } from "./csv";

/** DfE statistics conventions for cells: `c` confidential (suppressed), `z` not applicable. */
export const SUPPRESSED_CELL = "c";
export const NOT_APPLICABLE_CELL = "z";

export const SUMMARY_CSV_COLUMNS = [
  "record",
  "position",
  "component",
  "component_name",
  "ratings",
  "rated_0",
  "rated_1",
  "rated_2",
  "rated_3",
  "rated_4",
  "rated_5",
  "median",
  "lower_quartile",
  "upper_quartile",
  "split",
  "differs_by_level",
  "differs_by_agency_type",
  "consensus_score",
  "consensus_score_100",
  "notes",
  "action",
  "action_owner",
  "action_due_on",
  "action_status",
] as const;

/**
 * The session as one CSV table: a `component` row per component rated (with the spread, or
 * `c` where fewer than the threshold rated, and the consensus), then an `action` row per
 * agreed action. Free text can never start a formula.
 *
 * @example
 * summaryCsv(summary).split("\r\n")[0] // "record,position,component,component_name,ratings,..."
 */
export function summaryCsv(summary: WorkshopSummary): string {
  const width = SUMMARY_CSV_COLUMNS.length;
  const rows: CsvCell[][] = [];
  const yesNo = (g: GroupComparison | null) =>
    g === null || g.differs === null ? NOT_APPLICABLE_CELL : g.differs ? "yes" : "no";
  for (const c of summary.components) {
    const { spread, n } = c.ratings;
    const stats: (string | number)[] =
      spread === "suppressed"
        ? Array(11).fill(SUPPRESSED_CELL)
        : spread === null || spread === "voting_open"
          ? Array(11).fill(NOT_APPLICABLE_CELL)
          : [
              ...spread.distribution,
              spread.median,
              spread.lowerQuartile,
              spread.upperQuartile,
              spread.split ? "yes" : "no",
              yesNo(c.ratings.byLevel),
              yesNo(c.ratings.byAgencyType),
            ];
    rows.push([
      "component",
      c.position,
      c.key,
      c.name,
      spread === "suppressed" ? SUPPRESSED_CELL : spread === "voting_open" ? NOT_APPLICABLE_CELL : n,
      ...stats,
      c.consensus?.score ?? NOT_APPLICABLE_CELL,
      c.consensus?.score100 ?? NOT_APPLICABLE_CELL,
      c.consensus?.notes ?? "",
      "",
      "",
      "",
      "",
    ]);
  }
  for (const c of summary.components) {
    for (const a of c.actions) {
      const row: CsvCell[] = Array(width).fill("");
      row[0] = "action";
      row[1] = c.position;
      row[2] = c.key;
      row[3] = c.name;
      row[width - 4] = a.description;
      row[width - 3] = a.owner;
      row[width - 2] = a.dueOn ?? "";
      row[width - 1] = a.status;
      rows.push(row);
    }
  }
  return toCsv(SUMMARY_CSV_COLUMNS, rows);
}
