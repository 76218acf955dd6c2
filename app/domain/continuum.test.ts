import { describe, expect, it } from "vitest";
import {
  gapToTarget,
  judgeMarker,
  markerInterval,
  placeOnContinuum,
  stageStatuses,
  type MarkerJudgement,
} from "./continuum";

const at = (stage: number, judgement: MarkerJudgement) => ({ stage, judgement });

describe("a marker", () => {
  // The 90% Wilson interval (two one-sided 95% bounds) of the mean, yes = 1, partly = 0.5, no = 0.
  // References: python3 -c "from scipy import stats; print([stats.binomtest(k,n).proportion_ci(0.9,'wilson') for k,n in [(5,5),(4,5),(3,5),(0,5),(6,10),(9,12)]])"
  it("has the interval SciPy gives for whole yes/no counts", () => {
    expect(markerInterval({ yes: 4, partly: 0, no: 1 })).toMatchObject({ mean: 0.8, n: 5 });
    expect(markerInterval({ yes: 4, partly: 0, no: 1 }).low).toBeCloseTo(0.43529255342154327, 10);
    expect(markerInterval({ yes: 9, partly: 0, no: 3 }).high).toBeCloseTo(0.8953474344295108, 10);
    // "partly" counts as half a yes: 4 yes + 2 partly of 10 has the interval of 5 yes of 10... of mean 0.5.
    expect(markerInterval({ yes: 4, partly: 2, no: 4 })).toEqual(markerInterval({ yes: 5, partly: 0, no: 5 }));
  });
  it("is met only when the whole interval is at or above 0.5, not met when it is all below", () => {
    expect(judgeMarker({ yes: 5, partly: 0, no: 0 }, 5)).toBe("met"); // 0.649 to 1
    expect(judgeMarker({ yes: 0, partly: 0, no: 5 }, 5)).toBe("not_met"); // 0 to 0.351
    expect(judgeMarker({ yes: 11, partly: 0, no: 1 }, 5)).toBe("met"); // 11 of 12: 0.69 to 0.98
  });
  it("is uncertain when the interval straddles 0.5: one rater can no longer flip it", () => {
    // 4 yes, 1 no at n = 5: mean 0.8 but 0.435 to 0.954. Under the old rule (mean >= 0.5) it was met,
    // and 2 yes, 3 no (0.4) was not: one rater flipped the stage.
    expect(judgeMarker({ yes: 4, partly: 0, no: 1 }, 5)).toBe("uncertain");
    expect(judgeMarker({ yes: 2, partly: 0, no: 3 }, 5)).toBe("uncertain");
    expect(judgeMarker({ yes: 3, partly: 0, no: 3 }, 5)).toBe("uncertain");
  });
  it("cannot be judged with no answers or fewer raters than the threshold", () => {
    expect(judgeMarker({ yes: 0, partly: 0, no: 0 }, 5)).toBe("no_data");
    expect(judgeMarker({ yes: 4, partly: 0, no: 0 }, 5)).toBe("suppressed");
  });
});

describe("stages", () => {
  it("are met when every marker is, unknown when one cannot be judged and none failed", () => {
    const statuses = stageStatuses([
      at(1, "met"),
      at(1, "met"),
      at(2, "met"),
      at(2, "not_met"),
      at(3, "met"),
      at(3, "suppressed"),
    ]);
    expect(statuses.map((s) => s.status)).toEqual(["met", "not_met", "unknown", "no_markers", "no_markers"]);
    expect(statuses.map((s) => [s.markers, s.met])).toEqual([
      [2, 2],
      [2, 1],
      [2, 1],
      [0, 0],
      [0, 0],
    ]);
  });
  it("are uncertain when no marker failed and the rest are uncertain", () => {
    const statuses = stageStatuses([
      at(1, "met"),
      at(1, "uncertain"),
      at(2, "uncertain"),
      at(2, "suppressed"),
      at(3, "uncertain"),
      at(3, "not_met"),
    ]);
    expect(statuses.map((s) => s.status).slice(0, 3)).toEqual(["uncertain", "unknown", "not_met"]);
    expect(statuses[0]).toMatchObject({ met: 1, uncertain: 1 });
  });
});

describe("placement on the continuum", () => {
  it("climbs while every stage below is met, and reports met stages above as non-cumulative", () => {
    const placement = placeOnContinuum([at(1, "met"), at(2, "not_met"), at(3, "met"), at(4, "met")], 5);
    expect(placement).toEqual({
      status: "ok",
      current: { stage: 1, key: "communication", name: "Communication" },
      upTo: { stage: 1, key: "communication", name: "Communication" },
      uncertain: false,
      nonCumulative: [
        { stage: 3, key: "coordination", name: "Coordination" },
        { stage: 4, key: "coalition", name: "Coalition" },
      ],
      lowerBound: false,
    });
  });
  it("is co-existence when stage 1 is not met, and a lower bound when the next stage cannot be judged", () => {
    expect(placeOnContinuum([at(1, "not_met"), at(2, "met")], 5)).toMatchObject({
      current: { stage: 0 },
      lowerBound: false,
    });
    expect(placeOnContinuum([at(1, "met"), at(2, "suppressed")], 5)).toMatchObject({
      current: { stage: 1 },
      lowerBound: true,
    });
  });
  it("is uncertain between the stage surely reached and the highest the answers allow", () => {
    const placement = placeOnContinuum(
      [at(1, "met"), at(2, "uncertain"), at(3, "met"), at(4, "not_met"), at(5, "met")],
      5,
    );
    expect(placement).toMatchObject({ current: { stage: 1 }, upTo: { stage: 3 }, uncertain: true, lowerBound: false });
    // Stage 3 may be reached through the uncertain stage 2, so only stage 5 is out of order.
    expect(placement.status === "ok" && placement.nonCumulative.map((s) => s.stage)).toEqual([5]);
    expect(placeOnContinuum([at(1, "uncertain"), at(2, "suppressed")], 5)).toMatchObject({
      current: { stage: 0 },
      upTo: { stage: 1 },
      lowerBound: true,
    });
  });
  it("reaches stage 5 only when all five are met", () => {
    expect(
      placeOnContinuum(
        [1, 2, 3, 4, 5].map((s) => at(s, "met")),
        5,
      ),
    ).toMatchObject({ current: { stage: 5 }, nonCumulative: [], lowerBound: false });
  });
  it("is hidden when no marker could be judged", () => {
    expect(placeOnContinuum([], 5)).toEqual({
      status: "no_data",
      reason: "The questionnaire has no continuum markers",
    });
    expect(placeOnContinuum([at(1, "no_data")], 5)).toEqual({ status: "no_data", reason: "No marker answers" });
    expect(placeOnContinuum([at(1, "suppressed"), at(2, "no_data")], 5)).toEqual({
      status: "suppressed",
      reason: "Fewer than 5 respondents",
    });
  });
});

describe("the gap to the target stage", () => {
  const placement = placeOnContinuum([at(1, "met"), at(2, "met"), at(3, "not_met")], 5);
  it("is the target median minus the current stage", () => {
    expect(gapToTarget(placement, { status: "ok", median: 3.5 }, 5)).toEqual({
      status: "ok",
      current: 2,
      target: 3.5,
      gap: 1.5,
    });
    expect(gapToTarget(placement, { status: "ok", median: 1 }, 5)).toMatchObject({ gap: -1 });
  });
  it("is hidden when either side is", () => {
    expect(gapToTarget(placement, { status: "suppressed", reason: "x" }, 5)).toEqual({
      status: "suppressed",
      reason: "Fewer than 5 respondents",
    });
    expect(gapToTarget(placement, { status: "no_data", reason: "x" }, 5)).toEqual({
      status: "no_data",
      reason: "Needs both a placement and a target",
    });
  });
});
