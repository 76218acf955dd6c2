/**
 * The three questionnaires' sections of a round, each scored on its own: the professional
 * questionnaire (components by level and agency type, items, top lists), its short form, and
 * the family voice (by family group). Also the respondent groups every breakdown uses.
 */
import {
  AGENCY_TYPE_KEYS,
  LEVEL_KEYS,
  component as componentInfo,
  isAgencyTypeKey,
  isLevelKey,
  type AgencyTypeKey,
  type LevelKey,
} from "../framework";
import { FAMILY_GROUPS, type FamilyGroup, type ScoredItem } from "../instrument";
import { guardFigure, noData, type Figure, type Suppressed } from "../suppression";
import {
  byItemLevel,
  jointBreakdowns,
  cronbachAlpha,
  itemResults,
  perceptionGap,
  scoreSection,
  summariseSlot,
  topItems,
} from "./components";
import type {
  ComponentResult,
  FamilyResults,
  ProfessionalResults,
  ResponseInput,
  ScoreFigure,
  ShortFormResults,
} from "./types";

// ---------------------------------------------------------------------------------------------
// Respondent groups
// ---------------------------------------------------------------------------------------------

export const levelOf = (r: ResponseInput): LevelKey | null =>
  isLevelKey(r.respondentLevel) ? r.respondentLevel : null;
export const agencyTypeOf = (r: ResponseInput): AgencyTypeKey | null =>
  isAgencyTypeKey(r.agencyType) ? r.agencyType : null;
export const familyGroupOf = (r: ResponseInput): FamilyGroup | null =>
  FAMILY_GROUPS.includes(r.familyGroup as FamilyGroup) ? (r.familyGroup as FamilyGroup) : null;

export function tally<K extends string>(
  keys: readonly K[],
  responses: readonly ResponseInput[],
  keyOf: (r: ResponseInput) => K | null,
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of responses) {
    const key = keyOf(r);
    if (key !== null) counts[key]++;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

/** The groupings of a section, named as in the round's plan ("level:team", "agency:health", "family:parent_carer"). */
const STAFF_GROUPINGS = [
  { name: "level", keys: LEVEL_KEYS },
  { name: "agency", keys: AGENCY_TYPE_KEYS },
] as const;
const FAMILY_GROUPINGS = [{ name: "family", keys: FAMILY_GROUPS }] as const;

export function scoreProfessional(
  responses: readonly ResponseInput[],
  items: readonly ScoredItem[],
  threshold: number,
  hidden: ReadonlyMap<string, Suppressed> = new Map(),
  earlier: readonly { key: string; inSection: Uint8Array }[] = [],
): Figure<ProfessionalResults> {
  return guardFigure(
    responses.length,
    threshold,
    () => {
      const section = scoreSection(responses, items, [
        { keys: LEVEL_KEYS, keyOf: levelOf },
        { keys: AGENCY_TYPE_KEYS, keyOf: agencyTypeOf },
      ]);
      const components: ComponentResult[] = section.comps.map((c) => {
        const [byLevel, byAgency] = jointBreakdowns(c, section, STAFF_GROUPINGS, threshold, hidden, earlier);
        const byRespondentLevel = byLevel as Record<LevelKey, ScoreFigure>;
        return {
          component: c.key,
          name: componentInfo(c.key).name,
          itemCount: c.items.length,
          overall: summariseSlot(c.overall, threshold),
          alpha: cronbachAlpha(c, threshold),
          dontKnowAnswers: c.overall.dontKnow,
          facilitators:
            c.facilitatorItems === 0 ? noData("No facilitator items") : summariseSlot(c.facilitators, threshold),
          barriers: c.barrierItems === 0 ? noData("No barrier items") : summariseSlot(c.barriers, threshold),
          byItemLevel: byItemLevel(c, threshold),
          byRespondentLevel,
          perceptionGap: perceptionGap(byRespondentLevel, c.groups[0]!),
          byAgencyType: byAgency as Record<AgencyTypeKey, ScoreFigure>,
        };
      });
      const itemList = itemResults(section.comps, threshold);
      return {
        respondents: responses.length,
        components,
        items: itemList,
        strongestFacilitators: topItems(itemList, "facilitator"),
        severestBarriers: topItems(itemList, "barrier"),
      };
    },
    "No responses to the professional questionnaire",
  );
}

export function scoreShortForm(
  responses: readonly ResponseInput[],
  items: readonly ScoredItem[],
  threshold: number,
): Figure<ShortFormResults> {
  return guardFigure(
    responses.length,
    threshold,
    () => {
      // The short form is the items flagged shortForm; a component with none has no short-form score.
      const { comps } = scoreSection(
        responses,
        items.filter((item) => item.shortForm),
        [],
      );
      return {
        form: "short" as const,
        note: "Short form: one item per component. On the same 0-100 scale, but not directly comparable with the full questionnaire's scores.",
        respondents: responses.length,
        components: comps.map((c) => ({
          component: c.key,
          name: componentInfo(c.key).name,
          itemCount: c.items.length,
          overall: summariseSlot(c.overall, threshold),
          dontKnowAnswers: c.overall.dontKnow,
        })),
      };
    },
    "No responses to the short form",
  );
}

export function scoreFamily(
  responses: readonly ResponseInput[],
  items: readonly ScoredItem[],
  threshold: number,
  hidden: ReadonlyMap<string, Suppressed> = new Map(),
  earlier: readonly { key: string; inSection: Uint8Array }[] = [],
): Figure<FamilyResults> {
  return guardFigure(
    responses.length,
    threshold,
    () => {
      const section = scoreSection(responses, items, [{ keys: FAMILY_GROUPS, keyOf: familyGroupOf }]);
      const comps = section.comps;
      return {
        respondents: responses.length,
        components: comps.map((c) => ({
          component: c.key,
          name: componentInfo(c.key).name,
          itemCount: c.items.length,
          overall: summariseSlot(c.overall, threshold),
          alpha: cronbachAlpha(c, threshold),
          dontKnowAnswers: c.overall.dontKnow,
          facilitators:
            c.facilitatorItems === 0 ? noData("No facilitator items") : summariseSlot(c.facilitators, threshold),
          barriers: c.barrierItems === 0 ? noData("No barrier items") : summariseSlot(c.barriers, threshold),
          byFamilyGroup: jointBreakdowns(
            c,
            section,
            FAMILY_GROUPINGS,
            threshold,
            hidden,
            earlier,
            `family_${c.key}`,
          )[0] as Record<FamilyGroup, ScoreFigure>,
        })),
        items: itemResults(comps, threshold),
      };
    },
    "No family-voice responses",
  );
}
