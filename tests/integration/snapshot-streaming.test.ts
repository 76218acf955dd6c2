/**
 * Issue 19: a published snapshot streams the round's answers in batches and keeps of each
 * response one byte per question (app/models/results.server.ts streamScoringResponses,
 * PackedAnswers), never the round's answers as objects. This test checks, on SQLite and
 * PostgreSQL, that what it publishes is exactly what the domain scoring (scoreRound) gives over
 * the same answers read in one piece as plain objects, in another order: every figure,
 * suppressed groups, SDs, intervals, medians, alpha, the continuum and partner medians, the
 * organisation and team views (a suppressed team included), the export rule; for a first
 * snapshot and for a second one planned jointly with the first.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AGENCY_TYPE_KEYS, type AgencyTypeKey, type LevelKey } from "../../app/domain/framework";
import { readScoredItems } from "../../app/domain/instrument";
import { demoAnswers, seededRandom } from "../../app/domain/demo-answers";
import { scoreRound, type RoundResult } from "../../app/domain/scoring";
import { exportableResponses } from "../../app/domain/exports/answer-export";
import { createPartnership, listAgencies } from "../../app/models/partnership.server";
import { allMarkers, questionnaireFor, SURVEYS } from "../../app/models/questionnaire.server";
import { agencyInputs } from "../../app/models/report.server";
import { loadSubmittedResponses, streamScoringResponses } from "../../app/models/results.server";
import { createTeam, teamInputs } from "../../app/models/team.server";
import { createRound, getRound } from "../../app/models/round.server";
import { listSnapshots, snapshotIds, takeSnapshot } from "../../app/models/snapshot.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

interface Seed {
  kind: "professional" | "family";
  level?: LevelKey;
  agency?: AgencyTypeKey;
  family?: "parent_carer" | "young_person";
  mode?: "paper" | "assisted";
  /** Share of scored items kept (the rest unanswered): below one half, left out by the half rule. */
  keep?: number;
  dontKnowOnly?: boolean;
  /** A team of the respondent's organisation, by name. */
  team?: "North" | "South";
}

describe.each(DIALECTS)("Streamed snapshot equals the domain scoring (%s)", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("publishes exactly scoreRound's figures, suppression included, in batches, twice", async () => {
    const partnershipId = await createPartnership(t.db, {
      name: "Stream",
      area: "Stream",
      localAuthority: "Stream",
      agencies: AGENCY_TYPE_KEYS.slice(0, 4).map((type) => ({ id: `ag-${type}`, name: type, type })),
      leadUserId: null,
    });
    const roundId = await createRound(t.db, {
      partnershipId,
      name: "Stream",
      form: "full",
      includeContinuum: true,
      includeFamily: true,
      opensOn: "2026-01-01",
      closesOn: "2026-12-31",
      suppressionThreshold: 5,
    });
    const round = (await getRound(t.db, { partnershipId, roundId }))!;
    const agencyRows = await listAgencies(t.db, partnershipId);
    const healthId = agencyRows.find((a) => a.agency_type === "health")!.id;
    for (const name of ["North", "South"]) await createTeam(t.db, { partnershipId, agencyId: healthId, name });
    const teams = await teamInputs(t.db, partnershipId);
    const surveys = {
      professional: questionnaireFor(round, agencyRows, "professional"),
      family: questionnaireFor(round, agencyRows, "family"),
    };
    const scoredKeys = new Set(
      [...readScoredItems(SURVEYS.professional), ...readScoredItems(SURVEYS.family)].map((i) => i.key),
    );
    const random = seededRandom(19);
    let next = 0;
    const insert = async (seeds: Seed[]) => {
      const at = new Date().toISOString();
      for (const s of seeds) {
        // Ids in no particular order, so that id order is not insertion order.
        const id = `r${String(Math.floor(random() * 1e9)).padStart(9, "0")}-${next++}`;
        const answers = demoAnswers(surveys[s.kind], random, { agencies: agencyRows, dontKnowRate: 0.08 });
        // Values scoring does not read, which packing leaves out: a number out of range, a
        // non-numeric string and free text.
        answers.comments = "We share a plan, mostly.";
        if (next % 5 === 0) answers.respondent_note = 250;
        for (const key of Object.keys(answers)) {
          if (!scoredKeys.has(key)) continue;
          if (s.dontKnowOnly) answers[key] = "dont_know";
          else if (s.keep !== undefined && random() > s.keep) delete answers[key];
        }
        const agency = s.agency ?? "social_work";
        await t.db
          .insertInto("responses")
          .values({
            id,
            round_id: roundId,
            invitation_id: null,
            kind: s.kind,
            resume_hash: `h-${id}`,
            respondent_level: s.kind === "family" ? null : (s.level ?? "team"),
            agency_type: s.kind === "family" ? null : agency,
            agency_id: s.kind === "family" ? null : (agencyRows.find((a) => a.agency_type === agency)?.id ?? null),
            family_group: s.kind === "family" ? (s.family ?? "parent_carer") : null,
            entry_mode: s.mode ?? null,
            team_id: s.team ? teams.find((x) => x.name === s.team && x.agencyId === healthId)!.id : null,
            status: "submitted",
            current_page: 0,
            created_at: at,
            updated_at: at,
            submitted_at: at,
          })
          .execute();
        const rows = Object.entries(answers).map(([item_key, v]) => ({
          response_id: id,
          item_key,
          value: JSON.stringify(v),
          numeric: typeof v === "number" ? v : null,
          updated_at: at,
        }));
        for (let i = 0; i < rows.length; i += 100)
          await t.db
            .insertInto("answers")
            .values(rows.slice(i, i + 100))
            .execute();
      }
    };
    const many = (n: number, s: Seed): Seed[] => Array.from({ length: n }, () => ({ ...s }));
    const agencies = AGENCY_TYPE_KEYS.slice(0, 4);
    await insert([
      ...agencies.flatMap((agency) => many(9, { kind: "professional", level: "team", agency })),
      ...many(8, { kind: "professional", level: "organisation", agency: "health", team: "North" }),
      // A team of three: its view is suppressed.
      ...many(3, { kind: "professional", level: "organisation", agency: "health", team: "South" }),
      ...many(4, { kind: "professional", level: "organisation", agency: "health" }),
      // Small groups: two national staff, three paper entries, two young people.
      ...many(2, { kind: "professional", level: "national", agency: "education" }),
      ...many(3, { kind: "professional", level: "local_authority", agency: "health", mode: "paper" }),
      ...many(6, { kind: "professional", level: "local_authority", agency: "police", keep: 0.3 }),
      ...many(4, { kind: "professional", level: "team", agency: "health", dontKnowOnly: true }),
      ...many(8, { kind: "family", family: "parent_carer" }),
      ...many(2, { kind: "family", family: "young_person" }),
    ]);

    const score = async (earlier: { responseIds: readonly string[]; result: RoundResult }[]) => {
      const responses = await loadSubmittedResponses(t.db, { roundId, form: "full" });
      // The domain scoring over the answers in one piece, in reverse id order.
      const inOrder = [...responses].sort((a, b) => (a.id < b.id ? 1 : -1));
      const result = scoreRound({
        responses: inOrder,
        items: readScoredItems(SURVEYS.professional),
        familyItems: readScoredItems(SURVEYS.family),
        markers: allMarkers(),
        agencies: await agencyInputs(t.db, partnershipId),
        teams,
        threshold: 5,
        earlier,
      });
      return { responses, result, exportable: exportableResponses(result, inOrder, 5) };
    };

    // The batches: every submitted response once, in id order, at most `batch` at a time.
    const seen: string[] = [];
    await t.db.transaction().execute(async (trx) => {
      for await (const b of streamScoringResponses(trx, { roundId, form: "full" }, 7)) {
        expect(b.length).toBeLessThanOrEqual(7);
        seen.push(...b.map((r) => r.id));
      }
    });
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);

    const first = await score([]);
    expect(seen.length).toBe(first.responses.length);
    const made = await takeSnapshot(t.db, {
      round,
      kind: "interim",
      agencies: await agencyInputs(t.db, partnershipId),
      batch: 7,
    });
    const snap = made.snapshot!;
    expect(snap.content.result).toEqual(JSON.parse(JSON.stringify(first.result)));
    expect(snap.content.exportable.status).toBe(first.exportable.status);
    const ids = await snapshotIds(t.db, snap.id);
    expect(ids.exportable).toEqual(first.exportable.status === "ok" ? first.exportable.ids : null);
    expect(ids.responseIds).toEqual(first.responses.map((r) => r.id).sort());
    // The page's JSON holds no response id (they are in ids_json, issue 19).
    const stored = await t.db
      .selectFrom("result_snapshots")
      .select(["result_json", "published", "by_questionnaire_json"])
      .where("id", "=", snap.id)
      .executeTakeFirstOrThrow();
    for (const id of ids.responseIds) expect(stored.result_json).not.toContain(id);
    expect(stored.published).toBe(1);
    expect(JSON.parse(stored.by_questionnaire_json!)).toEqual(snap.content.byQuestionnaire);
    expect(snap.submittedCount).toBe(first.responses.length);

    // The figures the test means to cover are there: shown and suppressed groups, SD, CI, median, alpha.
    const result = snap.content.result;
    if (result.status !== "ok" || result.professional.status !== "ok" || result.family.status !== "ok")
      throw new Error(`expected figures, got ${result.status}`);
    expect(result.respondents.byLevel.national.status).toBe("suppressed");
    expect(result.respondents.byMode?.paper.status).toBe("suppressed");
    expect(result.respondents.byFamilyGroup.young_person.status).toBe("suppressed");
    const vision = result.professional.components[0]!;
    if (vision.overall.status !== "ok") throw new Error("expected an overall figure");
    expect(vision.overall.sd).toBeGreaterThan(0);
    expect(vision.overall.ci95.low).toBeLessThan(vision.overall.ci95.high);
    expect(vision.overall.leftOut).toBeGreaterThan(0);
    expect(result.professional.components.some((c) => c.alpha.status === "ok")).toBe(true);
    expect(result.continuum.status).toBe("ok");
    expect(result.partners.status).toBe("ok");
    const teamViews = result.groups?.teams ?? [];
    expect(teamViews.find((v) => v.key === teams.find((x) => x.name === "North")!.id)?.respondents.status).toBe("ok");
    expect(teamViews.find((v) => v.key === teams.find((x) => x.name === "South")!.id)?.respondents.status).toBe(
      "suppressed",
    );
    expect(result.groups?.organisations.find((v) => v.key === healthId)?.respondents.status).toBe("ok");

    // A second snapshot after more responses, planned jointly with the first.
    await insert([
      ...many(6, { kind: "professional", level: "organisation", agency: "police" }),
      ...many(3, { kind: "professional", level: "national", agency: "health" }),
    ]);
    const earlier = [];
    for (const s of await listSnapshots(t.db, roundId))
      earlier.push({ responseIds: (await snapshotIds(t.db, s.id)).responseIds, result: s.content.result });
    const second = await score(earlier);
    const again = await takeSnapshot(t.db, {
      round,
      kind: "final",
      agencies: await agencyInputs(t.db, partnershipId),
      batch: 5,
    });
    expect(again.snapshot, again.rule.reason ?? "").not.toBeNull();
    expect(again.snapshot!.content.result).toEqual(JSON.parse(JSON.stringify(second.result)));
    expect(again.snapshot!.content.exportable.status).toBe(second.exportable.status);
    expect((await snapshotIds(t.db, again.snapshot!.id)).exportable).toEqual(
      second.exportable.status === "ok" ? second.exportable.ids : null,
    );
  });
});
