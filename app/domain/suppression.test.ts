import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countFigure,
  findDisclosure,
  guardFigure,
  planJointSuppression,
  suppressAgainstEarlier,
  planBreakdown,
  resolveThreshold,
  statisticsCell,
  suppressBreakdown,
  suppressCounts,
  type Figure,
} from "./suppression";

describe("resolveThreshold", () => {
  it("defaults to 5", () => {
    expect(resolveThreshold(undefined)).toBe(5);
    expect(resolveThreshold(null)).toBe(5);
  });
  it("accepts 3 and above", () => {
    expect(resolveThreshold(3)).toBe(3);
    expect(resolveThreshold(12)).toBe(12);
  });
  it("throws below 3 rather than clamping: a wrong threshold is a privacy fault", () => {
    expect(() => resolveThreshold(2)).toThrow(RangeError);
    expect(() => resolveThreshold(0)).toThrow(/at least 3/);
    expect(() => resolveThreshold(-5)).toThrow(RangeError);
  });
  it("throws on a fractional or non-finite threshold", () => {
    expect(() => resolveThreshold(4.5)).toThrow(/whole number/);
    expect(() => resolveThreshold(Number.NaN)).toThrow(RangeError);
    expect(() => resolveThreshold(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("guardFigure", () => {
  it("gives no_data for an empty group, the marker below the threshold, the figure from the threshold up", () => {
    const compute = () => ({ score: 80 });
    expect(guardFigure(0, 5, compute)).toEqual({ status: "no_data", reason: "No answers" });
    expect(guardFigure(4, 5, compute)).toEqual({ status: "suppressed", reason: "Fewer than 5 respondents" });
    expect(guardFigure(5, 5, compute)).toEqual({ status: "ok", score: 80 });
  });
  it("never computes a hidden figure", () => {
    let calls = 0;
    guardFigure(2, 5, () => {
      calls++;
      return {};
    });
    expect(calls).toBe(0);
  });
  it("uses the configured threshold in the reason", () => {
    expect(guardFigure(7, 10, () => ({}))).toEqual({ status: "suppressed", reason: "Fewer than 10 respondents" });
  });
});

describe("countFigure", () => {
  it("publishes 0 and counts at or above the threshold, hides 1..threshold-1", () => {
    expect(countFigure(0, 5)).toEqual({ status: "ok", n: 0 });
    expect(countFigure(1, 5).status).toBe("suppressed");
    expect(countFigure(4, 5).status).toBe("suppressed");
    expect(countFigure(5, 5)).toEqual({ status: "ok", n: 5 });
  });
});

describe("planBreakdown (secondary suppression)", () => {
  it("hides the smallest published group when exactly one group is hidden", () => {
    // Total 20 = team 12 + organisation 6 + local_authority 2 + national 0.
    // local_authority (2) is below 5; if the rest were shown, 20 - 12 - 6 = 2 would give it away,
    // so the smallest shown group, organisation (6), is hidden too: 2 + 6 = 8 >= 5.
    const plan = planBreakdown(
      [
        { key: "team", n: 12 },
        { key: "organisation", n: 6 },
        { key: "local_authority", n: 2 },
        { key: "national", n: 0 },
      ],
      20,
      5,
    );
    expect(Object.fromEntries(plan)).toEqual({
      team: "publish",
      organisation: "secondary",
      local_authority: "primary",
      national: "empty",
    });
  });

  it("counts respondents in no group (level not stated) as hidden", () => {
    // Total 17 = team 10 + organisation 5 + 2 who did not say: 17 - 10 - 5 = 2 would leak.
    const plan = planBreakdown(
      [
        { key: "team", n: 10 },
        { key: "organisation", n: 5 },
      ],
      17,
      5,
    );
    expect(plan.get("organisation")).toBe("secondary");
    expect(plan.get("team")).toBe("publish");
  });

  it("needs nothing more when the hidden groups already add up to the threshold", () => {
    // 3 + 2 = 5 hidden: subtraction gives a figure about 5 people, which may be shown.
    const plan = planBreakdown(
      [
        { key: "a", n: 10 },
        { key: "b", n: 3 },
        { key: "c", n: 2 },
      ],
      15,
      5,
    );
    expect(Object.fromEntries(plan)).toEqual({ a: "publish", b: "primary", c: "primary" });
  });

  it("breaks ties for the complementary group by the order of the groups", () => {
    const plan = planBreakdown(
      [
        { key: "x", n: 6 },
        { key: "y", n: 6 },
        { key: "z", n: 1 },
      ],
      13,
      5,
    );
    expect(plan.get("x")).toBe("secondary");
    expect(plan.get("y")).toBe("publish");
  });

  it("property: what can be subtracted from a published total is never about 1..threshold-1 people", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 8 }),
        fc.nat({ max: 6 }),
        fc.integer({ min: 3, max: 10 }),
        (ns, unstated, threshold) => {
          const groups = ns.map((n, i) => ({ key: `g${i}`, n }));
          const total = ns.reduce((a, b) => a + b, 0) + unstated;
          const plan = planBreakdown(groups, total, threshold);
          let published = 0;
          for (const g of groups) {
            const decision = plan.get(g.key)!;
            // A shown group is never small.
            if (decision === "publish") {
              expect(g.n).toBeGreaterThanOrEqual(threshold);
              published += g.n;
            }
            if (g.n > 0 && g.n < threshold) expect(decision).toBe("primary");
          }
          if (total >= threshold) {
            const recoverable = total - published;
            expect(recoverable === 0 || recoverable >= threshold).toBe(true);
          }
        },
      ),
    );
  });
});

describe("suppressBreakdown", () => {
  it("replaces the complementary group by the secondary marker", () => {
    const keys = ["a", "b", "c"] as const;
    const ok = (score: number): Figure<{ score: number }> => ({ status: "ok", score });
    const out = suppressBreakdown(
      keys,
      { a: ok(70), b: ok(60), c: { status: "suppressed", reason: "Fewer than 5 respondents" } },
      { a: 9, b: 7, c: 1 },
      17,
      5,
    );
    expect(out.a).toEqual(ok(70));
    expect(out.b.status).toBe("suppressed");
    expect(out.b.status === "suppressed" && out.b.reason).toMatch(/cannot be worked out from the total/);
    expect(out.c).toEqual({ status: "suppressed", reason: "Fewer than 5 respondents" });
  });
});

describe("suppressCounts", () => {
  it("publishes counts as 'c' where a hidden one could be worked out (group complement)", () => {
    const { total, groups } = suppressCounts(["x", "y", "z"], { x: 10, y: 6, z: 2 }, 18, 5);
    expect(total).toEqual({ status: "ok", n: 18 });
    expect(groups.x).toEqual({ status: "ok", n: 10 });
    expect(groups.y.status).toBe("suppressed");
    expect(groups.z.status).toBe("suppressed");
    expect(statisticsCell(groups.y, (g) => g.n)).toBe("c");
  });
  it("can hide the total instead, for sections that print their own size", () => {
    const { total, groups } = suppressCounts(["p", "s", "f"], { p: 10, s: 0, f: 2 }, 12, 5, "total");
    expect(total.status).toBe("suppressed");
    expect(groups.p).toEqual({ status: "ok", n: 10 });
    expect(groups.s).toEqual({ status: "ok", n: 0 });
    expect(groups.f.status).toBe("suppressed");
  });
});

describe("statisticsCell", () => {
  it("follows the c / x convention", () => {
    expect(statisticsCell({ status: "ok", score: 5 }, (f) => f.score)).toBe(5);
    expect(statisticsCell({ status: "suppressed", reason: "Fewer than 5 respondents" }, () => 0)).toBe("c");
    expect(statisticsCell({ status: "no_data", reason: "No answers" }, () => 0)).toBe("x");
  });
});

describe("joint suppression (issue 13)", () => {
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

  it("finds the remainder of two overlapping-free filters and the total: 11 - 5 - 5 is one person", () => {
    const groups = [
      { key: "team", members: range(0, 5) },
      { key: "health", members: range(5, 10) },
    ];
    expect(findDisclosure(11, groups, 5)?.people).toBe(1);
    const plan = planJointSuppression(11, groups, 5);
    expect([...plan.values()].filter((d) => d === "secondary")).toHaveLength(1);
    expect(
      findDisclosure(
        11,
        groups.filter((g) => plan.get(g.key) === "publish"),
        5,
      ),
    ).toBeNull();
  });

  it("property: finds a disclosure exactly when trying every combination does", () => {
    // Every combination of coefficients 0, +1, -1 over the population and the groups: does one
    // give each person 0 or one common value, with 1..threshold-1 people at that value, using
    // a group that is not fixed?
    const bruteForce = (population: number, groups: { key: string; members: number[] }[], fixed: Set<string>) => {
      const sets = [{ key: "*", members: range(0, population) }, ...groups];
      const coef = new Array<number>(sets.length).fill(0);
      const visit = (i: number): boolean => {
        if (i === sets.length) {
          if (!sets.some((g, j) => coef[j] && g.key !== "*" && !fixed.has(g.key) && g.members.length > 0)) return false;
          const value = new Array<number>(population).fill(0);
          sets.forEach((g, j) => g.members.forEach((p) => (value[p]! += coef[j]!)));
          const nonZero = value.filter((v) => v !== 0);
          return nonZero.length > 0 && nonZero.length < 5 && nonZero.every((v) => v === nonZero[0]);
        }
        for (const c of [0, 1, -1]) {
          coef[i] = c;
          if (visit(i + 1)) return true;
        }
        coef[i] = 0;
        return false;
      };
      return visit(0);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 16 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 12 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (population, raw, fixedFlags) => {
          const groups = raw.map((members, i) => ({
            key: `g${i}`,
            members: [...new Set(members.filter((p) => p < population))],
          }));
          const fixed = new Set(groups.filter((_, i) => fixedFlags[i]).map((g) => g.key));
          const found = findDisclosure(population, groups, 5, true, fixed);
          expect(found !== null).toBe(bruteForce(population, groups, fixed));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: nested breakdowns crossed with a level: a disclosure exactly when trying every combination finds one, and it holds", () => {
    // People in kinds of agency > organisations > teams, crossed with a level: the shape of a
    // round's views, where the search prunes on the atoms that must end at 0 (issue 19). Each
    // cell (a level and a place in the tree) holds 0, a few or many people, mostly many, so
    // that often nothing can be isolated and the search must rule every combination out.
    const places = [["a", "a1", "a1t"], ["a", "a1"], ["a", "a2"], ["a"], ["b", "b1", "b1t"], ["b", "b1"], ["b"], []];
    const keys = ["level0", "a", "a1", "a1t", "a2", "b", "b1", "b1t"];
    const cells = places.flatMap((place) => [["level0", ...place], place]);
    // Every combination of coefficients over the population and the groups, by cell: does one
    // give each cell 0 or one common value, with 1..4 people at that value?
    const bruteForce = (sizes: number[]) => {
      const coef = new Array<number>(keys.length).fill(0);
      const used = keys.map((key) => cells.some((cell, c) => sizes[c]! > 0 && cell.includes(key)));
      const visit = (i: number, all: number): boolean => {
        if (i === keys.length) {
          if (!coef.some((c, j) => c && used[j])) return false;
          let common = 0;
          let people = 0;
          for (let c = 0; c < cells.length; c++) {
            if (sizes[c] === 0) continue;
            const v = all + keys.reduce((sum, key, j) => sum + (cells[c]!.includes(key) ? coef[j]! : 0), 0);
            if (v === 0) continue;
            if (common !== 0 && v !== common) return false;
            common = v;
            people += sizes[c]!;
          }
          return people > 0 && people < 5;
        }
        for (const c of [0, 1, -1]) {
          coef[i] = c;
          if (visit(i + 1, all)) return true;
        }
        coef[i] = 0;
        return false;
      };
      return visit(0, 0) || visit(0, 1);
    };
    let nothing = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { arbitrary: fc.constant(0), weight: 3 },
            { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 },
            { arbitrary: fc.integer({ min: 5, max: 9 }), weight: 8 },
          ),
          { minLength: cells.length, maxLength: cells.length },
        ),
        (sizes) => {
          const members = new Map<string, number[]>(keys.map((key) => [key, []]));
          let population = 0;
          cells.forEach((cell, c) => {
            for (let k = 0; k < sizes[c]!; k++, population++)
              for (const key of cell) members.get(key)!.push(population);
          });
          fc.pre(population >= 5);
          const groups = keys.map((key) => ({ key, members: members.get(key)! }));
          const found = findDisclosure(population, groups, 5);
          expect(found !== null).toBe(bruteForce(sizes));
          if (!found) nothing++;
          else {
            const value = new Array<number>(population).fill(found.terms.find((t) => t.key === "*")?.sign ?? 0);
            for (const t of found.terms) if (t.key !== "*") for (const p of members.get(t.key)!) value[p]! += t.sign;
            const isolated = value.filter((v) => v !== 0);
            expect(isolated.length).toBe(found.people);
            expect(isolated.every((v) => v === isolated[0])).toBe(true);
            expect(found.people).toBeLessThan(5);
          }
        },
      ),
      { numRuns: 200 },
    );
    // Both answers were met: the search had to rule everything out in some runs.
    expect(nothing).toBeGreaterThan(20);
  });

  it("finds a difference across two breakdowns: a level of 6 that holds an agency type of 5", () => {
    const groups = [
      { key: "level:team", members: range(0, 6) },
      { key: "agency:health", members: range(0, 5) },
      { key: "level:organisation", members: range(6, 20) },
    ];
    expect(findDisclosure(20, groups, 5)?.people).toBe(1);
    const plan = planJointSuppression(20, groups, 5);
    expect(
      findDisclosure(
        20,
        groups.filter((g) => plan.get(g.key) === "publish"),
        5,
      ),
    ).toBeNull();
  });

  it("leaves groups alone when every remainder is 0 or at least the threshold", () => {
    const groups = [
      { key: "a", members: range(0, 10) },
      { key: "b", members: range(10, 20) },
    ];
    expect([...planJointSuppression(20, groups, 5).values()]).toEqual(["publish", "publish"]);
  });

  it("hides a figure whose n moved by fewer than the threshold since an earlier snapshot", () => {
    const earlier = { overall: { status: "ok", n: 10, score: 50 }, other: { status: "ok", n: 10, score: 40 } };
    const now = { overall: { status: "ok", n: 11, score: 54.5 }, other: { status: "ok", n: 15, score: 41 } };
    const out = suppressAgainstEarlier(now, [earlier], 5);
    expect(out.overall.status).toBe("suppressed");
    expect(out.other).toEqual(now.other);
  });
});
