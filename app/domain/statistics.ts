/**
 * The statistics every figure is built from, written once: rounding for publication, mean and
 * standard deviation (from values or from summed moments), the t and F distributions (from the
 * incomplete beta function), the 95% confidence interval of a mean on the bounded 0-100 scale
 * (logit), Welch's interval of a difference, Feldt's interval of Cronbach's alpha, Wilson's
 * interval of a proportion, the median of sorted values or a histogram, and the type-7 quantile.
 * docs/scoring.md says why each method was chosen; the unit tests hold SciPy's values.
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

/**
 * ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients: about 15 significant digits), the
 * building block of the beta function below.
 */
function lnGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = g[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += g[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes, betacf). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/**
 * The regularised incomplete beta function I_x(a, b): the distribution function of a Beta(a, b)
 * variable, from which Student's t and Fisher's F follow. Checked against SciPy's
 * `scipy.special.betainc` in the unit tests.
 *
 * @example
 * regularizedBeta(0.5, 2, 2) // 0.5
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The p-quantile of Beta(a, b), by bisection on I_x(a, b) (monotone, so it cannot fail to converge). */
function betaQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const tCache = new Map<string, number>();

/**
 * The p-quantile of Student's t with `df` degrees of freedom (any real df > 0, as Welch's
 * interval needs), from the incomplete beta function. Agrees with SciPy's `stats.t.ppf` (and
 * R's `qt`) to at least 8 significant digits; see the unit tests.
 *
 * @example
 * tQuantile(0.975, 10)   // 2.228139
 * tQuantile(0.95, 7.5)   // 1.875747
 */
export function tQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Student's t needs a positive number of degrees of freedom (got ${df})`);
  if (!(p > 0 && p < 1)) throw new RangeError(`A quantile needs 0 < p < 1 (got ${p})`);
  if (p === 0.5) return 0;
  const key = `${p}:${df}`;
  const cached = tCache.get(key);
  if (cached !== undefined) return cached;
  // P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2); solve for the two-sided tail 2(1-p).
  const tail = 2 * Math.min(p, 1 - p);
  const x = betaQuantile(tail, df / 2, 0.5);
  const t = Math.sqrt((df * (1 - x)) / x);
  const q = p > 0.5 ? t : -t;
  if (tCache.size < 10_000) tCache.set(key, q);
  return q;
}

/**
 * Student's t, 97.5% quantile, for a two-sided 95% confidence interval.
 *
 * @example
 * tQuantile975(10)   // 2.228139
 * tQuantile975(1000) // 1.962339
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`Student's t needs at least one degree of freedom (got ${df})`);
  return tQuantile(0.975, df);
}

/**
 * The p-quantile of Fisher's F with (d1, d2) degrees of freedom, for Feldt's interval of
 * Cronbach's alpha. Agrees with SciPy's `stats.f.ppf`; see the unit tests.
 *
 * @example
 * fQuantile(0.975, 9, 18) // 2.929112
 */
export function fQuantile(p: number, d1: number, d2: number): number {
  if (!(d1 > 0 && d2 > 0)) throw new RangeError(`F needs positive degrees of freedom (got ${d1}, ${d2})`);
  const x = betaQuantile(p, d1 / 2, d2 / 2);
  return (d2 * x) / (d1 * (1 - x));
}

/**
 * Below this many respondents a 95% interval of a mean says little more than "anywhere on the
 * scale": at n = 3 and 4 Student's t is 4.30 and 3.18, so even a modest spread covers most of
 * 0-100. Intervals are still computed there (the figure itself may be shown from the
 * suppression threshold up, which can be 3) but the report writes "too few to tell".
 */
export const CI_MIN_N = 5;

/**
 * The 95% confidence interval of a mean score on the bounded 0-100 scale, built on the logit
 * scale and transformed back (the delta method: logit(p) ± t(n-1) × se / (p (1 - p)), with
 * p = mean / 100 and se = sd / (100 √n)). Unlike the plain t interval it cannot leave 0-100, so
 * it never needs clipping, and it is asymmetric near the ends of the scale, as the uncertainty
 * of a bounded mean is: a mean of 95 cannot be 10 points too low and 10 too high alike.
 * A mean at 0 or 100 (everyone gave the same extreme answer, sd = 0) and a single value have no
 * interval beyond the value itself. Rounded to one decimal place.
 *
 * @example
 * ci95OfMean(50, 10, 6) // { low: 39.7, high: 60.3 }
 * ci95OfMean(95, 10, 4) // { low: 40, high: 99.8 }  (the plain t interval would be 79.1 to 110.9)
 */
export function ci95OfMean(mean: number, sd: number, n: number): { low: number; high: number } {
  const p = mean / 100;
  if (n < 2 || sd <= 0 || p <= 0 || p >= 1) return { low: round1(mean), high: round1(mean) };
  const centre = Math.log(p / (1 - p));
  const half = (tQuantile975(n - 1) * (sd / 100 / Math.sqrt(n))) / (p * (1 - p));
  const back = (x: number) => 100 / (1 + Math.exp(-x));
  return { low: round1(back(centre - half)), high: round1(back(centre + half)) };
}

/**
 * Welch's confidence interval for the difference of two means (a - b) with unequal variances,
 * with the Welch-Satterthwaite degrees of freedom. `confidence` is two-sided (0.95 for a 95%
 * interval). Unrounded.
 *
 * @example
 * welchInterval({ n: 5, mean: 80, sd: 10 }, { n: 6, mean: 60, sd: 15 }, 0.95)
 * // { difference: 20, low: 2.75, high: 37.25, df: 8.67 } (to two decimals)
 */
export function welchInterval(
  a: { n: number; mean: number; sd: number },
  b: { n: number; mean: number; sd: number },
  confidence: number,
): { difference: number; low: number; high: number; df: number } {
  const difference = a.mean - b.mean;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (a.n < 2 || b.n < 2 || se === 0) return { difference, low: difference, high: difference, df: NaN };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = tQuantile(1 - (1 - confidence) / 2, df) * se;
  return { difference, low: difference - half, high: difference + half, df };
}

/**
 * Feldt's (1965) confidence interval of Cronbach's alpha from n respondents and k items:
 * 1 - (1 - alpha) F(1 - c/2; n-1, (n-1)(k-1)) to 1 - (1 - alpha) F(c/2; n-1, (n-1)(k-1)), with
 * c = 1 - confidence. Unrounded.
 *
 * @example
 * feldtInterval(0.8, 20, 5, 0.95) // { low: 0.617, high: 0.911 } (to three decimals)
 */
export function feldtInterval(alpha: number, n: number, k: number, confidence: number): { low: number; high: number } {
  const d1 = n - 1;
  const d2 = (n - 1) * (k - 1);
  const tail = (1 - confidence) / 2;
  return {
    low: 1 - (1 - alpha) * fQuantile(1 - tail, d1, d2),
    high: 1 - (1 - alpha) * fQuantile(tail, d1, d2),
  };
}

/**
 * Wilson's score interval for a proportion p observed over n answers, with z the normal quantile
 * of the wanted confidence (1.6449 for a 90% interval: two one-sided 95% bounds). Unrounded.
 *
 * @example
 * wilsonInterval(0.8, 5, 1.6448536) // { low: 0.4353, high: 0.9540 } (to four decimals)
 */
export function wilsonInterval(p: number, n: number, z: number): { low: number; high: number } {
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
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
export function meanAndSd(
  values: ArrayLike<number>,
  counts: ArrayLike<number> | null,
): { n: number; mean: number; sd: number } {
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
export function histogramMedian(
  hist: ArrayLike<number>,
  n: number = Array.from(hist).reduce((a, b) => a + b, 0),
): number {
  return medianOfSorted(
    Array.from(hist, (_, stage) => stage),
    hist,
    n,
  );
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
