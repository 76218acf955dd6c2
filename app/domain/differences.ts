/**
 * How sure the report can be that two published scores differ: Welch's interval of the
 * difference of two means from independent groups of people (two rounds, two agencies, families
 * and professionals). Reads the published summaries only (score, SD, n), so a hidden group never
 * takes part. Plain TypeScript, no framework imports. docs/scoring.md, "Is a difference real?".
 */
import { round1, welchInterval, CI_MIN_N } from "./statistics";
import type { ScoreFigure } from "./scoring";

/** A published score as the comparison needs it. */
export interface ScoreMoments {
  score: number;
  n: number;
  /** Missing in figures stored before SDs were published: no interval can then be given. */
  sd?: number;
}

export interface ScoreDifference {
  /** a minus b, one decimal place. */
  difference: number;
  /** Welch's interval of a minus b at `confidence`, one decimal place; null when it cannot be computed. */
  interval: { low: number; high: number; confidence: number } | null;
  /**
   * The interval excludes 0: the data support a difference. False when it includes 0, when
   * either group is smaller than CI_MIN_N, or when no interval can be computed.
   */
  clear: boolean;
}

/**
 * The difference a - b of two independent groups' scores and whether it is clear.
 *
 * @example
 * scoreDifference({ score: 70, sd: 15, n: 30 }, { score: 60, sd: 15, n: 30 })
 * // { difference: 10, interval: { low: 2.2, high: 17.8, confidence: 0.95 }, clear: true }
 * scoreDifference({ score: 63, sd: 20, n: 10 }, { score: 60, sd: 20, n: 10 })
 * // { difference: 3, interval: { low: -15.8, high: 21.8, confidence: 0.95 }, clear: false }
 */
export function scoreDifference(a: ScoreMoments, b: ScoreMoments, confidence = 0.95): ScoreDifference {
  const difference = round1(a.score - b.score);
  if (typeof a.sd !== "number" || typeof b.sd !== "number" || !Number.isFinite(a.sd) || !Number.isFinite(b.sd)) {
    return { difference, interval: null, clear: false };
  }
  const w = welchInterval({ n: a.n, mean: a.score, sd: a.sd }, { n: b.n, mean: b.score, sd: b.sd }, confidence);
  if (!Number.isFinite(w.df)) return { difference, interval: null, clear: false };
  const interval = { low: round1(w.low), high: round1(w.high), confidence };
  const enough = a.n >= CI_MIN_N && b.n >= CI_MIN_N;
  return { difference, interval, clear: enough && (w.low > 0 || w.high < 0) };
}

export interface GroupGap<K extends string> {
  highest: { group: K; score: number };
  lowest: { group: K; score: number };
  /** Highest minus lowest, with an interval widened for every pair that could have been picked. */
  gap: ScoreDifference;
}

/**
 * The largest gap between the groups of a breakdown that can be shown (agencies, levels): the
 * highest- minus the lowest-scoring group. Both are picked after looking at the scores, so the
 * interval is a Bonferroni-widened one, a 95% family over the m(m-1)/2 pairs of m groups shown,
 * as the perception gap's is (docs/scoring.md). Null when fewer than two groups can be shown.
 *
 * @example
 * largestGroupGap({ health: ok(48, 12, 20), social_work: ok(71, 14, 25), police: suppressed })
 * // { highest: { group: "social_work", score: 71 }, lowest: { group: "health", score: 48 }, gap: { difference: 23, clear: true, ... } }
 */
export function largestGroupGap<K extends string>(figures: Partial<Record<K, ScoreFigure>>): GroupGap<K> | null {
  const shown = (Object.entries(figures) as [K, ScoreFigure | undefined][]).flatMap(([group, f]) =>
    f && f.status === "ok" ? [{ group, f }] : [],
  );
  if (shown.length < 2) return null;
  let hi = shown[0]!;
  let lo = shown[0]!;
  for (const s of shown) {
    if (s.f.score > hi.f.score) hi = s;
    if (s.f.score < lo.f.score) lo = s;
  }
  if (hi === lo) lo = shown.find((s) => s !== hi)!;
  const pairs = (shown.length * (shown.length - 1)) / 2;
  const confidence = Math.round((1 - 0.05 / pairs) * 10000) / 10000;
  return {
    highest: { group: hi.group, score: hi.f.score },
    lowest: { group: lo.group, score: lo.f.score },
    gap: scoreDifference(hi.f, lo.f, confidence),
  };
}
