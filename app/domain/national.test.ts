import { describe, expect, it } from "vitest";
import { assembleNationalView, type NationalArea, type SnapshotDigest } from "./national";
import type { StageNumber } from "./framework";

function digest(input: {
  leadership?: number | "hidden";
  stage?: StageNumber;
  target?: number;
  status?: SnapshotDigest["status"];
}): SnapshotDigest {
  const score = typeof input.leadership === "number" ? input.leadership : null;
  return {
    status: input.status ?? "ok",
    threshold: 5,
    respondents: 20,
    components:
      score === null
        ? {}
        : { leadership: { score, band: score >= 75 ? "strength" : score >= 50 ? "borderline" : "concern", n: 20 } },
    hidden: input.leadership === "hidden" ? ["leadership"] : [],
    placement: input.stage === undefined ? null : { current: input.stage, upTo: input.stage, uncertain: false },
    target: input.target ?? null,
  };
}

function area(id: string, rounds: { year: number; d: SnapshotDigest }[]): NationalArea {
  return {
    id,
    name: `Area ${id}`,
    area: id,
    localAuthority: `${id} Council`,
    rounds: rounds.map((r, i) => ({
      roundId: `${id}-${i}`,
      name: `${r.year}`,
      closesOn: `${r.year}-09-30`,
      digest: r.d,
    })),
  };
}

describe("assembleNationalView", () => {
  it("pools the latest published round of each area, with the median and IQR worked by hand", () => {
    // Latest leadership scores 40, 50, 60, 70, 80 (area e's older 10 is not its latest).
    // Type-7 quartiles of 5 sorted values: ranks 1, 2, 3 (0-based) -> 50, 60, 70.
    const areas = [
      area("a", [{ year: 2025, d: digest({ leadership: 40, stage: 1, target: 3 }) }]),
      area("b", [{ year: 2025, d: digest({ leadership: 50, stage: 2, target: 3.5 }) }]),
      area("c", [{ year: 2025, d: digest({ leadership: 60, stage: 2, target: 4 }) }]),
      area("d", [{ year: 2025, d: digest({ leadership: 70, stage: 3, target: 4 }) }]),
      area("e", [
        { year: 2024, d: digest({ leadership: 10, stage: 0 }) },
        { year: 2025, d: digest({ leadership: 80, stage: 3, target: 5 }) },
      ]),
    ];
    const view = assembleNationalView({ areas });
    const leadership = view.components.find((c) => c.component === "leadership")!;
    expect(leadership.benchmark).toEqual({ status: "ok", median: 60, q1: 50, q3: 70, areas: 5 });
    expect(leadership.bands).toEqual({ strength: 1, borderline: 3, concern: 1 });
    expect(view.stages.status === "ok" && view.stages.counts.map((c) => c.areas)).toEqual([0, 1, 2, 2, 0, 0]);
    // A median target of 3.5 counts at stage 3.
    expect(view.targets.status === "ok" && view.targets.counts.map((c) => c.areas)).toEqual([0, 0, 0, 2, 2, 1]);
    expect(view.concern.status === "ok" && view.concern.ranked[0]).toMatchObject({
      component: "leadership",
      concern: 1,
      areas: 5,
    });
  });

  it("withholds a pooled figure with fewer than 5 areas behind it, and never pools a hidden figure", () => {
    const areas = [
      area("a", [{ year: 2025, d: digest({ leadership: 40, stage: 1 }) }]),
      area("b", [{ year: 2025, d: digest({ leadership: 50, stage: 2 }) }]),
      area("c", [{ year: 2025, d: digest({ leadership: 60, stage: 2 }) }]),
      area("d", [{ year: 2025, d: digest({ leadership: 70, stage: 3 }) }]),
      // Below its threshold: its leadership score is hidden, so only 4 areas have one.
      area("e", [{ year: 2025, d: digest({ leadership: "hidden", stage: 3 }) }]),
    ];
    const view = assembleNationalView({ areas });
    const leadership = view.components.find((c) => c.component === "leadership")!;
    expect(leadership.benchmark.status).toBe("suppressed");
    expect(leadership.scores).toEqual([]);
    expect(leadership.bands).toBeNull();
    expect(view.concern.status).toBe("suppressed");
    expect(view.stages.status).toBe("ok");
    expect(view.targets.status).toBe("no_data");
  });

  it("skips a round hidden as a whole and follows the same areas across years", () => {
    const year = (y: number, score: number) => ({ year: y, d: digest({ leadership: score }) });
    const areas = [
      area("a", [year(2024, 40), year(2025, 50)]),
      area("b", [year(2024, 50), year(2025, 60)]),
      area("c", [year(2024, 60), year(2025, 70)]),
      area("d", [year(2024, 70), year(2025, 80)]),
      area("e", [year(2024, 80), year(2025, 90)]),
      // Joined in 2025: in "all areas" that year, not in "the same areas".
      area("f", [year(2025, 10)]),
      // Its 2025 round is hidden as a whole: its latest published round is 2024's.
      area("g", [year(2024, 20), { year: 2025, d: digest({ status: "suppressed" }) }]),
    ];
    const view = assembleNationalView({ areas });
    expect(view.trends.years).toEqual(["2024", "2025"]);
    expect(view.trends.sameAreaCount).toBe(5);
    const same = view.trends.sameAreas.leadership.map((p) => p.benchmark.status === "ok" && p.benchmark.median);
    expect(same).toEqual([60, 70]);
    const all = view.trends.allAreas.leadership.map((p) => p.benchmark.status === "ok" && p.benchmark.areas);
    expect(all).toEqual([6, 6]);
    const latest = view.components.find((c) => c.component === "leadership")!;
    // a-e's 2025 scores, f's 10 and g's 2024 20.
    expect(latest.scores).toEqual([10, 20, 50, 60, 70, 80, 90]);
  });
});
