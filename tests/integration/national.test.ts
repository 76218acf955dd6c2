import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../app/crypto.server";
import { digestSnapshot } from "../../app/domain/national";
import { scoreRound, type RoundResult } from "../../app/domain/scoring";
import { loadNationalAreas, nationalSharingOf, setNationalSharing } from "../../app/models/national.server";
import { createPartnership } from "../../app/models/partnership.server";
import { createRound, setRoundStatus } from "../../app/models/round.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";
import { makeRound } from "../support/test-builders";

describe.each(DIALECTS)("the national view's queries (%s)", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  }, 60_000);
  afterEach(async () => {
    await t?.cleanup();
  });

  async function area(name: string) {
    return createPartnership(t.db, {
      name,
      area: name,
      localAuthority: `${name} Council`,
      leadUserId: null,
      agencies: [{ name: `${name} social care`, type: "social_work" }],
    });
  }
  async function round(pid: string, closesOn: string, status: "open" | "closed") {
    const rid = await createRound(t.db, {
      partnershipId: pid,
      name: `Round closing ${closesOn}`,
      form: "full",
      includeContinuum: true,
      includeFamily: false,
      opensOn: "2024-01-01",
      closesOn,
      suppressionThreshold: 5,
    });
    if (status === "closed") await setRoundStatus(t.db, { partnershipId: pid, roundId: rid, status });
    return rid;
  }
  async function snapshot(rid: string, kind: "interim" | "final", takenAt: string, result: RoundResult) {
    await t.db
      .insertInto("result_snapshots")
      .values({
        id: newId(),
        round_id: rid,
        kind,
        taken_at: takenAt,
        submitted_count: 30,
        result_json: JSON.stringify({
          result,
          responseIds: [],
          byQuestionnaire: {},
          exportable: { status: "ok", ids: [] },
        }),
      })
      .execute();
  }

  it("reads only consenting areas' closed rounds, each from its latest final snapshot, and keeps the digest", async () => {
    const sharing = await area("Sharing");
    const private_ = await area("Private");
    const early = scoreRound(makeRound({ respondents: 12, seed: 1 }));
    const later = scoreRound(makeRound({ respondents: 30, seed: 2 }));
    const interim = scoreRound(makeRound({ respondents: 40, seed: 3 }));
    const closed = await round(sharing, "2025-09-30", "closed");
    await snapshot(closed, "final", "2025-10-01T10:00:00.000Z", early);
    await snapshot(closed, "final", "2025-10-02T10:00:00.000Z", later);
    await snapshot(closed, "interim", "2025-10-03T10:00:00.000Z", interim);
    const open = await round(sharing, "2027-09-30", "open");
    await snapshot(open, "interim", "2026-10-01T10:00:00.000Z", interim);
    const other = await round(private_, "2025-09-30", "closed");
    await snapshot(other, "final", "2025-10-01T10:00:00.000Z", later);

    expect(await loadNationalAreas(t.db)).toEqual([]);
    const user = newId();
    await t.db
      .insertInto("users")
      .values({ id: user, email: "lead@example.org", name: "Lead", password_hash: "x", created_at: "2025-01-01" })
      .execute();
    expect(await setNationalSharing(t.db, { partnershipId: sharing, share: true, userId: user })).toBe(true);
    expect(await setNationalSharing(t.db, { partnershipId: sharing, share: true, userId: user })).toBe(false);
    expect(await nationalSharingOf(t.db, sharing)).not.toBeNull();

    const first = await loadNationalAreas(t.db);
    expect(first.map((a) => a.id)).toEqual([sharing]);
    expect(first[0]!.rounds.map((r) => r.roundId)).toEqual([closed]);
    // The round was closed today, after its planned date: it counts on its own closing date.
    expect(first[0]!.rounds[0]!.closesOn).toBe("2025-09-30");
    expect(first[0]!.rounds[0]!.digest).toEqual(digestSnapshot(later));
    const kept = await t.db.selectFrom("national_snapshot_digests").select("snapshot_id").execute();
    expect(kept).toHaveLength(1);
    // Read again from the kept digest: the same.
    expect(await loadNationalAreas(t.db)).toEqual(first);

    expect(await setNationalSharing(t.db, { partnershipId: sharing, share: false, userId: user })).toBe(true);
    expect(await loadNationalAreas(t.db)).toEqual([]);
    const audit = await t.db.selectFrom("audit_log").select("action").where("partnership_id", "=", sharing).execute();
    expect(audit.map((a) => a.action).filter((a) => a.startsWith("national."))).toEqual([
      "national.shared",
      "national.stopped",
    ]);
  }, 60_000);
});
