/**
 * Small builders for scoring tests: a questionnaire of N items and a round of N respondents,
 * generated from a seed so that every run sees the same data. Tests say what matters to them
 * (`makeRound({ respondents: 30 })`) and let the builder fill in the rest.
 */
import {
  AGENCY_TYPE_KEYS,
  COMPONENT_KEYS,
  LEVEL_KEYS,
  type AgencyTypeKey,
  type ComponentKey,
  type LevelKey,
  type Polarity,
} from "../../app/domain/framework";
import {
  DONT_KNOW,
  FAMILY_GROUPS,
  partnerNowKey,
  partnerWantedKey,
  type MarkerItem,
  type ScoredItem,
} from "../../app/domain/instrument";
import type { AgencyInput, QuestionnaireKind, ResponseInput, ScoreRoundInput } from "../../app/domain/scoring";

import { seededRandom } from "../../app/domain/demo-answers";

export { seededRandom };

export function makeItem(overrides: Partial<ScoredItem> & { key: string }): ScoredItem {
  return {
    title: overrides.key,
    component: "vision",
    level: "team",
    polarity: "facilitator",
    evidence: [],
    shortForm: false,
    ...overrides,
  };
}

/**
 * `itemsPerComponent` items for each of the first `components` components, cycling through
 * the levels; every third item is a barrier; the first item of each component is in the short form.
 */
export function makeItems({
  components = 3,
  itemsPerComponent = 3,
  prefix = "",
}: { components?: number; itemsPerComponent?: number; prefix?: string } = {}): ScoredItem[] {
  const items: ScoredItem[] = [];
  COMPONENT_KEYS.slice(0, components).forEach((component: ComponentKey, c) => {
    for (let i = 0; i < itemsPerComponent; i++) {
      const polarity: Polarity = i % 3 === 2 ? "barrier" : "facilitator";
      items.push(
        makeItem({
          key: `${prefix}${component}__item${i + 1}`,
          component,
          level: LEVEL_KEYS[(c + i) % LEVEL_KEYS.length]!,
          polarity,
          shortForm: i === 0,
        }),
      );
    }
  });
  return items;
}

/** Two markers per stage 1..5. */
export function makeMarkers(): MarkerItem[] {
  const out: MarkerItem[] = [];
  for (const stage of [1, 2, 3, 4, 5] as const) {
    for (const n of [1, 2])
      out.push({ key: `marker_s${stage}_${n}`, title: `Stage ${stage} marker ${n}`, stage, sources: [] });
  }
  return out;
}

export function makeAgencies(count = 3): AgencyInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i + 1}`,
    name: `Agency ${i + 1}`,
    type: AGENCY_TYPE_KEYS[i % AGENCY_TYPE_KEYS.length]!,
  }));
}

export function makeResponse(overrides: Partial<ResponseInput> & { id: string }): ResponseInput {
  return {
    questionnaire: "professional",
    respondentLevel: "team",
    agencyType: "social_work",
    agencyId: null,
    familyGroup: null,
    answers: {},
    ...overrides,
  };
}

export interface MakeRoundOptions {
  respondents?: number;
  seed?: number;
  items?: ScoredItem[];
  familyItems?: ScoredItem[];
  markers?: MarkerItem[];
  agencies?: AgencyInput[];
  threshold?: number;
  /** Chance that any one answer is "don't know" (default 0.1). */
  dontKnowRate?: number;
  /** Chance that any one answer is left blank (default 0.05). */
  missingRate?: number;
  /** Share of respondents on the short form and on the family questionnaire (default 0 and 0). */
  shortShare?: number;
  familyShare?: number;
}

/**
 * A whole round of generated responses. Respondents lean towards a per-respondent "mood" so
 * that scores vary between people and components have some internal consistency.
 */
export function makeRound(options: MakeRoundOptions = {}): ScoreRoundInput {
  const {
    respondents = 30,
    seed = 1,
    items = makeItems(),
    familyItems = makeItems({ components: 2, itemsPerComponent: 2, prefix: "family_" }),
    markers = makeMarkers(),
    agencies = makeAgencies(),
    threshold,
    dontKnowRate = 0.1,
    missingRate = 0.05,
    shortShare = 0,
    familyShare = 0,
  } = options;
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const responses: ResponseInput[] = [];
  for (let r = 0; r < respondents; r++) {
    const roll = random();
    const questionnaire: QuestionnaireKind =
      roll < familyShare ? "family" : roll < familyShare + shortShare ? "short" : "professional";
    const mood = random();
    const answers: Record<string, unknown> = {};
    const scaled = (max: number, positive: boolean) => {
      const x = random();
      if (x < dontKnowRate) return DONT_KNOW;
      if (x < dontKnowRate + missingRate) return undefined;
      const lean = positive ? mood : 1 - mood;
      const v = Math.round(1 + (max - 1) * (0.7 * lean + 0.3 * random()));
      return Math.min(max, Math.max(1, v));
    };
    const own =
      questionnaire === "family" ? familyItems : questionnaire === "short" ? items.filter((i) => i.shortForm) : items;
    for (const item of own) {
      const v = item.polarity === "barrier" ? scaled(4, false) : scaled(5, true);
      if (v !== undefined) answers[item.key] = v;
    }
    const agency = questionnaire === "family" ? null : pick(agencies);
    if (questionnaire !== "family") {
      for (const marker of markers) {
        const x = random();
        answers[marker.key] =
          x < dontKnowRate
            ? DONT_KNOW
            : x < mood / marker.stage
              ? "yes"
              : x < (mood + 0.3) / marker.stage
                ? "partly"
                : "no";
      }
      answers.target_stage = random() < dontKnowRate ? DONT_KNOW : pick([2, 3, 3, 4]);
      answers.current_stage_self = pick([1, 2, 2, 3]);
      for (const other of agencies) {
        if (other.id === agency?.id) continue;
        answers[partnerNowKey(other.id)] = pick([1, 2, 2, 3]);
        answers[partnerWantedKey(other.id)] = pick([3, 3, 4]);
      }
    }
    responses.push({
      id: `r${r + 1}`,
      questionnaire,
      respondentLevel: questionnaire === "family" ? null : pick<LevelKey>(LEVEL_KEYS),
      agencyType: agency ? agency.type : null,
      agencyId: agency ? agency.id : null,
      familyGroup: questionnaire === "family" ? pick(FAMILY_GROUPS) : null,
      answers,
    });
  }
  return { responses, items, familyItems, markers, agencies, threshold };
}

/** A respondent who answered "don't know" to every question the round asks. */
export function makeDontKnowRespondent(
  round: ScoreRoundInput,
  id = "dk",
  type: AgencyTypeKey = "other",
): ResponseInput {
  const answers: Record<string, unknown> = {};
  for (const item of round.items) answers[item.key] = DONT_KNOW;
  for (const marker of round.markers) answers[marker.key] = DONT_KNOW;
  answers.target_stage = DONT_KNOW;
  answers.current_stage_self = DONT_KNOW;
  for (const agency of round.agencies) {
    answers[partnerNowKey(agency.id)] = DONT_KNOW;
    answers[partnerWantedKey(agency.id)] = DONT_KNOW;
  }
  return makeResponse({
    id,
    respondentLevel: "team",
    agencyType: type,
    agencyId: round.agencies[0]?.id ?? null,
    answers,
  });
}
