import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acceptAccessInvitation, createAccessInvitation } from "../../app/models/access-invitation.server";
import { createPartnership, listAgencies } from "../../app/models/partnership.server";
import { latestSnapshot } from "../../app/models/snapshot.server";
import {
  createGroupInvitation,
  createTeam,
  listTeams,
  organisationViewOf,
  roundGroupReport,
} from "../../app/models/team.server";
import { createRound } from "../../app/models/round.server";
import { createUser } from "../../app/models/user.server";
import { seedGroupRound } from "../support/report-builders";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

/** Organisations and teams (issue 18) on SQLite and PostgreSQL: the model, the snapshot, the scoped grant. */
describe.each(DIALECTS)("organisations and teams on %s", (dialect) => {
  let t: TestDatabase;
  let lead: string;
  let pid: string;
  let health: string;
  let social: string;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
    lead = (await createUser(t.db, { email: "lead@example.org", name: "Lead", passwordHash: "scrypt$x" }))!.id;
    pid = await createPartnership(t.db, {
      name: "Avonford",
      area: "Avonford",
      localAuthority: "Avonford Council",
      agencies: [
        { name: "Avonford Health", type: "health" },
        { name: "Avonford Social Care", type: "social_work" },
      ],
      leadUserId: lead,
    });
    const agencies = await listAgencies(t.db, pid);
    health = agencies.find((a) => a.agency_type === "health")!.id;
    social = agencies.find((a) => a.agency_type === "social_work")!.id;
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("adds teams within the partnership's own agencies only, one name per agency", async () => {
    const other = await createPartnership(t.db, {
      name: "Elsewhere",
      area: "Elsewhere",
      localAuthority: "Elsewhere Council",
      agencies: [{ name: "Elsewhere Health", type: "health" }],
      leadUserId: lead,
    });
    const foreign = (await listAgencies(t.db, other))[0]!.id;
    expect(await createTeam(t.db, { partnershipId: pid, agencyId: health, name: "Health visiting" })).toMatchObject({
      id: expect.any(String),
    });
    expect(await createTeam(t.db, { partnershipId: pid, agencyId: health, name: " Health visiting " })).toBe(
      "duplicate",
    );
    expect(await createTeam(t.db, { partnershipId: pid, agencyId: foreign, name: "Sneaky" })).toBeNull();
    expect((await listTeams(t.db, pid)).map((x) => x.name)).toEqual(["Health visiting"]);
  });

  it("a link for a team sets the response's organisation and team; a link may not name another's team", async () => {
    const team = await createTeam(t.db, { partnershipId: pid, agencyId: health, name: "School nursing" });
    if (!team || team === "duplicate") throw new Error("team");
    const roundId = await createRound(t.db, {
      partnershipId: pid,
      name: "Spring",
      form: "full",
      includeContinuum: true,
      includeFamily: false,
      opensOn: "2026-03-01",
      closesOn: "2026-04-01",
      suppressionThreshold: 5,
    });
    // The team is Health's, not Social Care's.
    expect(
      await createGroupInvitation(t.db, { partnershipId: pid, roundId, agencyId: social, teamId: team.id, label: "x" }),
    ).toBeNull();
    const link = await createGroupInvitation(t.db, {
      partnershipId: pid,
      roundId,
      agencyId: health,
      teamId: team.id,
      label: "School nursing",
    });
    const row = await t.db.selectFrom("invitations").selectAll().where("id", "=", link!.id).executeTakeFirstOrThrow();
    expect([row.agency_id, row.team_id, row.agency_type]).toEqual([health, team.id, "health"]);
  });

  it("the snapshot holds each organisation's and team's figures, suppressed; an organisation lead sees its own only", async () => {
    const { roundId, teams } = await seedGroupRound(t.db, {
      partnershipId: pid,
      name: "Autumn",
      seed: 7,
      groups: [
        { agencyId: health, team: "Visiting", respondents: 6 },
        { agencyId: health, team: "Nursing", respondents: 2 },
        { agencyId: health, team: null, respondents: 5 },
        { agencyId: social, team: null, respondents: 6 },
      ],
    });
    const responses = await t.db
      .selectFrom("responses")
      .select(["agency_id", "team_id"])
      .where("round_id", "=", roundId)
      .execute();
    expect(responses.filter((r) => r.team_id === teams.Nursing && r.agency_id === health)).toHaveLength(2);
    const snapshot = await latestSnapshot(t.db, roundId);
    const result = snapshot!.content.result;
    if (result.status !== "ok" || !result.groups) throw new Error("no views in the snapshot");
    const byKey = new Map([...result.groups.organisations, ...result.groups.teams].map((v) => [v.key, v]));
    expect(byKey.get(health)!.respondents).toEqual({ status: "ok", n: 13 });
    expect(byKey.get(teams.Nursing!)!.respondents.status).toBe("suppressed");
    expect(byKey.get(teams.Visiting!)!.respondents).toEqual({ status: "ok", n: 6 });
    // Nothing of a hidden group is stored: no score for any of its components.
    expect(byKey.get(teams.Nursing!)!.components.every((c) => c.overall.status !== "ok")).toBe(true);

    // The organisation lead: granted through an access invitation, offered its own organisation only.
    const orgLead = (await createUser(t.db, { email: "org@example.org", name: "Org", passwordHash: "scrypt$x" }))!.id;
    const { token } = await createAccessInvitation(t.db, {
      partnershipId: pid,
      kind: "organisation",
      role: null,
      agencyId: health,
      note: "",
      createdBy: lead,
    });
    expect(await acceptAccessInvitation(t.db, { token, userId: orgLead })).toMatchObject({ kind: "organisation" });
    expect(await organisationViewOf(t.db, { partnershipId: pid, userId: orgLead })).toMatchObject({ agencyId: health });
    const mine = await roundGroupReport(t.db, {
      roundId,
      partnershipId: pid,
      org: health,
      team: null,
      onlyAgencyId: health,
    });
    expect(mine!.options.map((o) => o.name)).toEqual(["Avonford Health", "Nursing", "Visiting"]);
    expect(
      await roundGroupReport(t.db, { roundId, partnershipId: pid, org: social, team: null, onlyAgencyId: health }),
    ).toBeUndefined();
    // No membership came with it: the partnership's own pages stay closed.
    const membership = await t.db
      .selectFrom("memberships")
      .select("role")
      .where("user_id", "=", orgLead)
      .executeTakeFirst();
    expect(membership).toBeUndefined();
  });
});
