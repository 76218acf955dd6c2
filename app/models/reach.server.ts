/**
 * Reaching everyone (issue 24): responses entered by staff from paper or with the respondent
 * beside them, and the invited numbers behind response rates.
 */
import type { Db } from "../db.server";
import { now } from "../db.server";
import { newId, randomToken, sha256 } from "../crypto.server";
import type { ResponseKind, Round } from "../../db/schema";
import type { StaffEntryMode } from "../domain/entry-modes";
import { QUESTION } from "../domain/instrument";
import { INVITED_GROUP_KEYS } from "../domain/response-rates";

export type AnswerValue = string | number;

/**
 * Stores one response a lead or facilitator entered, submitted at once, marked with its mode.
 * Deliberately takes no user: who entered a response is never stored, so no export, figure or
 * log can link the two. It has no invitation and no usable resume link (the hash is of a token
 * nobody is given), so it can never be reopened or changed through the respondents' routes.
 * The answers must already be validated against the round's questionnaire.
 */
export async function saveEnteredResponse(
  db: Db,
  input: {
    round: Pick<Round, "id">;
    kind: ResponseKind;
    mode: StaffEntryMode;
    answers: Record<string, AnswerValue>;
  },
): Promise<{ id: string }> {
  const at = now();
  const str = (v: AnswerValue | undefined) => (typeof v === "string" && v !== "none" ? v : null);
  const id = newId();
  await db
    .insertInto("responses")
    .values({
      id,
      round_id: input.round.id,
      invitation_id: null,
      kind: input.kind,
      resume_hash: sha256(randomToken()),
      respondent_level: str(input.answers[QUESTION.respondentLevel]),
      agency_type: str(input.answers[QUESTION.respondentAgencyType]),
      agency_id: str(input.answers[QUESTION.respondentAgency]),
      family_group: str(input.answers[QUESTION.familyGroup]),
      status: "submitted",
      current_page: 0,
      created_at: at,
      updated_at: at,
      submitted_at: at,
      entry_mode: input.mode,
    })
    .execute();
  const keys = Object.keys(input.answers);
  if (keys.length) {
    await db
      .insertInto("answers")
      .values(
        keys.map((key) => {
          const value = input.answers[key]!;
          return {
            response_id: id,
            item_key: key,
            value: JSON.stringify(value),
            numeric: typeof value === "number" ? value : null,
            updated_at: at,
          };
        }),
      )
      .execute();
  }
  return { id };
}

/** The invited numbers a lead recorded for a round, by group key ("staff", "level:team", ...). */
export async function invitedCounts(db: Db, roundId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("round_invited_counts")
    .select(["group_key", "invited"])
    .where("round_id", "=", roundId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.group_key, Number(r.invited)]));
}

/** Invited numbers of several rounds at once (the commissioner view), by round id. */
export async function invitedCountsOfRounds(
  db: Db,
  roundIds: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (!roundIds.length) return out;
  const rows = await db
    .selectFrom("round_invited_counts")
    .select(["round_id", "group_key", "invited"])
    .where("round_id", "in", [...roundIds])
    .execute();
  for (const r of rows) {
    const map = out.get(r.round_id) ?? {};
    map[r.group_key] = Number(r.invited);
    out.set(r.round_id, map);
  }
  return out;
}

/**
 * Replaces a round's invited numbers: a group with a number is set, a group without one is
 * cleared (the numbers are optional). Unknown group keys throw: the route validates first.
 */
export async function setInvitedCounts(
  db: Db,
  input: { roundId: string; counts: Record<string, number | null> },
): Promise<void> {
  const at = now();
  for (const [key, invited] of Object.entries(input.counts)) {
    if (!INVITED_GROUP_KEYS.includes(key)) throw new RangeError(`Unknown invited group "${key}"`);
    if (invited === null) {
      await db
        .deleteFrom("round_invited_counts")
        .where("round_id", "=", input.roundId)
        .where("group_key", "=", key)
        .execute();
      continue;
    }
    await db
      .insertInto("round_invited_counts")
      .values({ round_id: input.roundId, group_key: key, invited, updated_at: at })
      .onConflict((oc) => oc.columns(["round_id", "group_key"]).doUpdateSet({ invited, updated_at: at }))
      .execute();
  }
}
