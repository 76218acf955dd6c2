/**
 * Scoring a round: responses + the questionnaire definition in, every published figure out.
 *
 * The rules are those of DESIGN "Scoring" and docs/scoring.md (which explains each figure to
 * a partnership lead). Plain TypeScript with no framework or database imports, pure and
 * deterministic: the same responses in any order give the same result, to the last digit.
 * Small-number suppression (./suppression.ts) is applied here, inside the one function that
 * builds the result, so no caller can forget it.
 *
 * Cost: one pass over the answers (respondents x items), then a sort of each group's scores
 * for its median; 10,000 respondents x 80 items score in well under a second.
 */
import {
  AGENCY_TYPE_KEYS,
  COMPONENT_KEYS,
  CONTINUUM_CAVEAT,
  LEVEL_KEYS,
  STAGES,
  bandFor,
  component as componentInfo,
  isAgencyTypeKey,
  isLevelKey,
  type AgencyTypeKey,
  type BandKey,
  type ComponentKey,
  type LevelKey,
  type Polarity,
  type StageKey,
  type StageNumber,
} from "./framework";
import {
  DONT_KNOW,
  FAMILY_GROUPS,
  QUESTION,
  partnerNowKey,
  partnerWantedKey,
  type FamilyGroup,
  type MarkerItem,
  type ScoredItem,
} from "./instrument";
import {
  countFigure,
  guardFigure,
  noData,
  resolveThreshold,
  suppressBreakdown,
  suppressCounts,
  suppressedMarker,
  type CountFigure,
  type Figure,
  type NoData,
  type Suppressed,
} from "./suppression";

export type { CountFigure, Figure, NoData, Suppressed } from "./suppression";

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

export const QUESTIONNAIRE_KINDS = ["professional", "short", "family"] as const;
/** Which questionnaire a response answered: the full professional one, its short form, or the family-voice one. */
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];

/** One submitted response, as the database or the CLI's JSON file holds it. */
export interface ResponseInput {
  id: string;
  questionnaire: QuestionnaireKind;
  /** The level the respondent works at (not the level an item is about). Unknown values count as not stated. */
  respondentLevel: LevelKey | null;
  agencyType: AgencyTypeKey | null;
  /** The member agency the respondent works for; needed for partner-by-partner ratings. */
  agencyId: string | null;
  /** Family voice only. */
  familyGroup: FamilyGroup | null;
  /**
   * Raw answers by question name (see instrument.ts): 1..5 for facilitators, 1..4 for barriers,
   * "yes" | "partly" | "no" for markers, 0..5 for stage questions, "dont_know" anywhere.
   * A value of the wrong type or out of range is treated as unanswered.
   */
  answers: Readonly<Record<string, unknown>>;
}

/** A member agency of the partnership. */
export interface AgencyInput {
  id: string;
  name: string;
  type: AgencyTypeKey;
}

export interface ScoreRoundInput {
  responses: readonly ResponseInput[];
  /** Scored items of the professional questionnaire. The short form uses those with `shortForm: true`. */
  items: readonly ScoredItem[];
  /** Scored items of the family-voice questionnaire (scored the same way, reported apart). */
  familyItems?: readonly ScoredItem[];
  /** Continuum markers (answered by professional and short-form respondents). */
  markers: readonly MarkerItem[];
  agencies: readonly AgencyInput[];
  /** Suppression threshold; default 5; below 3 throws (see resolveThreshold). */
  threshold?: number;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** A 0-100 score for one group of respondents (or answers, for an item). */
export interface ScoreSummary {
  /** Mean of the respondents' scores, 0-100, one decimal place. */
  score: number;
  /** Read from the rounded score, so the band always matches the figure shown. */
  band: BandKey;
  /** Respondents counted (for an item: answers counted). */
  n: number;
  /** Sample standard deviation of the respondents' scores. */
  sd: number;
  /** 95% confidence interval of the mean (Student's t), clipped to 0-100. */
  ci95: { low: number; high: number };
  median: number;
  /** Agreement index: share (0-1) of respondents within one scale point of the median. */
  agreement: number;
  /** Half-width of the agreement band on the 0-100 scale (one scale point, see docs). */
  agreementBand: number;
  /**
   * Views too divided for one figure to stand for the group: a third or more of respondents
   * fall outside one scale point of the median (SCIROCCO's consensus rule, adapted).
   */
  split: boolean;
  /** "Don't know / not applicable" answers given by this group to these items. */
  dontKnow: number;
  /** Respondents who answered some of these items but fewer than half, and so were left out. */
  leftOut: number;
}
export type ScoreFigure = Figure<ScoreSummary>;

/** Cronbach's alpha over respondents who answered every item of the component. */
export type Alpha =
  | { status: "ok"; value: number; n: number; items: number }
  | { status: "not_computed"; reason: string };

/** Difference between the highest- and lowest-scoring respondent levels, among levels that can be shown. */
export type PerceptionGap =
  | { status: "ok"; gap: number; highest: { level: LevelKey; score: number }; lowest: { level: LevelKey; score: number } }
  | NoData;

/** One component of the professional questionnaire. */
export interface ComponentResult {
  component: ComponentKey;
  name: string;
  itemCount: number;
  overall: ScoreFigure;
  alpha: Alpha;
  /** All "don't know" answers to the component's items in this section. */
  dontKnowAnswers: number;
  facilitators: ScoreFigure;
  barriers: ScoreFigure;
  /** The component x level matrix row: items grouped by the level they are about. */
  byItemLevel: Record<LevelKey, ScoreFigure>;
  /** The perception gap: the component scored separately by respondents at each level. */
  byRespondentLevel: Record<LevelKey, ScoreFigure>;
  perceptionGap: PerceptionGap;
  byAgencyType: Record<AgencyTypeKey, ScoreFigure>;
}

/** One item, scored over the answers of respondents kept in its component. */
export interface ItemResult {
  key: string;
  title: string;
  component: ComponentKey;
  level: LevelKey;
  polarity: Polarity;
  figure: ScoreFigure;
}

/** An entry of the five strongest facilitators / five most severe barriers. */
export interface RankedItem {
  rank: number;
  key: string;
  title: string;
  component: ComponentKey;
  level: LevelKey;
  polarity: Polarity;
  score: number;
  n: number;
}

export interface ProfessionalResults {
  respondents: number;
  components: ComponentResult[];
  items: ItemResult[];
  /** Highest-scoring facilitator items; ties broken by n (more first), then key. */
  strongestFacilitators: RankedItem[];
  /** Lowest-scoring barrier items (0 = a major barrier for everyone); ties by n (more first), then key. */
  severestBarriers: RankedItem[];
}

export interface ShortFormComponentResult {
  component: ComponentKey;
  name: string;
  itemCount: number;
  overall: ScoreFigure;
  dontKnowAnswers: number;
}

/** The short form, on the same 0-100 scale but reported apart and marked `form: "short"`. */
export interface ShortFormResults {
  form: "short";
  note: string;
  respondents: number;
  components: ShortFormComponentResult[];
}

export interface FamilyComponentResult {
  component: ComponentKey;
  name: string;
  itemCount: number;
  overall: ScoreFigure;
  alpha: Alpha;
  dontKnowAnswers: number;
  facilitators: ScoreFigure;
  barriers: ScoreFigure;
  byFamilyGroup: Record<FamilyGroup, ScoreFigure>;
}

/** Family voice, scored the same way, never mixed with the professionals' figures. */
export interface FamilyResults {
  respondents: number;
  components: FamilyComponentResult[];
  items: ItemResult[];
}

export interface StageRef {
  stage: StageNumber;
  key: StageKey;
  name: string;
}

export interface MarkerResult {
  key: string;
  title: string;
  stage: 1 | 2 | 3 | 4 | 5;
  /** mean of yes = 1, partly = 0.5, no = 0 ("don't know" left out); met when mean >= 0.5. */
  figure: Figure<{ mean: number; n: number; met: boolean }>;
  dontKnow: number;
}

/**
 * met: every marker of the stage is met; not_met: at least one is not; unknown: none failed
 * but some had too few raters to tell; no_markers: the questionnaire has none for this stage.
 */
export type StageStatus = "met" | "not_met" | "unknown" | "no_markers";

export interface StageResult extends StageRef {
  status: StageStatus;
  markers: number;
  markersMet: number;
}

export interface StageDistribution {
  n: number;
  median: number;
  counts: { stage: StageNumber; key: StageKey; count: CountFigure }[];
}

export interface Placement {
  /** Highest stage s such that stages 1..s are all met (0, co-existence, when stage 1 is not). */
  current: StageRef;
  /** Stages above the current one whose markers are met: a non-cumulative pattern, shown not hidden. */
  nonCumulative: StageRef[];
  /** True when the stage just above the current one could not be judged (too few raters): the partnership may be further along. */
  lowerBound: boolean;
}

export interface ContinuumResults {
  respondents: number;
  caveat: string;
  markers: MarkerResult[];
  stages: StageResult[];
  placement: Figure<Placement>;
  /** The stage respondents want: distribution and median. */
  target: Figure<StageDistribution>;
  /** The stage respondents choose for themselves, kept beside the computed one (Minkman). */
  selfChosen: Figure<StageDistribution>;
  /** Target median minus current stage: positive = wants to move along, 0 = where it wants to be, negative = wants less. */
  gap: Figure<{ current: StageNumber; target: number; gap: number }>;
}

export interface PartnerCell {
  /** The rating agency. */
  from: string;
  /** The agency rated. */
  to: string;
  raters: CountFigure;
  now: Figure<{ median: number; n: number }>;
  wanted: Figure<{ median: number; n: number }>;
}

export interface PartnerPair {
  agencies: [string, string];
  /** Median "now" rating of the second agency by the first, when it can be shown. */
  firstRatesSecond: number | null;
  secondRatesFirst: number | null;
  difference: number | null;
  /** The two agencies' ratings of each other are more than one stage apart; null when either cannot be shown. */
  seeDifferently: boolean | null;
}

export interface PartnerResults {
  raters: number;
  agencies: AgencyInput[];
  cells: PartnerCell[];
  pairs: PartnerPair[];
}

export interface RespondentCounts {
  total: CountFigure;
  byQuestionnaire: Record<QuestionnaireKind, CountFigure>;
  /** Professional and short-form respondents by the level they work at. */
  byLevel: Record<LevelKey, CountFigure>;
  byAgencyType: Record<AgencyTypeKey, CountFigure>;
  byFamilyGroup: Record<FamilyGroup, CountFigure>;
}

export interface RoundFigures {
  threshold: number;
  respondents: RespondentCounts;
  professional: Figure<ProfessionalResults>;
  shortForm: Figure<ShortFormResults>;
  family: Figure<FamilyResults>;
  continuum: Figure<ContinuumResults>;
  partners: Figure<PartnerResults>;
}

/**
 * The result of a round: no_data for a round with no responses, suppressed when the round as a
 * whole has fewer responses than the threshold, otherwise every figure (each one itself a
 * {@link Figure}).
 */
export type RoundResult =
  | { status: "no_data"; reason: string; threshold: number }
  | { status: "suppressed"; reason: string; threshold: number }
  | ({ status: "ok" } & RoundFigures);

// ---------------------------------------------------------------------------------------------
// Constants of the rules
// ---------------------------------------------------------------------------------------------

/** Cronbach's alpha is computed once at least this many respondents answered every item of a component. */
export const ALPHA_MIN_RESPONDENTS = 10;
/** SCIROCCO: split when this share or more of raters fall outside one scale point of the median. */
export const SPLIT_SHARE = 1 / 3;
/** One scale point on the 0-100 scale: 25 for the 5-point agreement scale, 33.3 for the 4-point barrier scale. */
export const SCALE_POINT: Record<Polarity, number> = { facilitator: 25, barrier: 100 / 3 };
/** How many items the top lists hold. */
export const TOP_LIST_LENGTH = 5;

const EPSILON = 1e-9;

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/*
 * Item scores are held as whole numbers of twelfths of a point (0..1200 = 0..100), so that
 * sums are exact whatever the order of respondents: facilitator 1..5 -> (v-1)*300, i.e.
 * 0, 25, 50, 75, 100; barrier 1..4 reversed -> (4-v)*400, i.e. 100, 66.7, 33.3, 0.
 */
const TWELFTHS = 12;
const DK = -1;
const MISSING = -2;

function wholeNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return null;
}

/**
 * An answer in twelfths of a point, or DK / MISSING. "Don't know" is never a zero: it is its
 * own value, counted and excluded from every mean. Out-of-range or wrongly typed values are
 * treated as unanswered.
 */
function itemValue(raw: unknown, barrier: boolean): number {
  if (raw === DONT_KNOW) return DK;
  const v = wholeNumber(raw);
  if (v === null) return MISSING;
  if (barrier) return v >= 1 && v <= 4 ? (4 - v) * 400 : MISSING; // 1 "not a barrier" = 100, 4 = 0
  return v >= 1 && v <= 5 ? (v - 1) * 300 : MISSING; // 1 strongly disagree = 0, 5 = 100
}

/** A stage answer 0..5, DK, or MISSING. */
function stageValue(raw: unknown): number {
  if (raw === DONT_KNOW) return DK;
  const v = wholeNumber(raw);
  return v !== null && v >= 0 && v <= 5 ? v : MISSING;
}

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [
  NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
/** Student's t, 97.5% quantile, for a 95% confidence interval. */
export function tQuantile975(df: number): number {
  if (df <= 30) return T975[df]!;
  // Cornish-Fisher expansion around the normal quantile; within 0.001 of the exact value beyond 30 df.
  const z = 1.959964;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

/**
 * Summary of a sorted list of 0-100 values with optional weights (counts), so that an item's
 * histogram and a group's list of respondent scores go through the same arithmetic. Sums run
 * in sorted order: the result does not depend on the order respondents arrived in.
 */
function describe(
  values: ArrayLike<number>,
  counts: ArrayLike<number> | null,
  band: number,
  dontKnow: number,
  leftOut: number,
): ScoreSummary {
  const len = values.length;
  const w = (i: number) => (counts ? counts[i]! : 1);
  let n = 0;
  let sum = 0;
  for (let i = 0; i < len; i++) {
    n += w(i);
    sum += w(i) * values[i]!;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < len; i++) ss += w(i) * (values[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const half = n > 1 ? (tQuantile975(n - 1) * sd) / Math.sqrt(n) : 0;
  // Median: the mean of the values at ranks floor((n-1)/2) and ceil((n-1)/2).
  const lowRank = Math.floor((n - 1) / 2);
  const highRank = Math.ceil((n - 1) / 2);
  let lowValue = 0;
  let highValue = 0;
  let seen = 0;
  for (let i = 0; i < len; i++) {
    const next = seen + w(i);
    if (lowRank >= seen && lowRank < next) lowValue = values[i]!;
    if (highRank >= seen && highRank < next) {
      highValue = values[i]!;
      break;
    }
    seen = next;
  }
  const median = (lowValue + highValue) / 2;
  let outside = 0;
  for (let i = 0; i < len; i++) if (Math.abs(values[i]! - median) > band + EPSILON) outside += w(i);
  const score = round1(mean);
  return {
    score,
    band: bandFor(score),
    n,
    sd: round1(sd),
    ci95: { low: round1(Math.max(0, mean - half)), high: round1(Math.min(100, mean + half)) },
    median: round1(median),
    agreement: round2((n - outside) / n),
    agreementBand: round1(band),
    // SCIROCCO: "a third or more" outside the band; 3 * outside >= n avoids 1/3 rounding.
    split: 3 * outside >= n,
    dontKnow,
    leftOut,
  };
}

/** Median of a histogram of stages 0..5 (the mean of the two middle ranks). */
export function histogramMedian(hist: ArrayLike<number>, n: number = Array.from(hist).reduce((a, b) => a + b, 0)): number {
  const lowRank = Math.floor((n - 1) / 2);
  const highRank = Math.ceil((n - 1) / 2);
  let seen = 0;
  let low = 0;
  let high = 0;
  for (let s = 0; s < hist.length; s++) {
    const next = seen + hist[s]!;
    if (lowRank >= seen && lowRank < next) low = s;
    if (highRank >= seen && highRank < next) {
      high = s;
      break;
    }
    seen = next;
  }
  return (low + high) / 2;
}

// ---------------------------------------------------------------------------------------------
// Components: one pass over a section's responses
// ---------------------------------------------------------------------------------------------

/** Respondents' scores and counts for one figure (a component, a level cell, a group...). */
class Slot {
  values: number[] = [];
  dontKnow = 0;
  leftOut = 0;
  constructor(readonly band: number) {}
}

interface Grouping {
  keys: readonly string[];
  keyOf: (r: ResponseInput) => string | null;
}

interface PreparedComponent {
  key: ComponentKey;
  items: ScoredItem[];
  barrier: boolean[];
  levelIndex: number[];
  levelItems: number[];
  facilitatorItems: number;
  barrierItems: number;
  overall: Slot;
  facilitators: Slot;
  barriers: Slot;
  byItemLevel: Slot[];
  /** groups[g][k]: grouping g, key k */
  groups: Slot[][];
  /** Histogram of raw answers per item (index 1..5), from respondents kept in the component. */
  itemHist: Int32Array[];
  itemDontKnow: number[];
  itemLeftOut: number[];
  alpha: { m: number; itemSum: number[]; itemSumSq: number[]; totalSum: number; totalSumSq: number };
}

function meanBand(items: readonly ScoredItem[]): number {
  if (items.length === 0) return SCALE_POINT.facilitator;
  let sum = 0;
  for (const item of items) sum += SCALE_POINT[item.polarity];
  return sum / items.length;
}

function prepare(items: readonly ScoredItem[], groupings: readonly Grouping[]): PreparedComponent[] {
  const out: PreparedComponent[] = [];
  for (const key of COMPONENT_KEYS) {
    const own = items.filter((item) => item.component === key);
    if (own.length === 0) continue; // the questionnaire does not measure it: nothing to report
    const levelIndex = own.map((item) => LEVEL_KEYS.indexOf(item.level));
    const levelItems = LEVEL_KEYS.map((_, l) => levelIndex.filter((x) => x === l).length);
    out.push({
      key,
      items: own,
      barrier: own.map((item) => item.polarity === "barrier"),
      levelIndex,
      levelItems,
      facilitatorItems: own.filter((item) => item.polarity === "facilitator").length,
      barrierItems: own.filter((item) => item.polarity === "barrier").length,
      overall: new Slot(meanBand(own)),
      facilitators: new Slot(SCALE_POINT.facilitator),
      barriers: new Slot(SCALE_POINT.barrier),
      byItemLevel: LEVEL_KEYS.map((level) => new Slot(meanBand(own.filter((item) => item.level === level)))),
      groups: groupings.map((g) => g.keys.map(() => new Slot(meanBand(own)))),
      itemHist: own.map(() => new Int32Array(6)),
      itemDontKnow: own.map(() => 0),
      itemLeftOut: own.map(() => 0),
      alpha: {
        m: 0,
        itemSum: own.map(() => 0),
        itemSumSq: own.map(() => 0),
        totalSum: 0,
        totalSumSq: 0,
      },
    });
  }
  return out;
}

/**
 * Adds one respondent's answers to every component. The rules, applied here:
 * - "don't know" is counted, never scored (not a zero);
 * - a respondent who answered fewer than half a component's items is left out of that
 *   component entirely (overall, sub-scores and item scores), though their "don't know"
 *   answers are still counted; exactly half is enough (DESIGN: "at least half");
 * - a sub-score (facilitators, barriers, one level's items) applies the same half rule to its
 *   own items, among respondents kept in the component.
 */
function addRespondent(
  comps: readonly PreparedComponent[],
  response: ResponseInput,
  groupIndex: readonly number[],
  scratch: Int32Array,
): void {
  const answers = response.answers ?? {};
  for (const c of comps) {
    const k = c.items.length;
    let answered = 0;
    let sum = 0;
    let dk = 0;
    for (let i = 0; i < k; i++) {
      const v = itemValue(answers[c.items[i]!.key], c.barrier[i]!);
      scratch[i] = v;
      if (v >= 0) {
        answered++;
        sum += v;
      } else if (v === DK) {
        dk++;
        c.itemDontKnow[i]!++;
      }
    }
    const touched = answered + dk > 0;
    c.overall.dontKnow += dk;
    for (let g = 0; g < groupIndex.length; g++) {
      const gi = groupIndex[g]!;
      if (gi >= 0) c.groups[g]![gi]!.dontKnow += dk;
    }
    // Sub-score "don't know" counts, whether or not the respondent is kept.
    for (let i = 0; i < k; i++) {
      if (scratch[i] !== DK) continue;
      c.byItemLevel[c.levelIndex[i]!]!.dontKnow++;
      (c.barrier[i] ? c.barriers : c.facilitators).dontKnow++;
    }

    const kept = answered > 0 && answered * 2 >= k;
    if (!kept) {
      if (!touched) continue;
      c.overall.leftOut++;
      for (let g = 0; g < groupIndex.length; g++) {
        const gi = groupIndex[g]!;
        if (gi >= 0) c.groups[g]![gi]!.leftOut++;
      }
      for (let i = 0; i < k; i++) if (scratch[i]! >= 0) c.itemLeftOut[i]!++;
      continue;
    }

    const score = sum / (TWELFTHS * answered);
    c.overall.values.push(score);
    for (let g = 0; g < groupIndex.length; g++) {
      const gi = groupIndex[g]!;
      if (gi >= 0) c.groups[g]![gi]!.values.push(score);
    }

    // Sub-scores: per level of the items, facilitators, barriers.
    let facA = 0, facS = 0, facT = 0, barA = 0, barS = 0, barT = 0;
    const levA = [0, 0, 0, 0];
    const levS = [0, 0, 0, 0];
    const levT = [0, 0, 0, 0];
    for (let i = 0; i < k; i++) {
      const v = scratch[i]!;
      if (v === MISSING) continue;
      const l = c.levelIndex[i]!;
      levT[l]!++;
      if (c.barrier[i]) barT++;
      else facT++;
      if (v < 0) continue;
      levA[l]!++;
      levS[l]! += v;
      if (c.barrier[i]) {
        barA++;
        barS += v;
      } else {
        facA++;
        facS += v;
      }
      // Back to the raw answer for the item's histogram: facilitator v/300 + 1, barrier 4 - v/400.
      c.itemHist[i]![c.barrier[i] ? 4 - v / 400 : v / 300 + 1]!++;
    }
    for (let l = 0; l < 4; l++) {
      addSub(c.byItemLevel[l]!, levA[l]!, levS[l]!, levT[l]!, c.levelItems[l]!);
    }
    addSub(c.facilitators, facA, facS, facT, c.facilitatorItems);
    addSub(c.barriers, barA, barS, barT, c.barrierItems);

    if (answered === k) {
      const a = c.alpha;
      a.m++;
      a.totalSum += sum;
      a.totalSumSq += sum * sum;
      for (let i = 0; i < k; i++) {
        const v = scratch[i]!;
        a.itemSum[i]! += v;
        a.itemSumSq[i]! += v * v;
      }
    }
  }
}

function addSub(slot: Slot, answered: number, sum: number, touched: number, items: number): void {
  if (items === 0) return;
  if (answered > 0 && answered * 2 >= items) slot.values.push(sum / (TWELFTHS * answered));
  else if (touched > 0) slot.leftOut++;
}

function summariseSlot(slot: Slot, threshold: number, noDataReason = "No answers"): ScoreFigure {
  return guardFigure(
    slot.values.length,
    threshold,
    () => {
      const sorted = Float64Array.from(slot.values).sort();
      return describe(sorted, null, slot.band, slot.dontKnow, slot.leftOut);
    },
    noDataReason,
  );
}

const ITEM_SCORES_FACILITATOR = [0, 0, 25, 50, 75, 100]; // by raw value 1..5
const ITEM_SCORES_BARRIER = [0, 100, 200 / 3, 100 / 3, 0]; // by raw value 1..4 (reversed)

function summariseItem(c: PreparedComponent, i: number, threshold: number): ScoreFigure {
  const hist = c.itemHist[i]!;
  const barrier = c.barrier[i]!;
  const n = hist.reduce((a, b) => a + b, 0);
  return guardFigure(n, threshold, () => {
    // Histogram in ascending score order: barriers 4..1, facilitators 1..5.
    const raws = barrier ? [4, 3, 2, 1] : [1, 2, 3, 4, 5];
    const values = raws.map((raw) => (barrier ? ITEM_SCORES_BARRIER : ITEM_SCORES_FACILITATOR)[raw]!);
    const counts = raws.map((raw) => hist[raw]!);
    return describe(values, counts, SCALE_POINT[c.items[i]!.polarity], c.itemDontKnow[i]!, c.itemLeftOut[i]!);
  });
}

function cronbachAlpha(c: PreparedComponent, threshold: number): Alpha {
  const k = c.items.length;
  const { m, itemSum, itemSumSq, totalSum, totalSumSq } = c.alpha;
  const needed = Math.max(ALPHA_MIN_RESPONDENTS, threshold);
  if (k < 2) return { status: "not_computed", reason: "Needs at least two items" };
  if (m < needed) {
    return { status: "not_computed", reason: `Fewer than ${needed} respondents answered every item` };
  }
  // Variances from exact integer sums (twelfths); the common factor cancels in the ratio.
  const variance = (s: number, ss: number) => (ss - (s * s) / m) / (m - 1);
  let itemVariances = 0;
  for (let i = 0; i < k; i++) itemVariances += variance(itemSum[i]!, itemSumSq[i]!);
  const totalVariance = variance(totalSum, totalSumSq);
  if (totalVariance <= 0) return { status: "not_computed", reason: "Everyone gave the same answers" };
  const value = (k / (k - 1)) * (1 - itemVariances / totalVariance);
  return { status: "ok", value: round2(value), n: m, items: k };
}

interface SectionScores {
  comps: PreparedComponent[];
}

function scoreSection(
  responses: readonly ResponseInput[],
  items: readonly ScoredItem[],
  groupings: readonly Grouping[],
): SectionScores {
  const comps = prepare(items, groupings);
  const maxItems = comps.reduce((m, c) => Math.max(m, c.items.length), 0);
  const scratch = new Int32Array(maxItems);
  const groupIndex = new Array<number>(groupings.length);
  for (const response of responses) {
    for (let g = 0; g < groupings.length; g++) {
      const key = groupings[g]!.keyOf(response);
      groupIndex[g] = key === null ? -1 : groupings[g]!.keys.indexOf(key);
    }
    addRespondent(comps, response, groupIndex, scratch);
  }
  return { comps };
}

/** A breakdown of a component by respondent group, with primary and secondary suppression. */
function breakdown<K extends string>(
  c: PreparedComponent,
  g: number,
  keys: readonly K[],
  threshold: number,
): Record<K, ScoreFigure> {
  const figures = {} as Record<K, ScoreFigure>;
  const ns = {} as Record<K, number>;
  keys.forEach((key, i) => {
    const slot = c.groups[g]![i]!;
    figures[key] = summariseSlot(slot, threshold);
    ns[key] = slot.values.length;
  });
  return suppressBreakdown(keys, figures, ns, c.overall.values.length, threshold);
}

function byItemLevel(c: PreparedComponent, threshold: number): Record<LevelKey, ScoreFigure> {
  const out = {} as Record<LevelKey, ScoreFigure>;
  LEVEL_KEYS.forEach((level, l) => {
    out[level] =
      c.levelItems[l] === 0
        ? noData("No items about this level")
        : summariseSlot(c.byItemLevel[l]!, threshold);
  });
  return out;
}

function perceptionGap(levels: Record<LevelKey, ScoreFigure>): PerceptionGap {
  let highest: { level: LevelKey; score: number } | null = null;
  let lowest: { level: LevelKey; score: number } | null = null;
  let shown = 0;
  for (const level of LEVEL_KEYS) {
    const f = levels[level];
    if (f.status !== "ok") continue;
    shown++;
    if (!highest || f.score > highest.score) highest = { level, score: f.score };
    if (!lowest || f.score < lowest.score) lowest = { level, score: f.score };
  }
  if (shown < 2 || !highest || !lowest) return noData("Fewer than two levels can be shown");
  return { status: "ok", gap: round1(highest.score - lowest.score), highest, lowest };
}

function itemResults(comps: readonly PreparedComponent[], threshold: number): ItemResult[] {
  const out: ItemResult[] = [];
  for (const c of comps) {
    c.items.forEach((item, i) => {
      out.push({
        key: item.key,
        title: item.title,
        component: item.component,
        level: item.level,
        polarity: item.polarity,
        figure: summariseItem(c, i, threshold),
      });
    });
  }
  return out;
}

/**
 * The top five of one polarity. Only items whose score can be shown take part. Ties in the
 * (rounded, published) score are broken by n, more answers first, then by key: a fixed order.
 */
function topItems(items: readonly ItemResult[], polarity: Polarity): RankedItem[] {
  const candidates: Omit<RankedItem, "rank">[] = [];
  for (const item of items) {
    if (item.polarity !== polarity || item.figure.status !== "ok") continue;
    const { key, title, component, level } = item;
    candidates.push({ key, title, component, level, polarity, score: item.figure.score, n: item.figure.n });
  }
  const direction = polarity === "facilitator" ? -1 : 1; // facilitators: highest first; barriers: lowest (most severe) first
  candidates.sort(
    (a, b) =>
      direction * (a.score - b.score) || b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return candidates.slice(0, TOP_LIST_LENGTH).map((c, i) => ({ rank: i + 1, ...c }));
}

// ---------------------------------------------------------------------------------------------
// Respondent groups
// ---------------------------------------------------------------------------------------------

const levelOf = (r: ResponseInput): LevelKey | null => (isLevelKey(r.respondentLevel) ? r.respondentLevel : null);
const agencyTypeOf = (r: ResponseInput): AgencyTypeKey | null =>
  isAgencyTypeKey(r.agencyType) ? r.agencyType : null;
const familyGroupOf = (r: ResponseInput): FamilyGroup | null =>
  FAMILY_GROUPS.includes(r.familyGroup as FamilyGroup) ? (r.familyGroup as FamilyGroup) : null;

function tally<K extends string>(
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

function scoreProfessional(
  responses: readonly ResponseInput[],
  items: readonly ScoredItem[],
  threshold: number,
): Figure<ProfessionalResults> {
  return guardFigure(
    responses.length,
    threshold,
    () => {
      const { comps } = scoreSection(responses, items, [
        { keys: LEVEL_KEYS, keyOf: levelOf },
        { keys: AGENCY_TYPE_KEYS, keyOf: agencyTypeOf },
      ]);
      const components: ComponentResult[] = comps.map((c) => {
        const byRespondentLevel = breakdown(c, 0, LEVEL_KEYS, threshold);
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
          perceptionGap: perceptionGap(byRespondentLevel),
          byAgencyType: breakdown(c, 1, AGENCY_TYPE_KEYS, threshold),
        };
      });
      const itemList = itemResults(comps, threshold);
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

function scoreShortForm(
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

function scoreFamily(
  responses: readonly ResponseInput[],
  items: readonly ScoredItem[],
  threshold: number,
): Figure<FamilyResults> {
  return guardFigure(
    responses.length,
    threshold,
    () => {
      const { comps } = scoreSection(responses, items, [{ keys: FAMILY_GROUPS, keyOf: familyGroupOf }]);
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
          byFamilyGroup: breakdown(c, 0, FAMILY_GROUPS, threshold),
        })),
        items: itemResults(comps, threshold),
      };
    },
    "No family-voice responses",
  );
}

// ---------------------------------------------------------------------------------------------
// Continuum
// ---------------------------------------------------------------------------------------------

const stageRef = (s: number): StageRef => {
  const { stage, key, name } = STAGES[s]!;
  return { stage, key, name };
};

function distribution(hist: readonly number[], threshold: number): Figure<StageDistribution> {
  const n = hist.reduce((a, b) => a + b, 0);
  return guardFigure(n, threshold, () => {
    const keys = STAGES.map((s) => String(s.stage));
    const counts = Object.fromEntries(keys.map((k, i) => [k, hist[i]!])) as Record<string, number>;
    // Small counts of a distribution are suppressed like any group, with secondary suppression.
    const { groups } = suppressCounts(keys, counts, n, threshold);
    return {
      n,
      median: histogramMedian(hist, n),
      counts: STAGES.map((s) => ({ stage: s.stage, key: s.key, count: groups[String(s.stage)]! })),
    };
  });
}

/**
 * Placement on the continuum. Rules:
 * - a marker is met when the mean of its answers (yes = 1, partly = 0.5, no = 0; "don't know"
 *   left out) is at least 0.5, over at least `threshold` raters; with fewer raters it cannot
 *   be judged (and its figure is suppressed);
 * - a stage is met when every one of its markers is met (DESIGN: "the highest one whose
 *   markers ... are met"); a stage with a marker that cannot be judged and none that failed is
 *   "unknown", and like a stage without markers it stops the climb;
 * - current stage = highest s such that stages 1..s are all met (cumulative, after Minkman);
 * - stages above the current one that are met are reported as non-cumulative, not hidden.
 */
function scoreContinuum(
  responses: readonly ResponseInput[],
  markers: readonly MarkerItem[],
  threshold: number,
): Figure<ContinuumResults> {
  const yes = markers.map(() => 0);
  const partly = markers.map(() => 0);
  const no = markers.map(() => 0);
  const dk = markers.map(() => 0);
  const target = [0, 0, 0, 0, 0, 0];
  const self = [0, 0, 0, 0, 0, 0];
  let respondents = 0;
  for (const r of responses) {
    const answers = r.answers ?? {};
    let answeredSomething = false;
    markers.forEach((m, i) => {
      const v = answers[m.key];
      if (v === "yes") yes[i]!++;
      else if (v === "partly") partly[i]!++;
      else if (v === "no") no[i]!++;
      else {
        if (v === DONT_KNOW) dk[i]!++;
        return;
      }
      answeredSomething = true;
    });
    const t = stageValue(answers[QUESTION.targetStage]);
    if (t >= 0) {
      target[t]!++;
      answeredSomething = true;
    }
    const s = stageValue(answers[QUESTION.selfChosenStage]);
    if (s >= 0) {
      self[s]!++;
      answeredSomething = true;
    }
    if (answeredSomething) respondents++;
  }

  return guardFigure(
    respondents,
    threshold,
    () => {
      const markerResults: MarkerResult[] = markers.map((m, i) => {
        const n = yes[i]! + partly[i]! + no[i]!;
        return {
          key: m.key,
          title: m.title,
          stage: m.stage,
          figure: guardFigure(n, threshold, () => ({
            mean: round2((yes[i]! + partly[i]! / 2) / n),
            n,
            // mean >= 0.5  <=>  2 yes + partly >= n, in whole numbers: no rounding at the boundary.
            met: 2 * yes[i]! + partly[i]! >= n,
          })),
          dontKnow: dk[i]!,
        };
      });
      const stages: StageResult[] = STAGES.filter((s) => s.stage > 0).map((s) => {
        const own = markerResults.filter((m) => m.stage === s.stage);
        const met = own.filter((m) => m.figure.status === "ok" && m.figure.met).length;
        const failed = own.filter((m) => m.figure.status === "ok" && !m.figure.met).length;
        const status: StageStatus =
          own.length === 0 ? "no_markers" : failed > 0 ? "not_met" : met === own.length ? "met" : "unknown";
        return { ...stageRef(s.stage), status, markers: own.length, markersMet: met };
      });

      const judged = markerResults.some((m) => m.figure.status === "ok");
      let placement: Figure<Placement>;
      if (markers.length === 0) placement = noData("The questionnaire has no continuum markers");
      else if (!judged) {
        placement = markerResults.some((m) => m.figure.status === "suppressed")
          ? suppressedMarker(threshold)
          : noData("No marker answers");
      } else {
        let current = 0;
        while (current < 5 && stages[current]!.status === "met") current++;
        placement = {
          status: "ok",
          current: stageRef(current),
          nonCumulative: stages.filter((s) => s.stage > current && s.status === "met").map((s) => stageRef(s.stage)),
          lowerBound: current < 5 && stages[current]!.status === "unknown",
        };
      }
      const targetFigure = distribution(target, threshold);
      const gap: ContinuumResults["gap"] =
        placement.status === "ok" && targetFigure.status === "ok"
          ? {
              status: "ok",
              current: placement.current.stage,
              target: targetFigure.median,
              gap: targetFigure.median - placement.current.stage,
            }
          : placement.status === "suppressed" || targetFigure.status === "suppressed"
            ? suppressedMarker(threshold)
            : noData("Needs both a placement and a target");
      return {
        respondents,
        caveat: CONTINUUM_CAVEAT,
        markers: markerResults,
        stages,
        placement,
        target: targetFigure,
        selfChosen: distribution(self, threshold),
        gap,
      };
    },
    "No answers to the continuum questions",
  );
}

// ---------------------------------------------------------------------------------------------
// Partner-by-partner ratings
// ---------------------------------------------------------------------------------------------

/**
 * The partner matrix (after Frey et al.'s Levels of Collaboration Scale). A rater is a
 * respondent whose `agencyId` is a member agency; ratings of agencies not in the list, or of
 * one's own agency, are ignored. A cell with fewer raters than the threshold is suppressed,
 * and so is its "now" or "wanted" median on its own when fewer than the threshold gave it.
 */
function scorePartners(
  responses: readonly ResponseInput[],
  agencies: readonly AgencyInput[],
  threshold: number,
): Figure<PartnerResults> {
  const index = new Map(agencies.map((a, i) => [a.id, i]));
  const A = agencies.length;
  const now = Array.from({ length: A * A }, () => [0, 0, 0, 0, 0, 0]);
  const wanted = Array.from({ length: A * A }, () => [0, 0, 0, 0, 0, 0]);
  const raters = new Array<number>(A * A).fill(0);
  let totalRaters = 0;
  for (const r of responses) {
    const from = r.agencyId === null ? undefined : index.get(r.agencyId);
    if (from === undefined) continue;
    const answers = r.answers ?? {};
    let rated = false;
    for (let to = 0; to < A; to++) {
      if (to === from) continue;
      const id = agencies[to]!.id;
      const n = stageValue(answers[partnerNowKey(id)]);
      const w = stageValue(answers[partnerWantedKey(id)]);
      const cell = from * A + to;
      if (n >= 0) now[cell]![n]!++;
      if (w >= 0) wanted[cell]![w]!++;
      if (n >= 0 || w >= 0) {
        raters[cell]!++;
        rated = true;
      }
    }
    if (rated) totalRaters++;
  }
  const medianFigure = (hist: number[]) => {
    const n = hist.reduce((a, b) => a + b, 0);
    return guardFigure(n, threshold, () => ({ median: histogramMedian(hist, n), n }));
  };
  return guardFigure(
    totalRaters,
    threshold,
    () => {
      const cells: PartnerCell[] = [];
      for (let from = 0; from < A; from++) {
        for (let to = 0; to < A; to++) {
          if (from === to) continue;
          const cell = from * A + to;
          const enough = raters[cell]! >= threshold;
          cells.push({
            from: agencies[from]!.id,
            to: agencies[to]!.id,
            raters: countFigure(raters[cell]!, threshold),
            now: enough ? medianFigure(now[cell]!) : raters[cell] === 0 ? noData() : suppressedMarker(threshold),
            wanted: enough ? medianFigure(wanted[cell]!) : raters[cell] === 0 ? noData() : suppressedMarker(threshold),
          });
        }
      }
      const cellAt = (from: number, to: number) => cells[from * (A - 1) + (to < from ? to : to - 1)]!;
      const pairs: PartnerPair[] = [];
      for (let a = 0; a < A; a++) {
        for (let b = a + 1; b < A; b++) {
          const ab = cellAt(a, b).now;
          const ba = cellAt(b, a).now;
          const x = ab.status === "ok" ? ab.median : null;
          const y = ba.status === "ok" ? ba.median : null;
          const difference = x !== null && y !== null ? Math.abs(x - y) : null;
          pairs.push({
            agencies: [agencies[a]!.id, agencies[b]!.id],
            firstRatesSecond: x,
            secondRatesFirst: y,
            difference,
            // "More than one stage apart": 1.5 or more (medians can be halves); exactly 1 is not.
            seeDifferently: difference === null ? null : difference > 1,
          });
        }
      }
      return { raters: totalRaters, agencies: agencies.map((a) => ({ ...a })), cells, pairs };
    },
    "No partner ratings",
  );
}

// ---------------------------------------------------------------------------------------------
// The round
// ---------------------------------------------------------------------------------------------

/**
 * Scores a round: every figure of the results report, with small numbers already suppressed.
 *
 * @example
 * const result = scoreRound({
 *   responses: [{ id: "r1", questionnaire: "professional", respondentLevel: "team", agencyType: "health",
 *                 agencyId: "a1", familyGroup: null, answers: { vision__goals: 4 } }, ...],
 *   items: readScoredItems(professionalSurvey),
 *   familyItems: readScoredItems(familySurvey),
 *   markers: readMarkers(continuumSurvey),
 *   agencies: [{ id: "a1", name: "Northshire Council", type: "social_work" }],
 *   threshold: 5,
 * });
 * if (result.status === "ok" && result.professional.status === "ok") {
 *   for (const c of result.professional.components) console.log(c.component, c.overall);
 * }
 */
export function scoreRound(input: ScoreRoundInput): RoundResult {
  const threshold = resolveThreshold(input.threshold);
  const responses = input.responses;
  if (responses.length === 0) return { status: "no_data", reason: "No responses in this round", threshold };
  if (responses.length < threshold) return { ...suppressedMarker(threshold), threshold };

  const professional = responses.filter((r) => r.questionnaire === "professional");
  const short = responses.filter((r) => r.questionnaire === "short");
  const family = responses.filter((r) => r.questionnaire === "family");
  const staff = responses.filter((r) => r.questionnaire !== "family");

  const byQuestionnaire = suppressCounts(
    QUESTIONNAIRE_KINDS,
    { professional: professional.length, short: short.length, family: family.length },
    responses.length,
    threshold,
    // Each section prints its own size, so the complementary cell is the round total.
    "total",
  );
  const respondents: RespondentCounts = {
    total: byQuestionnaire.total,
    byQuestionnaire: byQuestionnaire.groups,
    byLevel: suppressCounts(LEVEL_KEYS, tally(LEVEL_KEYS, staff, levelOf), staff.length, threshold).groups,
    byAgencyType: suppressCounts(AGENCY_TYPE_KEYS, tally(AGENCY_TYPE_KEYS, staff, agencyTypeOf), staff.length, threshold)
      .groups,
    byFamilyGroup: suppressCounts(FAMILY_GROUPS, tally(FAMILY_GROUPS, family, familyGroupOf), family.length, threshold)
      .groups,
  };

  return {
    status: "ok",
    threshold,
    respondents,
    professional: scoreProfessional(professional, input.items, threshold),
    shortForm: scoreShortForm(short, input.items, threshold),
    family: scoreFamily(family, input.familyItems ?? [], threshold),
    continuum: scoreContinuum(staff, input.markers, threshold),
    partners: scorePartners(staff, input.agencies, threshold),
  };
}

/** Item score on the 0-100 scale for one raw answer, or null for "don't know" / invalid. Exported for the results page's explanations and tests. */
export function itemScore(raw: unknown, polarity: Polarity): number | null {
  const v = itemValue(raw, polarity === "barrier");
  return v >= 0 ? v / TWELFTHS : null;
}
