/**
 * The CSV of a workshop session (its summary page's figures, consensus and actions), written
 * by the one CSV writer (./csv.ts). Plain TypeScript, no framework or database imports.
 */
import { ACTION_STATUSES, actionStatusName, type ActionStatusKey } from "../action-plan";
import { frameworkTerm } from "../glossary";
import { translator } from "../i18n";
import type { Lang } from "../language";
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
  "action_status_label",
] as const;

/**
 * The session as one CSV table: a `component` row per component rated (with the spread, or
 * `c` where fewer than the threshold rated, and the consensus), then an `action` row per
 * agreed action. Free text can never start a formula.
 *
 * @example
 * summaryCsv(summary).split("\r\n")[0] // "record,position,component,component_name,ratings,..."
 */
export function summaryCsv(summary: WorkshopSummary, lang: Lang = "en"): string {
  const t = translator(lang, "exports");
  // A workshop's action is "open" until it goes into the action plan, which has its own statuses.
  const statusLabel = (status: string) =>
    (ACTION_STATUSES as readonly string[]).includes(status)
      ? actionStatusName(status as ActionStatusKey, lang)
      : t(`workshopAction.${status}`, { defaultValue: status });
  // The summary's own name in English; the glossary's in another language.
  const componentName = (key: string, name: string) => {
    if (lang === "en") return name;
    try {
      return frameworkTerm("component", key, lang);
    } catch {
      return name;
    }
  };
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
      componentName(c.key, c.name),
      spread === "suppressed" ? SUPPRESSED_CELL : spread === "voting_open" ? NOT_APPLICABLE_CELL : n,
      ...stats,
      c.consensus?.score ?? NOT_APPLICABLE_CELL,
      c.consensus?.score100 ?? NOT_APPLICABLE_CELL,
      c.consensus?.notes ?? "",
      "",
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
      row[3] = componentName(c.key, c.name);
      row[width - 5] = a.description;
      row[width - 4] = a.owner;
      row[width - 3] = a.dueOn ?? "";
      row[width - 2] = a.status;
      row[width - 1] = statusLabel(a.status);
      rows.push(row);
    }
  }
  return toCsv(SUMMARY_CSV_COLUMNS, rows);
}
