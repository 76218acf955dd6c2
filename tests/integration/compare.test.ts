import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAnswers, seededRandom } from "../../app/domain/demo-answers";
import { AGENCY_TYPE_KEYS, COMPONENT_KEYS, LEVEL_KEYS } from "../../app/domain/framework";
import { readScoredItems } from "../../app/domain/instrument";
import { scoreRound, type RoundResult, type ScoreFigure } from "../../app/domain/scoring";
import type { CompareFigure } from "../../app/domain/comparison";
import type { Comparison } from "../../app/domain/compare-areas";
import { compareAreas, listSharedAreas } from "../../app/models/compare.server";
import { syncItemCatalogue } from "../../app/models/item-catalogue.server";
import { createPartnership, listAgencies } from "../../app/models/partnership.server";
import { allMarkers, questionnaireFor, SURVEYS } from "../../app/models/questionnaire.server";
import { loadSubmittedResponses } from "../../app/models/results.server";
import { saveResponse } from "../../app/models/response.server";
import { createRound, listInvitations, setRoundStatus } from "../../app/models/round.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

/** Generated answers with gaps, so that the half rule and "don't know" both matter. */
async function makeArea(t: TestDatabase, name: string, respondents: number, seed: number) {
  const pid = await createPartnership(t.db, {
    name,
    area: name,
    localAuthority: `${name} Council`,
    leadUserId: null,
    agencies: [
      { name: `${name} social care`, type: "social_work" },
      { name: `${name} health`, type: "health" },
      { name: `${name} police`, type: "police" },
    ],
  });
  const rid = await createRound(t.db, {
    partnershipId: pid,
    name: `${name} round`,
    form: "full",
    includeContinuum: true,
    includeFamily: false,
    opensOn: "2026-01-01",
    closesOn: "2026-02-01",
    suppressionThreshold: 5,
  });
  const round = await t.db.selectFrom("rounds").selectAll().where("id", "=", rid).executeTakeFirstOrThrow();
  const agencies = await listAgencies(t.db, pid);
  const invitation = (await listInvitations(t.db, rid)).find((i) => i.kind === "professional")!;
  const survey = questionnaireFor(round, agencies, "professional");
  const random = seededRandom(seed);
  for (let i = 0; i < respondents; i++) {
    const answers = demoAnswers(survey, random, { agencies, dontKnowRate: 0.15 });
    // Drop a random share of items: some respondents fall below half of a component.
    for (const key of Object.keys(answers))
      if (key.includes("__") && !key.startsWith("partner_") && random() < 0.3) delete answers[key];
    await saveResponse(t.db, { invitation, existing: null, answers, currentPage: 0, submit: true });
  }
  await setRoundStatus(t.db, { partnershipId: pid, roundId: rid, status: "closed" });
  return { pid, rid, round };
}

async function scored(t: TestDatabase, rid: string): Promise<RoundResult> {
  return scoreRound({
    responses: await loadSubmittedResponses(t.db, { roundId: rid, form: "full" }),
    items: readScoredItems(SURVEYS.professional),
    markers: allMarkers(),
    agencies: [],
    threshold: 5,
  });
}

/** Same status, and for shown figures the same score (to 0.1), n and interval. */
function expectSameFigure(sqlFigure: CompareFigure, js: ScoreFigure, where: string) {
  expect(sqlFigure.status, where).toBe(js.status);
  if (sqlFigure.status === "ok" && js.status === "ok") {
    expect(Math.abs(sqlFigure.score - js.score), `${where}: ${sqlFigure.score} vs ${js.score}`).toBeLessThanOrEqual(
      0.1,
    );
    expect(sqlFigure.n, where).toBe(js.n);
    expect(Math.abs(sqlFigure.ci95.low - js.ci95.low), where).toBeLessThanOrEqual(0.1);
    expect(Math.abs(sqlFigure.ci95.high - js.ci95.high), where).toBeLessThanOrEqual(0.1);
  } else if (sqlFigure.status !== "ok" && js.status !== "ok") {
    expect(sqlFigure.reason, where).toBe(js.reason);
  }
}

describe.each(DIALECTS)("comparison aggregates on %s", (dialect) => {
  let t: TestDatabase;
  let areas: Awaited<ReturnType<typeof makeArea>>[];
  const results = new Map<string, RoundResult>();

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await syncItemCatalogue(t.db);
    areas = [
      await makeArea(t, "Avonford", 40, 1),
      await makeArea(t, "Brightwater", 25, 2),
      await makeArea(t, "Cobham", 7, 3),
    ];
    for (const a of areas) results.set(a.rid, await scored(t, a.rid));
  }, 120_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  const all = () => listSharedAreas(t.db, { id: "admin", is_admin: 1 });
  const professional = (rid: string) => {
    const r = results.get(rid)!;
    if (r.status !== "ok" || r.professional.status !== "ok") throw new Error("expected results");
    return r.professional;
  };

  it("gives the same component scores, n and intervals as scoreRound, overall and by item level", async () => {
    const comparison = await compareAreas(t.db, { areas: await all(), filter: { kind: "all" } });
    let compared = 0;
    for (const a of areas) {
      const area = comparison.areas.find((x) => x.id === a.pid)!;
      expect(area.current?.round.id).toBe(a.rid);
      for (const c of professional(a.rid).components) {
        const mine = area.current!.components[c.component];
        expectSameFigure(mine.overall, c.overall, `${a.pid} ${c.component}`);
        for (const level of LEVEL_KEYS)
          expectSameFigure(mine.byItemLevel[level], c.byItemLevel[level], `${a.pid} ${c.component} ${level} items`);
        compared++;
      }
    }
    expect(compared).toBe(3 * COMPONENT_KEYS.length);
  });

  it("places each area on the continuum as scoreRound does", async () => {
    const comparison = await compareAreas(t.db, { areas: await all(), filter: { kind: "all" } });
    let placed = 0;
    for (const a of areas) {
      const r = results.get(a.rid)!;
      const mine = comparison.areas.find((x) => x.id === a.pid)!.current!.continuum;
      if (r.status !== "ok" || r.continuum.status !== "ok") throw new Error("expected a continuum");
      const js = r.continuum;
      // Both paths publish the same figure, whatever its status: the placement (current stage,
      // non-cumulative stages, lower bound) and the target median, or the same reason for none.
      expect(mine.placement, a.pid).toEqual(js.placement);
      expect(mine.target.status, a.pid).toBe(js.target.status);
      expect(mine.target.status === "ok" ? mine.target.median : mine.target.reason, a.pid).toBe(
        js.target.status === "ok" ? js.target.median : js.target.reason,
      );
      if (js.placement.status === "ok") placed++;
    }
    // The two larger areas (40 and 25 respondents) have placements to compare; a run that
    // compared only hidden figures would prove nothing.
    expect(placed).toBeGreaterThanOrEqual(2);
  });

  /**
   * The commissioner view's filters still apply the per-table rule of its SQL aggregates
   * (comparison.ts), while scoreRound now plans its breakdowns jointly (issue 13): a filtered
   * figure both show must be the same; where one hides it, the other may show it, since the
   * two rules can choose different groups to hide (the follow-up
   * is to read the comparison from published snapshots, docs/data-protection.md).
   */
  const expectFilterFigure = (sqlFigure: CompareFigure, js: ScoreFigure, where: string) => {
    // The two rules may choose different groups to hide; figures both show must agree.
    if (
      (js.status === "suppressed" || sqlFigure.status === "suppressed") &&
      !(js.status === "ok" && sqlFigure.status === "ok")
    )
      return;
    expectSameFigure(sqlFigure, js, where);
  };

  it("applies the breakdown's primary and secondary suppression under every filter", async () => {
    for (const level of LEVEL_KEYS) {
      const comparison = await compareAreas(t.db, { areas: await all(), filter: { kind: "level", key: level } });
      for (const a of areas) {
        for (const c of professional(a.rid).components) {
          expectFilterFigure(
            comparison.areas.find((x) => x.id === a.pid)!.current!.components[c.component].overall,
            c.byRespondentLevel[level],
            `${a.pid} ${c.component} level ${level}`,
          );
        }
      }
      expectNothingSmall(comparison);
    }
    for (const agency of AGENCY_TYPE_KEYS) {
      const comparison = await compareAreas(t.db, { areas: await all(), filter: { kind: "agency", key: agency } });
      for (const a of areas) {
        for (const c of professional(a.rid).components) {
          expectFilterFigure(
            comparison.areas.find((x) => x.id === a.pid)!.current!.components[c.component].overall,
            c.byAgencyType[agency],
            `${a.pid} ${c.component} agency ${agency}`,
          );
        }
      }
      expectNothingSmall(comparison);
    }
  });

  it("shows nothing but 'c' for an area of 7 respondents filtered to one level", async () => {
    const small = areas[2]!;
    const comparison = await compareAreas(t.db, {
      areas: (await all()).filter((a) => a.id === small.pid),
      filter: { kind: "level", key: "team" },
    });
    const current = comparison.areas[0]!.current!;
    for (const key of COMPONENT_KEYS) {
      const f = current.components[key].overall;
      expect(f.status === "ok" ? f.n : 0).not.toBeGreaterThan(0); // 7 respondents over 4 levels: no level reaches 5 and leaves 0 or 5+ outside
      for (const level of LEVEL_KEYS) expect(current.components[key].byItemLevel[level].status).not.toBe("ok");
    }
    expect(current.respondents.status).toBe("suppressed");
  });

  it("withholds the benchmark until 5 areas share, and computes it from shown figures only", async () => {
    const comparison = await compareAreas(t.db, { areas: await all(), filter: { kind: "all" } });
    // No commissioner grants in this database: nobody shares, so no benchmark.
    expect(comparison.benchmark.sharingAreas).toBe(0);
    for (const key of COMPONENT_KEYS) expect(comparison.benchmark.components[key].status).not.toBe("ok");
  });

  it("reads the kept sums again after a round is reopened and closed with more answers", async () => {
    const a = areas[1]!;
    await setRoundStatus(t.db, { partnershipId: a.pid, roundId: a.rid, status: "open" });
    const agencies = await listAgencies(t.db, a.pid);
    const invitation = (await listInvitations(t.db, a.rid)).find((i) => i.kind === "professional")!;
    const random = seededRandom(99);
    for (let i = 0; i < 5; i++) {
      await saveResponse(t.db, {
        invitation,
        existing: null,
        answers: demoAnswers(questionnaireFor(a.round, agencies, "professional"), random, { agencies }),
        currentPage: 0,
        submit: true,
      });
    }
    // closed_at changes on closing again, which makes the kept sums stale.
    await new Promise((r) => setTimeout(r, 5));
    await setRoundStatus(t.db, { partnershipId: a.pid, roundId: a.rid, status: "closed" });
    const fresh = await scored(t, a.rid);
    const comparison = await compareAreas(t.db, {
      areas: (await all()).filter((x) => x.id === a.pid),
      filter: { kind: "all" },
    });
    if (fresh.status !== "ok" || fresh.professional.status !== "ok") throw new Error("expected results");
    for (const c of fresh.professional.components)
      expectSameFigure(comparison.areas[0]!.current!.components[c.component].overall, c.overall, c.component);
  });
});

/** No shown figure anywhere rests on fewer than 5 respondents. */
function expectNothingSmall(comparison: Comparison) {
  for (const area of comparison.areas) {
    for (const key of COMPONENT_KEYS) {
      const comp = area.current!.components[key];
      for (const f of [comp.overall, ...Object.values(comp.byItemLevel)])
        if (f.status === "ok") expect(f.n).toBeGreaterThanOrEqual(5);
    }
  }
}
