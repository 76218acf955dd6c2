import { AGENCY_TYPES, BANDS, COMPONENTS, LEVELS, STAGES } from "./framework";
import type { Lang } from "./language";

/**
 * The framework's terms in each language: components, stages, levels, agency types and bands.
 * One place, so the questionnaires, the report and the exports use the same Welsh word for the
 * same thing. English comes from `framework.ts`; the Welsh table is filled by the translation
 * (awaiting review by a fluent speaker: see the message files' review flag).
 */
export type TermKind = "component" | "stage" | "level" | "agency_type" | "band";

type Terms = Record<TermKind, Record<string, string>>;

const english: Terms = {
  component: Object.fromEntries(COMPONENTS.map((c) => [c.key, c.name])),
  stage: Object.fromEntries(STAGES.map((s) => [s.key, s.name])),
  level: Object.fromEntries(LEVELS.map((l) => [l.key, l.name])),
  agency_type: Object.fromEntries(AGENCY_TYPES.map((a) => [a.key, a.name])),
  band: Object.fromEntries(BANDS.map((b) => [b.key, b.name])),
};

/** Welsh terms, keyed as in `framework.ts`. */
const welsh: Terms = { component: {}, stage: {}, level: {}, agency_type: {}, band: {} };

export const GLOSSARY: Record<Lang, Terms> = { en: english, cy: welsh };

/** A framework term's name in a language (English when the Welsh is missing). */
export function frameworkTerm(kind: TermKind, key: string, lang: Lang): string {
  const name = GLOSSARY[lang][kind][key] ?? english[kind][key];
  if (name === undefined) throw new Error(`Unknown ${kind} key: ${key}`);
  return name;
}
