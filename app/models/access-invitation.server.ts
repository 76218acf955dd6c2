import { inTransaction, now, type Db } from "../db.server";
import { newId, randomToken, sha256 } from "../crypto.server";
import type { Role } from "../../db/schema";
import { grantCommissioner } from "./commissioner.server";
import { audit, memberAgency } from "./partnership.server";
import { grantOrganisationView } from "./team.server";

/**
 * Invitation links (issue 14): instead of adding someone by email (which anyone who registered
 * that address first would receive, and which told the lead whether an account existed), a lead
 * creates a link, copies it and sends it. The role or the commissioner share is granted to
 * whoever, signed in, accepts it first: single use, valid INVITATION_DAYS, revocable, audited.
 * The database keeps only the SHA-256 of the token.
 */
export const INVITATION_DAYS = 7;

/** A partnership role, a commissioner share, or an organisation lead's view of one member agency (issue 18). */
export type InvitationKind = "member" | "commissioner" | "organisation";

const RANK: Record<Role, number> = { viewer: 1, facilitator: 2, lead: 3 };

const describe = (kind: InvitationKind, role: Role | null) =>
  kind === "member" ? `${role}` : kind === "organisation" ? "organisation lead" : "commissioner";

export async function createAccessInvitation(
  db: Db,
  input: {
    partnershipId: string;
    kind: InvitationKind;
    role: Role | null;
    note: string;
    createdBy: string | null;
    days?: number;
    /** For an organisation lead: the member agency of the partnership they will see. */
    agencyId?: string | null;
  },
): Promise<{ id: string; token: string; expiresAt: string }> {
  if ((input.kind === "member") !== (input.role !== null))
    throw new Error("A member invitation needs a role; a commissioner invitation has none.");
  if ((input.kind === "organisation") !== Boolean(input.agencyId))
    throw new Error("An organisation lead's invitation, and only it, names a member agency.");
  if (input.agencyId) {
    const agency = await memberAgency(db, { partnershipId: input.partnershipId, agencyId: input.agencyId });
    if (!agency) throw new Error("That agency is not a member of this partnership.");
  }
  const token = randomToken();
  const id = newId();
  const at = now();
  const expiresAt = new Date(Date.now() + (input.days ?? INVITATION_DAYS) * 86_400_000).toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("access_invitations")
      .values({
        id,
        token_hash: sha256(token),
        partnership_id: input.partnershipId,
        kind: input.kind,
        role: input.role,
        agency_id: input.agencyId ?? null,
        note: input.note,
        created_by: input.createdBy,
        created_at: at,
        expires_at: expiresAt,
        accepted_at: null,
        accepted_by: null,
        revoked_at: null,
      })
      .execute();
    await audit(trx, {
      userId: input.createdBy,
      partnershipId: input.partnershipId,
      action: "invitation.created",
      detail: `${describe(input.kind, input.role)}${input.note ? ` (${input.note})` : ""}`,
    });
  });
  return { id, token, expiresAt };
}

/** A partnership's invitations of one kind still open (not accepted, revoked or expired), newest first. */
export function listOpenInvitations(db: Db, input: { partnershipId: string; kind: InvitationKind }) {
  return db
    .selectFrom("access_invitations")
    .leftJoin("users", "users.id", "access_invitations.created_by")
    .select([
      "access_invitations.id",
      "access_invitations.role",
      "access_invitations.agency_id as agencyId",
      "access_invitations.note",
      "access_invitations.created_at as createdAt",
      "access_invitations.expires_at as expiresAt",
      "users.name as createdByName",
    ])
    .where("access_invitations.partnership_id", "=", input.partnershipId)
    .where("access_invitations.kind", "=", input.kind)
    .where("access_invitations.accepted_at", "is", null)
    .where("access_invitations.revoked_at", "is", null)
    .where("access_invitations.expires_at", ">", now())
    .orderBy("access_invitations.created_at", "desc")
    .execute();
}

/** Revokes an open invitation of the partnership. Returns false when there was no such open invitation. */
export async function revokeAccessInvitation(
  db: Db,
  input: { partnershipId: string; id: string; revokedBy: string },
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const at = now();
    const result = await trx
      .updateTable("access_invitations")
      .set({ revoked_at: at })
      .where("id", "=", input.id)
      .where("partnership_id", "=", input.partnershipId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", at)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    const row = await trx
      .selectFrom("access_invitations")
      .select(["kind", "role", "note"])
      .where("id", "=", input.id)
      .executeTakeFirstOrThrow();
    await audit(trx, {
      userId: input.revokedBy,
      partnershipId: input.partnershipId,
      action: "invitation.revoked",
      detail: `${describe(row.kind, row.role)}${row.note ? ` (${row.note})` : ""}`,
    });
    return true;
  });
}

/** What a link offers, for the invitee's page: undefined when the token is unknown, else its state. */
export async function findAccessInvitation(db: Db, token: string) {
  const row = await db
    .selectFrom("access_invitations")
    .innerJoin("partnerships", "partnerships.id", "access_invitations.partnership_id")
    .select([
      "access_invitations.kind",
      "access_invitations.role",
      "access_invitations.expires_at as expiresAt",
      "access_invitations.agency_id as agencyId",
      "access_invitations.accepted_at as acceptedAt",
      "access_invitations.revoked_at as revokedAt",
      "partnerships.id as partnershipId",
      "partnerships.name as partnershipName",
    ])
    .where("access_invitations.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const usable = !row.acceptedAt && !row.revokedAt && row.expiresAt > now();
  const agency = row.agencyId
    ? await db.selectFrom("agencies").select("name").where("id", "=", row.agencyId).executeTakeFirst()
    : undefined;
  return {
    kind: row.kind,
    agencyName: agency?.name ?? null,
    role: row.role,
    partnershipId: row.partnershipId,
    partnershipName: row.partnershipName,
    expiresAt: row.expiresAt,
    usable,
  };
}

/**
 * Accepts a link for `userId`, atomically: the one UPDATE that marks it accepted succeeds only
 * while it is unaccepted, unrevoked and unexpired, so a link grants once however many requests
 * race. A member invitation never lowers a role the user already holds. Returns what was granted,
 * or null (nothing changed) when the link is unknown, used, revoked or expired.
 */
export async function acceptAccessInvitation(
  db: Db,
  input: { token: string; userId: string },
): Promise<{ partnershipId: string; kind: InvitationKind; role: Role | null } | null> {
  return inTransaction(db, async (trx) => {
    const at = now();
    const hash = sha256(input.token);
    const taken = await trx
      .updateTable("access_invitations")
      .set({ accepted_at: at, accepted_by: input.userId })
      .where("token_hash", "=", hash)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", at)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) return null;
    const invitation = await trx
      .selectFrom("access_invitations")
      .select(["partnership_id", "kind", "role", "created_by", "agency_id"])
      .where("token_hash", "=", hash)
      .executeTakeFirstOrThrow();
    const user = await trx.selectFrom("users").select("email").where("id", "=", input.userId).executeTakeFirstOrThrow();
    const partnershipId = invitation.partnership_id;
    await audit(trx, {
      userId: input.userId,
      partnershipId,
      action: "invitation.accepted",
      detail: `${describe(invitation.kind, invitation.role)}: ${user.email}`,
    });
    if (invitation.kind === "member" && invitation.role) {
      const current = await trx
        .selectFrom("memberships")
        .select("role")
        .where("partnership_id", "=", partnershipId)
        .where("user_id", "=", input.userId)
        .executeTakeFirst();
      const role = current && RANK[current.role] >= RANK[invitation.role] ? current.role : invitation.role;
      if (!current) {
        await trx
          .insertInto("memberships")
          .values({ partnership_id: partnershipId, user_id: input.userId, role, created_at: at })
          .execute();
      } else if (current.role !== role) {
        await trx
          .updateTable("memberships")
          .set({ role })
          .where("partnership_id", "=", partnershipId)
          .where("user_id", "=", input.userId)
          .execute();
      }
      if (current?.role !== role)
        await audit(trx, {
          userId: input.userId,
          partnershipId,
          action: "member.role_set",
          detail: `${user.email}: ${role}`,
        });
      return { partnershipId, kind: "member", role };
    }
    if (invitation.kind === "organisation" && invitation.agency_id) {
      await grantOrganisationView(trx, {
        partnershipId,
        userId: input.userId,
        agencyId: invitation.agency_id,
        grantedBy: invitation.created_by,
      });
      await audit(trx, { userId: input.userId, partnershipId, action: "organisation.granted", detail: user.email });
      return { partnershipId, kind: "organisation", role: null };
    }
    if (
      await grantCommissioner(trx, {
        partnershipId,
        userId: input.userId,
        grantedBy: invitation.created_by ?? input.userId,
      })
    ) {
      await audit(trx, { userId: input.userId, partnershipId, action: "commissioner.granted", detail: user.email });
    }
    return { partnershipId, kind: "commissioner", role: null };
  });
}
