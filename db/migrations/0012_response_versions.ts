import type { Kysely } from "kysely";

// Lean autosaves (issue 19): each response carries a version, raised by every save the server
// applies. A save of changes names the version it was based on and is applied only if that is
// still the response's version, so a retried or out-of-order save can neither lose nor
// resurrect an answer.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("responses")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("responses").dropColumn("version").execute();
}
