import type { Db } from "../db.server";
import type { AgencyTypeKey, LevelKey } from "../domain/framework";
import type { FamilyGroup } from "../domain/instrument";

/** A submitted response as the scoring module reads it. */
export interface StoredResponse {
  id: string;
  questionnaire: "professional" | "short" | "family";
  respondentLevel: LevelKey | null;
  agencyType: AgencyTypeKey | null;
  agencyId: string | null;
  familyGroup: FamilyGroup | null;
  answers: Record<string, string | number>;
}

/**
 * Every submitted response of a round with its answers, in two queries (responses, then
 * answers ordered by response) rather than one query per response.
 */
export async function loadSubmittedResponses(db: Db, input: { roundId: string; form: "full" | "short" }): Promise<StoredResponse[]> {
  const responses = await db
    .selectFrom("responses")
    .select(["id", "kind", "respondent_level", "agency_type", "agency_id", "family_group"])
    .where("round_id", "=", input.roundId)
    .where("status", "=", "submitted")
    .orderBy("id")
    .execute();
  const byId = new Map<string, StoredResponse>();
  for (const r of responses) {
    byId.set(r.id, {
      id: r.id,
      questionnaire: r.kind === "family" ? "family" : input.form === "short" ? "short" : "professional",
      respondentLevel: r.respondent_level as LevelKey | null,
      agencyType: r.agency_type as AgencyTypeKey | null,
      agencyId: r.agency_id,
      familyGroup: r.family_group as FamilyGroup | null,
      answers: {},
    });
  }
  const answers = await db
    .selectFrom("answers")
    .innerJoin("responses", "responses.id", "answers.response_id")
    .select(["answers.response_id", "answers.item_key", "answers.value", "answers.numeric"])
    .where("responses.round_id", "=", input.roundId)
    .where("responses.status", "=", "submitted")
    .execute();
  for (const a of answers) {
    const response = byId.get(a.response_id);
    if (response) response.answers[a.item_key] = decodeAnswer(a.value, a.numeric);
  }
  return [...byId.values()];
}

/**
 * The raw answer from its stored JSON text. Numbers come from the `numeric` column and plain
 * strings are unquoted without a JSON parse: a round holds a million answers or more.
 */
export function decodeAnswer(value: string, numeric: number | null): string | number {
  if (numeric !== null) return Number(numeric);
  if (value.length >= 2 && value.startsWith('"') && !value.includes("\\")) return value.slice(1, -1);
  return JSON.parse(value) as string | number;
}
