import type { Kysely } from "kysely";

// The commissioner comparison reads only published snapshots (issue 13). Parsing a whole
// snapshot per area is too slow for 400 areas, so each snapshot also keeps the small part the
// comparison reads (compareExtract in app/domain/compare-areas.ts), written with the snapshot;
// older snapshots get it on their first comparison.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("result_snapshots").addColumn("compare_json", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("result_snapshots").dropColumn("compare_json").execute();
}
