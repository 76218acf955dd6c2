import { describe, expect, it } from "vitest";
import {
  JOIN_CODE_ALPHABET,
  RATING_ANCHORS,
  compareGroups,
  consensusTo100,
  makeJoinCode,
  normaliseJoinCode,
  spreadOf,
  summariseRatings,
} from "./workshop";
import { findDisclosure } from "./suppression";

const votes = (ratings: number[], level = "team", agencyType = "health") =>
  ratings.map((rating) => ({ rating, level, agencyType }));

describe("rating scale", () => {
  it("has six labelled anchors from 0 to 5", () => {
    expect(RATING_ANCHORS.map((a) => a.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(RATING_ANCHORS[0]!.label).toBe("Not in place");
    expect(RATING_ANCHORS[5]!.label).toBe("Fully in place");
  });
  it("puts a consensus score on the 0-100 scale of the survey", () => {
    expect([0, 1, 2.5, 5].map(consensusTo100)).toEqual([0, 20, 50, 100]);
  });
});

describe("join codes", () => {
  it("uses no look-alike characters", () => {
    for (const c of "01OIL") expect(JOIN_CODE_ALPHABET).not.toContain(c);
    expect(JOIN_CODE_ALPHABET).toHaveLength(31);
  });
  it("draws six characters from the alphabet", () => {
    let i = 0;
    const code = makeJoinCode((max) => (i++ * 7) % max);
    expect(code).toHaveLength(6);
    expect(normaliseJoinCode(code)).toBe(code);
  });
  it("tidies what people type, and refuses what cannot be a code", () => {
    expect(normaliseJoinCode(" abc-def ")).toBe("ABCDEF");
    expect(normaliseJoinCode("k7q xn3")).toBe("K7QXN3");
    expect(normaliseJoinCode("ABC0EF")).toBeNull();
    expect(normaliseJoinCode("ABCDE")).toBeNull();
    expect(normaliseJoinCode("ABCDEFG")).toBeNull();
    expect(normaliseJoinCode("")).toBeNull();
  });
});

describe("spreadOf", () => {
  it("gives the distribution, median and quartiles (type 7)", () => {
    expect(spreadOf([1, 2, 2, 3, 5])).toEqual({
      n: 5,
      distribution: [0, 1, 2, 1, 0, 1],
      median: 2,
      lowerQuartile: 2,
      upperQuartile: 3,
      iqr: 1,
      split: false,
    });
    const even = spreadOf([0, 1, 4, 5])!;
    expect(even.median).toBe(2.5);
    expect(even.lowerQuartile).toBe(0.75);
    expect(even.upperQuartile).toBe(4.25);
    expect(even.iqr).toBe(3.5);
  });
  it("handles one rating, and none", () => {
    expect(spreadOf([4])).toMatchObject({ n: 1, median: 4, lowerQuartile: 4, upperQuartile: 4, iqr: 0, split: false });
    expect(spreadOf([])).toBeNull();
  });
  it("calls views split when a third or more are more than a point from the median", () => {
    expect(spreadOf([3, 3, 3, 3, 0, 5])!.split).toBe(true); // 2 of 6 outside
    expect(spreadOf([3, 3, 3, 3, 3, 0])!.split).toBe(false); // 1 of 6
    expect(spreadOf([2, 3, 4, 3, 2, 4])!.split).toBe(false); // all within a point
  });
  it("refuses ratings outside 0-5", () => {
    expect(() => spreadOf([6])).toThrow(RangeError);
    expect(() => spreadOf([2.5])).toThrow(RangeError);
  });
});

describe("compareGroups", () => {
  const rated = (group: string, ratings: number[]) => ratings.map((rating) => ({ rating, group }));
  it("shows a group only when it and the rest of the room reach the threshold, and says whether they differ", () => {
    const result = compareGroups(
      [...rated("team", [4, 4, 5, 4, 3]), ...rated("national", [1, 2, 2, 1, 2]), ...rated("la", [3, 3, 3, 3, 3, 3])],
      5,
    );
    expect(result.shown.map((g) => [g.group, g.n, g.median])).toEqual([
      ["la", 6, 3],
      ["national", 5, 2],
      ["team", 5, 4],
    ]);
    expect(result.differs).toBe(true);
  });
  it("hides a group whose complement is below the threshold", () => {
    // 8 team and 2 police: the room's spread minus team's would be the police pair.
    const result = compareGroups([...rated("team", [4, 4, 4, 4, 3, 3, 3, 3]), ...rated("police", [0, 0])], 5);
    expect(result.shown).toEqual([]);
    expect(result.differs).toBeNull();
  });
  it("hides one more group when the room minus the groups shown would be a small remainder", () => {
    // 12 people: team 5, national 5, police 2. Each of team and national leaves 7, but the room
    // minus both is the police pair, so one of them (the first of two equal groups) is hidden.
    const result = compareGroups(
      [...rated("team", [4, 4, 5, 4, 3]), ...rated("national", [1, 2, 2, 1, 2]), ...rated("police", [0, 0])],
      5,
    );
    expect(result.shown.map((g) => g.group)).toEqual(["national"]);
    expect(result.differs).toBeNull();
    expect(JSON.stringify(result)).not.toMatch(/hidden/i);
  });
  it("finds no difference when medians are less than a point apart", () => {
    const result = compareGroups([...rated("a", [3, 3, 3]), ...rated("b", [3, 3, 4])], 3);
    expect(result.differs).toBe(false);
  });
  it("cannot compare when fewer than two groups can be shown", () => {
    // 8 people, threshold 3: a 4, b 3, c 1. The room minus a and b is c's one person: b (smaller) goes.
    const result = compareGroups([...rated("a", [3, 3, 3, 3]), ...rated("b", [0, 5, 1]), ...rated("c", [2])], 3);
    expect(result.shown.map((g) => g.group)).toEqual(["a"]);
    expect(result.differs).toBeNull();
  });
  it("never publishes a group's distribution", () => {
    const result = compareGroups([...rated("a", [1, 2, 3]), ...rated("b", [1, 2, 3])], 3);
    expect(Object.keys(result.shown[0]!).sort()).toEqual(["group", "lowerQuartile", "median", "n", "upperQuartile"]);
  });
});

describe("summariseRatings", () => {
  it("suppresses the spread below the threshold, with no breakdowns", () => {
    expect(summariseRatings(votes([1, 2, 3, 4]), 5)).toEqual({
      spread: "suppressed",
      n: 4,
      byLevel: null,
      byAgencyType: null,
    });
    expect(summariseRatings([], 5)).toEqual({ spread: null, n: 0, byLevel: null, byAgencyType: null });
  });
  it("gives the spread and the comparisons at the threshold", () => {
    const summary = summariseRatings(
      [...votes([4, 4, 4], "team", "health"), ...votes([1, 1, 2], "national", "police")],
      3,
    );
    expect(summary.spread).toMatchObject({ n: 6, median: 3 });
    expect(summary.byLevel?.differs).toBe(true);
    expect(summary.byAgencyType?.shown.map((g) => g.group).sort()).toEqual(["health", "police"]);
  });
  it("plans the level and agency breakdowns together, so no cross-difference isolates anyone", () => {
    // 11 people, threshold 5: team/health 5, organisation/health 1, organisation/police 5. Each
    // group and its complement reach 5 (team 5|6, organisation 6|5, health 6|5, police 5|6), but
    // organisation minus police, or health minus team, is the one organisation/health person.
    const room = [
      ...votes([4, 4, 4, 4, 4], "team", "health"),
      ...votes([0], "organisation", "health"),
      ...votes([2, 2, 2, 2, 2], "organisation", "police"),
    ];
    const summary = summariseRatings(room, 5);
    const shown = [
      ...summary.byLevel!.shown.map((g) => ({ dim: "level" as const, key: g.group })),
      ...summary.byAgencyType!.shown.map((g) => ({ dim: "agencyType" as const, key: g.group })),
    ];
    expect(shown.length).toBeLessThan(4);
    const groups = shown.map((g) => ({
      key: `${g.dim}:${g.key}`,
      members: room.flatMap((v, i) => (v[g.dim] === g.key ? [i] : [])),
    }));
    expect(findDisclosure(room.length, groups, 5)).toBeNull();
  });
});
