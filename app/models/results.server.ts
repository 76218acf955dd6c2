import { sql } from "kysely";
import { onPostgres, type Db } from "../db.server";
import type { AgencyTypeKey, LevelKey } from "../domain/framework";
import type { FamilyGroup } from "../domain/instrument";
import { entryModeOf, type EntryModeKey } from "../domain/entry-modes";
import { AnswerPacker, type PackedAnswers } from "../domain/scoring";

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
  /** The team of the respondent's invitation link, if any (issue 18). */
  teamId: string | null;
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
  const rows = await packedResponses(db, input.roundId).execute();
  return rows.map((r) => ({ ...responseOf(r, input.form), answers: unpackAnswers(r.packed) }));
}

/**
 * The aggregate that packs a response's answers (rows of `answers` grouped by response) into
 * one string for {@link unpackAnswers}.
 */
export function packedAnswers(db: Db) {
  const pair = sql`${sql.ref("answers.item_key")} || ${sql.lit(KEY_VALUE)} || ${sql.ref("answers.value")}`;
  return onPostgres(db)
    ? sql<string | null>`string_agg(${pair}, ${sql.lit(PAIR)})`
    : sql<string | null>`group_concat(${pair}, ${sql.lit(PAIR)})`;
}

/**
 * The submitted responses of a round with each one's answers packed into one string by the
 * database (`group_concat` on SQLite, `string_agg` on PostgreSQL: the one place the two
 * dialects need different SQL), in order of id.
 */
function packedResponses(db: Db, roundId: string) {
  const packed = packedAnswers(db);
  return (
    db
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
      .where("responses.round_id", "=", roundId)
      .where("responses.status", "=", "submitted")
      // Grouping by the primary key alone is enough for both: PostgreSQL knows the other
      // columns depend on it.
      .groupBy("responses.id")
      .orderBy("responses.id")
  );
}

type PackedRow = Awaited<ReturnType<ReturnType<typeof packedResponses>["execute"]>>[number];

function responseOf(r: PackedRow, form: "full" | "short"): Omit<StoredResponse, "answers"> {
  return {
    id: r.id,
    questionnaire: r.kind === "family" ? "family" : form === "short" ? "short" : "professional",
    respondentLevel: r.respondent_level as LevelKey | null,
    agencyType: r.agency_type as AgencyTypeKey | null,
    agencyId: r.agency_id,
    familyGroup: r.family_group as FamilyGroup | null,
    entryMode: entryModeOf(r.entry_mode),
    teamId: r.team_id,
  };
}

/** A submitted response for scoring: its answers packed, one byte per question (scoring/answers.ts). */
export type ScoringResponse = Omit<StoredResponse, "answers"> & { answers: PackedAnswers };

/**
 * The submitted responses of a round for scoring, streamed (issue 19): one query, read a batch
 * of `batch` responses at a time (a cursor on PostgreSQL, a statement stepped row by row on
 * SQLite), each response's answers packed by the database into one string and here into one
 * byte per question. Memory holds one batch of answer strings at a time and, per response, a
 * few hundred bytes; never the round's answers as objects. Call inside a transaction (the
 * PostgreSQL cursor lives in it).
 */
export async function* streamScoringResponses(
  db: Db,
  input: { roundId: string; form: "full" | "short" },
  batch = 2000,
): AsyncGenerator<ScoringResponse[]> {
  const packer = new AnswerPacker();
  const toScoring = (r: PackedRow): ScoringResponse => ({
    ...responseOf(r, input.form),
    answers: packInto(packer, r.packed),
  });
  const query = packedResponses(db, input.roundId);
  if (!onPostgres(db)) {
    let out: ScoringResponse[] = [];
    for await (const row of query.stream()) {
      out.push(toScoring(row));
      if (out.length >= batch) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
    return;
  }
  if (!db.isTransaction) throw new Error("streamScoringResponses needs a transaction on PostgreSQL");
  const cursor = sql.raw(`scoring_${Math.random().toString(36).slice(2, 10)}`);
  // Planned for reading every row (a hash join over the round), not for a quick first row.
  await sql`set local cursor_tuple_fraction = 1`.execute(db);
  await sql`declare ${cursor} no scroll cursor for ${query}`.execute(db);
  try {
    for (;;) {
      const { rows } = await sql<PackedRow>`fetch ${sql.raw(String(batch))} from ${cursor}`.execute(db);
      if (rows.length) yield rows.map(toScoring);
      if (rows.length < batch) break;
    }
  } finally {
    await sql`close ${cursor}`.execute(db);
  }
}

/** One packed string ("key\x1fvalue\x1ekey\x1fvalue") into PackedAnswers. */
function packInto(packer: AnswerPacker, packed: string | null): PackedAnswers {
  packer.begin();
  if (packed) {
    let from = 0;
    while (from < packed.length) {
      let to = packed.indexOf(PAIR, from);
      if (to < 0) to = packed.length;
      const cut = packed.indexOf(KEY_VALUE, from);
      if (cut > from && cut < to) packer.add(packed.slice(from, cut), decodeStoredValue(packed.slice(cut + 1, to)));
      from = to + 1;
    }
  }
  return packer.end();
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
