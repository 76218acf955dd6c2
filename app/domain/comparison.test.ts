import { describe, expect, it } from "vitest";
import {
  benchmarkOf,
  breakdownFigure,
  continuumFromCounts,
  overlapGroups,
  scoreFromMoments,
  type Moments,
} from "./comparison";

const moments = (values: number[]): Moments => ({
  n: values.length,
  sum: values.reduce((a, b) => a + b, 0),
  sumSq: values.reduce((a, b) => a + b * b, 0),
});

describe("scoreFromMoments", () => {
  it("suppresses below the threshold and reports no data for nobody", () => {
    expect(scoreFromMoments(moments([50, 60, 70, 80]), 5)).toEqual({
      status: "suppressed",
      reason: "Fewer than 5 respondents",
    });
    expect(scoreFromMoments(moments([]), 5).status).toBe("no_data");
  });
  it("gives the mean, SD and the logit-scale interval", () => {
    const f = scoreFromMoments(moments([40, 50, 60, 70, 80]), 5);
    // mean 60, sd 15.81; 95% interval on the logit scale (docs/scoring.md), reference:
    // python3 -c "from scipy import stats, special; import numpy as np; x=np.array([40,50,60,70,80])/100; m=x.mean(); h=stats.t.ppf(.975,4)*x.std(ddof=1)/np.sqrt(5)/(m*(1-m)); print(100*special.expit(special.logit(m)+np.array([-h,h])))"
    // -> [39.83, 77.27]
    expect(f).toEqual({ status: "ok", score: 60, band: "borderline", n: 5, sd: 15.8, ci95: { low: 39.8, high: 77.3 } });
  });
});

describe("breakdownFigure", () => {
  it("hides the smallest shown group when a hidden one could be worked out from the total", () => {
    const groups = {
      team: moments(Array(12).fill(60)),
      organisation: moments(Array(6).fill(70)),
      local_authority: moments([10, 20]),
      national: moments([]),
    };
    const keys = ["national", "local_authority", "organisation", "team"] as const;
    expect(breakdownFigure(keys, groups, 20, "team", 5).status).toBe("ok");
    expect(breakdownFigure(keys, groups, 20, "organisation", 5)).toMatchObject({
      status: "suppressed",
      reason: expect.stringContaining("worked out"),
    });
    expect(breakdownFigure(keys, groups, 20, "local_authority", 5)).toEqual({
      status: "suppressed",
      reason: "Fewer than 5 respondents",
    });
    expect(breakdownFigure(keys, groups, 20, "national", 5).status).toBe("no_data");
  });
});

describe("continuumFromCounts", () => {
  const marker = (key: string, stage: 1 | 2 | 3 | 4 | 5, yes: number, partly: number, no: number) => ({
    key,
    stage,
    yes,
    partly,
    no,
  });
  it("climbs while every stage is met and reports met stages above as non-cumulative", () => {
    const c = continuumFromCounts({
      markers: [marker("a", 1, 8, 0, 2), marker("b", 2, 8, 1, 1), marker("c", 3, 1, 2, 7), marker("d", 4, 9, 0, 1)],
      respondents: 10,
      target: [0, 0, 0, 4, 6, 0],
      threshold: 5,
    });
    expect(c.placement).toMatchObject({ status: "ok", current: { stage: 2 }, nonCumulative: [{ stage: 4 }] });
    expect(c.target).toEqual({ status: "ok", median: 4, n: 10 });
    expect(c.gap).toEqual({ status: "ok", gap: 2 });
  });
  it("shows nothing for fewer respondents than the threshold", () => {
    expect(
      continuumFromCounts({
        markers: [marker("a", 1, 4, 0, 0)],
        respondents: 4,
        target: [0, 0, 0, 4, 0, 0],
        threshold: 5,
      }).placement.status,
    ).toBe("suppressed");
  });
});

describe("overlapGroups", () => {
  it("keeps areas whose intervals overlap the group's leader together", () => {
    const groups = overlapGroups([
      { id: "c", score: 50, low: 45, high: 55 },
      { id: "a", score: 80, low: 75, high: 85 },
      { id: "b", score: 76, low: 70, high: 82 },
    ]);
    expect(groups.map((g) => g.map((x) => x.id))).toEqual([["a", "b"], ["c"]]);
  });
});

describe("benchmarkOf", () => {
  it("is withheld below 5 areas and gives median and quartiles from 5", () => {
    expect(benchmarkOf([40, 50, 60, 70]).status).toBe("suppressed");
    expect(benchmarkOf([80, 40, 60, 50, 70])).toEqual({ status: "ok", median: 60, q1: 50, q3: 70, areas: 5 });
  });
});
