/**
 * Organisations and teams inside a partnership (issue 18): the teams a lead defines within a
 * member agency, invitation links for one organisation or team, and organisation leads (a
 * scoped grant that sees one organisation's filtered report and nothing else).
 */
import { now, type Db } from "../db.server";
import { newId } from "../crypto.server";
import { component, type ComponentKey } from "../domain/framework";
import type { CountFigure, GroupView, ScoreFigure, TeamInput } from "../domain/scoring";
import { listAgencies, memberAgency } from "./partnership.server";
import { createInvitation } from "./round.server";
import { latestSnapshot } from "./snapshot.server";
import type { ServerTiming } from "./timing.server";

/** The partnership's teams, by organisation then name. */
export function listTeams(db: Db, partnershipId: string) {
  return db
    .selectFrom("teams")
    .innerJoin("agencies", "agencies.id", "teams.agency_id")
    .select(["teams.id", "teams.name", "teams.agency_id as agencyId", "agencies.name as agencyName"])
    .where("teams.partnership_id", "=", partnershipId)
    .orderBy("agencies.name")
    .orderBy("teams.name")
    .execute();
}

/** The teams as the scoring module reads them. */
export async function teamInputs(db: Db, partnershipId: string): Promise<TeamInput[]> {
  return (await listTeams(db, partnershipId)).map((t) => ({ id: t.id, agencyId: t.agencyId, name: t.name }));
}

/**
 * Adds a team to one of the partnership's member agencies. Returns null when the agency is not
 * the partnership's, or "duplicate" when the agency already has a team of that name.
 */
export async function createTeam(
  db: Db,
  input: { partnershipId: string; agencyId: string; name: string },
): Promise<{ id: string } | null | "duplicate"> {
  const agency = await memberAgency(db, input);
  if (!agency) return null;
  const name = input.name.trim();
  const clash = await db
    .selectFrom("teams")
    .select("id")
    .where("agency_id", "=", input.agencyId)
    .where("name", "=", name)
    .executeTakeFirst();
  if (clash) return "duplicate";
  const id = newId();
  await db
    .insertInto("teams")
    .values({ id, partnership_id: input.partnershipId, agency_id: input.agencyId, name, created_at: now() })
    .execute();
  return { id };
}

/**
 * An invitation link of a round for one organisation, and optionally one of its teams: the
 * responses it collects carry the agency and the team, and the respondent is not asked which
 * agency they work for. Null when the agency or the team is not the partnership's (or the team
 * is not the agency's).
 */
export async function createGroupInvitation(
  db: Db,
  input: { partnershipId: string; roundId: string; agencyId: string; teamId: string | null; label: string },
) {
  const agency = await memberAgency(db, input);
  if (!agency) return null;
  if (input.teamId) {
    const team = await db
      .selectFrom("teams")
      .select("id")
      .where("id", "=", input.teamId)
      .where("agency_id", "=", agency.id)
      .executeTakeFirst();
    if (!team) return null;
  }
  return createInvitation(db, {
    roundId: input.roundId,
    kind: "professional",
    label: input.label,
    agencyType: agency.agency_type,
    agencyId: agency.id,
    teamId: input.teamId,
  });
}

/** Makes `userId` the organisation lead of `agencyId` in the partnership (one organisation per partnership). */
export async function grantOrganisationView(
  db: Db,
  input: { partnershipId: string; userId: string; agencyId: string; grantedBy: string | null },
): Promise<void> {
  await db
    .insertInto("organisation_viewers")
    .values({
      user_id: input.userId,
      partnership_id: input.partnershipId,
      agency_id: input.agencyId,
      granted_by: input.grantedBy,
      created_at: now(),
    })
    .onConflict((oc) => oc.columns(["user_id", "partnership_id"]).doUpdateSet({ agency_id: input.agencyId }))
    .execute();
}

/** The organisation `userId` leads in the partnership, if any. */
export async function organisationViewOf(db: Db, input: { partnershipId: string; userId: string }) {
  return db
    .selectFrom("organisation_viewers")
    .innerJoin("agencies", "agencies.id", "organisation_viewers.agency_id")
    .select(["agencies.id as agencyId", "agencies.name as agencyName"])
    .where("organisation_viewers.partnership_id", "=", input.partnershipId)
    .where("organisation_viewers.user_id", "=", input.userId)
    .executeTakeFirst();
}

/** The partnerships and organisations `userId` leads, with the rounds that have published results. */
export async function organisationViewsForUser(db: Db, userId: string) {
  const grants = await db
    .selectFrom("organisation_viewers")
    .innerJoin("agencies", "agencies.id", "organisation_viewers.agency_id")
    .innerJoin("partnerships", "partnerships.id", "organisation_viewers.partnership_id")
    .select([
      "partnerships.id as partnershipId",
      "partnerships.name as partnershipName",
      "agencies.id as agencyId",
      "agencies.name as agencyName",
    ])
    .where("organisation_viewers.user_id", "=", userId)
    .orderBy("partnerships.name")
    .execute();
  const out = [];
  for (const g of grants) {
    const rounds = await db
      .selectFrom("rounds")
      .select(["rounds.id", "rounds.name"])
      .where("rounds.partnership_id", "=", g.partnershipId)
      .where((eb) =>
        eb.exists(
          eb.selectFrom("result_snapshots").select("id").whereRef("result_snapshots.round_id", "=", "rounds.id"),
        ),
      )
      .orderBy("rounds.created_at", "desc")
      .execute();
    out.push({ ...g, rounds });
  }
  return out;
}

/** One organisation or team a report can be filtered to, as the filter lists it. */
export interface GroupOption {
  kind: "org" | "team";
  id: string;
  name: string;
  organisation: string;
  organisationName: string;
  respondents: CountFigure;
}

/** The report of one organisation or team, from the round's published snapshot. */
export interface GroupReport {
  /** Everything the viewer may filter to (an organisation lead: its organisation and its teams). */
  options: GroupOption[];
  /** Null when the snapshot holds no organisation views (published before they existed, or no member agencies). */
  available: boolean;
  selected: (GroupOption & { components: { component: ComponentKey; name: string; overall: ScoreFigure }[] }) | null;
}

/**
 * A round's report filtered to one organisation (`org`) or team (`team`), read from its latest
 * published snapshot: the figures were computed and suppressed when the snapshot was taken
 * (scoreGroupViews), so nothing is recomputed here. `onlyAgencyId` limits what is offered to one
 * organisation (an organisation lead). Returns undefined when the chosen group is not one the
 * viewer may see (the route answers 404).
 */
export async function roundGroupReport(
  db: Db,
  input: { roundId: string; partnershipId: string; org: string | null; team: string | null; onlyAgencyId?: string },
  timing?: ServerTiming,
): Promise<GroupReport | undefined> {
  const snapshot = await latestSnapshot(db, input.roundId, timing);
  const result = snapshot?.content.result;
  const views = result?.status === "ok" ? result.groups : undefined;
  const agencies = new Map((await listAgencies(db, input.partnershipId)).map((a) => [a.id, a.name]));
  const teamNames = new Map((await listTeams(db, input.partnershipId)).map((t) => [t.id, t.name]));
  const options: (GroupOption & { view: GroupView })[] = [];
  for (const v of views?.organisations ?? []) {
    if (input.onlyAgencyId && v.key !== input.onlyAgencyId) continue;
    const organisationName = agencies.get(v.key);
    if (organisationName === undefined) continue;
    const org = { kind: "org" as const, id: v.key, name: organisationName, organisation: v.key, organisationName };
    options.push({ ...org, respondents: v.respondents, view: v });
    for (const t of views?.teams ?? []) {
      const name = teamNames.get(t.key);
      if (t.organisation !== v.key || name === undefined) continue;
      options.push({ ...org, kind: "team", id: t.key, name, respondents: t.respondents, view: t });
    }
  }
  // A team of another organisation than the one chosen (the organisation was changed in the
  // form without clearing the team): the organisation wins.
  const team = input.team
    ? options.find((o) => o.kind === "team" && o.id === input.team && (!input.org || o.organisation === input.org))
    : undefined;
  const chosen =
    team ?? (input.org ? options.find((o) => o.kind === "org" && o.id === input.org) : input.team ? undefined : null);
  if (chosen === undefined) return undefined;
  const strip = ({ view: _view, ...o }: GroupOption & { view: GroupView }): GroupOption => o;
  return {
    options: options.map(strip),
    available: views !== undefined,
    selected: chosen
      ? {
          ...strip(chosen),
          components: chosen.view.components.map((c) => ({
            component: c.component,
            name: component(c.component).name,
            // A hidden group shows no figure at all, whatever its components say.
            overall: chosen.respondents.status === "ok" ? c.overall : chosen.respondents,
          })),
        }
      : null,
  };
}
