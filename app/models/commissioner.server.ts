import type { Db } from "../db.server";
import { now } from "../db.server";

/** Commissioners a partnership's results are shared with (aggregates only). */
export function listCommissionerGrants(db: Db, input: { partnershipId?: string } = {}) {
  let query = db
    .selectFrom("commissioner_grants")
    .innerJoin("users", "users.id", "commissioner_grants.user_id")
    .innerJoin("partnerships", "partnerships.id", "commissioner_grants.partnership_id")
    .leftJoin("users as granter", "granter.id", "commissioner_grants.granted_by")
    .select([
      "commissioner_grants.user_id as userId",
      "commissioner_grants.partnership_id as partnershipId",
      "commissioner_grants.created_at as createdAt",
      "users.email",
      "users.name",
      "partnerships.name as partnershipName",
      "granter.name as grantedByName",
    ]);
  if (input.partnershipId) query = query.where("commissioner_grants.partnership_id", "=", input.partnershipId);
  return query.orderBy("partnerships.name").orderBy("users.email").execute();
}

/** Shares a partnership's aggregate results with a commissioner; a second grant changes nothing. Returns false when it already existed. */
export async function grantCommissioner(
  db: Db,
  input: { partnershipId: string; userId: string; grantedBy: string },
): Promise<boolean> {
  const existing = await db
    .selectFrom("commissioner_grants")
    .select("user_id")
    .where("user_id", "=", input.userId)
    .where("partnership_id", "=", input.partnershipId)
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto("commissioner_grants")
    .values({
      user_id: input.userId,
      partnership_id: input.partnershipId,
      granted_by: input.grantedBy,
      created_at: now(),
    })
    .onConflict((oc) => oc.columns(["user_id", "partnership_id"]).doNothing())
    .execute();
  return true;
}

/** Stops sharing. Returns false when there was nothing to revoke. */
export async function revokeCommissioner(db: Db, input: { partnershipId: string; userId: string }): Promise<boolean> {
  const result = await db
    .deleteFrom("commissioner_grants")
    .where("user_id", "=", input.userId)
    .where("partnership_id", "=", input.partnershipId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
}
