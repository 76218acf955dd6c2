import type { Kysely } from "kysely";

// Invitation links for partnership roles and commissioner shares (issue 14): a lead copies a
// link and sends it; the role is granted when the invitee, signed in, accepts it. Only the
// SHA-256 of the token is kept. Single use, expires, revocable.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("access_invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("role", "text")
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("accepted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema
    .createIndex("access_invitations_partnership")
    .on("access_invitations")
    .column("partnership_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("access_invitations").execute();
}
