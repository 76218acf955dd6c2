/**
 * The types of scoring: what scoreRound takes (responses, the questionnaire's items and
 * markers, the agencies, the threshold) and every figure it returns. The rules that fill them
 * are in the sibling modules; docs/scoring.md explains each figure to a partnership lead.
 */
import type { AgencyTypeKey, BandKey, ComponentKey, LevelKey, Polarity, StageKey, StageNumber } from "../framework";
import type { FamilyGroup, MarkerItem, ScoredItem } from "../instrument";
import type { EntryModeKey } from "../entry-modes";
import type { StageRef, StageStatus, Placement } from "../continuum";
import type { CountFigure, Figure, NoData } from "../suppression";
import type { AnswersOf } from "./answers";

export type { CountFigure, Figure, NoData, Suppressed } from "../suppression";
export type { Placement, StageRef, StageStatus } from "../continuum";

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
  /** How the response came in (issue 24); absent means online. */
  entryMode?: EntryModeKey | null;
  /** The team within the respondent's organisation (`agencyId`), from their invitation link (issue 18). */
  teamId?: string | null;
  /**
   * Raw answers by question name (see instrument.ts): 1..5 for facilitators, 1..4 for barriers,
   * "yes" | "partly" | "no" for markers, 0..5 for stage questions, "dont_know" anywhere.
   * A value of the wrong type or out of range is treated as unanswered.
   */
  answers: AnswersOf;
}

/** A member agency of the partnership. */
export interface AgencyInput {
  id: string;
  name: string;
  type: AgencyTypeKey;
}

/** A team a lead defined within a member agency (an organisation). */
export interface TeamInput {
  id: string;
  agencyId: string;
  name: string;
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
  /** Teams within the agencies, for the team views (none: organisation views only). */
  teams?: readonly TeamInput[];
  /** Suppression threshold; default 5; below 3 throws (see resolveThreshold). */
  threshold?: number;
  /**
   * What earlier published snapshots of the same round showed: the responses each was made
   * from and the groups it published (see publishedGroups). Their groups are planned jointly
   * with this result's, so that nobody can difference two snapshots.
   */
  earlier?: readonly EarlierPublication[];
}

/** One earlier snapshot of a round, as the joint plan of a later one needs it. */
export interface EarlierPublication {
  responseIds: readonly string[];
  /** The result that snapshot published. */
  result: RoundResult;
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
  /**
   * 95% confidence interval of the mean, built on the logit scale so that it stays inside 0-100
   * (see ../statistics ci95OfMean). Not meaningful below CI_MIN_N respondents.
   */
  ci95: { low: number; high: number };
  median: number;
  /** Agreement index: share (0-1) of answers within one scale point of their item's median, item by item. */
  agreement: number;
  /** One scale point on the 0-100 scale, averaged over the figure's items (each item is judged on its own step). */
  agreementBand: number;
  /**
   * Views too divided for one figure to stand for the group: at least half of the figure's
   * items are split, an item being split when a third or more of its answers, and at least two,
   * fall outside one scale point of its median (SCIROCCO's consensus rule, applied per item).
   */
  split: boolean;
  /** How many of the figure's answered items are split. */
  splitItems: { split: number; of: number };
  /** "Don't know / not applicable" answers given by this group to these items. */
  dontKnow: number;
  /**
   * Respondents who gave at least one real answer (not "don't know") to these items but are not
   * counted here, because of the half rule (of the component, or of this sub-score).
   */
  leftOut: number;
}
export type ScoreFigure = Figure<ScoreSummary>;

/**
 * Cronbach's alpha over respondents who answered every item of the component (`n` of them: a
 * different, usually smaller group than the score's), with Feldt's 95% interval.
 */
export type Alpha =
  | { status: "ok"; value: number; n: number; items: number; ci95: { low: number; high: number } }
  | { status: "not_computed"; reason: string };

/**
 * Difference between the highest- and lowest-scoring respondent levels, among levels that can be
 * shown, with Welch's interval (Bonferroni-widened for the pairs that could have been picked:
 * `ci.confidence`); `clear` when the interval excludes 0.
 */
export type PerceptionGap =
  | {
      status: "ok";
      gap: number;
      highest: { level: LevelKey; score: number };
      lowest: { level: LevelKey; score: number };
      ci: { low: number; high: number; confidence: number };
      clear: boolean;
    }
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

export interface MarkerResult {
  key: string;
  title: string;
  stage: 1 | 2 | 3 | 4 | 5;
  /**
   * mean of yes = 1, partly = 0.5, no = 0 ("don't know" left out) and its 90% Wilson interval;
   * met when the interval is at or above 0.5, not met when below, uncertain when it straddles 0.5.
   */
  figure: Figure<{
    mean: number;
    n: number;
    met: boolean;
    verdict: "met" | "not_met" | "uncertain";
    interval90: { low: number; high: number };
  }>;
  dontKnow: number;
}

export interface StageResult extends StageRef {
  status: StageStatus;
  markers: number;
  markersMet: number;
  markersUncertain: number;
}

export interface StageDistribution {
  n: number;
  median: number;
  counts: { stage: StageNumber; key: StageKey; count: CountFigure }[];
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
  /** All respondents by how their response came in (issue 24); absent in snapshots made before. */
  byMode?: Record<EntryModeKey, CountFigure>;
}

/** One component's score for an organisation or a team. */
export interface GroupComponent {
  component: ComponentKey;
  overall: ScoreFigure;
}

/**
 * The report filtered to one organisation (member agency) or one team: its staff respondents
 * and each component's overall score, suppressed jointly with every figure of the round
 * (docs/scoring.md, "Organisation and team views").
 */
export interface GroupView {
  /** The agency's id (organisation views) or the team's id (team views). */
  key: string;
  /** The organisation the group belongs to (itself for an organisation view). */
  organisation: string;
  respondents: CountFigure;
  components: GroupComponent[];
}

export interface GroupViews {
  organisations: GroupView[];
  teams: GroupView[];
}

export interface RoundFigures {
  threshold: number;
  /** Organisation and team views (issue 18); absent in snapshots made before, or with no member agencies. */
  groups?: GroupViews;
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
