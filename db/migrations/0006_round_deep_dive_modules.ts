import type { Kysely } from "kysely";

// The deep-dive modules a lead added to a round (issue 15): component keys, comma-separated,
// '' for none. Deep-dive answers are stored like any other answer, by item key.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("rounds")
    .addColumn("deep_dive_modules", "text", (c) => c.notNull().defaultTo(""))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("rounds").dropColumn("deep_dive_modules").execute();
}
