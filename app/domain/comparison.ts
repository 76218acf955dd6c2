/**
 * Comparing areas (the commissioner view): published figures from aggregates the database
 * has already summed, plus the reading aids a comparison needs (which areas cannot be told
 * apart, the benchmark across sharing areas).
 *
 * Why a second path beside scoreRound: comparing 400 areas would mean loading millions of
 * answers into JavaScript, so the database computes each respondent's component score and
 * sums them per area (n, sum, sum of squares). This module turns those sums into the same
 * figures scoreRound publishes (score, band, n, SD, 95% CI by Student's t) under the same
 * suppression rules, by calling the suppression module's own gates. The integration tests
 * check both paths agree on the same data. Medians, agreement and split need every
 * respondent's score and are not part of the comparison (the results page has them).
 *
 * Plain TypeScript, no framework or database imports.
 */
import { bandFor, type BandKey } from "./framework";
import { gapToTarget, judgeMarker, placeOnContinuum, type Placement } from "./continuum";
import { ci95OfMean, histogramMedian, meanAndSdFromMoments, quantileType7, round1, type Moments } from "./statistics";
import {
  guardFigure,
  noData,
  planBreakdown,
  secondarySuppressedMarker,
  suppressedMarker,
  type Figure,
} from "./suppression";

export { NO_MOMENTS, addMoments, type Moments } from "./statistics";
export type { StageRef } from "./continuum";

export interface CompareScore {
  /** Mean of respondents' scores, 0-100, one decimal place. */
  score: number;
  band: BandKey;
  n: number;
  sd: number;
  ci95: { low: number; high: number };
}
export type CompareFigure = Figure<CompareScore>;

/**
 * A published score from summed respondent scores: no_data for nobody, suppressed below the
 * threshold (the suppression module's gate), otherwise mean, band (read from the rounded
 * score), SD and the 95% CI of the mean clipped to 0-100.
 *
 * @example
 * scoreFromMoments({ n: 3, sum: 150, sumSq: 7700 }, 5) // { status: "suppressed", reason: "Fewer than 5 respondents" }
 * scoreFromMoments({ n: 6, sum: 300, sumSq: 15500 }, 5) // { status: "ok", score: 50, band: "borderline", n: 6, sd: 10, ci95: {...} }
 */
export function scoreFromMoments(m: Moments, threshold: number): CompareFigure {
  return guardFigure(m.n, threshold, () => {
    const { mean, sd } = meanAndSdFromMoments(m);
    const score = round1(mean);
    return { score, band: bandFor(score), n: m.n, sd: round1(sd), ci95: ci95OfMean(mean, sd, m.n) };
  });
}

/**
 * One group of a breakdown (the respondents at one level, or of one agency type), published
 * only when the whole breakdown allows it: primary suppression below the threshold, and
 * secondary suppression when the hidden groups (plus those in no group) could otherwise be
 * worked out from the total (planBreakdown, as scoreRound applies it). A filter in the
 * comparison is such a breakdown read one group at a time, so looking at each group in turn
 * cannot reveal more than the full breakdown would.
 *
 * @example
 * // total 20 = team 12 + organisation 6 + local authority 2: organisation is hidden too.
 * breakdownFigure({ team: t12, organisation: o6, local_authority: l2 }, total20, "organisation", 5)
 * // { status: "suppressed", reason: "Hidden so that a figure for fewer than 5 respondents cannot be worked out from the total" }
 */
export function breakdownFigure<K extends string>(
  keys: readonly K[],
  groups: Readonly<Partial<Record<K, Moments>>>,
  totalN: number,
  key: K,
  threshold: number,
): CompareFigure {
  const plan = planBreakdown(
    keys.map((k) => ({ key: k, n: groups[k]?.n ?? 0 })),
    totalN,
    threshold,
  );
  switch (plan.get(key)) {
    case "publish":
      return scoreFromMoments(groups[key]!, threshold);
    case "primary":
      return suppressedMarker(threshold);
    case "secondary":
      return secondarySuppressedMarker(threshold);
    default:
      return noData("No answers");
  }
}

// ---------------------------------------------------------------------------------------------
// The continuum, from counts of answers
// ---------------------------------------------------------------------------------------------

export interface MarkerCounts {
  key: string;
  stage: 1 | 2 | 3 | 4 | 5;
  yes: number;
  partly: number;
  no: number;
}

export interface ContinuumSummary {
  placement: Figure<Placement>;
  target: Figure<{ median: number; n: number }>;
  gap: Figure<{ gap: number }>;
}

/**
 * Places an area on the continuum from counts of marker answers, by the one rule of
 * ./continuum.ts (docs/scoring.md, "The continuum of integration"), which scoreRound applies
 * to raw answers: a marker is met when yes = 1, partly = 0.5, no = 0 average at least 0.5 over
 * at least `threshold` raters; a stage is met when all its markers are; the current stage is
 * the highest with every stage below it met (cumulative, after Minkman). The target stage is the
 * median of the stages respondents want. `respondents` is the number of staff who answered
 * any continuum question: below the threshold, nothing is shown.
 */
export function continuumFromCounts(input: {
  markers: readonly MarkerCounts[];
  respondents: number;
  /** Respondents choosing each target stage 0..5. */
  target: readonly number[];
  threshold: number;
}): ContinuumSummary {
  const { markers, respondents, threshold } = input;
  if (respondents <= 0) {
    const none = noData("No answers to the continuum questions");
    return { placement: none, target: none, gap: none };
  }
  if (respondents < threshold) {
    const hidden = suppressedMarker(threshold);
    return { placement: hidden, target: hidden, gap: hidden };
  }
  const placement = placeOnContinuum(
    markers.map((m) => ({ stage: m.stage, judgement: judgeMarker(m, threshold) })),
    threshold,
  );
  const targetN = input.target.reduce((a, b) => a + b, 0);
  const target = guardFigure(targetN, threshold, () => ({ median: histogramMedian(input.target), n: targetN }));
  const fullGap = gapToTarget(placement, target, threshold);
  const gap: ContinuumSummary["gap"] = fullGap.status === "ok" ? { status: "ok", gap: fullGap.gap } : fullGap;
  return { placement, target, gap };
}

// ---------------------------------------------------------------------------------------------
// Reading a ranking honestly
// ---------------------------------------------------------------------------------------------

export interface RankedArea {
  id: string;
  score: number;
  low: number;
  high: number;
}

/**
 * Ranks areas on one component and groups those that cannot be told apart: walking down from
 * the highest score, an area joins the current group while its 95% interval overlaps the
 * interval of the group's first (highest) area; otherwise it starts a new group. Areas in one
 * group are not presented as different from each other. Overlapping intervals are a cautious
 * test (two means can differ significantly with slightly overlapping intervals), which is the
 * right side to err on when ranking public services.
 *
 * @example
 * overlapGroups([{ id: "a", score: 80, low: 75, high: 85 }, { id: "b", score: 76, low: 70, high: 82 }, { id: "c", score: 50, low: 45, high: 55 }])
 * // [[a, b], [c]]
 */
export function overlapGroups<T extends RankedArea>(areas: readonly T[]): T[][] {
  const sorted = [...areas].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups: T[][] = [];
  for (const area of sorted) {
    const group = groups[groups.length - 1];
    const leader = group?.[0];
    if (group && leader && area.high >= leader.low) group.push(area);
    else groups.push([area]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Benchmark
// ---------------------------------------------------------------------------------------------

/** The benchmark is shown once at least this many areas share their results (and have a figure). */
export const BENCHMARK_MIN_AREAS = 5;

export type Benchmark = Figure<{ median: number; q1: number; q3: number; areas: number }>;

/**
 * Median and interquartile range of areas' published scores (each area's figure already
 * passed suppression, so hidden figures never enter the benchmark). Withheld below
 * BENCHMARK_MIN_AREAS areas: with fewer, the benchmark would nearly identify each area.
 *
 * @example
 * benchmarkOf([40, 50, 60, 70, 80]) // { status: "ok", median: 60, q1: 50, q3: 70, areas: 5 }
 */
export function benchmarkOf(scores: readonly number[]): Benchmark {
  if (scores.length === 0) return noData("No area has a figure to compare");
  if (scores.length < BENCHMARK_MIN_AREAS) {
    return { status: "suppressed", reason: `Shown once at least ${BENCHMARK_MIN_AREAS} areas share a figure` };
  }
  const sorted = [...scores].sort((a, b) => a - b);
  return {
    status: "ok",
    median: round1(quantileType7(sorted, 0.5)),
    q1: round1(quantileType7(sorted, 0.25)),
    q3: round1(quantileType7(sorted, 0.75)),
    areas: sorted.length,
  };
}
