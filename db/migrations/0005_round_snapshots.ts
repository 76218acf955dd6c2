import type { Kysely } from "kysely";

// Aggregate scores kept after raw answers are deleted under a partnership's retention setting.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("round_snapshots")
    .addColumn("round_id", "text", (c) => c.primaryKey().references("rounds.id").onDelete("cascade"))
    .addColumn("result_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.alterTable("rounds").addColumn("answers_purged_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("rounds").dropColumn("answers_purged_at").execute();
  await db.schema.dropTable("round_snapshots").execute();
}
