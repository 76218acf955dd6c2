/**
 * The statistics every figure is built from, written once: rounding for publication, mean and
 * standard deviation (from values or from summed moments), Student's t and the 95% confidence
 * interval of a mean, the median of sorted values or a histogram, and the type-7 quantile.
 *
 * Used by the scoring of a round (./scoring), the comparison of areas (./comparison), the
 * workshop spread (./workshop) and the change between rounds (./round-comparison), so the
 * same data gives the same figure whichever path computes it.
 *
 * Plain TypeScript, no imports.
 */

/** Rounds to one decimal place, as scores, SDs and intervals are published. */
export const round1 = (x: number) => Math.round(x * 10) / 10;
/** Rounds to two decimal places, as agreement, alpha and marker means are published. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/** Two-sided 95% (97.5% one-sided) quantiles of Student's t for 1..30 degrees of freedom, to three decimals. */
const T975 = [
  NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * Student's t, 97.5% quantile, for a two-sided 95% confidence interval: the printed table
 * (three decimals) up to 30 degrees of freedom, beyond that a Cornish-Fisher expansion around
 * the normal quantile (within 0.00001 of R's `qt(0.975, df)`). The unit tests check both
 * against R at several degrees of freedom.
 *
 * @example
 * tQuantile975(10)   // 2.228
 * tQuantile975(1000) // 1.96234
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`Student's t needs at least one degree of freedom (got ${df})`);
  if (df <= 30) return T975[Math.floor(df)]!;
  const z = 1.959964;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

/**
 * The 95% confidence interval of a mean on the 0-100 score scale: mean ± t(n-1) × sd / √n,
 * clipped to 0-100 and rounded to one decimal place. A single value has no interval beyond
 * itself.
 *
 * @example
 * ci95OfMean(50, 10, 6) // { low: 39.5, high: 60.5 }  (t(5) = 2.571)
 */
export function ci95OfMean(mean: number, sd: number, n: number): { low: number; high: number } {
  const half = n > 1 ? (tQuantile975(n - 1) * sd) / Math.sqrt(n) : 0;
  return { low: round1(Math.max(0, mean - half)), high: round1(Math.min(100, mean + half)) };
}

/**
 * Mean and sample standard deviation (n - 1) of values with optional counts (weights), so a
 * histogram and a list of scores go through the same arithmetic. Two passes, in the order
 * given: pass sorted values and the result does not depend on the order respondents arrived in.
 *
 * @example
 * meanAndSd([0, 50, 100], null)   // { n: 3, mean: 50, sd: 50 }
 * meanAndSd([25, 75], [3, 1])      // { n: 4, mean: 37.5, sd: 25 }
 */
export function meanAndSd(values: ArrayLike<number>, counts: ArrayLike<number> | null): { n: number; mean: number; sd: number } {
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
  return { n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/** What a database sums for one group of values: their count, their sum and the sum of their squares. */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export const NO_MOMENTS: Moments = { n: 0, sum: 0, sumSq: 0 };

export function addMoments(a: Moments, b: Moments): Moments {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq };
}

/**
 * Mean and sample standard deviation from summed moments (one pass, as SQL sums them).
 *
 * @example
 * meanAndSdFromMoments({ n: 6, sum: 300, sumSq: 15500 }) // { n: 6, mean: 50, sd: 10 }
 */
export function meanAndSdFromMoments(m: Moments): { n: number; mean: number; sd: number } {
  const mean = m.sum / m.n;
  // Sums of squares of 0-100 scores lose nothing that shows at one decimal place.
  const variance = m.n > 1 ? Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1)) : 0;
  return { n: m.n, mean, sd: Math.sqrt(variance) };
}

/**
 * Median of sorted values with optional counts: the mean of the values at ranks
 * floor((n-1)/2) and ceil((n-1)/2).
 *
 * @example
 * medianOfSorted([10, 20, 30, 40], null) // 25
 * medianOfSorted([0, 50], [1, 2])        // 50
 */
export function medianOfSorted(
  values: ArrayLike<number>,
  counts: ArrayLike<number> | null,
  n: number = counts ? Array.from(counts).reduce((a, b) => a + b, 0) : values.length,
): number {
  const lowRank = Math.floor((n - 1) / 2);
  const highRank = Math.ceil((n - 1) / 2);
  let low = 0;
  let high = 0;
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    const next = seen + (counts ? counts[i]! : 1);
    if (lowRank >= seen && lowRank < next) low = values[i]!;
    if (highRank >= seen && highRank < next) {
      high = values[i]!;
      break;
    }
    seen = next;
  }
  return (low + high) / 2;
}

/**
 * Median of a histogram of stages 0..5 (counts by stage; the mean of the two middle ranks).
 *
 * @example
 * histogramMedian([0, 1, 2, 0, 1, 0]) // 2
 */
export function histogramMedian(hist: ArrayLike<number>, n: number = Array.from(hist).reduce((a, b) => a + b, 0)): number {
  return medianOfSorted(Array.from(hist, (_, stage) => stage), hist, n);
}

/**
 * The p-quantile of sorted numbers by linear interpolation between order statistics (R's
 * type 7, Excel's QUARTILE.INC).
 *
 * @example
 * quantileType7([1, 2, 2, 3, 5], 0.75) // 3
 * quantileType7([40, 50, 60, 70], 0.5)  // 55
 */
export function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
