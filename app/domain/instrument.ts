/**
 * Reading the questionnaires (SurveyJS JSON in `surveys/`) as data.
 *
 * Every scored question carries our custom SurveyJS properties: `component`, `level`,
 * `polarity` and `evidence` (keys of `surveys/evidence.json`), and `indirect` (the cited keys
 * the item asks only as part of a wider question); continuum markers carry `stage` and
 * `evidence`. Optional deep-dive modules (`surveys/deep-dive.json`) are tagged the same way. The questionnaire files are the only copy of the items: code reads
 * the tags from them, never keeps a list of its own.
 *
 * Raw answer values, as SurveyJS stores them and as the database keeps them:
 * - facilitator items: 1..5 (strongly disagree .. strongly agree)
 * - barrier items: 1..4 (not a barrier .. a major barrier)
 * - continuum markers: "yes" | "partly" | "no"
 * - stage questions (target stage, partner ratings): 0..5
 * - any scaled question: "dont_know" ("Don't know / not applicable")
 */
import { isComponentKey, isLevelKey, isPolarity, type ComponentKey, type LevelKey, type Polarity } from "./framework";
import type { Lang } from "./language";
import { localText, type LocalisableText } from "./localised-text";

export const DONT_KNOW = "dont_know" as const;
export const MARKER_VALUES = ["yes", "partly", "no"] as const;
export type MarkerValue = (typeof MARKER_VALUES)[number];

/** The scale's top value for each polarity: agreement is 5-point, barrier severity 4-point. */
export const SCALE_MAX: Record<Polarity, number> = { facilitator: 5, barrier: 4 };

export interface ScoredItem {
  key: string;
  title: string;
  component: ComponentKey;
  /** The level the item is about (not the respondent's level). */
  level: LevelKey;
  polarity: Polarity;
  evidence: string[];
  /** True for the one item per component that the short form keeps. */
  shortForm: boolean;
  /** Cited keys the item asks only as part of a wider question (the rest it asks directly). */
  indirect?: string[];
}

export interface MarkerItem {
  key: string;
  title: string;
  stage: 1 | 2 | 3 | 4 | 5;
  /** Register keys the marker cites (its `evidence` tag): a continuum stage (`s_...`) and entries. */
  sources: string[];
}

/**
 * Minimal shape of SurveyJS JSON that we walk. Texts are localisable (`localised-text.ts`):
 * read them with `localText(value, lang)`, the English being the "default" entry.
 */
export interface SurveyElementJson {
  type: string;
  name: string;
  title?: LocalisableText;
  description?: LocalisableText;
  elements?: SurveyElementJson[];
  [property: string]: unknown;
}
export interface SurveyJson {
  title?: LocalisableText;
  description?: LocalisableText;
  pages: { name: string; title?: LocalisableText; description?: LocalisableText; elements: SurveyElementJson[] }[];
  [property: string]: unknown;
}

/** Every question of a survey, in order, flattening panels. */
export function allQuestions(survey: SurveyJson): SurveyElementJson[] {
  const out: SurveyElementJson[] = [];
  const walk = (elements: SurveyElementJson[] | undefined) => {
    for (const element of elements ?? []) {
      if (element.type === "panel") walk(element.elements);
      else out.push(element);
    }
  };
  for (const page of survey.pages) walk(page.elements);
  return out;
}

/**
 * The scored items of a questionnaire: every question tagged with a component.
 * Throws when a tagged question has an invalid tag, so a broken file fails loudly.
 */
export function readScoredItems(survey: SurveyJson): ScoredItem[] {
  return allQuestions(survey)
    .filter((q) => q.component !== undefined)
    .map((q) => {
      const { name, component, level, polarity, evidence } = q;
      if (!isComponentKey(component)) throw new Error(`${name}: unknown component "${String(component)}"`);
      if (!isLevelKey(level)) throw new Error(`${name}: unknown level "${String(level)}"`);
      if (!isPolarity(polarity)) throw new Error(`${name}: unknown polarity "${String(polarity)}"`);
      if (!Array.isArray(evidence) || evidence.some((e) => typeof e !== "string")) {
        throw new Error(`${name}: evidence must be a list of register keys`);
      }
      return {
        key: name,
        title: localText(q.title) ?? name,
        component,
        level,
        polarity,
        evidence: evidence as string[],
        shortForm: q.shortForm === true,
        ...(Array.isArray(q.indirect) && q.indirect.length > 0 ? { indirect: q.indirect as string[] } : {}),
      };
    });
}

/** The continuum markers of a questionnaire: every question tagged with a stage. */
export function readMarkers(survey: SurveyJson): MarkerItem[] {
  return allQuestions(survey)
    .filter((q) => q.stage !== undefined)
    .map((q) => {
      const stage = q.stage;
      if (stage !== 1 && stage !== 2 && stage !== 3 && stage !== 4 && stage !== 5) {
        throw new Error(`${q.name}: stage must be 1-5`);
      }
      const sources = Array.isArray(q.evidence) ? (q.evidence as string[]) : [];
      return { key: q.name, title: localText(q.title) ?? q.name, stage, sources };
    });
}

/** Question names with a fixed meaning across questionnaires. */
export const QUESTION = {
  respondentLevel: "respondent_level",
  respondentAgencyType: "respondent_agency_type",
  /** Which member agency of the partnership the respondent works for (partner ratings). */
  respondentAgency: "respondent_agency",
  /** Family voice: "young_person" or "parent_carer". */
  familyGroup: "respondent_group",
  targetStage: "target_stage",
  /** The stage respondents choose for themselves, kept beside the computed one (Minkman). */
  selfChosenStage: "current_stage_self",
  comments: "comments",
} as const;

export const FAMILY_GROUPS = ["young_person", "parent_carer"] as const;
export type FamilyGroup = (typeof FAMILY_GROUPS)[number];
/** The family groups' names in tables and exports. */
export const FAMILY_GROUP_NAMES: Record<FamilyGroup, string> = {
  young_person: "Children and young people",
  parent_carer: "Parents and carers",
};
const FAMILY_GROUP_NAMES_CY: Record<FamilyGroup, string> = {
  young_person: "Plant a phobl ifanc",
  parent_carer: "Rhieni a gofalwyr",
};
/** A family group's name in a language (the report's table, the exports' labels). */
export const familyGroupName = (group: FamilyGroup, lang: Lang): string =>
  (lang === "cy" ? FAMILY_GROUP_NAMES_CY : FAMILY_GROUP_NAMES)[group];

/** Partner rating question names: how the respondent's agency works with agency `agencyId`. */
export const partnerNowKey = (agencyId: string) => `partner_now__${agencyId}`;
export const partnerWantedKey = (agencyId: string) => `partner_wanted__${agencyId}`;
export function parsePartnerKey(key: string): { agencyId: string; when: "now" | "wanted" } | null {
  const match = /^partner_(now|wanted)__(.+)$/.exec(key);
  return match ? { when: match[1] as "now" | "wanted", agencyId: match[2]! } : null;
}
