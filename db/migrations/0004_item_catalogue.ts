import type { Kysely } from "kysely";

// Frozen once landed. Each scored item's tags (component, level, polarity, short form), copied
// from the questionnaire files at start-up (app/models/item-catalogue.server.ts), so that the
// commissioner view can score rounds with grouped aggregates in SQL instead of loops over
// millions of answers in JavaScript. The files stay the one source: this table is rebuilt from
// them, never edited by hand.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("item_catalogue")
    .addColumn("item_key", "text", (c) => c.primaryKey())
    .addColumn("questionnaire", "text", (c) => c.notNull())
    .addColumn("component", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("polarity", "text", (c) => c.notNull())
    .addColumn("short_form", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // A closed round's sums, computed once by the SQL aggregate and kept: summing 3 M answers
  // takes seconds, reading the sums of 400 rounds milliseconds. A closed round takes no
  // answers, so its sums hold until it is reopened (closed_at changes) or the questionnaire's
  // tags change (the catalogue fingerprint changes); either makes them stale and they are
  // computed again. `item_level` and `grp` are '' for "the component as a whole" and "no
  // group" (empty strings, not nulls, so that they can be part of the key).
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
  // Counts of continuum answers (markers yes / partly / no, target stage) per closed round.
  await db.schema
    .createTable("round_answer_counts")
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("round_answer_counts_pk", ["round_id", "item_key", "value"])
    .execute();
  // Grants are read both ways: a commissioner's areas, and who shares an area (benchmark).
  await db.schema
    .createIndex("commissioner_grants_partnership")
    .on("commissioner_grants")
    .column("partnership_id")
    .execute();
  await db.schema
    .createIndex("rounds_partnership_status")
    .on("rounds")
    .columns(["partnership_id", "status", "closed_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("rounds_partnership_status").execute();
  await db.schema.dropIndex("commissioner_grants_partnership").execute();
  await db.schema.dropTable("round_answer_counts").execute();
  await db.schema.dropTable("round_aggregates").execute();
  await db.schema.dropTable("round_aggregate_runs").execute();
  await db.schema.dropTable("item_catalogue").execute();
}
