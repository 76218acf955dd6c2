import { describe, expect, it } from "vitest";
import { gapToTarget, judgeMarker, markerMet, placeOnContinuum, stageStatuses, type MarkerJudgement } from "./continuum";

const at = (stage: number, judgement: MarkerJudgement) => ({ stage, judgement });

describe("a marker", () => {
  it("is met when yes = 1, partly = 0.5, no = 0 average at least 0.5", () => {
    expect(markerMet({ yes: 2, partly: 2, no: 2 })).toBe(true); // exactly 0.5
    expect(markerMet({ yes: 2, partly: 1, no: 3 })).toBe(false); // 2.5 / 6
    expect(markerMet({ yes: 0, partly: 5, no: 0 })).toBe(true);
  });
  it("cannot be judged with no answers or fewer raters than the threshold", () => {
    expect(judgeMarker({ yes: 0, partly: 0, no: 0 }, 5)).toBe("no_data");
    expect(judgeMarker({ yes: 4, partly: 0, no: 0 }, 5)).toBe("suppressed");
    expect(judgeMarker({ yes: 4, partly: 0, no: 1 }, 5)).toBe("met");
    expect(judgeMarker({ yes: 1, partly: 0, no: 4 }, 5)).toBe("not_met");
  });
});

describe("stages", () => {
  it("are met when every marker is, unknown when one cannot be judged and none failed", () => {
    const statuses = stageStatuses([at(1, "met"), at(1, "met"), at(2, "met"), at(2, "not_met"), at(3, "met"), at(3, "suppressed")]);
    expect(statuses.map((s) => s.status)).toEqual(["met", "not_met", "unknown", "no_markers", "no_markers"]);
    expect(statuses.map((s) => [s.markers, s.met])).toEqual([[2, 2], [2, 1], [2, 1], [0, 0], [0, 0]]);
  });
});

describe("placement on the continuum", () => {
  it("climbs while every stage below is met, and reports met stages above as non-cumulative", () => {
    const placement = placeOnContinuum([at(1, "met"), at(2, "not_met"), at(3, "met"), at(4, "met")], 5);
    expect(placement).toEqual({
      status: "ok",
      current: { stage: 1, key: "communication", name: "Communication" },
      nonCumulative: [
        { stage: 3, key: "coordination", name: "Coordination" },
        { stage: 4, key: "coalition", name: "Coalition" },
      ],
      lowerBound: false,
    });
  });
  it("is co-existence when stage 1 is not met, and a lower bound when the next stage cannot be judged", () => {
    expect(placeOnContinuum([at(1, "not_met"), at(2, "met")], 5)).toMatchObject({ current: { stage: 0 }, lowerBound: false });
    expect(placeOnContinuum([at(1, "met"), at(2, "suppressed")], 5)).toMatchObject({ current: { stage: 1 }, lowerBound: true });
  });
  it("reaches stage 5 only when all five are met", () => {
    expect(placeOnContinuum([1, 2, 3, 4, 5].map((s) => at(s, "met")), 5)).toMatchObject({ current: { stage: 5 }, nonCumulative: [], lowerBound: false });
  });
  it("is hidden when no marker could be judged", () => {
    expect(placeOnContinuum([], 5)).toEqual({ status: "no_data", reason: "The questionnaire has no continuum markers" });
    expect(placeOnContinuum([at(1, "no_data")], 5)).toEqual({ status: "no_data", reason: "No marker answers" });
    expect(placeOnContinuum([at(1, "suppressed"), at(2, "no_data")], 5)).toEqual({ status: "suppressed", reason: "Fewer than 5 respondents" });
  });
});

describe("the gap to the target stage", () => {
  const placement = placeOnContinuum([at(1, "met"), at(2, "met"), at(3, "not_met")], 5);
  it("is the target median minus the current stage", () => {
    expect(gapToTarget(placement, { status: "ok", median: 3.5 }, 5)).toEqual({ status: "ok", current: 2, target: 3.5, gap: 1.5 });
    expect(gapToTarget(placement, { status: "ok", median: 1 }, 5)).toMatchObject({ gap: -1 });
  });
  it("is hidden when either side is", () => {
    expect(gapToTarget(placement, { status: "suppressed", reason: "x" }, 5)).toEqual({ status: "suppressed", reason: "Fewer than 5 respondents" });
    expect(gapToTarget(placement, { status: "no_data", reason: "x" }, 5)).toEqual({ status: "no_data", reason: "Needs both a placement and a target" });
  });
});
