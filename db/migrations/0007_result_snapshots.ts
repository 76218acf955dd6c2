import type { Kysely } from "kysely";

// Published result snapshots (issue 13): every figure of a round is read from one of these,
// never recomputed live. Made when a round closes, or on a lead's request for an open round
// once enough new responses have arrived; immutable once written.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("result_snapshots")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("taken_at", "text", (c) => c.notNull())
    .addColumn("submitted_count", "integer", (c) => c.notNull())
    .addColumn("result_json", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("result_snapshots_round")
    .on("result_snapshots")
    .columns(["round_id", "taken_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("result_snapshots").execute();
}
