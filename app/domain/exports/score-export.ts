/**
 * The component scores export: one row per component and group, in long format, with the
 * statistics convention for hidden cells (`c` suppressed, `x` no data; DfE children's social
 * care statistics). Reads the scoring module's published figures only.
 */
import { AGENCY_TYPE_KEYS, LEVEL_KEYS } from "../framework";
import { frameworkTerm } from "../glossary";
import { translator, type Translate } from "../i18n";
import { familyGroupName, FAMILY_GROUPS, type FamilyGroup } from "../instrument";
import type { Lang } from "../language";
import type { Alpha, RoundResult, ScoreFigure } from "../scoring";
import type { CsvCell } from "./csv";

export const SCORE_EXPORT_COLUMNS = [
  "round",
  "section",
  "component",
  "component_name",
  "breakdown",
  "group",
  "group_label",
  "score",
  "band",
  "n",
  "ci95_low",
  "ci95_high",
  "sd",
  "consensus_within_one_point",
  "split",
  "dont_know",
  "alpha",
] as const;

const hidden = (figure: ScoreFigure): "c" | "x" => (figure.status === "suppressed" ? "c" : "x");

function figureCells(figure: ScoreFigure): CsvCell[] {
  if (figure.status !== "ok") {
    const mark = hidden(figure);
    return [mark, mark, mark, mark, mark, mark, mark, mark, mark];
  }
  return [
    figure.score,
    figure.band,
    figure.n,
    figure.ci95.low,
    figure.ci95.high,
    figure.sd,
    figure.agreement,
    figure.split ? "yes" : "no",
    figure.dontKnow,
  ];
}

/** The readable name of a row's group, in the reader's language (codebook.ts lists them all). */
function groupLabel(breakdown: string, group: string, t: Translate, lang: Lang): string {
  if (breakdown === "overall") return t("group.all");
  if (breakdown === "polarity") return t(group === "facilitators" ? "group.facilitators" : "group.barriers");
  if (breakdown === "item_level") return t("group.itemLevel", { level: frameworkTerm("level", group, lang) });
  if (breakdown === "respondent_level")
    return t("group.respondentLevel", { level: frameworkTerm("level", group, lang) });
  if (breakdown === "agency_type") return frameworkTerm("agency_type", group, lang);
  return familyGroupName(group as FamilyGroup, lang);
}

const alphaCell = (alpha: Alpha | null): CsvCell => (alpha === null ? "" : alpha.status === "ok" ? alpha.value : "x");

/**
 * @example
 * scoreExportRows("Spring 2027", result)
 * // [["Spring 2027", "professional", "vision", "Shared vision, values and goals", "overall", "all", "Everyone", 71.2, "borderline", 30, …], …]
 */
export function scoreExportRows(round: string, result: RoundResult, lang: Lang = "en"): CsvCell[][] {
  const t = translator(lang, "exports");
  const rows: CsvCell[][] = [];
  if (result.status !== "ok") return rows;
  const push = (
    section: string,
    key: string,
    breakdown: string,
    group: string,
    figure: ScoreFigure,
    alpha: Alpha | null = null,
  ) =>
    rows.push([
      round,
      section,
      key,
      frameworkTerm("component", key, lang),
      breakdown,
      group,
      groupLabel(breakdown, group, t, lang),
      ...figureCells(figure),
      alphaCell(alpha),
    ]);
  if (result.professional.status === "ok") {
    for (const c of result.professional.components) {
      push("professional", c.component, "overall", "all", c.overall, c.alpha);
      push("professional", c.component, "polarity", "facilitators", c.facilitators);
      push("professional", c.component, "polarity", "barriers", c.barriers);
      for (const l of LEVEL_KEYS) push("professional", c.component, "item_level", l, c.byItemLevel[l]);
      for (const l of LEVEL_KEYS) push("professional", c.component, "respondent_level", l, c.byRespondentLevel[l]);
      for (const t of AGENCY_TYPE_KEYS) push("professional", c.component, "agency_type", t, c.byAgencyType[t]);
    }
  }
  if (result.shortForm.status === "ok") {
    for (const c of result.shortForm.components) push("short", c.component, "overall", "all", c.overall);
  }
  if (result.family.status === "ok") {
    for (const c of result.family.components) {
      push("family", c.component, "overall", "all", c.overall, c.alpha);
      for (const g of FAMILY_GROUPS) push("family", c.component, "family_group", g, c.byFamilyGroup[g]);
    }
  }
  return rows;
}
