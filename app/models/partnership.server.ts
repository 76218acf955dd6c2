import type { Db } from "../db.server";
import { now } from "../db.server";
import { newId } from "../crypto.server";
import type { Role } from "../../db/schema";
import type { AgencyTypeKey } from "../domain/framework";

export interface AgencyInput {
  name: string;
  type: AgencyTypeKey;
}

export async function createPartnership(
  db: Db,
  input: {
    name: string;
    area: string;
    localAuthority: string;
    agencies: AgencyInput[];
    leadUserId: string | null;
    isDemo?: boolean;
  },
) {
  const id = newId();
  const at = now();
  await db
    .insertInto("partnerships")
    .values({
      id,
      name: input.name,
      area: input.area,
      local_authority: input.localAuthority,
      retention_months: null,
      is_demo: input.isDemo ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  if (input.agencies.length) {
    await db
      .insertInto("agencies")
      .values(
        input.agencies.map((a) => ({
          id: newId(),
          partnership_id: id,
          name: a.name,
          agency_type: a.type,
          created_at: at,
        })),
      )
      .execute();
  }
  if (input.leadUserId) {
    await db
      .insertInto("memberships")
      .values({ partnership_id: id, user_id: input.leadUserId, role: "lead", created_at: at })
      .execute();
  }
  return id;
}

export async function updatePartnership(
  db: Db,
  input: {
    id: string;
    name: string;
    area: string;
    localAuthority: string;
    agencies: (AgencyInput & { id?: string })[];
  },
) {
  const at = now();
  await db
    .updateTable("partnerships")
    .set({ name: input.name, area: input.area, local_authority: input.localAuthority, updated_at: at })
    .where("id", "=", input.id)
    .execute();
  const existing = await listAgencies(db, input.id);
  const keep = new Set(input.agencies.map((a) => a.id).filter(Boolean));
  for (const agency of existing) {
    if (!keep.has(agency.id))
      await db.deleteFrom("agencies").where("id", "=", agency.id).where("partnership_id", "=", input.id).execute();
  }
  for (const agency of input.agencies) {
    if (agency.id && existing.some((e) => e.id === agency.id)) {
      await db
        .updateTable("agencies")
        .set({ name: agency.name, agency_type: agency.type })
        .where("id", "=", agency.id)
        .where("partnership_id", "=", input.id)
        .execute();
    } else {
      await db
        .insertInto("agencies")
        .values({ id: newId(), partnership_id: input.id, name: agency.name, agency_type: agency.type, created_at: at })
        .execute();
    }
  }
}

/**
 * The partnership's member agency `agencyId` (its id and type), or undefined when the agency is
 * not one of the partnership's: the one check behind organisation links, teams and organisation
 * leads' invitations.
 */
export function memberAgency(db: Db, input: { partnershipId: string; agencyId: string }) {
  return db
    .selectFrom("agencies")
    .select(["id", "agency_type"])
    .where("id", "=", input.agencyId)
    .where("partnership_id", "=", input.partnershipId)
    .executeTakeFirst();
}

export function listAgencies(db: Db, partnershipId: string) {
  return db.selectFrom("agencies").selectAll().where("partnership_id", "=", partnershipId).orderBy("name").execute();
}

export function listPartnershipsForUser(db: Db, userId: string) {
  return db
    .selectFrom("partnerships")
    .innerJoin("memberships", "memberships.partnership_id", "partnerships.id")
    .select([
      "partnerships.id",
      "partnerships.name",
      "partnerships.area",
      "partnerships.local_authority",
      "memberships.role",
    ])
    .where("memberships.user_id", "=", userId)
    .orderBy("partnerships.name")
    .execute();
}

export function listMembers(db: Db, partnershipId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.name", "users.email", "memberships.role"])
    .where("memberships.partnership_id", "=", partnershipId)
    .orderBy("users.name")
    .execute();
}

export async function setMemberRole(db: Db, input: { partnershipId: string; userId: string; role: Role }) {
  await db
    .insertInto("memberships")
    .values({ partnership_id: input.partnershipId, user_id: input.userId, role: input.role, created_at: now() })
    .onConflict((oc) => oc.columns(["partnership_id", "user_id"]).doUpdateSet({ role: input.role }))
    .execute();
}

export async function audit(
  db: Db,
  entry: {
    userId: string | null;
    partnershipId?: string | null;
    roundId?: string | null;
    action: string;
    detail?: string | null;
  },
) {
  await db
    .insertInto("audit_log")
    .values({
      id: newId(),
      at: now(),
      user_id: entry.userId,
      partnership_id: entry.partnershipId ?? null,
      round_id: entry.roundId ?? null,
      action: entry.action,
      detail: entry.detail ?? null,
    })
    .execute();
}

/** Every partnership's id and name, by name (the administrator's choice of partnership). */
export function listPartnershipNames(db: Db) {
  return db.selectFrom("partnerships").select(["id", "name"]).orderBy("name").execute();
}

export function findPartnershipName(db: Db, partnershipId: string) {
  return db.selectFrom("partnerships").select(["id", "name"]).where("id", "=", partnershipId).executeTakeFirst();
}

/** The latest entries of a partnership's audit log, newest first, with who did it and to which round. */
export async function listAudit(db: Db, input: { partnershipId: string; limit: number }) {
  return db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.user_id")
    .leftJoin("rounds", "rounds.id", "audit_log.round_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.detail",
      "users.name as userName",
      "rounds.name as roundName",
    ])
    .where("audit_log.partnership_id", "=", input.partnershipId)
    .orderBy("audit_log.at", "desc")
    .limit(input.limit)
    .execute();
}

/** Readiness: the database answers a trivial query (throws when it does not). */
export async function checkDatabase(db: Db): Promise<void> {
  await db.selectFrom("partnerships").select("id").limit(1).execute();
}
