import type { Db } from "../db.server";

/** Professional responses of a round: how many were submitted, and the page each unfinished one last saved on. */
export async function completionCounts(db: Db, roundId: string) {
  const rows = await db
    .selectFrom("responses")
    .select(["status", "current_page", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("round_id", "=", roundId)
    .where("kind", "=", "professional")
    .groupBy(["status", "current_page"])
    .execute();
  let finished = 0;
  const stoppedAt: Record<number, number> = {};
  for (const row of rows) {
    if (row.status === "submitted") finished += Number(row.n);
    else stoppedAt[row.current_page] = (stoppedAt[row.current_page] ?? 0) + Number(row.n);
  }
  return { finished, stoppedAt };
}
