import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoAnswers, seededRandom } from "../../app/domain/demo-answers";
import { seedDemo } from "../../app/models/demo.server";
import { listAgencies } from "../../app/models/partnership.server";
import { questionnaireFor } from "../../app/models/questionnaire.server";
import { addMonths, applyRetention, setRetention } from "../../app/models/retention.server";
import { listInvitations, setRoundStatus } from "../../app/models/round.server";
import { saveResponse } from "../../app/models/response.server";
import { sql } from "kysely";
import { openDatabase } from "../../app/db.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

describe.each(DIALECTS)("retention on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("adds calendar months, clamping to the month's end", () => {
    expect(addMonths("2026-01-31T10:00:00.000Z", 1)).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonths("2025-11-22T00:00:00.000Z", 12)).toBe("2026-11-22T00:00:00.000Z");
  });

  /** The demo's round with 8 submitted responses, closed on 15 January 2025, kept for 24 months. */
  async function closedRoundWithAnswers() {
    const { partnershipId } = await seedDemo(t.db);
    const round = await t.db
      .selectFrom("rounds")
      .selectAll()
      .where("partnership_id", "=", partnershipId)
      .executeTakeFirstOrThrow();
    const invitation = (await listInvitations(t.db, round.id)).find((i) => i.kind === "professional")!;
    const agencies = await listAgencies(t.db, partnershipId);
    const survey = questionnaireFor(round, agencies, "professional");
    const random = seededRandom(11);
    for (let i = 0; i < 8; i++) {
      await saveResponse(t.db, {
        invitation,
        existing: null,
        answers: demoAnswers(survey, random, { agencies }),
        currentPage: 0,
        submit: true,
      });
    }
    await setRoundStatus(t.db, { partnershipId, roundId: round.id, status: "closed" });
    const closedAt = "2025-01-15T12:00:00.000Z";
    await t.db.updateTable("rounds").set({ closed_at: closedAt }).where("id", "=", round.id).execute();
    return { partnershipId, round };
  }

  it("deletes raw answers of closed rounds past the retention period and keeps the scores", async () => {
    const { partnershipId, round } = await closedRoundWithAnswers();

    // No retention setting: nothing is deleted.
    expect(await applyRetention(t.db, "2026-11-22T00:00:00.000Z")).toEqual([]);
    await setRetention(t.db, { partnershipId, months: 24 });
    // Within the period: kept.
    expect(await applyRetention(t.db, "2026-11-22T00:00:00.000Z")).toEqual([]);
    const answersBefore = await t.db.selectFrom("answers").select("item_key").execute();
    expect(answersBefore.length).toBeGreaterThan(8 * 50);

    // Past it: raw answers (comments included) go; the aggregate scores stay.
    expect(await applyRetention(t.db, "2027-01-16T00:00:00.000Z")).toEqual([round.id]);
    expect(await t.db.selectFrom("answers").select("item_key").execute()).toEqual([]);
    const snapshot = await t.db
      .selectFrom("round_snapshots")
      .selectAll()
      .where("round_id", "=", round.id)
      .executeTakeFirstOrThrow();
    const result = JSON.parse(snapshot.result_json);
    expect(result.status).toBe("ok");
    expect(result.professional.status).toBe("ok");
    expect(result.professional.components).toHaveLength(13);
    // Responses stay as counts: level and agency type, no answers.
    expect(await t.db.selectFrom("responses").select("id").where("round_id", "=", round.id).execute()).toHaveLength(8);
    // Running again changes nothing.
    expect(await applyRetention(t.db, "2027-06-01T00:00:00.000Z")).toEqual([]);
  });

  // Two app processes start together and both apply retention (PostgreSQL: SQLite runs one process).
  it.runIf(dialect === "postgres")(
    "purges a round once, from its answers, when two processes apply retention at once",
    async () => {
      const { partnershipId, round } = await closedRoundWithAnswers();
      await setRetention(t.db, { partnershipId, months: 24 });
      const other = openDatabase(t.url, { searchPath: t.searchPath });
      const locker = openDatabase(t.url, { searchPath: t.searchPath });
      try {
        // Both processes find the round due, then meet a lock on it held a moment (as a slow
        // request could): both have read it as due before either purges it.
        let running: Promise<string[][]> | undefined;
        await locker.transaction().execute(async (trx) => {
          await sql`select id from rounds where id = ${round.id} for update`.execute(trx);
          running = Promise.all([
            applyRetention(t.db, "2027-01-16T00:00:00.000Z"),
            applyRetention(other, "2027-01-16T00:00:00.000Z"),
          ]);
          await new Promise((resolve) => setTimeout(resolve, 1500));
        });
        expect((await running!).flat()).toEqual([round.id]);
      } finally {
        await other.destroy();
        await locker.destroy();
      }
      const snapshot = await t.db
        .selectFrom("round_snapshots")
        .selectAll()
        .where("round_id", "=", round.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(snapshot.result_json).professional.status).toBe("ok");
      const audited = await t.db
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "round.answers_deleted_under_retention")
        .execute();
      expect(audited).toHaveLength(1);
    },
  );
});
