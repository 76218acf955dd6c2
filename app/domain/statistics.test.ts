import { describe, expect, it } from "vitest";
import {
  ci95OfMean,
  fQuantile,
  feldtInterval,
  histogramMedian,
  meanAndSd,
  meanAndSdFromMoments,
  medianOfSorted,
  quantileType7,
  round1,
  round2,
  regularizedBeta,
  tQuantile,
  tQuantile975,
  welchInterval,
  wilsonInterval,
} from "./statistics";

// Reference values in this file come from SciPy 1.17.1 (Debian's python3-scipy is older; the
// figures agree to the digits checked). Each block names the exact call that produced them.

describe("the incomplete beta function", () => {
  // python3 -c "from scipy import special; print(special.betainc(2.5,4,0.3), special.betainc(0.5,7.25,0.9))"
  it("agrees with scipy.special.betainc", () => {
    expect(regularizedBeta(0.3, 2.5, 4)).toBeCloseTo(0.3521975859067672, 12);
    expect(regularizedBeta(0.9, 0.5, 7.25)).toBeCloseTo(0.9999999878725331, 12);
  });
});

describe("Student's t quantiles", () => {
  // python3 -c "from scipy import stats; print([stats.t.ppf(0.975,d) for d in [1,2,3,4,10,29,30,31,60,1000]])"
  const reference: [df: number, q: number][] = [
    [1, 12.706204736174694],
    [2, 4.302652729749462],
    [3, 3.1824463052837078],
    [4, 2.7764451051977934],
    [10, 2.228138851986274],
    [29, 2.045229642132703],
    [30, 2.0422724563012378],
    [31, 2.039513446396408],
    [60, 2.0002978220142604],
    [1000, 1.9623390808264083],
  ];
  it.each(reference)("agrees with scipy.stats.t.ppf(0.975, %i)", (df, q) => {
    expect(tQuantile975(df)).toBeCloseTo(q, 9);
  });
  it("takes fractional degrees of freedom, as Welch's interval needs", () => {
    // python3 -c "from scipy import stats; print(stats.t.ppf(0.95,7.5), stats.t.ppf(0.99583333,8.7))"
    expect(tQuantile(0.95, 7.5)).toBeCloseTo(1.8757474792112878, 9);
    expect(tQuantile(0.99583333, 8.7)).toBeCloseTo(3.3952175090069776, 8);
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.228138851986274, 9);
  });
  it("falls towards the normal quantile as the degrees of freedom grow", () => {
    const dfs = [1, 2, 5, 10, 30, 31, 100, 10_000];
    const qs = dfs.map(tQuantile975);
    for (let i = 1; i < qs.length; i++) expect(qs[i]!).toBeLessThan(qs[i - 1]!);
    expect(tQuantile975(1_000_000)).toBeCloseTo(1.959966, 5);
  });
  it("refuses fewer than one degree of freedom", () => {
    expect(() => tQuantile975(0)).toThrow(RangeError);
  });
});

describe("Fisher's F quantiles", () => {
  // python3 -c "from scipy import stats; print(stats.f.ppf(0.975,9,18), stats.f.ppf(0.025,9,18), stats.f.ppf(0.975,19,76))"
  it("agrees with scipy.stats.f.ppf", () => {
    expect(fQuantile(0.975, 9, 18)).toBeCloseTo(2.929112493123264, 9);
    expect(fQuantile(0.025, 9, 18)).toBeCloseTo(0.27016213936232103, 9);
    expect(fQuantile(0.975, 19, 76)).toBeCloseTo(1.9131246709637064, 9);
  });
});

describe("the 95% confidence interval of a mean on the 0-100 scale (logit)", () => {
  // python3 -c "from scipy import stats, special; import numpy as np
  // f=lambda m,s,n: [100*special.expit(special.logit(m/100)+d*stats.t.ppf(0.975,n-1)*(s/100/np.sqrt(n))/((m/100)*(1-m/100))) for d in (-1,1)]
  // print([f(*a) for a in [(50,10,6),(95,10,4),(70,12,40),(20,25,5),(87.5,13.7,8)]])"
  const reference: [mean: number, sd: number, n: number, low: number, high: number][] = [
    [50, 10, 6, 39.6571, 60.3429],
    [95, 10, 4, 39.9991, 99.8157],
    [70, 12, 40, 66.0281, 73.6926],
    [20, 25, 5, 3.4677, 63.5018],
    [87.5, 13.7, 8, 71.0689, 95.2261],
  ];
  it.each(reference)("mean %d, sd %d, n %i agrees with SciPy", (mean, sd, n, low, high) => {
    expect(ci95OfMean(mean, sd, n)).toEqual({ low: round1(low), high: round1(high) });
  });
  it("stays inside 0-100 without clipping, and is lopsided near the ends of the scale", () => {
    const { low, high } = ci95OfMean(95, 10, 4);
    expect(high).toBeLessThan(100);
    expect(95 - low).toBeGreaterThan(high - 95);
  });
  it("is the value itself for a single respondent or when everyone gave the same answer", () => {
    expect(ci95OfMean(62.5, 0, 1)).toEqual({ low: 62.5, high: 62.5 });
    expect(ci95OfMean(100, 0, 7)).toEqual({ low: 100, high: 100 });
  });
});

describe("Welch's interval of a difference of means", () => {
  const a = [100, 75, 75, 50, 100];
  const b = [25, 50, 50, 75, 25, 0];
  const summary = (xs: number[]) => meanAndSd(xs, null);
  // python3 -c "from scipy import stats; r=stats.ttest_ind([100,75,75,50,100],[25,50,50,75,25,0],equal_var=False)
  // print(r.confidence_interval(0.95), r.confidence_interval(1-0.05/6), r.df)"
  it("agrees with scipy.stats.ttest_ind(equal_var=False).confidence_interval", () => {
    const w = welchInterval(summary(a), summary(b), 0.95);
    expect(w.low).toBeCloseTo(10.339469513939491, 8);
    expect(w.high).toBeCloseTo(74.66053048606051, 8);
    expect(w.df).toBeCloseTo(8.995219885277246, 9);
    const adjusted = welchInterval(summary(a), summary(b), 1 - 0.05 / 6);
    expect(adjusted.low).toBeCloseTo(-5.330920726852099, 8);
    expect(adjusted.high).toBeCloseTo(90.3309207268521, 8);
  });
  it("agrees on unequal spreads", () => {
    // python3 -c "from scipy import stats; print(stats.ttest_ind([66.7,100,75,83.3,58.3,91.7,75],[50,41.7,66.7,33.3,58.3],equal_var=False).confidence_interval(0.95))"
    const w = welchInterval(
      summary([66.7, 100, 75, 83.3, 58.3, 91.7, 75]),
      summary([50, 41.7, 66.7, 33.3, 58.3]),
      0.95,
    );
    expect(w.low).toBeCloseTo(10.526192547883308, 8);
    expect(w.high).toBeCloseTo(46.61666459497383, 8);
  });
});

describe("Feldt's interval of Cronbach's alpha", () => {
  // python3 -c "from scipy import stats; f=lambda a,n,k: (1-(1-a)*stats.f.ppf(0.975,n-1,(n-1)*(k-1)), 1-(1-a)*stats.f.ppf(0.025,n-1,(n-1)*(k-1)))
  // print(f(0.8,20,5), f(0.75,10,2), f(0.62,12,4))"
  const reference: [alpha: number, n: number, k: number, low: number, high: number][] = [
    [0.8, 20, 5, 0.6173750658072588, 0.9107940986234729],
    [0.75, 10, 2, -0.006498539570744422, 0.9379035363263863],
    [0.62, 12, 4, 0.0833393365911782, 0.877313107849395],
  ];
  it.each(reference)("alpha %d from %i respondents and %i items agrees with SciPy", (alpha, n, k, low, high) => {
    const ci = feldtInterval(alpha, n, k, 0.95);
    expect(ci.low).toBeCloseTo(low, 9);
    expect(ci.high).toBeCloseTo(high, 9);
  });
});

describe("Wilson's interval of a proportion", () => {
  // python3 -c "from scipy import stats; print([stats.binomtest(k,n).proportion_ci(0.9,'wilson') for k,n in [(5,5),(4,5),(3,5),(0,5),(6,10),(9,12)]]); print(stats.norm.ppf(0.95))"
  const z = 1.6448536269514722;
  const reference: [k: number, n: number, low: number, high: number][] = [
    [5, 5, 0.6488834992348989, 1],
    [4, 5, 0.43529255342154327, 0.954037546119396],
    [3, 5, 0.27248317186619286, 0.857293527980787],
    [0, 5, 0, 0.35111650076510126],
    [6, 10, 0.35163859786012186, 0.8057730081231967],
    [9, 12, 0.5126619681967507, 0.8953474344295108],
  ];
  it.each(reference)(
    "%i of %i agrees with scipy.stats.binomtest(...).proportion_ci(0.9, 'wilson')",
    (k, n, low, high) => {
      const ci = wilsonInterval(k / n, n, z);
      expect(ci.low).toBeCloseTo(low, 10);
      expect(ci.high).toBeCloseTo(high, 10);
    },
  );
});

describe("mean and standard deviation", () => {
  it("reads a list of values", () => {
    expect(meanAndSd([0, 50, 100], null)).toEqual({ n: 3, mean: 50, sd: 50 });
  });
  it("reads a histogram as the same list", () => {
    expect(meanAndSd([25, 75], [3, 1])).toEqual(meanAndSd([25, 25, 25, 75], null));
    expect(meanAndSd([25, 75], [3, 1]).sd).toBe(25);
  });
  it("gives the same figures from summed moments as from the values", () => {
    const values = [12.5, 40, 40, 62.5, 87.5, 100];
    const sum = values.reduce((a, b) => a + b, 0);
    const sumSq = values.reduce((a, b) => a + b * b, 0);
    const fromMoments = meanAndSdFromMoments({ n: values.length, sum, sumSq });
    const fromValues = meanAndSd(values, null);
    expect(fromMoments.mean).toBeCloseTo(fromValues.mean, 9);
    expect(fromMoments.sd).toBeCloseTo(fromValues.sd, 9);
  });
  it("gives a standard deviation of 0 for one value", () => {
    expect(meanAndSd([40], null).sd).toBe(0);
    expect(meanAndSdFromMoments({ n: 1, sum: 40, sumSq: 1600 }).sd).toBe(0);
  });
});

describe("medians and quantiles", () => {
  it("takes the mean of the two middle ranks", () => {
    expect(medianOfSorted([10, 20, 30, 40], null)).toBe(25);
    expect(medianOfSorted([10, 20, 30], null)).toBe(20);
    expect(medianOfSorted([0, 50], [1, 2])).toBe(50);
    expect(medianOfSorted([0, 50], [2, 2])).toBe(25);
  });
  it("reads a histogram of stages", () => {
    expect(histogramMedian([0, 1, 2, 0, 1, 0])).toBe(2);
    expect(histogramMedian([0, 0, 2, 2, 0, 0])).toBe(2.5);
  });
  it("interpolates quantiles as R's type 7 does", () => {
    // R: quantile(c(1, 2, 2, 3, 5), c(0.25, 0.5, 0.75)) -> 2 2 3
    expect([0.25, 0.5, 0.75].map((p) => quantileType7([1, 2, 2, 3, 5], p))).toEqual([2, 2, 3]);
    // R: quantile(c(40, 50, 60, 70), c(0.25, 0.5, 0.75)) -> 47.5 55 62.5
    expect([0.25, 0.5, 0.75].map((p) => quantileType7([40, 50, 60, 70], p))).toEqual([47.5, 55, 62.5]);
  });
  it("rounds for publication", () => {
    expect([round1(58.333), round1(58.35), round2(0.625), round2(1 / 3)]).toEqual([58.3, 58.4, 0.63, 0.33]);
  });
});
