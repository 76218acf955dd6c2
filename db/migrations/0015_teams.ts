import type { Kysely } from "kysely";

// Organisation and team levels inside a partnership (issue 18, point 2).
// - teams: teams a lead defines within a member agency (organisation).
// - responses.team_id, invitations.agency_id / team_id: an invitation link for one organisation
//   (and optionally one of its teams) sets the response's agency and team without asking.
// - organisation_viewers: a scoped grant (an "organisation lead") that sees one organisation's
//   filtered report only; given through an access invitation of kind 'organisation', whose
//   agency is access_invitations.agency_id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("teams")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("teams_agency_name_unique", ["agency_id", "name"])
    .execute();
  await db.schema.createIndex("teams_partnership_idx").on("teams").column("partnership_id").execute();
  await db.schema.alterTable("responses").addColumn("team_id", "text").execute();
  await db.schema.alterTable("invitations").addColumn("agency_id", "text").execute();
  await db.schema.alterTable("invitations").addColumn("team_id", "text").execute();
  await db.schema.alterTable("access_invitations").addColumn("agency_id", "text").execute();
  await db.schema
    .createTable("organisation_viewers")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("agency_id", "text", (c) => c.notNull().references("agencies.id").onDelete("cascade"))
    .addColumn("granted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("organisation_viewers_pk", ["user_id", "partnership_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("organisation_viewers").execute();
  await db.schema.alterTable("access_invitations").dropColumn("agency_id").execute();
  await db.schema.alterTable("invitations").dropColumn("team_id").execute();
  await db.schema.alterTable("invitations").dropColumn("agency_id").execute();
  await db.schema.alterTable("responses").dropColumn("team_id").execute();
  await db.schema.dropTable("teams").execute();
}
