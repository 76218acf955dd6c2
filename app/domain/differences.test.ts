import { describe, expect, it } from "vitest";
import { largestGroupGap, scoreDifference } from "./differences";
import { hidden, scoreFigure } from "../../tests/support/report-builders";

describe("scoreDifference", () => {
  it("is clear when Welch's interval excludes 0", () => {
    // se = sqrt(15²/30 · 2) = 3.873; df = 58; t(0.975, 58) = 2.0017: 10 ± 7.75.
    expect(scoreDifference({ score: 70, sd: 15, n: 30 }, { score: 60, sd: 15, n: 30 })).toEqual({
      difference: 10,
      interval: { low: 2.2, high: 17.8, confidence: 0.95 },
      clear: true,
    });
  });
  it("is not clear when the interval includes 0", () => {
    const d = scoreDifference({ score: 63, sd: 20, n: 10 }, { score: 60, sd: 20, n: 10 });
    expect(d.clear).toBe(false);
    expect(d.interval!.low).toBeLessThan(0);
    expect(d.interval!.high).toBeGreaterThan(0);
  });
  it("is never clear below five people in a group, nor without SDs", () => {
    expect(scoreDifference({ score: 90, sd: 5, n: 4 }, { score: 30, sd: 5, n: 40 }).clear).toBe(false);
    expect(scoreDifference({ score: 90, n: 40 }, { score: 30, n: 40 })).toEqual({
      difference: 60,
      interval: null,
      clear: false,
    });
  });
});

describe("largestGroupGap", () => {
  it("takes the highest and lowest shown groups, with a Bonferroni-widened interval", () => {
    const gap = largestGroupGap({
      health: scoreFigure(48, 12, 20),
      social_work: scoreFigure(71, 14, 25),
      education: scoreFigure(60, 14, 25),
      police: hidden,
    })!;
    expect(gap.highest).toEqual({ group: "social_work", score: 71 });
    expect(gap.lowest).toEqual({ group: "health", score: 48 });
    // Three groups shown: three pairs, so each interval is at 1 - 0.05/3.
    expect(gap.gap.interval!.confidence).toBe(0.9833);
    expect(gap.gap.difference).toBe(23);
    expect(gap.gap.clear).toBe(true);
    const plain = scoreDifference(scoreFigure(71, 14, 25) as never, scoreFigure(48, 12, 20) as never);
    expect(gap.gap.interval!.low).toBeLessThan(plain.interval!.low);
  });
  it("needs two groups that can be shown", () => {
    expect(largestGroupGap({ health: scoreFigure(48), police: hidden })).toBeNull();
  });
});
