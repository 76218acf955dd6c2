import { PostgresAdapter, sql } from "kysely";
import type { Db } from "../db.server";
import type { AgencyTypeKey, LevelKey } from "../domain/framework";
import type { FamilyGroup } from "../domain/instrument";
import { entryModeOf, type EntryModeKey } from "../domain/entry-modes";

/** A submitted response as the scoring module reads it. */
export interface StoredResponse {
  id: string;
  questionnaire: "professional" | "short" | "family";
  respondentLevel: LevelKey | null;
  agencyType: AgencyTypeKey | null;
  agencyId: string | null;
  familyGroup: FamilyGroup | null;
  /** How it came in (issue 24): online, or entered by staff from paper or assisted. */
  entryMode: EntryModeKey;
  answers: Record<string, string | number>;
}

// Separators that cannot occur inside an item key or a stored value (JSON text escapes
// control characters).
const PAIR = "\x1e";
const KEY_VALUE = "\x1f";

/**
 * Every submitted response of a round with its answers, in one query.
 *
 * A round of 10,000 respondents holds over a million answers; fetching them as rows costs
 * three times the database's own aggregate (bench/results). So the database packs each
 * response's answers into one string (`group_concat` on SQLite, `string_agg` on PostgreSQL:
 * the one place the two dialects need different SQL) and this function unpacks them.
 */
export async function loadSubmittedResponses(
  db: Db,
  input: { roundId: string; form: "full" | "short" },
): Promise<StoredResponse[]> {
  const pair = sql`${sql.ref("answers.item_key")} || ${sql.lit(KEY_VALUE)} || ${sql.ref("answers.value")}`;
  const packed =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql<string | null>`string_agg(${pair}, ${sql.lit(PAIR)})`
      : sql<string | null>`group_concat(${pair}, ${sql.lit(PAIR)})`;
  const rows = await db
    .selectFrom("responses")
    .leftJoin("answers", "answers.response_id", "responses.id")
    .select([
      "responses.id",
      "responses.kind",
      "responses.respondent_level",
      "responses.agency_type",
      "responses.agency_id",
      "responses.family_group",
      "responses.entry_mode",
      "responses.team_id",
      packed.as("packed"),
    ])
    .where("responses.round_id", "=", input.roundId)
    .where("responses.status", "=", "submitted")
    // Grouping by the primary key alone is enough for both: PostgreSQL knows the other
    // columns depend on it.
    .groupBy("responses.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    questionnaire: r.kind === "family" ? "family" : input.form === "short" ? "short" : "professional",
    respondentLevel: r.respondent_level as LevelKey | null,
    agencyType: r.agency_type as AgencyTypeKey | null,
    agencyId: r.agency_id,
    familyGroup: r.family_group as FamilyGroup | null,
    entryMode: entryModeOf(r.entry_mode),
    teamId: r.team_id,
    answers: unpackAnswers(r.packed),
  }));
}

/** Reverses the database's packing: "key\x1fvalue\x1ekey\x1fvalue". */
export function unpackAnswers(packed: string | null): Record<string, string | number> {
  const answers: Record<string, string | number> = {};
  if (!packed) return answers;
  for (const entry of packed.split(PAIR)) {
    const cut = entry.indexOf(KEY_VALUE);
    if (cut > 0) answers[entry.slice(0, cut)] = decodeStoredValue(entry.slice(cut + 1));
  }
  return answers;
}

/** A stored answer (JSON text) back to its value, without a JSON parse for the common cases. */
export function decodeStoredValue(value: string): string | number {
  if (value.charCodeAt(0) === 34 /* " */) {
    return value.includes("\\") ? (JSON.parse(value) as string) : value.slice(1, -1);
  }
  const n = Number(value);
  return Number.isNaN(n) ? (JSON.parse(value) as string | number) : n;
}
