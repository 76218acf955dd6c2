import type { Kysely } from "kysely";

// Frozen once landed. The action plan a partnership agrees from a round's results (issue 6):
// each action belongs to the round it was planned from, so the next round's report can show
// it beside the change in its component.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("action_plan_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("component", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    // The evidence register entry the action was adopted from; null for an action the lead wrote.
    .addColumn("evidence_key", "text")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("action_plan_items_round")
    .on("action_plan_items")
    .columns(["partnership_id", "round_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("action_plan_items").execute();
}
