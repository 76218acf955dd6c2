import { describe, expect, it } from "vitest";
import {
  ci95OfMean,
  histogramMedian,
  meanAndSd,
  meanAndSdFromMoments,
  medianOfSorted,
  quantileType7,
  round1,
  round2,
  tQuantile975,
} from "./statistics";

describe("Student's t, 97.5% quantile", () => {
  // R: qt(0.975, df). Up to 30 df the function returns the printed three-decimal table, so it
  // must agree to three decimals; beyond 30 the expansion must agree to five.
  const reference: [df: number, qt: number, digits: number][] = [
    [1, 12.706205, 3],
    [2, 4.302653, 3],
    [4, 2.776445, 3],
    [10, 2.228139, 3],
    [29, 2.04523, 3],
    [30, 2.042272, 3],
    [31, 2.039513, 5],
    [60, 2.000298, 5],
    [120, 1.97993, 5],
    [1000, 1.962339, 5],
  ];
  it.each(reference)("agrees with R at %i degrees of freedom", (df, qt, digits) => {
    expect(tQuantile975(df)).toBeCloseTo(qt, digits);
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

describe("the 95% confidence interval of a mean", () => {
  it("is mean ± t × sd / √n when it stays inside 0-100", () => {
    // 50 ± t(5) 2.571 × 10 / √6 = 50 ± 10.50
    expect(ci95OfMean(50, 10, 6)).toEqual({ low: 39.5, high: 60.5 });
    // 70 ± t(39) × 12 / √40, with t(39) = 2.022691 (R): 70 ± 3.84
    expect(ci95OfMean(70, 12, 40)).toEqual({ low: 66.2, high: 73.8 });
  });
  it("is clipped to the 0-100 scale", () => {
    expect(ci95OfMean(95, 10, 4)).toEqual({ low: 79.1, high: 100 });
    expect(ci95OfMean(5, 10, 4)).toEqual({ low: 0, high: 20.9 });
  });
  it("is the value itself for a single respondent", () => {
    expect(ci95OfMean(62.5, 0, 1)).toEqual({ low: 62.5, high: 62.5 });
  });
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
