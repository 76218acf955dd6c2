/**
 * Rate-limit counters, kept in the database so that every app process counts against the same
 * window (issue 19): a fixed window per id (purpose and client), counted with one atomic upsert.
 */
import { sql } from "kysely";
import type { Db } from "../db.server";

/**
 * Counts one hit against `id` and returns the count in the current window (this hit included)
 * and when the window ends. A window that has ended starts again at 1. One statement, so two
 * processes counting at once both see their own increment.
 *
 * @example
 * const { count } = await countHit(db, "sign-up:203.0.113.9", 3_600_000);
 */
export async function countHit(
  db: Db,
  id: string,
  windowMs: number,
  nowMs = Date.now(),
): Promise<{ count: number; resetAt: number }> {
  const expired = sql<boolean>`rate_limits.reset_at <= ${nowMs}`;
  const row = await db
    .insertInto("rate_limits")
    .values({ id, count: 1, reset_at: nowMs + windowMs })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet({
        count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
        reset_at: sql<number>`case when ${expired} then excluded.reset_at else rate_limits.reset_at end`,
      }),
    )
    .returning(["count", "reset_at"])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), resetAt: Number(row.reset_at) };
}

/** The hits counted against `id` in its current window (0 when none, or when the window has ended). */
export async function hitCount(db: Db, id: string, nowMs = Date.now()): Promise<number> {
  const row = await db
    .selectFrom("rate_limits")
    .select("count")
    .where("id", "=", id)
    .where("reset_at", ">", nowMs)
    .executeTakeFirst();
  return row ? Number(row.count) : 0;
}

/** Deletes the windows that have ended; returns how many. */
export async function deleteEndedWindows(db: Db, nowMs = Date.now()): Promise<number> {
  const result = await db.deleteFrom("rate_limits").where("reset_at", "<=", nowMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
