import { requireUser, type SessionUser } from "../auth.server";
import { getDb } from "../db.server";
import { isNationalViewer } from "../models/national.server";

/**
 * The one authorisation call of the national view: a national viewer (granted by an
 * administrator) or an administrator. Anyone else gets a 404, as for a partnership they are
 * not in. The role grants pooled figures of consenting areas only: nothing on a partnership's
 * own pages, which stay with requirePartnershipRole.
 *
 * @example
 * const { user, db } = await requireNationalViewer(request);
 */
export async function requireNationalViewer(
  request: Request,
): Promise<{ user: SessionUser; db: Awaited<ReturnType<typeof getDb>> }> {
  const user = await requireUser(request);
  const db = await getDb();
  if (!user.is_admin && !(await isNationalViewer(db, user.id))) throw new Response("Not found.", { status: 404 });
  return { user, db };
}
