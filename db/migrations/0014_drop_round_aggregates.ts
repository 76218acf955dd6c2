import type { Kysely } from "kysely";

// The commissioner comparison reads published result snapshots (0007, 0009), so the closed
// rounds' pre-computed sums of 0004 are no longer read or written: drop them. Figures that once
// lived there are recomputed into snapshots when a round is published.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("round_answer_counts").execute();
  await db.schema.dropTable("round_aggregates").execute();
  await db.schema.dropTable("round_aggregate_runs").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("round_aggregate_runs")
    .addColumn("round_id", "text", (c) => c.primaryKey().references("rounds.id").onDelete("cascade"))
    .addColumn("closed_at", "text", (c) => c.notNull())
    .addColumn("catalogue", "text", (c) => c.notNull())
    .addColumn("continuum_respondents", "integer", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("round_aggregates")
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("grp_kind", "text", (c) => c.notNull())
    .addColumn("component", "text", (c) => c.notNull())
    .addColumn("item_level", "text", (c) => c.notNull())
    .addColumn("grp", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addColumn("total", "double precision", (c) => c.notNull())
    .addColumn("total_sq", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("round_aggregates_pk", ["round_id", "grp_kind", "component", "item_level", "grp"])
    .execute();
  await db.schema
    .createTable("round_answer_counts")
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("round_answer_counts_pk", ["round_id", "item_key", "value"])
    .execute();
}
