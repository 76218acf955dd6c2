import type { Db } from "../db.server";
import { now } from "../db.server";
import { newId, randomToken, sha256 } from "../crypto.server";
import type { Invitation, ResponseRow } from "../../db/schema";
import { QUESTION } from "../domain/instrument";

export type AnswerValue = string | number;

/**
 * An invitation by its token, with what a respondent's page needs of its round and
 * partnership. The invitation's own columns keep their names, so the row goes straight to
 * saveResponse; the round's and partnership's are named for them.
 */
export function findInvitation(db: Db, token: string) {
  return db
    .selectFrom("invitations")
    .innerJoin("rounds", "rounds.id", "invitations.round_id")
    .innerJoin("partnerships", "partnerships.id", "rounds.partnership_id")
    .select([
      "invitations.id",
      "invitations.round_id",
      "invitations.kind",
      "invitations.label",
      "invitations.agency_type",
      "invitations.level",
      "invitations.revoked_at",
      "rounds.id as roundId",
      "rounds.name as roundName",
      "rounds.status",
      "rounds.opens_on",
      "rounds.closes_on",
      "rounds.form",
      "rounds.include_continuum",
      "rounds.include_family",
      "rounds.deep_dive_modules",
      "partnerships.id as partnershipId",
      "partnerships.name as partnershipName",
    ])
    .where("invitations.token", "=", token)
    .executeTakeFirst();
}

/** The token of the invitation a response answers (resume links lead back to it). */
export async function invitationTokenOf(db: Db, invitationId: string): Promise<string | undefined> {
  const row = await db.selectFrom("invitations").select("token").where("id", "=", invitationId).executeTakeFirst();
  return row?.token;
}

export function findResponseByResumeToken(db: Db, resumeToken: string) {
  return db.selectFrom("responses").selectAll().where("resume_hash", "=", sha256(resumeToken)).executeTakeFirst();
}

export async function loadAnswers(db: Db, responseId: string): Promise<Record<string, AnswerValue>> {
  const rows = await db
    .selectFrom("answers")
    .select(["item_key", "value"])
    .where("response_id", "=", responseId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.item_key, JSON.parse(r.value) as AnswerValue]));
}

/** Profile columns kept on the response row, read from the validated answers. */
function profileOf(answers: Record<string, AnswerValue>, invitation: Pick<Invitation, "agency_type" | "level">) {
  const str = (v: AnswerValue | undefined) => (typeof v === "string" && v !== "none" ? v : null);
  return {
    respondent_level: str(answers[QUESTION.respondentLevel]) ?? invitation.level,
    agency_type: str(answers[QUESTION.respondentAgencyType]) ?? invitation.agency_type,
    agency_id: str(answers[QUESTION.respondentAgency]),
    family_group: str(answers[QUESTION.familyGroup]),
  };
}

export type SaveOutcome =
  | { status: "saved"; response: ResponseRow; resumeToken: string | null }
  | { status: "already_submitted"; response: ResponseRow };

/**
 * Saves a respondent's answers: the full set they hold now (an answer missing from the set
 * was cleared). Runs in one transaction so a response is never half-written. With
 * `submit`, the response is also marked submitted; a second submission (a retry, a double
 * click) finds it submitted and changes nothing.
 */
export async function saveResponse(
  db: Db,
  input: {
    invitation: Pick<Invitation, "id" | "round_id" | "kind" | "agency_type" | "level">;
    /** The existing response, found from the respondent's resume cookie, if any. */
    existing: ResponseRow | null;
    answers: Record<string, AnswerValue>;
    currentPage: number;
    submit: boolean;
  },
): Promise<SaveOutcome> {
  const at = now();
  const profile = profileOf(input.answers, input.invitation);
  let response = input.existing;
  let resumeToken: string | null = null;
  if (response?.status === "submitted") return { status: "already_submitted", response };
  if (!response) {
    resumeToken = randomToken();
    response = {
      id: newId(),
      round_id: input.invitation.round_id,
      invitation_id: input.invitation.id,
      kind: input.invitation.kind,
      resume_hash: sha256(resumeToken),
      ...profile,
      status: "in_progress",
      current_page: input.currentPage,
      created_at: at,
      updated_at: at,
      submitted_at: null,
      entry_mode: null,
    };
    await db.insertInto("responses").values(response).execute();
  } else {
    // The status guard makes a racing double submission a no-op for the loser.
    const updated = await db
      .updateTable("responses")
      .set({ ...profile, current_page: input.currentPage, updated_at: at })
      .where("id", "=", response.id)
      .where("status", "=", "in_progress")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const fresh = await db
        .selectFrom("responses")
        .selectAll()
        .where("id", "=", response.id)
        .executeTakeFirstOrThrow();
      return { status: "already_submitted", response: fresh };
    }
    response = { ...response, ...profile, current_page: input.currentPage, updated_at: at };
  }

  const keys = Object.keys(input.answers);
  let clear = db.deleteFrom("answers").where("response_id", "=", response.id);
  if (keys.length) clear = clear.where("item_key", "not in", keys);
  await clear.execute();
  if (keys.length) {
    await db
      .insertInto("answers")
      .values(
        keys.map((key) => {
          const value = input.answers[key]!;
          return {
            response_id: response!.id,
            item_key: key,
            value: JSON.stringify(value),
            numeric: typeof value === "number" ? value : null,
            updated_at: at,
          };
        }),
      )
      .onConflict((oc) =>
        oc.columns(["response_id", "item_key"]).doUpdateSet((eb) => ({
          value: eb.ref("excluded.value"),
          numeric: eb.ref("excluded.numeric"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
  if (input.submit) {
    await db
      .updateTable("responses")
      .set({ status: "submitted", submitted_at: at })
      .where("id", "=", response.id)
      .execute();
    response = { ...response, status: "submitted", submitted_at: at };
  }
  return { status: "saved", response, resumeToken };
}

/** Gives a response a new resume token (the old link stops working) and returns it. */
export async function rotateResumeToken(db: Db, responseId: string) {
  const token = randomToken();
  await db
    .updateTable("responses")
    .set({ resume_hash: sha256(token) })
    .where("id", "=", responseId)
    .execute();
  return token;
}
