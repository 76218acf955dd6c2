import { requireUser } from "../auth.server";
import { getDb } from "../db.server";
import { organisationViewOf } from "../models/team.server";
import { requirePartnershipRole } from "./partnership.server";

/**
 * Who may read a round's report, and how much of it (issue 18): a member of the partnership
 * (viewer or above, or an administrator) sees the whole report and may filter it to any
 * organisation or team; an organisation lead (a scoped grant) sees only its own organisation's
 * filtered report. Anyone else gets the 404 requirePartnershipRole gives outsiders.
 *
 * @example
 * const access = await requireReportAccess(request, params.pid!);
 * if (access.scope === "organisation") // only access.agencyId's figures
 */
export async function requireReportAccess(request: Request, partnershipId: string) {
  const user = await requireUser(request);
  const db = await getDb();
  const member = await db
    .selectFrom("memberships")
    .select("role")
    .where("partnership_id", "=", partnershipId)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (member || user.is_admin) {
    return { scope: "partnership" as const, ...(await requirePartnershipRole(request, partnershipId, "viewer")) };
  }
  const grant = await organisationViewOf(db, { partnershipId, userId: user.id });
  if (!grant) throw new Response("Partnership not found.", { status: 404 });
  const partnership = await db
    .selectFrom("partnerships")
    .selectAll()
    .where("id", "=", partnershipId)
    .executeTakeFirstOrThrow();
  return { scope: "organisation" as const, user, db, partnership, agencyId: grant.agencyId };
}
