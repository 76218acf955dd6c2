/**
 * Migration 0017 (issue 19): snapshots written before it, with the response ids inside
 * result_json, are rewritten with the ids in ids_json and the snapshot rule's columns filled,
 * and read the same; rows written without the new columns are still read (fallback).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as m0017 from "../../db/migrations/0017_snapshot_ids_apart";
import { newId } from "../../app/crypto.server";
import { scoreRound } from "../../app/domain/scoring";
import { createPartnership } from "../../app/models/partnership.server";
import { createRound } from "../../app/models/round.server";
import { latestSnapshot, snapshotIds, snapshotRule } from "../../app/models/snapshot.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";
import { makeRound } from "../support/test-builders";

describe.each(DIALECTS)("snapshot ids apart, migration 0017 (%s)", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  }, 60_000);
  afterEach(async () => {
    await t?.cleanup();
  });

  /** A partnership named `name` with one full round (threshold 5) of 2024. */
  const partnershipWithRound = async (name: string) => {
    const pid = await createPartnership(t.db, {
      name,
      area: name,
      localAuthority: `${name} Council`,
      leadUserId: null,
      agencies: [{ name: `${name} social care`, type: "social_work" }],
    });
    const rid = await createRound(t.db, {
      partnershipId: pid,
      name: `${name} round`,
      form: "full",
      includeContinuum: true,
      includeFamily: false,
      opensOn: "2024-01-01",
      closesOn: "2024-12-31",
      suppressionThreshold: 5,
    });
    return { pid, rid };
  };

  it("moves the ids of an older snapshot out of result_json and reads it as before", async () => {
    const { rid } = await partnershipWithRound("Old");
    const result = scoreRound(makeRound({ respondents: 12, seed: 4 }));
    expect(result.status).toBe("ok");
    const responseIds = Array.from({ length: 12 }, (_, i) => `resp-${String(i).padStart(2, "0")}`);
    await m0017.down(t.db);
    const old = {
      result,
      responseIds,
      byQuestionnaire: { professional: 12, short: 0, family: 0 },
      exportable: { status: "ok", ids: responseIds.slice(0, 10) },
      exportableByKind: { professional: 10, family: 0 },
    };
    const id = newId();
    await t.db
      .insertInto("result_snapshots")
      .values({
        id,
        round_id: rid,
        kind: "interim",
        taken_at: "2024-06-01T10:00:00.000Z",
        submitted_count: 12,
        result_json: JSON.stringify(old),
      } as never)
      .execute();
    await m0017.up(t.db);

    const row = await t.db.selectFrom("result_snapshots").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    for (const r of responseIds) expect(row.result_json).not.toContain(r);
    expect(JSON.parse(row.ids_json!)).toEqual({ responseIds, exportable: responseIds.slice(0, 10) });
    expect(row.published).toBe(1);
    expect(JSON.parse(row.by_questionnaire_json!)).toEqual(old.byQuestionnaire);
    const latest = (await latestSnapshot(t.db, rid))!;
    expect(latest.content.result).toEqual(JSON.parse(JSON.stringify(result)));
    expect(latest.content.exportable).toEqual({ status: "ok" });
    expect(latest.content.exportableByKind).toEqual(old.exportableByKind);
    expect(await snapshotIds(t.db, id)).toEqual({ responseIds, exportable: responseIds.slice(0, 10) });
    // The rule reads the published row's own columns: 12 submitted then, none since.
    const rule = await snapshotRule(t.db, { id: rid, form: "full", suppression_threshold: 5 });
    expect(rule.sinceLast).toBe(rule.submitted - 12);
    expect(rule.allowed).toBe(false);

    // Down again restores the older shape.
    await m0017.down(t.db);
    const back = await t.db
      .selectFrom("result_snapshots")
      .select("result_json")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(back.result_json)).toEqual(JSON.parse(JSON.stringify(old)));
    await m0017.up(t.db);
  });

  it("reads a row written without the new columns from result_json", async () => {
    const { rid } = await partnershipWithRound("Raw");
    const result = scoreRound(makeRound({ respondents: 12, seed: 5 }));
    const id = newId();
    await t.db
      .insertInto("result_snapshots")
      .values({
        id,
        round_id: rid,
        kind: "final",
        taken_at: "2024-06-01T10:00:00.000Z",
        submitted_count: 12,
        result_json: JSON.stringify({
          result,
          responseIds: ["a", "b"],
          byQuestionnaire: { professional: 12, short: 0, family: 0 },
          exportable: { status: "ok", ids: ["a"] },
        }),
      })
      .execute();
    expect(await snapshotIds(t.db, id)).toEqual({ responseIds: ["a", "b"], exportable: ["a"] });
    const latest = (await latestSnapshot(t.db, rid))!;
    expect(latest.content).not.toHaveProperty("responseIds");
    const rule = await snapshotRule(t.db, { id: rid, form: "full", suppression_threshold: 5 });
    expect(rule.sinceLast).toBe(rule.submitted - 12);
    expect(rule.allowed).toBe(false);
  });
});
