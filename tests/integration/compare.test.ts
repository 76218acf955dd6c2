import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPONENT_KEYS, LEVEL_KEYS } from "../../app/domain/framework";
import type { RoundResult, ScoreFigure } from "../../app/domain/scoring";
import type { CompareFigure } from "../../app/domain/comparison";
import { FILTER_VALUES, type Comparison } from "../../app/domain/compare-areas";
import { compareAreas, listSharedAreas, type SharedArea } from "../../app/models/compare.server";
import { agencyInputs, roundReport } from "../../app/models/report.server";
import { getRound, setRoundStatus } from "../../app/models/round.server";
import { takeSnapshot } from "../../app/models/snapshot.server";
import { grantCommissioner } from "../../app/models/commissioner.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";
import { answerArea, seedArea } from "../support/seed-rounds";

/** Generated answers with gaps, so that the half rule and "don't know" both matter. */
const withGaps = (answers: Record<string, string | number>, _i: number, random: () => number) => {
  for (const key of Object.keys(answers))
    if (key.includes("__") && !key.startsWith("partner_") && random() < 0.3) delete answers[key];
};

async function makeArea(
  t: TestDatabase,
  name: string,
  respondents: number,
  seed: number,
  options: { close?: boolean; closesOn?: string } = {},
) {
  const { pid, rid, round } = await seedArea(t.db, {
    name,
    respondents,
    seed,
    thirdAgency: { label: "police", type: "police" },
    roundName: `${name} round`,
    dontKnowRate: 0.15,
    edit: withGaps,
    ...options,
  });
  return { pid, rid, round };
}

async function answer(t: TestDatabase, pid: string, rid: string, respondents: number, seed: number) {
  await answerArea(t.db, pid, rid, { respondents, seed, dontKnowRate: 0.15, edit: withGaps });
}

/** Same status, and for shown figures the same score, n and interval. */
function expectSameFigure(mine: CompareFigure, published: ScoreFigure, where: string) {
  expect(mine.status, where).toBe(published.status);
  if (mine.status === "ok" && published.status === "ok") {
    expect(mine.score, where).toBe(published.score);
    expect(mine.n, where).toBe(published.n);
    expect(mine.ci95, where).toEqual(published.ci95);
  }
}

describe.each(DIALECTS)("the commissioner comparison, from published snapshots, on %s", (dialect) => {
  let t: TestDatabase;
  let areas: Awaited<ReturnType<typeof makeArea>>[];
  const published = new Map<string, RoundResult>();

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    areas = [
      await makeArea(t, "Avonford", 40, 1),
      await makeArea(t, "Brightwater", 25, 2),
      await makeArea(t, "Cobham", 7, 3),
    ];
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  const all = () => listSharedAreas(t.db, { id: "admin", is_admin: 1 });
  const only = async (pid: string) => (await all()).filter((a) => a.id === pid);
  /** The snapshot the results page shows (read after the comparison made it). */
  const snapshotOf = async (a: { pid: string; rid: string }) => {
    const report = (await roundReport(t.db, { partnershipId: a.pid, roundId: a.rid }))!;
    expect(report.source).toBe("snapshot");
    published.set(a.rid, report.result);
    return report.result;
  };
  const professional = (rid: string) => {
    const r = published.get(rid)!;
    if (r.status !== "ok" || r.professional.status !== "ok") throw new Error("expected results");
    return r.professional;
  };

  it("shows exactly the figures of each round's published snapshot, overall and by item level", async () => {
    const comparison = await compareAreas(t.db, { areas: await all(), filter: { kind: "all" } });
    let compared = 0;
    for (const a of areas) {
      await snapshotOf(a);
      const area = comparison.areas.find((x) => x.id === a.pid)!;
      expect(area.current?.round.id).toBe(a.rid);
      expect(area.current?.round.snapshot.kind).toBe("final");
      for (const c of professional(a.rid).components) {
        const mine = area.current!.components[c.component];
        expectSameFigure(mine.overall, c.overall, `${a.pid} ${c.component}`);
        for (const level of LEVEL_KEYS)
          expectSameFigure(mine.byItemLevel[level], c.byItemLevel[level], `${a.pid} ${c.component} ${level} items`);
        compared++;
      }
      const r = published.get(a.rid)!;
      if (r.status !== "ok") throw new Error("expected results");
      if (r.continuum.status === "ok") expect(area.current!.continuum.placement).toEqual(r.continuum.placement);
    }
    expect(compared).toBe(3 * COMPONENT_KEYS.length);
    // The snapshots were made once: a second comparison reads the same ones.
    const snapshots = await t.db.selectFrom("result_snapshots").select(["round_id", "compare_json"]).execute();
    expect(snapshots).toHaveLength(3);
    // Each keeps the comparison's extract, so that later comparisons need not parse the whole result.
    for (const s of snapshots) expect(JSON.parse(s.compare_json!)).toHaveProperty("components.vision.overall");
  });

  it("offers a filter only where the group and the rest of the area both reach the threshold, and shows the snapshot's figure", async () => {
    let shownFigures = 0;
    for (const filter of FILTER_VALUES) {
      const comparison = await compareAreas(t.db, { areas: await all(), filter });
      for (const a of areas) {
        const r = published.get(a.rid)!;
        if (r.status !== "ok") continue;
        const area = comparison.areas.find((x) => x.id === a.pid)!.current!;
        const group =
          filter.kind === "level" ? r.respondents.byLevel[filter.key] : r.respondents.byAgencyType[filter.key];
        const staff = r.respondents.byQuestionnaire.professional;
        const offered = group.status === "ok" && staff.status === "ok" && group.n >= 5 && staff.n - group.n >= 5;
        expect(area.filterOffered, `${a.pid} ${filter.kind}:${filter.key}`).toBe(offered);
        expect(area.respondents.status).toBe(offered ? "ok" : "suppressed");
        for (const c of professional(a.rid).components) {
          const mine = area.components[c.component].overall;
          if (mine.status !== "ok") continue;
          const theirs = filter.kind === "level" ? c.byRespondentLevel[filter.key] : c.byAgencyType[filter.key];
          expectSameFigure(mine, theirs, `${a.pid} ${c.component} ${filter.kind}:${filter.key}`);
          // The group and the rest of the component's respondents both reach the threshold.
          expect(mine.n).toBeGreaterThanOrEqual(5);
          expect(c.overall.status === "ok" ? c.overall.n - mine.n : 0).toBeGreaterThanOrEqual(5);
          shownFigures++;
        }
      }
      const offeredValues = comparison.filtersOffered.map((f) => (f.kind === "all" ? "all" : `${f.kind}:${f.key}`));
      const anyOffered = comparison.areas.some((x) => x.current?.filterOffered);
      expect(offeredValues.includes(`${filter.kind}:${filter.key}`)).toBe(anyOffered);
      expectNothingSmall(comparison);
    }
    // Not vacuous: some filtered figures are shown.
    expect(shownFigures).toBeGreaterThan(0);
  });

  it("shows nothing but 'c' for an area of 7 respondents filtered to one level", async () => {
    const small = areas[2]!;
    const comparison = await compareAreas(t.db, {
      areas: await only(small.pid),
      filter: { kind: "level", key: "team" },
    });
    const current = comparison.areas[0]!.current!;
    for (const key of COMPONENT_KEYS) {
      expect(current.components[key].overall.status).not.toBe("ok");
      for (const level of LEVEL_KEYS) expect(current.components[key].byItemLevel[level].status).not.toBe("ok");
    }
    expect(current.respondents.status).toBe("suppressed");
    expect(comparison.filtersOffered).toEqual([{ kind: "all" }]);
  });

  it("shows an open round without a snapshot as 'no published results yet', and an interim snapshot without live changes", async () => {
    const open = await makeArea(t, "Dunmore", 12, 4, { close: false, closesOn: "2026-12-31" });
    let comparison = await compareAreas(t.db, { areas: await only(open.pid), filter: { kind: "all" } });
    expect(comparison.areas[0]!.current).toBeNull();
    expect(comparison.areas[0]!.unpublished?.id).toBe(open.rid);
    expect(comparison.areas[0]!.trend).toEqual([]);

    const round = (await getRound(t.db, { partnershipId: open.pid, roundId: open.rid }))!;
    const { snapshot } = await takeSnapshot(t.db, {
      round,
      kind: "interim",
      agencies: await agencyInputs(t.db, open.pid),
    });
    expect(snapshot).not.toBeNull();
    comparison = await compareAreas(t.db, { areas: await only(open.pid), filter: { kind: "all" } });
    const before = comparison.areas[0]!.current!;
    expect(before.round.snapshot.kind).toBe("interim");
    expect(comparison.areas[0]!.unpublished).toBeNull();
    // Two more responses: no recomputation, the same figures as before.
    await answer(t, open.pid, open.rid, 2, 40);
    comparison = await compareAreas(t.db, { areas: await only(open.pid), filter: { kind: "all" } });
    expect(comparison.areas[0]!.current!.components).toEqual(before.components);
    expect(comparison.areas[0]!.current!.respondents).toEqual(before.respondents);
  });

  it("reads the new final snapshot after a round is reopened and closed with enough new answers", async () => {
    const a = areas[1]!;
    await setRoundStatus(t.db, { partnershipId: a.pid, roundId: a.rid, status: "open" });
    await answer(t, a.pid, a.rid, 5, 99);
    await new Promise((r) => setTimeout(r, 5));
    await setRoundStatus(t.db, { partnershipId: a.pid, roundId: a.rid, status: "closed" });
    const round = (await getRound(t.db, { partnershipId: a.pid, roundId: a.rid }))!;
    const { snapshot } = await takeSnapshot(t.db, {
      round,
      kind: "final",
      agencies: await agencyInputs(t.db, a.pid),
    });
    expect(snapshot?.submittedCount).toBe(30);
    const comparison = await compareAreas(t.db, { areas: await only(a.pid), filter: { kind: "all" } });
    const r = snapshot!.content.result;
    if (r.status !== "ok" || r.professional.status !== "ok") throw new Error("expected results");
    for (const c of r.professional.components)
      expectSameFigure(comparison.areas[0]!.current!.components[c.component].overall, c.overall, c.component);
  });

  it("dates a round by its own closing date, and shows a benchmark only with 5 areas the viewer cannot see", async () => {
    // A round closed late (after its closing date) belongs to its closing date, not to the day it was closed.
    const late = areas[0]!;
    await t.db
      .updateTable("rounds")
      .set({ closes_on: "2025-12-27", closed_at: "2026-03-04T10:00:00.000Z" })
      .where("id", "=", late.rid)
      .execute();
    let comparison = await compareAreas(t.db, { areas: await only(late.pid), filter: { kind: "all" } });
    expect(comparison.areas[0]!.current!.round.closedOn).toBe("2025-12-27");
    expect(comparison.areas[0]!.trend.map((x) => x.closedOn)).toEqual(["2025-12-27"]);

    // Five more areas share with another commissioner; the viewer sees Avonford only.
    const viewer: SharedArea[] = await only(late.pid);
    const other = "other-commissioner";
    await t.db
      .insertInto("users")
      .values({
        id: other,
        email: "o@example.org",
        name: "O",
        password_hash: "x",
        is_admin: 0,
        created_at: "2026-01-01",
      })
      .execute();
    await grantCommissioner(t.db, { partnershipId: late.pid, userId: other, grantedBy: other });
    const pool = [areas[1]!, areas[2]!];
    for (const a of pool) await grantCommissioner(t.db, { partnershipId: a.pid, userId: other, grantedBy: other });
    comparison = await compareAreas(t.db, { areas: viewer, filter: { kind: "all" } });
    // Brightwater has figures, Cobham (7) may: fewer than 5 unseen areas in any case.
    for (const key of COMPONENT_KEYS) expect(comparison.benchmark.components[key].status).not.toBe("ok");
    expect(comparison.benchmark.hiddenReason).toMatch(/hidden: it needs at least 5 sharing areas/);

    for (let i = 0; i < 4; i++) {
      const extra = await makeArea(t, `Extra ${i}`, 8, 50 + i);
      await grantCommissioner(t.db, { partnershipId: extra.pid, userId: other, grantedBy: other });
    }
    comparison = await compareAreas(t.db, { areas: viewer, filter: { kind: "all" } });
    const shown = COMPONENT_KEYS.filter((k) => comparison.benchmark.components[k].status === "ok");
    expect(shown.length).toBeGreaterThan(0);
    expect(comparison.benchmark.hiddenReason).toBeNull();
    for (const k of shown) {
      const b = comparison.benchmark.components[k];
      if (b.status !== "ok") continue;
      for (const v of [b.median, b.q1, b.q3]) expect(Number.isInteger(v)).toBe(true);
    }
    // The same pool seen by someone who can see every one of those areas: hidden again.
    comparison = await compareAreas(t.db, {
      areas: viewer,
      filter: { kind: "all" },
      visibleAreaIds: new Set((await all()).map((a) => a.id)),
    });
    for (const key of COMPONENT_KEYS) expect(comparison.benchmark.components[key].status).not.toBe("ok");
    expect(comparison.benchmark.hiddenReason).toContain("there are none");
  }, 120_000);
});

/** No shown figure anywhere rests on fewer than 5 respondents. */
function expectNothingSmall(comparison: Comparison) {
  for (const area of comparison.areas) {
    if (!area.current) continue;
    for (const key of COMPONENT_KEYS) {
      const comp = area.current.components[key];
      for (const f of [comp.overall, ...Object.values(comp.byItemLevel)])
        if (f.status === "ok") expect(f.n).toBeGreaterThanOrEqual(5);
    }
  }
}
