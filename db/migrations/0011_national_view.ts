import type { Kysely } from "kysely";

// The national view (issue 18): a partnership consents to national sharing (its lead ticks it on
// the sharing page), an administrator makes an account a national viewer, and the pooled view
// keeps a small digest of each final snapshot it reads (snapshots are immutable, so a digest
// never goes stale) so that 400 areas do not mean parsing 400 full results on every request.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("national_sharing")
    .addColumn("partnership_id", "text", (c) => c.primaryKey().references("partnerships.id").onDelete("cascade"))
    .addColumn("consented_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("consented_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("national_viewers")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("granted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("national_snapshot_digests")
    .addColumn("snapshot_id", "text", (c) => c.primaryKey().references("result_snapshots.id").onDelete("cascade"))
    .addColumn("digest_version", "integer", (c) => c.notNull())
    .addColumn("digest_json", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("national_snapshot_digests").execute();
  await db.schema.dropTable("national_viewers").execute();
  await db.schema.dropTable("national_sharing").execute();
}
