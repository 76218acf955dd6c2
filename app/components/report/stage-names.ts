/**
 * Short names of the continuum's stages for tight tables (the partner matrix), always shown
 * with a key giving the full name. A median between two stages (half the raters at each) names
 * both: "Coop/Coord". Full names are the glossary's, in the reader's language.
 */
import { STAGES } from "../../domain/framework";
import { frameworkTerm } from "../../domain/glossary";
import type { Lang } from "../../domain/language";

const SHORT: Record<Lang, readonly string[]> = {
  en: ["Coex", "Comm", "Coop", "Coord", "Coal", "Integ"],
  cy: ["Cydf", "Cyfa", "Cydw", "Cydg", "Cyng", "Integ"],
};

/** "Coord" for 3; "Coop/Coord" for 2.5. */
export function stageAbbreviation(median: number, lang: Lang = "en"): string {
  const lo = Math.floor(median);
  const hi = Math.ceil(median);
  return lo === hi ? SHORT[lang][lo]! : `${SHORT[lang][lo]}/${SHORT[lang][hi]}`;
}

/** "Coordination (3)" for 3; "between Cooperation (2) and Coordination (3)" for 2.5. */
export function stageNameOf(median: number, lang: Lang = "en"): string {
  const lo = Math.floor(median);
  const hi = Math.ceil(median);
  const name = (s: number) => `${frameworkTerm("stage", STAGES[s]!.key, lang)} (${s})`;
  if (lo === hi) return name(lo);
  return lang === "cy" ? `rhwng ${name(lo)} a ${name(hi)}` : `between ${name(lo)} and ${name(hi)}`;
}
