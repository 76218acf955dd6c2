import type { Db } from "../db.server";
import { sql } from "kysely";
import { inTransaction, now, onPostgres } from "../db.server";
import { newId, randomToken, sha256 } from "../crypto.server";
import type { Agency, Invitation, ResponseRow } from "../../db/schema";
import { QUESTION } from "../domain/instrument";
import { packedAnswers, unpackAnswers } from "./results.server";

export type AnswerValue = string | number;

/**
 * An invitation by its token, with what a respondent's page needs of its round and
 * partnership, and the partnership's organisations as listAgencies lists them (`agencies`).
 * The invitation's own columns keep their names, so the row goes straight to saveResponse; the
 * round's and partnership's are named for them.
 */
export async function findInvitation(db: Db, token: string) {
  const rows = await db
    .selectFrom("invitations")
    .innerJoin("rounds", "rounds.id", "invitations.round_id")
    .innerJoin("partnerships", "partnerships.id", "rounds.partnership_id")
    .leftJoin("agencies", "agencies.partnership_id", "partnerships.id")
    .select([
      "invitations.id",
      "invitations.round_id",
      "invitations.kind",
      "invitations.label",
      "invitations.agency_type",
      "invitations.level",
      "invitations.agency_id",
      "invitations.team_id",
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
      "agencies.id as agencyRowId",
      "agencies.name as agencyName",
      "agencies.agency_type as agencyType",
      "agencies.created_at as agencyCreatedAt",
    ])
    .where("invitations.token", "=", token)
    .orderBy("agencies.name")
    .execute();
  if (rows.length === 0) return undefined;
  const { agencyRowId: _id, agencyName: _name, agencyType: _type, agencyCreatedAt: _at, ...invitation } = rows[0]!;
  // The partnership's organisations came with it (one query for every respondent request).
  const agencies: Agency[] = [];
  for (const r of rows)
    if (r.agencyRowId !== null)
      agencies.push({
        id: r.agencyRowId,
        partnership_id: invitation.partnershipId,
        name: r.agencyName!,
        agency_type: r.agencyType!,
        created_at: r.agencyCreatedAt!,
      });
  return { ...invitation, agencies };
}

/** The token of the invitation a response answers (resume links lead back to it). */
export async function invitationTokenOf(db: Db, invitationId: string): Promise<string | undefined> {
  const row = await db.selectFrom("invitations").select("token").where("id", "=", invitationId).executeTakeFirst();
  return row?.token;
}

export function findResponseByResumeToken(db: Db, resumeToken: string) {
  return db.selectFrom("responses").selectAll().where("resume_hash", "=", sha256(resumeToken)).executeTakeFirst();
}

/**
 * A response by its resume token with its stored answers, in one query (every autosave reads
 * both: issue 19).
 */
export async function findResponseWithAnswers(
  db: Db,
  resumeToken: string,
): Promise<{ response: ResponseRow; answers: Record<string, AnswerValue> } | undefined> {
  // The answers packed into one string (a row per answer would repeat the response's columns
  // on each: three times slower on SQLite).
  const row = await db
    .selectFrom("responses")
    .leftJoin("answers", "answers.response_id", "responses.id")
    .selectAll("responses")
    .select(packedAnswers(db).as("packed"))
    .where("responses.resume_hash", "=", sha256(resumeToken))
    .groupBy("responses.id")
    .executeTakeFirst();
  if (!row) return undefined;
  const { packed, ...response } = row;
  return { response, answers: unpackAnswers(packed) };
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
function profileOf(answers: Record<string, AnswerValue>, invitation: SaveInput<unknown>["invitation"]) {
  const str = (v: AnswerValue | undefined) => (typeof v === "string" && v !== "none" ? v : null);
  return {
    respondent_level: str(answers[QUESTION.respondentLevel]) ?? invitation.level,
    agency_type: str(answers[QUESTION.respondentAgencyType]) ?? invitation.agency_type,
    // A link for one organisation (and team) says where the respondent works; it is not asked (issue 18).
    agency_id: invitation.agency_id ?? str(answers[QUESTION.respondentAgency]),
    team_id: invitation.agency_id ? (invitation.team_id ?? null) : null,
    family_group: str(answers[QUESTION.familyGroup]),
  };
}

/** What a save of a full answer set without a check can come to. */
export type FullSetOutcome =
  | {
      status: "saved";
      response: ResponseRow;
      resumeToken: string | null;
      /** How many answer rows were written or deleted. */
      written: number;
      /** Answers given that the check dropped (questions the respondent's own answers hide). */
      dropped: string[];
    }
  | { status: "already_submitted"; response: ResponseRow };

export type SaveOutcome<E = never> =
  | FullSetOutcome
  /** A save of changes based on a version the response is no longer at: nothing was written. */
  | { status: "conflict"; version: number }
  /** The answers after the changes failed the caller's check: nothing was written. */
  | { status: "invalid"; errors: E };

/** Changes since the last acknowledged save: a value set, or null for an answer cleared. */
export type AnswerChanges = Record<string, AnswerValue | null>;

/** The stored answers with the changes applied (null clears an answer). */
export function applyChanges(stored: Record<string, AnswerValue>, changes: AnswerChanges) {
  const merged: Record<string, AnswerValue> = { ...stored };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/**
 * Saves a respondent's answers in one transaction, writing only the answers that differ from
 * what is stored (issue 19). The answers come either as the full set the respondent holds now
 * (`answers`: an answer missing from the set was cleared) or as the changes since the last
 * acknowledged save (`changes`, with `baseVersion`, the version that save returned): changes are
 * applied only if the response is still at `baseVersion`, else the outcome is `conflict` and
 * nothing is written, so a retried or out-of-order save can neither lose nor resurrect an
 * answer (the client then sends its full set). Every save applied raises the version.
 *
 * `check` sees the complete answer set after the changes (the questionnaire's validation) and
 * may refuse it or drop answers; it runs before anything is written, with no transaction open:
 * the write that follows applies only if the response is still at the version the check saw
 * (a save in between makes a set of changes a `conflict`, and a full set is checked again).
 * With `submit`, the response is also marked submitted; a second submission (a retry, a double
 * click) finds it submitted and changes nothing. The input is an options object so that
 * callers can grow it (for example answers entered by staff) without breaking the others.
 */
export type SaveInput<E> = {
  invitation: Pick<Invitation, "id" | "round_id" | "kind" | "agency_type" | "level"> &
    Partial<Pick<Invitation, "agency_id" | "team_id">>;
  /** The existing response, found from the respondent's resume cookie, if any. */
  existing: ResponseRow | null;
  /** Its stored answers when the caller read them with it (else they are read here). */
  existingAnswers?: Record<string, AnswerValue>;
  currentPage: number;
  submit: boolean;
  check?: (
    answers: Record<string, AnswerValue>,
  ) => { ok: true; answers: Record<string, AnswerValue> } | { ok: false; errors: E };
} & (
  | { answers: Record<string, AnswerValue>; changes?: undefined; baseVersion?: undefined }
  | { changes: AnswerChanges; baseVersion: number; answers?: undefined }
);

export function saveResponse(
  db: Db,
  input: SaveInput<never> & { answers: Record<string, AnswerValue>; check?: undefined },
): Promise<FullSetOutcome>;
export function saveResponse<E>(db: Db, input: SaveInput<E>): Promise<SaveOutcome<E>>;
export async function saveResponse<E>(db: Db, input: SaveInput<E>): Promise<SaveOutcome<E>> {
  // The first attempt works from the row the caller read (the invitation check's, usually
  // current); when that looks stale, or the write finds it so, the row is read again.
  let current = input.existing;
  let fresh = !current;
  for (;;) {
    if (current?.status === "submitted") return { status: "already_submitted", response: current };
    const conflict = input.changes !== undefined && (current?.version ?? 0) !== input.baseVersion;
    if (conflict && fresh) return { status: "conflict", version: current?.version ?? 0 };
    const outcome = conflict ? "stale" : await attemptSave(db, input, current);
    if (outcome !== "stale") return outcome;
    // Another save or a submission came first: judge this one against what is stored now.
    current = await readResponse(db, current!.id);
    if (!current) throw new Error("The response being saved has been deleted.");
    fresh = true;
  }
}

/**
 * One attempt of saveResponse: the stored answers are read and the caller's check runs with no
 * transaction open (on PostgreSQL no pooled connection is held while the answers are checked);
 * then one short transaction writes, only if the response is still at the version read
 * (optimistic concurrency: every save raises the version, so a save committed in between is
 * seen). "stale" when it was not, and nothing was written.
 */
async function attemptSave<E>(
  db: Db,
  input: SaveInput<E>,
  current: ResponseRow | null,
): Promise<SaveOutcome<E> | "stale"> {
  const stored = !current
    ? {}
    : current === input.existing && input.existingAnswers
      ? input.existingAnswers
      : await loadAnswers(db, current.id);
  let answers = input.changes ? applyChanges(stored, input.changes) : input.answers!;
  const given = answers;
  if (input.check) {
    const checked = input.check(answers);
    if (!checked.ok) return { status: "invalid", errors: checked.errors };
    answers = checked.answers;
  }
  // Only the differences: answers cleared (or dropped by the check) and answers new or changed.
  const cleared = Object.keys(stored).filter((key) => !(key in answers));
  const changed = Object.keys(answers).filter((key) => stored[key] !== answers[key]);
  const dropped = Object.keys(given).filter((key) => !(key in answers));
  const profile = profileOf(answers, input.invitation);
  const at = now();
  const submitted = input.submit ? { status: "submitted" as const, submitted_at: at } : {};
  // What an existing response's row is updated with.
  const set = { ...profile, current_page: input.currentPage, updated_at: at, ...submitted };

  if (current && onPostgres(db)) {
    // PostgreSQL: the same writes as below in one statement, so one round trip instead of five
    // (begin, update, delete, upsert, commit); the answers are written only if the response
    // was updated (still in progress, at the version read).
    const values = changed.map((key) => answers[key]!);
    const updated = await db
      .with("updated", (qb) =>
        qb
          .updateTable("responses")
          .set((eb) => ({ ...set, version: eb("version", "+", 1) }))
          .where("id", "=", current.id)
          .where("status", "=", "in_progress")
          .where("version", "=", current.version)
          .returning("id"),
      )
      .with("removed", (qb) =>
        qb
          .deleteFrom("answers")
          .where("response_id", "in", (eb) => eb.selectFrom("updated").select("id"))
          .where("item_key", "=", sql<string>`any(${cleared}::text[])`)
          .returning("item_key"),
      )
      .with("written", (qb) =>
        qb
          .insertInto("answers")
          .columns(["response_id", "item_key", "value", "numeric", "updated_at"])
          .expression(
            sql`select updated.id, u.item_key, u.value, u.numeric, ${at}
                from updated, unnest(${changed}::text[], ${values.map((v) => JSON.stringify(v))}::text[],
                  ${values.map((v) => (typeof v === "number" ? v : null))}::real[]) as u(item_key, value, numeric)`,
          )
          .onConflict((oc) =>
            oc.columns(["response_id", "item_key"]).doUpdateSet((eb) => ({
              value: eb.ref("excluded.value"),
              numeric: eb.ref("excluded.numeric"),
              updated_at: eb.ref("excluded.updated_at"),
            })),
          )
          .returning("item_key"),
      )
      .selectFrom("updated")
      .select("id")
      .execute();
    if (updated.length === 0) return "stale";
    const response = { ...current, ...set, version: current.version + 1 };
    return { status: "saved", response, resumeToken: null, written: cleared.length + changed.length, dropped };
  }

  return inTransaction(db, async (trx): Promise<SaveOutcome<E> | "stale"> => {
    let response: ResponseRow;
    let resumeToken: string | null = null;
    if (!current) {
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
        version: 1,
        created_at: at,
        updated_at: at,
        submitted_at: null,
        entry_mode: null,
        ...submitted,
      };
      await trx.insertInto("responses").values(response).execute();
    } else {
      // Only at the version read (a save in between raised it), and only while in progress (a
      // racing double submission is a no-op for the loser).
      const updated = await trx
        .updateTable("responses")
        .set((eb) => ({ ...set, version: eb("version", "+", 1) }))
        .where("id", "=", current.id)
        .where("status", "=", "in_progress")
        .where("version", "=", current.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return "stale";
      response = { ...current, ...set, version: current.version + 1 };
    }
    if (cleared.length) {
      await trx.deleteFrom("answers").where("response_id", "=", response.id).where("item_key", "in", cleared).execute();
    }
    if (changed.length) {
      await trx
        .insertInto("answers")
        .values(
          changed.map((key) => {
            const value = answers[key]!;
            return {
              response_id: response.id,
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
    return { status: "saved", response, resumeToken, written: cleared.length + changed.length, dropped };
  });
}

async function readResponse(db: Db, id: string): Promise<ResponseRow | null> {
  return (await db.selectFrom("responses").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
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
