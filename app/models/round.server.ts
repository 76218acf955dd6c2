import type { Db } from "../db.server";
import { now } from "../db.server";
import { newId, randomToken } from "../crypto.server";
import type { ResponseKind, Round, RoundForm } from "../../db/schema";

export interface RoundInput {
  partnershipId: string;
  name: string;
  form: RoundForm;
  includeContinuum: boolean;
  includeFamily: boolean;
  opensOn: string;
  closesOn: string;
  suppressionThreshold: number;
  /** Components whose deep-dive module the round adds (issue 15). */
  deepDiveModules?: string[];
}

/** Opens a round with its generic invitation links (professional, and family voice if chosen). */
export async function createRound(db: Db, input: RoundInput) {
  const id = newId();
  const at = now();
  await db
    .insertInto("rounds")
    .values({
      id,
      partnership_id: input.partnershipId,
      name: input.name,
      form: input.form,
      include_continuum: input.includeContinuum ? 1 : 0,
      include_family: input.includeFamily ? 1 : 0,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      status: "open",
      suppression_threshold: input.suppressionThreshold,
      deep_dive_modules: (input.deepDiveModules ?? []).join(","),
      created_at: at,
      closed_at: null,
    })
    .execute();
  await createInvitation(db, { roundId: id, kind: "professional", label: "Everyone (professionals)" });
  if (input.includeFamily)
    await createInvitation(db, { roundId: id, kind: "family", label: "Children, young people and families" });
  return id;
}

/** The deep-dive modules a round asks (component keys, in the order stored). */
export const roundDeepDiveModules = (round: Pick<Round, "deep_dive_modules">): string[] =>
  (round.deep_dive_modules ?? "").split(",").filter(Boolean);

export async function createInvitation(
  db: Db,
  input: {
    roundId: string;
    kind: ResponseKind;
    label: string;
    agencyType?: string | null;
    level?: string | null;
    /** A link for one organisation, and optionally one of its teams (createGroupInvitation). */
    agencyId?: string | null;
    teamId?: string | null;
  },
) {
  const id = newId();
  // 256 bits from the OS's CSPRNG: unguessable.
  const token = randomToken();
  await db
    .insertInto("invitations")
    .values({
      id,
      round_id: input.roundId,
      token,
      kind: input.kind,
      label: input.label,
      agency_type: input.agencyType ?? null,
      level: input.level ?? null,
      agency_id: input.agencyId ?? null,
      team_id: input.agencyId ? (input.teamId ?? null) : null,
      created_at: now(),
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

export function getRound(db: Db, input: { partnershipId: string; roundId: string }) {
  return db
    .selectFrom("rounds")
    .selectAll()
    .where("id", "=", input.roundId)
    .where("partnership_id", "=", input.partnershipId)
    .executeTakeFirst();
}

export function listRounds(db: Db, partnershipId: string) {
  return db
    .selectFrom("rounds")
    .selectAll()
    .where("partnership_id", "=", partnershipId)
    .orderBy("created_at", "desc")
    .execute();
}

export async function setRoundStatus(
  db: Db,
  input: { partnershipId: string; roundId: string; status: "open" | "closed" },
) {
  await db
    .updateTable("rounds")
    .set({ status: input.status, closed_at: input.status === "closed" ? now() : null })
    .where("id", "=", input.roundId)
    .where("partnership_id", "=", input.partnershipId)
    .execute();
}

export function listInvitations(db: Db, roundId: string) {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("round_id", "=", roundId)
    .where("revoked_at", "is", null)
    .orderBy("created_at")
    .execute();
}

/** A round takes answers only while it is open and today is within its dates. */
export function roundAcceptsAnswers(
  round: Pick<Round, "status" | "opens_on" | "closes_on">,
  today = new Date().toISOString().slice(0, 10),
) {
  if (round.status !== "open")
    return { ok: false as const, reason: "This questionnaire has closed. Thank you for your interest." };
  if (today < round.opens_on) return { ok: false as const, reason: `This questionnaire opens on ${round.opens_on}.` };
  if (today > round.closes_on)
    return { ok: false as const, reason: "This questionnaire has closed. Thank you for your interest." };
  return { ok: true as const };
}

/** Counts of responses by status, level and agency type for the lead's round page. */
/** As responseCounts, with the page each unfinished response last saved on (for the completion funnel). */
export async function responseCountsByPage(db: Db, roundId: string) {
  const rows = await db
    .selectFrom("responses")
    .select([
      "kind",
      "status",
      "respondent_level",
      "agency_type",
      "entry_mode",
      "current_page",
      (eb) => eb.fn.countAll<string | number>().as("n"),
    ])
    .where("round_id", "=", roundId)
    .groupBy(["kind", "status", "respondent_level", "agency_type", "entry_mode", "current_page"])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function responseCounts(db: Db, roundId: string) {
  const rows = await db
    .selectFrom("responses")
    .select([
      "kind",
      "status",
      "respondent_level",
      "agency_type",
      "family_group",
      "entry_mode",
      (eb) => eb.fn.countAll<string | number>().as("n"),
    ])
    .where("round_id", "=", roundId)
    .groupBy(["kind", "status", "respondent_level", "agency_type", "family_group", "entry_mode"])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
