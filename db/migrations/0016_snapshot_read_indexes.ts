import { sql, type Kysely } from "kysely";

// Issue 19, reading big rounds:
// - The published snapshot reads a round's submitted responses in batches of ids
//   (app/models/results.server.ts streamSubmittedResponses, "the next 1,000 ids after the last
//   one"). With the id in the index each batch is a range read of it instead of a sort of the
//   whole round; it serves every query the (round_id, status) index served, so it replaces it.
// - The results page shows a lead the round's free-text comments (report.server.ts
//   roundComments). A partial index of the comment answers alone lets it read those without
//   visiting every response of the round (100,000 in a national round) on each page view.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("responses_round_status_id")
    .on("responses")
    .columns(["round_id", "status", "id"])
    .execute();
  await db.schema.dropIndex("responses_round_status").execute();
  await db.schema
    .createIndex("answers_comments")
    .on("answers")
    .columns(["item_key", "response_id"])
    .where(sql.ref("item_key"), "in", [sql.lit("comments"), sql.lit("family_comments")])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("answers_comments").execute();
  await db.schema.createIndex("responses_round_status").on("responses").columns(["round_id", "status"]).execute();
  await db.schema.dropIndex("responses_round_status_id").execute();
}
