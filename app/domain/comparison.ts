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
import { STAGES, bandFor, type BandKey, type StageKey, type StageNumber } from "./framework";
import {
  guardFigure,
  noData,
  planBreakdown,
  secondarySuppressedMarker,
  suppressedMarker,
  type Figure,
} from "./suppression";
import { histogramMedian, tQuantile975 } from "./scoring";

/** What the database sums for one group of respondents: their count, the sum of their scores and of the squares. */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export const NO_MOMENTS: Moments = { n: 0, sum: 0, sumSq: 0 };

export function addMoments(a: Moments, b: Moments): Moments {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq };
}

export interface CompareScore {
  /** Mean of respondents' scores, 0-100, one decimal place. */
  score: number;
  band: BandKey;
  n: number;
  sd: number;
  ci95: { low: number; high: number };
}
export type CompareFigure = Figure<CompareScore>;

const round1 = (x: number) => Math.round(x * 10) / 10;


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
    const mean = m.sum / m.n;
    // Sums of squares of 0-100 scores lose nothing that shows at one decimal place.
    const variance = m.n > 1 ? Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1)) : 0;
    const sd = Math.sqrt(variance);
    const half = m.n > 1 ? (tQuantile975(m.n - 1) * sd) / Math.sqrt(m.n) : 0;
    const score = round1(mean);
    return {
      score,
      band: bandFor(score),
      n: m.n,
      sd: round1(sd),
      ci95: { low: round1(Math.max(0, mean - half)), high: round1(Math.min(100, mean + half)) },
    };
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

export interface StageRef {
  stage: StageNumber;
  key: StageKey;
  name: string;
}

export interface ContinuumSummary {
  placement: Figure<{ current: StageRef; nonCumulative: StageRef[]; lowerBound: boolean }>;
  target: Figure<{ median: number; n: number }>;
  gap: Figure<{ gap: number }>;
}

const stageRef = (s: number): StageRef => {
  const { stage, key, name } = STAGES[s]!;
  return { stage, key, name };
};


/**
 * Places an area on the continuum from counts of marker answers, by the rules of
 * docs/scoring.md ("The continuum of integration"), which scoreRound applies to raw answers:
 * a marker is met when yes = 1, partly = 0.5, no = 0 average at least 0.5 over at least
 * `threshold` raters; a stage is met when all its markers are; the current stage is the
 * highest with every stage below it met (cumulative, after Minkman). The target stage is the
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
  const judged = markers.map((m) => {
    const n = m.yes + m.partly + m.no;
    // mean >= 0.5  <=>  2 yes + partly >= n, in whole numbers.
    return { stage: m.stage, status: n === 0 ? "no_data" : n < threshold ? "suppressed" : 2 * m.yes + m.partly >= n ? "met" : "not_met" };
  });
  const stages = [1, 2, 3, 4, 5].map((s) => {
    const own = judged.filter((m) => m.stage === s);
    const met = own.filter((m) => m.status === "met").length;
    const failed = own.filter((m) => m.status === "not_met").length;
    return own.length === 0 ? "no_markers" : failed > 0 ? "not_met" : met === own.length ? "met" : "unknown";
  });
  let placement: ContinuumSummary["placement"];
  if (markers.length === 0) placement = noData("The questionnaire has no continuum markers");
  else if (!judged.some((m) => m.status === "met" || m.status === "not_met")) {
    placement = judged.some((m) => m.status === "suppressed") ? suppressedMarker(threshold) : noData("No marker answers");
  } else {
    let current = 0;
    while (current < 5 && stages[current] === "met") current++;
    placement = {
      status: "ok",
      current: stageRef(current),
      nonCumulative: stages.flatMap((status, i) => (i + 1 > current && status === "met" ? [stageRef(i + 1)] : [])),
      lowerBound: current < 5 && stages[current] === "unknown",
    };
  }
  const targetN = input.target.reduce((a, b) => a + b, 0);
  const target = guardFigure(targetN, threshold, () => ({ median: histogramMedian(input.target), n: targetN }));
  const gap: ContinuumSummary["gap"] =
    placement.status === "ok" && target.status === "ok"
      ? { status: "ok", gap: target.median - placement.current.stage }
      : placement.status === "suppressed" || target.status === "suppressed"
        ? suppressedMarker(threshold)
        : noData("Needs both a placement and a target");
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

/** Quantile by linear interpolation between order statistics (R type 7, Excel QUARTILE.INC). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

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
  return { status: "ok", median: round1(quantile(sorted, 0.5)), q1: round1(quantile(sorted, 0.25)), q3: round1(quantile(sorted, 0.75)), areas: sorted.length };
}
