import type { Db } from "../db.server";
import { inTransaction, now } from "../db.server";
import { audit } from "./partnership.server";
import { agencyInputs, scoreStoredRound } from "./report.server";

/** Adds whole months to an ISO date-time, clamping to the end of shorter months. */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}

/**
 * Applies each partnership's retention setting: for closed rounds whose retention period has
 * passed, the round's scores are kept as a snapshot, then its raw answers (free-text comments
 * among them) are deleted. The responses' counts by level and agency stay, so the round page
 * still shows who took part. Returns the rounds purged.
 */
export async function applyRetention(db: Db, at = now()): Promise<string[]> {
  const rounds = await db
    .selectFrom("rounds")
    .innerJoin("partnerships", "partnerships.id", "rounds.partnership_id")
    .select([
      "rounds.id",
      "rounds.partnership_id",
      "rounds.closed_at",
      "rounds.form",
      "rounds.suppression_threshold",
      "partnerships.retention_months",
    ])
    .where("rounds.status", "=", "closed")
    .where("rounds.answers_purged_at", "is", null)
    .where("partnerships.retention_months", "is not", null)
    .execute();
  const purged: string[] = [];
  for (const round of rounds) {
    if (!round.closed_at || round.retention_months === null) continue;
    if (addMonths(round.closed_at, round.retention_months) > at) continue;
    // One transaction per round that claims it first: of two app processes applying retention
    // at once, one purges it and the other skips it (never a snapshot scored after the answers went).
    const claimed = await inTransaction(db, async (trx) => {
      const claim = await trx
        .updateTable("rounds")
        .set({ answers_purged_at: at })
        .where("id", "=", round.id)
        .where("answers_purged_at", "is", null)
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) === 0) return false;
      const result = await scoreStoredRound(trx, round, await agencyInputs(trx, round.partnership_id));
      await trx
        .insertInto("round_snapshots")
        .values({ round_id: round.id, result_json: JSON.stringify(result), created_at: at })
        .onConflict((oc) => oc.column("round_id").doUpdateSet({ result_json: JSON.stringify(result), created_at: at }))
        .execute();
      await trx
        .deleteFrom("answers")
        .where("response_id", "in", (eb) => eb.selectFrom("responses").select("id").where("round_id", "=", round.id))
        .execute();
      await audit(trx, {
        userId: null,
        partnershipId: round.partnership_id,
        roundId: round.id,
        action: "round.answers_deleted_under_retention",
      });
      return true;
    });
    if (!claimed) continue;
    purged.push(round.id);
  }
  return purged;
}

export async function setRetention(db: Db, input: { partnershipId: string; months: number | null }) {
  await db
    .updateTable("partnerships")
    .set({ retention_months: input.months, updated_at: now() })
    .where("id", "=", input.partnershipId)
    .execute();
}
