import type { Kysely } from "kysely";

// Reaching everyone (issue 24).
// - responses.entry_mode: null for a response the respondent gave online through an invitation
//   link; 'paper' or 'assisted' for one a lead or facilitator entered. Who entered it is never
//   stored: there is deliberately no user column.
// - round_invited_counts: how many people the lead invited in each group they track, for
//   response rates. group_key is 'staff', 'family', 'level:<level>' or 'agency:<agency type>'.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("responses").addColumn("entry_mode", "text").execute();
  await db.schema
    .createTable("round_invited_counts")
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("group_key", "text", (c) => c.notNull())
    .addColumn("invited", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("round_invited_counts_pk", ["round_id", "group_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("round_invited_counts").execute();
  await db.schema.alterTable("responses").dropColumn("entry_mode").execute();
}
