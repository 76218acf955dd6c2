/**
 * The action plan as a CSV file: one row per agreed action, keys beside their labels (component
 * and status names from the framework and action-plan.ts). The plan holds no respondent's
 * data, only what the partnership's leads wrote. Plain TypeScript, no framework imports.
 */
import { actionStatusName, type ActionStatusKey } from "../action-plan";
import { frameworkTerm } from "../glossary";
import type { Lang } from "../language";
import type { CsvCell } from "./csv";

export const ACTION_PLAN_EXPORT_COLUMNS = [
  "round",
  "component",
  "component_name",
  "action",
  "owner",
  "due_on",
  "status",
  "status_label",
  "evidence_key",
  "evidence",
] as const;

export interface ExportableAction {
  component: string;
  description: string;
  owner: string;
  due_on: string;
  status: ActionStatusKey;
  evidence_key: string | null;
  /** Short citations of the evidence register entry the action came from. */
  citations: readonly string[];
}

/**
 * @example
 * actionPlanExportRows("Spring 2027", [{ component: "information", description: "Agree one protocol", owner: "Board",
 *   due_on: "2027-09-30", status: "not_started", evidence_key: null, citations: [] }])
 * // [["Spring 2027", "information", "Information sharing and data systems", "Agree one protocol", "Board",
 * //   "2027-09-30", "not_started", "Not started", "", ""]]
 */
export function actionPlanExportRows(
  round: string,
  actions: readonly ExportableAction[],
  lang: Lang = "en",
): CsvCell[][] {
  return actions.map((a) => [
    round,
    a.component,
    frameworkTerm("component", a.component, lang),
    a.description,
    a.owner,
    a.due_on,
    a.status,
    actionStatusName(a.status, lang),
    a.evidence_key ?? "",
    a.citations.join("; "),
  ]);
}
