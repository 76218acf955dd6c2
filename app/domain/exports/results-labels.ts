/**
 * The labels block of the results JSON: the name of every key the result uses (components,
 * levels, kinds of agency, stages, bands, family groups, breakdowns), in the reader's
 * language. The result itself keeps its keys and its English names, so that programs reading
 * the file see the same shape in every language.
 */
import { AGENCY_TYPES, BANDS, COMPONENTS, LEVELS, STAGES } from "../framework";
import { frameworkTerm } from "../glossary";
import { translator } from "../i18n";
import { familyGroupName, FAMILY_GROUPS } from "../instrument";
import type { Lang } from "../language";

/**
 * @example
 * exportLabelsJson("cy").levels.team // "Tîm"
 */
export function exportLabelsJson(lang: Lang) {
  const t = translator(lang, "exports");
  const names = <K extends string>(keys: readonly K[], name: (key: K) => string) =>
    Object.fromEntries(keys.map((k) => [k, name(k)])) as Record<K, string>;
  return {
    lang,
    components: names(
      COMPONENTS.map((c) => c.key),
      (k) => frameworkTerm("component", k, lang),
    ),
    levels: names(
      LEVELS.map((l) => l.key),
      (k) => frameworkTerm("level", k, lang),
    ),
    agencyTypes: names(
      AGENCY_TYPES.map((a) => a.key),
      (k) => frameworkTerm("agency_type", k, lang),
    ),
    stages: Object.fromEntries(STAGES.map((s) => [String(s.stage), frameworkTerm("stage", s.key, lang)])),
    bands: names(
      BANDS.map((b) => b.key),
      (k) => frameworkTerm("band", k, lang),
    ),
    familyGroups: names(FAMILY_GROUPS, (g) => familyGroupName(g, lang)),
    hidden: { c: t("hidden.c"), x: t("hidden.x") },
  };
}
