/**
 * The experience gap: for each component both questionnaires measure, the families' score
 * beside the professionals', the difference and how sure it is. The review's central warning is
 * that families can experience services as less joined up than professionals believe (CELCIS
 * review, "The voice of children and families"). Reads the published figures only: a hidden
 * figure stays hidden, and no difference is computed from it.
 */
import { COMPONENT_KEYS, component as componentInfo, type ComponentKey } from "./framework";
import { scoreDifference } from "./differences";
import type { FamilyResults, ProfessionalResults, ScoreFigure } from "./scoring";

export type ExperienceVerdict = "families_lower" | "families_higher" | "no_clear_difference";

export interface ExperienceGapRow {
  component: ComponentKey;
  name: string;
  professional: ScoreFigure;
  family: ScoreFigure;
  /** Families minus professionals, one decimal place; null when either figure cannot be shown. */
  difference: number | null;
  /** Welch's 95% interval of the difference; null when it cannot be computed. */
  interval: { low: number; high: number } | null;
  verdict: ExperienceVerdict | null;
}

/**
 * One row per component that both the professional and the family questionnaire ask about, in
 * the framework's order.
 *
 * @example
 * experienceGap(result.professional, result.family)
 * // [{ component: "holistic", professional: {score: 68.2, ...}, family: {score: 51.0, ...}, difference: -17.2, verdict: "families_lower", ... }]
 */
export function experienceGap(
  professional: ProfessionalResults | null,
  family: FamilyResults | null,
): ExperienceGapRow[] {
  if (!professional || !family) return [];
  const rows: ExperienceGapRow[] = [];
  for (const key of COMPONENT_KEYS) {
    const pro = professional.components.find((c) => c.component === key);
    const fam = family.components.find((c) => c.component === key);
    if (!pro || !fam || pro.itemCount === 0 || fam.itemCount === 0) continue;
    const base = { component: key, name: componentInfo(key).name, professional: pro.overall, family: fam.overall };
    if (pro.overall.status !== "ok" || fam.overall.status !== "ok") {
      rows.push({ ...base, difference: null, interval: null, verdict: null });
      continue;
    }
    const d = scoreDifference(fam.overall, pro.overall);
    rows.push({
      ...base,
      difference: d.difference,
      interval: d.interval ? { low: d.interval.low, high: d.interval.high } : null,
      verdict: !d.clear ? "no_clear_difference" : d.difference < 0 ? "families_lower" : "families_higher",
    });
  }
  return rows;
}
