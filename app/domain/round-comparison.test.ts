import { describe, expect, it } from "vitest";
import type { Figure, Placement, ScoreFigure } from "./scoring";
import { compareComponents, compareFigures, continuumMovement } from "./round-comparison";

const fig = (score: number, low: number, high: number): ScoreFigure => ({
  status: "ok",
  score,
  band: score >= 75 ? "strength" : score >= 50 ? "borderline" : "concern",
  n: 20,
  sd: 10,
  ci95: { low, high },
  median: score,
  agreement: 0.8,
  agreementBand: 25,
  splitItems: { split: 0, of: 1 },
  split: false,
  dontKnow: 0,
  leftOut: 0,
});
const placement = (stage: 0 | 1 | 2 | 3 | 4 | 5, name: string): Figure<Placement> => ({
  status: "ok",
  current: { stage, key: "coordination", name },
  upTo: { stage, key: "coordination", name },
  uncertain: false,
  nonCumulative: [],
  lowerBound: false,
});

describe("compareFigures", () => {
  it("reports a clear rise when Welch's interval of the change excludes 0", () => {
    // se = sqrt(10²/20 + 10²/20) = 3.162; df = 38; t(0.975, 38) = 2.024; half-width 6.40.
    const c = compareFigures("vision", fig(50, 45, 55), fig(62.3, 58, 66));
    expect(c).toMatchObject({ change: 12.3, direction: "up", verdict: "clear_rise" });
    expect(c.interval).toEqual({ low: 5.9, high: 18.7 });
    expect(c.words).toBe("Up 12.3 points, a clear rise");
  });
  it("says no clear change, not 'down', when the interval includes 0", () => {
    const c = compareFigures("resources", fig(60, 50, 70), fig(57, 47, 67));
    expect(c).toMatchObject({ change: -3, direction: "down", verdict: "no_clear_change" });
    expect(c.interval).toEqual({ low: -9.4, high: 3.4 });
    expect(c.words).toBe("No clear change (down 3.0 points, within what chance could give)");
  });
  it("finds a clear change that the old rule (intervals not overlapping) missed", () => {
    // n = 30 and SD 15 in both rounds: each interval is about ±5.6, so 60 and 68 overlap,
    // but the difference's interval (se 3.87, t(58) 2.002: 8 ± 7.75) excludes 0.
    const prev = { ...fig(60, 54.4, 65.6), n: 30, sd: 15 } as ScoreFigure;
    const cur = { ...fig(68, 62.4, 73.6), n: 30, sd: 15 } as ScoreFigure;
    const c = compareFigures("roles", prev, cur);
    expect(c.verdict).toBe("clear_rise");
    expect(c.interval!.low).toBeGreaterThan(0);
  });
  it("falls back to the intervals' overlap for a snapshot stored without SDs", () => {
    const { sd: _a, ...prev } = fig(50, 45, 55) as Extract<ScoreFigure, { status: "ok" }>;
    const { sd: _b, ...cur } = fig(58, 52, 63) as Extract<ScoreFigure, { status: "ok" }>;
    const c = compareFigures("roles", prev as ScoreFigure, cur as ScoreFigure);
    expect(c).toMatchObject({ change: 8, interval: null, verdict: "no_clear_change" });
    const apart = compareFigures("roles", prev as ScoreFigure, { ...cur, ci95: { low: 56, high: 63 } } as ScoreFigure);
    expect(apart.verdict).toBe("clear_rise");
  });
  it("says no change for the same score", () => {
    expect(compareFigures("roles", fig(60, 50, 70), fig(60, 55, 65))).toMatchObject({
      direction: "same",
      change: 0,
      verdict: "no_clear_change",
      words: "No change",
    });
  });
  it("never compares a hidden figure, and says why", () => {
    const c = compareFigures("roles", { status: "suppressed", reason: "Fewer than 5 respondents" }, fig(60, 55, 65));
    expect(c).toMatchObject({ previous: null, current: 60, change: null, direction: null, verdict: null });
    expect(c.words).toContain("fewer than 5 respondents");
  });
});

describe("compareComponents", () => {
  it("lists all 13 components in the framework's order", () => {
    const rows = compareComponents(
      [{ component: "vision", overall: fig(50, 45, 55) }],
      [{ component: "vision", overall: fig(55, 50, 60) }],
    );
    expect(rows).toHaveLength(13);
    expect(rows[0]).toMatchObject({ component: "vision", change: 5 });
    expect(rows[1]).toMatchObject({ component: "leadership", change: null });
  });
});

describe("continuumMovement", () => {
  it("describes movement along and back", () => {
    expect(continuumMovement(placement(2, "Cooperation"), placement(3, "Coordination"))).toMatchObject({
      moved: 1,
      words: "Moved from Cooperation to Coordination (1 stage along)",
    });
    expect(continuumMovement(placement(3, "Coordination"), placement(1, "Communication")).words).toBe(
      "Moved from Coordination to Communication (2 stages back)",
    );
    expect(continuumMovement(placement(3, "Coordination"), placement(3, "Coordination")).words).toBe(
      "Still at Coordination",
    );
  });
  it("is not comparable without both placements", () => {
    expect(continuumMovement(null, placement(3, "Coordination"))).toMatchObject({ moved: null, to: 3 });
  });
});
