import type { Role } from "../../db/schema";
import { requireUser, type SessionUser } from "../auth.server";
import { getDb } from "../db.server";

/** The signed-in user, who must be an administrator (403 otherwise). */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!user.is_admin) throw new Response("Only an administrator can do this.", { status: 403 });
  return user;
}

const RANK: Record<Role, number> = { viewer: 1, facilitator: 2, lead: 3 };

/** Leads and administrators run a partnership: open rounds, share results, see comments. */
export const canLead = (role: Role | "admin") => role === "lead" || role === "admin";

/**
 * The one authorisation call at the top of partnership loaders and actions: the user must
 * hold at least `minimum` in that partnership. Administrators pass. Throws 404 (not 403) for
 * a partnership the user has no part in, so its existence is not revealed.
 */
export async function requirePartnershipRole(request: Request, partnershipId: string, minimum: Role) {
  const user = await requireUser(request);
  const db = await getDb();
  const membership = await db
    .selectFrom("memberships")
    .select("role")
    .where("partnership_id", "=", partnershipId)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  const partnership = await db
    .selectFrom("partnerships")
    .selectAll()
    .where("id", "=", partnershipId)
    .executeTakeFirst();
  if (!partnership) throw new Response("Partnership not found.", { status: 404 });
  const role: Role | "admin" | null = membership?.role ?? (user.is_admin ? "admin" : null);
  if (!role) throw new Response("Partnership not found.", { status: 404 });
  if (role !== "admin" && RANK[role] < RANK[minimum]) {
    throw new Response(`You need the ${minimum} role in this partnership to do this.`, { status: 403 });
  }
  return { user, partnership, role, canLead: canLead(role), db };
}
