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
  it("reports a rise beyond both confidence intervals", () => {
    const c = compareFigures("vision", fig(50, 45, 55), fig(62.3, 58, 66));
    expect(c).toMatchObject({ change: 12.3, direction: "up", beyondCi: true });
    expect(c.words).toBe("Up 12.3 points, more than the margin of error");
  });
  it("reports a fall within the margin of error", () => {
    const c = compareFigures("resources", fig(60, 50, 70), fig(57, 47, 67));
    expect(c).toMatchObject({ change: -3, direction: "down", beyondCi: false });
    expect(c.words).toBe("Down 3.0 points, within the margin of error");
  });
  it("says no change for the same score", () => {
    expect(compareFigures("roles", fig(60, 50, 70), fig(60, 55, 65))).toMatchObject({
      direction: "same",
      change: 0,
      words: "No change",
    });
  });
  it("never compares a hidden figure, and says why", () => {
    const c = compareFigures("roles", { status: "suppressed", reason: "Fewer than 5 respondents" }, fig(60, 55, 65));
    expect(c).toMatchObject({ previous: null, current: 60, change: null, direction: null, beyondCi: null });
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
