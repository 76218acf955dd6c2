import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  acceptAccessInvitation,
  createAccessInvitation,
  findAccessInvitation,
  listOpenInvitations,
  revokeAccessInvitation,
} from "../../app/models/access-invitation.server";
import { createPartnership } from "../../app/models/partnership.server";
import { createUser } from "../../app/models/user.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

describe.each(DIALECTS)("access invitations on %s", (dialect) => {
  let t: TestDatabase;
  let lead: string;
  let invitee: string;
  let other: string;
  let pid: string;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
    const user = async (email: string) =>
      (await createUser(t.db, { email, name: email, passwordHash: "scrypt$x" }))!.id;
    lead = await user("lead@example.org");
    invitee = await user("invitee@example.org");
    other = await user("other@example.org");
    pid = await createPartnership(t.db, {
      name: "Avonford",
      area: "Avonford",
      localAuthority: "Avonford Council",
      agencies: [],
      leadUserId: lead,
    });
  });
  afterEach(async () => {
    await t.cleanup();
  });
  const roleOf = async (userId: string) =>
    (
      await t.db
        .selectFrom("memberships")
        .select("role")
        .where("partnership_id", "=", pid)
        .where("user_id", "=", userId)
        .executeTakeFirst()
    )?.role;
  const auditActions = async () =>
    (
      await t.db
        .selectFrom("audit_log")
        .select(["action", "user_id"])
        .where("partnership_id", "=", pid)
        .where("action", "like", "invitation.%")
        .execute()
    )
      .map((a) => `${a.action}:${a.user_id}`)
      .sort();

  it("grants a member role once, to whoever accepts first, keeps only the token's hash, and audits", async () => {
    const { token, id } = await createAccessInvitation(t.db, {
      partnershipId: pid,
      kind: "member",
      role: "facilitator",
      note: "Sam",
      createdBy: lead,
    });
    const stored = await t.db
      .selectFrom("access_invitations")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await listOpenInvitations(t.db, { partnershipId: pid, kind: "member" })).map((i) => i.id)).toEqual([id]);
    expect(await findAccessInvitation(t.db, token)).toMatchObject({
      kind: "member",
      role: "facilitator",
      partnershipName: "Avonford",
      usable: true,
    });

    const outcomes = await Promise.all([
      acceptAccessInvitation(t.db, { token, userId: invitee }),
      acceptAccessInvitation(t.db, { token, userId: other }),
    ]);
    expect(outcomes.filter((o) => o !== null)).toHaveLength(1);
    const winner = outcomes[0] ? invitee : other;
    const loser = winner === invitee ? other : invitee;
    expect(await roleOf(winner)).toBe("facilitator");
    expect(await roleOf(loser)).toBeUndefined();

    // A second accept, even by the same person, is refused and changes nothing.
    expect(await acceptAccessInvitation(t.db, { token, userId: loser })).toBeNull();
    expect(await roleOf(loser)).toBeUndefined();
    expect((await findAccessInvitation(t.db, token))?.usable).toBe(false);
    expect(await listOpenInvitations(t.db, { partnershipId: pid, kind: "member" })).toEqual([]);
    expect(await auditActions()).toEqual([`invitation.accepted:${winner}`, `invitation.created:${lead}`].sort());
  });

  it("never lowers a role the invitee already holds", async () => {
    const { token } = await createAccessInvitation(t.db, {
      partnershipId: pid,
      kind: "member",
      role: "viewer",
      note: "",
      createdBy: lead,
    });
    expect(await acceptAccessInvitation(t.db, { token, userId: lead })).toMatchObject({ role: "lead" });
    expect(await roleOf(lead)).toBe("lead");
  });

  it("refuses an expired link and a revoked one, and an unknown token", async () => {
    const expired = await createAccessInvitation(t.db, {
      partnershipId: pid,
      kind: "member",
      role: "viewer",
      note: "",
      createdBy: lead,
      days: -1,
    });
    expect(await acceptAccessInvitation(t.db, { token: expired.token, userId: invitee })).toBeNull();
    expect((await findAccessInvitation(t.db, expired.token))?.usable).toBe(false);

    const revoked = await createAccessInvitation(t.db, {
      partnershipId: pid,
      kind: "commissioner",
      role: null,
      note: "",
      createdBy: lead,
    });
    expect(await revokeAccessInvitation(t.db, { partnershipId: "another", id: revoked.id, revokedBy: lead })).toBe(
      false,
    );
    expect(await revokeAccessInvitation(t.db, { partnershipId: pid, id: revoked.id, revokedBy: lead })).toBe(true);
    expect(await revokeAccessInvitation(t.db, { partnershipId: pid, id: revoked.id, revokedBy: lead })).toBe(false);
    expect(await acceptAccessInvitation(t.db, { token: revoked.token, userId: invitee })).toBeNull();
    expect(await acceptAccessInvitation(t.db, { token: "not-a-token", userId: invitee })).toBeNull();
    expect(await findAccessInvitation(t.db, "not-a-token")).toBeUndefined();

    expect(await roleOf(invitee)).toBeUndefined();
    expect(await t.db.selectFrom("commissioner_grants").selectAll().execute()).toEqual([]);
    expect(await auditActions()).toEqual([
      `invitation.created:${lead}`,
      `invitation.created:${lead}`,
      `invitation.revoked:${lead}`,
    ]);
  });

  it("shares results with the commissioner who accepts, once", async () => {
    const { token } = await createAccessInvitation(t.db, {
      partnershipId: pid,
      kind: "commissioner",
      role: null,
      note: "ICB",
      createdBy: lead,
    });
    expect(await acceptAccessInvitation(t.db, { token, userId: invitee })).toEqual({
      partnershipId: pid,
      kind: "commissioner",
      role: null,
    });
    expect(await acceptAccessInvitation(t.db, { token, userId: other })).toBeNull();
    const grants = await t.db
      .selectFrom("commissioner_grants")
      .select(["user_id", "granted_by"])
      .where("partnership_id", "=", pid)
      .execute();
    expect(grants).toEqual([{ user_id: invitee, granted_by: lead }]);
    expect(await roleOf(invitee)).toBeUndefined();
    const actions = await t.db.selectFrom("audit_log").select("action").where("partnership_id", "=", pid).execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      "commissioner.granted",
      "invitation.accepted",
      "invitation.created",
    ]);
  });
});
