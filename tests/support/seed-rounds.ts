import type { Kysely } from "kysely";
import { createSession } from "../../app/auth.server";
import { hashPassword, newId } from "../../app/crypto.server";
import { demoAnswers, seededRandom } from "../../app/domain/demo-answers";
import type { AgencyTypeKey } from "../../app/domain/framework";
import { QUESTION, readScoredItems } from "../../app/domain/instrument";
import { scoreRound, type RoundResult } from "../../app/domain/scoring";
import { createPartnership, listAgencies, setMemberRole } from "../../app/models/partnership.server";
import { allMarkers, questionnaireFor, SURVEYS } from "../../app/models/questionnaire.server";
import { agencyInputs } from "../../app/models/report.server";
import { saveResponse } from "../../app/models/response.server";
import { loadSubmittedResponses } from "../../app/models/results.server";
import { takeSnapshot } from "../../app/models/snapshot.server";
import { createRound, listInvitations, setRoundStatus } from "../../app/models/round.server";
import type { Database, Role } from "../../db/schema";

/**
 * Seeding the database for report tests through the same model functions respondents' answers
 * go through, and the scoring module's result for the same answers, to check pages against.
 */

export const TEST_PASSWORD = "a long enough test password";

/**
 * A user who signs in with `TEST_PASSWORD` (or the password given), and, when `member` is given,
 * a member of that partnership with that role.
 */
export async function makeUser(
  db: Kysely<Database>,
  email: string,
  name: string,
  options: { password?: string; member?: { partnershipId: string; role: Role } } = {},
) {
  const id = newId();
  await db
    .insertInto("users")
    .values({
      id,
      email,
      name,
      password_hash: await hashPassword(options.password ?? TEST_PASSWORD),
      is_admin: 0,
      created_at: new Date().toISOString(),
    })
    .execute();
  if (options.member) await setMemberRole(db, { ...options.member, userId: id });
  return id;
}

/** A signed-in session for a user, made as signing in makes one: the pair for a Cookie header. */
export async function sessionCookie(db: Kysely<Database>, userId: string): Promise<string> {
  const setCookie = await createSession(new Request("http://localhost/"), userId, db);
  return setCookie.split(";")[0]!;
}

/**
 * A full-form round with generated answers submitted through saveResponse (`comments` go on the
 * first few professional responses), and its first published snapshot: figures are read from
 * published snapshots only.
 */
export async function seedRound(
  db: Kysely<Database>,
  partnershipId: string,
  plan: {
    name: string;
    professional: number;
    family: number;
    seed: number;
    lean?: Record<string, number>;
    comments?: string[];
  },
) {
  const roundId = await createRound(db, {
    partnershipId,
    name: plan.name,
    form: "full",
    includeContinuum: true,
    includeFamily: true,
    opensOn: "2026-01-05",
    closesOn: "2026-02-20",
    suppressionThreshold: 5,
  });
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
  const agencies = await listAgencies(db, partnershipId);
  const invitations = await listInvitations(db, roundId);
  const random = seededRandom(plan.seed);
  for (const kind of ["professional", "family"] as const) {
    const invitation = invitations.find((i) => i.kind === kind)!;
    const survey = questionnaireFor(round, agencies, kind);
    for (let i = 0; i < plan[kind]; i++) {
      const answers = demoAnswers(survey, random, { agencies, lean: plan.lean });
      if (kind === "professional" && plan.comments?.[i]) answers[QUESTION.comments] = plan.comments[i]!;
      await saveResponse(db, { invitation, existing: null, answers, currentPage: 0, submit: true });
    }
  }
  await takeSnapshot(db, { round, kind: "interim", agencies: await agencyInputs(db, partnershipId) });
  return roundId;
}

/**
 * An area for the comparison and national views: a partnership with three member agencies (social
 * care, health, and `thirdAgency`), and a full-form staff round (no family questionnaire) of
 * `respondents` generated responses submitted through saveResponse, closed unless `close` is
 * false. Closing makes no snapshot: the comparison makes the final one on first reading, or the
 * caller takes one. `edit` may change each answer set before it is saved (gaps, comments).
 */
export async function seedArea(
  db: Kysely<Database>,
  area: {
    name: string;
    respondents: number;
    seed: number;
    thirdAgency?: { label: string; type: AgencyTypeKey };
    roundName?: string;
    closesOn?: string;
    close?: boolean;
    dontKnowRate?: number;
    edit?: (answers: Record<string, string | number>, i: number, random: () => number) => void;
  },
) {
  const { name } = area;
  const third = area.thirdAgency ?? { label: "schools", type: "education" };
  const pid = await createPartnership(db, {
    name,
    area: name,
    localAuthority: `${name} Council`,
    leadUserId: null,
    agencies: [
      { name: `${name} social care`, type: "social_work" },
      { name: `${name} health`, type: "health" },
      { name: `${name} ${third.label}`, type: third.type },
    ],
  });
  const rid = await createRound(db, {
    partnershipId: pid,
    name: area.roundName ?? `${name} 2026`,
    form: "full",
    includeContinuum: true,
    includeFamily: false,
    opensOn: "2026-01-01",
    closesOn: area.closesOn ?? "2026-02-01",
    suppressionThreshold: 5,
  });
  const responseIds = await answerArea(db, pid, rid, area);
  if (area.close !== false) await setRoundStatus(db, { partnershipId: pid, roundId: rid, status: "closed" });
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", rid).executeTakeFirstOrThrow();
  return { pid, rid, round, responseIds };
}

/** More generated staff responses for an area's round (see `seedArea`); their ids. */
export async function answerArea(
  db: Kysely<Database>,
  pid: string,
  rid: string,
  plan: {
    respondents: number;
    seed: number;
    dontKnowRate?: number;
    edit?: (answers: Record<string, string | number>, i: number, random: () => number) => void;
  },
) {
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", rid).executeTakeFirstOrThrow();
  const agencies = await listAgencies(db, pid);
  const invitation = (await listInvitations(db, rid)).find((i) => i.kind === "professional")!;
  const survey = questionnaireFor(round, agencies, "professional");
  const random = seededRandom(plan.seed);
  const ids: string[] = [];
  for (let i = 0; i < plan.respondents; i++) {
    const answers = demoAnswers(survey, random, { agencies, dontKnowRate: plan.dontKnowRate });
    plan.edit?.(answers, i, random);
    const saved = await saveResponse(db, { invitation, existing: null, answers, currentPage: 0, submit: true });
    ids.push(saved.response.id);
  }
  return ids;
}

/** The scoring module's result for a full-form round's submitted answers, at threshold 5. */
export async function expectedResult(
  db: Kysely<Database>,
  partnershipId: string,
  roundId: string,
): Promise<RoundResult> {
  const agencies = await listAgencies(db, partnershipId);
  return scoreRound({
    responses: await loadSubmittedResponses(db, { roundId, form: "full" }),
    items: readScoredItems(SURVEYS.professional),
    familyItems: readScoredItems(SURVEYS.family),
    markers: allMarkers(),
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, type: a.agency_type as AgencyTypeKey })),
    threshold: 5,
  });
}
