/**
 * Published result snapshots (issue 13, docs/scoring.md "Published snapshots"): every figure
 * of a round (results page, exports) is read from a stored, immutable snapshot, never from a
 * live recomputation, so that reading a score at n = 10 and again at n = 11 gives nothing.
 *
 * A snapshot is made when a round closes, and on a lead's request for an open round; either
 * only when, since the previous published snapshot of the round, each questionnaire has 0 or
 * at least `threshold` new submitted responses and the round as a whole at least `threshold`.
 * A new snapshot is scored with the earlier ones' figures planned jointly (scoreRound's
 * `earlier`), so that no two snapshots can be differenced either.
 */
import type { Db } from "../db.server";
import { inTransaction, now } from "../db.server";
import { newId } from "../crypto.server";
import { timeIn, timeSyncIn, type ServerTiming } from "./timing.server";
import type { ResultSnapshot, Round } from "../../db/schema";
import { readScoredItems } from "../domain/instrument";
import {
  QUESTIONNAIRE_KINDS,
  scoreRound,
  type AgencyInput,
  type QuestionnaireKind,
  type RoundResult,
} from "../domain/scoring";
import { exportableResponses } from "../domain/exports/answer-export";
import { compareExtract } from "../domain/compare-areas";
import { allMarkers, SURVEYS } from "./questionnaire.server";
import { streamScoringResponses, type ScoringResponse } from "./results.server";

/**
 * What the pages read of a snapshot (`result_json`): the suppressed result and counts. The
 * response ids are apart (`SnapshotIds`, issue 19), so that a page view parses no ids.
 */
export interface SnapshotContent {
  result: RoundResult;
  /** Submitted responses by questionnaire at the time. */
  byQuestionnaire: Record<QuestionnaireKind, number>;
  /** Whether the answers export may include any response (which ones: `SnapshotIds`), or why none. */
  exportable: { status: "ok" } | { status: "unavailable"; reason: string };
  /**
   * How many of the exportable responses are of each kind ("professional" takes the short
   * form too), so that the lead's comments need not count them again; absent in snapshots
   * made before issue 19.
   */
  exportableByKind?: { professional: number; family: number };
}

/** A snapshot's response ids (`ids_json`, migration 0017): read by no page, only where they are needed. */
export interface SnapshotIds {
  /** Every submitted response the snapshot was made from (for the joint plan of later snapshots), sorted. */
  responseIds: string[];
  /** The responses the answers export may include (none whose group the results hide); null when it may include none. */
  exportable: string[] | null;
}

export interface PublishedSnapshot {
  id: string;
  kind: "interim" | "final";
  takenAt: string;
  submittedCount: number;
  content: SnapshotContent;
}

/**
 * Parsed snapshots by id, most recently used last. A snapshot is never changed once written
 * (only made or deleted), so its parse is kept for the next page view (issue 19: the results
 * page of a 10,000-respondent round parsed ~925 KB of JSON three times per view). Cached values
 * are frozen: every reader shares them.
 */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V) {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }
}
const contents = new Lru<SnapshotContent>(32);
// Ids weigh more (a 100,000-respondent round: ~8 MB of strings), and only leads' comments,
// exports and new snapshots read them.
const idLists = new Lru<SnapshotIds>(4);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A snapshot's stored JSON as the pages read it (rows from before 0017 carry the ids inside; they are dropped). */
function contentOf(json: string): SnapshotContent {
  const { result, byQuestionnaire, exportable, exportableByKind } = JSON.parse(json) as SnapshotContent;
  return deepFreeze({
    result,
    byQuestionnaire,
    exportable: exportable.status === "ok" ? { status: "ok" } : exportable,
    ...(exportableByKind ? { exportableByKind } : {}),
  });
}

/** The content of snapshot `id`, from the cache or parsed once. */
async function snapshotContent(db: Db, id: string, timing?: ServerTiming): Promise<SnapshotContent> {
  const hit = contents.get(id);
  if (hit) return hit;
  const row = await timeIn(timing, "read", () =>
    db.selectFrom("result_snapshots").select("result_json").where("id", "=", id).executeTakeFirstOrThrow(),
  );
  const content = timeSyncIn(timing, "parse", () => contentOf(row.result_json));
  contents.set(id, content);
  return content;
}

/** The response ids of snapshot `id` (for the joint plan, the answers export and the lead's comments). */
export async function snapshotIds(db: Db, id: string, timing?: ServerTiming): Promise<SnapshotIds> {
  const hit = idLists.get(id);
  if (hit) return hit;
  const row = await timeIn(timing, "read", () =>
    db.selectFrom("result_snapshots").select("ids_json").where("id", "=", id).executeTakeFirstOrThrow(),
  );
  const ids = await timeIn(timing, "parse", async () => {
    if (row.ids_json) return JSON.parse(row.ids_json) as SnapshotIds;
    // A row written without ids_json: the ids are in result_json, as before 0017.
    const old = await db
      .selectFrom("result_snapshots")
      .select("result_json")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const parsed = JSON.parse(old.result_json) as {
      responseIds?: string[];
      exportable: { status: "ok"; ids?: string[] } | { status: "unavailable" };
    };
    return {
      responseIds: parsed.responseIds ?? [],
      exportable: parsed.exportable.status === "ok" ? (parsed.exportable.ids ?? []) : null,
    };
  });
  deepFreeze(ids);
  idLists.set(id, ids);
  return ids;
}

const SUMMARY = ["id", "kind", "taken_at", "submitted_count"] as const;
type SummaryRow = Pick<ResultSnapshot, (typeof SUMMARY)[number]>;

const published = async (db: Db, row: SummaryRow, timing?: ServerTiming): Promise<PublishedSnapshot> => ({
  id: row.id,
  kind: row.kind,
  takenAt: row.taken_at,
  submittedCount: row.submitted_count,
  content: await snapshotContent(db, row.id, timing),
});

/** The round's snapshots, oldest first. */
export async function listSnapshots(db: Db, roundId: string): Promise<PublishedSnapshot[]> {
  const rows = await db
    .selectFrom("result_snapshots")
    .select(SUMMARY)
    .where("round_id", "=", roundId)
    .orderBy("taken_at")
    .orderBy("id")
    .execute();
  const out: PublishedSnapshot[] = [];
  for (const row of rows) out.push(await published(db, row));
  return out;
}

/** The snapshot every reader shows: the latest one (the others are not read). */
export async function latestSnapshot(
  db: Db,
  roundId: string,
  timing?: ServerTiming,
): Promise<PublishedSnapshot | null> {
  const row = await timeIn(timing, "read", () =>
    db
      .selectFrom("result_snapshots")
      .select(SUMMARY)
      .where("round_id", "=", roundId)
      .orderBy("taken_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst(),
  );
  return row ? published(db, row, timing) : null;
}

async function submittedByQuestionnaire(
  db: Db,
  round: Pick<Round, "id" | "form">,
): Promise<Record<QuestionnaireKind, number>> {
  const rows = await db
    .selectFrom("responses")
    .select(["kind", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("round_id", "=", round.id)
    .where("status", "=", "submitted")
    .groupBy("kind")
    .execute();
  const out: Record<QuestionnaireKind, number> = { professional: 0, short: 0, family: 0 };
  for (const r of rows)
    out[r.kind === "family" ? "family" : round.form === "short" ? "short" : "professional"] += Number(r.n);
  return out;
}

export interface SnapshotRule {
  allowed: boolean;
  submitted: number;
  /** New submitted responses since the previous published snapshot. */
  sinceLast: number;
  /** Why a new snapshot cannot be made yet, for the page. */
  reason: string | null;
}

/**
 * The latest snapshot that published figures: its submitted count and counts by questionnaire,
 * from their own columns (0017); only a row written without them is parsed.
 */
async function lastPublished(
  db: Db,
  roundId: string,
): Promise<{ submittedCount: number; byQuestionnaire: Partial<Record<QuestionnaireKind, number>> } | null> {
  const rows = await db
    .selectFrom("result_snapshots")
    .select(["id", "submitted_count", "published", "by_questionnaire_json"])
    .where("round_id", "=", roundId)
    .where((eb) => eb.or([eb("published", "=", 1), eb("published", "is", null)]))
    .orderBy("taken_at", "desc")
    .orderBy("id", "desc")
    .execute();
  for (const row of rows) {
    if (row.published === 1 && row.by_questionnaire_json)
      return { submittedCount: row.submitted_count, byQuestionnaire: JSON.parse(row.by_questionnaire_json) };
    const content = await snapshotContent(db, row.id);
    if (content.result.status === "ok")
      return { submittedCount: row.submitted_count, byQuestionnaire: content.byQuestionnaire };
  }
  return null;
}

/**
 * Whether a new snapshot may be made now: since the latest snapshot that published figures,
 * at least `threshold` new submitted responses, and for each questionnaire 0 or at least
 * `threshold` new ones (else one questionnaire's section would move by a few people).
 */
export async function snapshotRule(
  db: Db,
  round: Pick<Round, "id" | "form" | "suppression_threshold">,
): Promise<SnapshotRule> {
  const t = round.suppression_threshold;
  const counts = await submittedByQuestionnaire(db, round);
  const submitted = QUESTIONNAIRE_KINDS.reduce((s, k) => s + counts[k], 0);
  const last = await lastPublished(db, round.id);
  if (!last) return { allowed: true, submitted, sinceLast: submitted, reason: null };
  const sinceLast = submitted - last.submittedCount;
  if (sinceLast < t) {
    return {
      allowed: false,
      submitted,
      sinceLast,
      reason: `A new snapshot needs at least ${t} new submitted responses since the last one.`,
    };
  }
  for (const k of QUESTIONNAIRE_KINDS) {
    const added = counts[k] - (last.byQuestionnaire[k] ?? 0);
    if (added > 0 && added < t) {
      return {
        allowed: false,
        submitted,
        sinceLast,
        reason: `A new snapshot needs 0 or at least ${t} new responses to each questionnaire.`,
      };
    }
  }
  return { allowed: true, submitted, sinceLast, reason: null };
}

/**
 * Makes a snapshot of the round now if the rule allows it (inside the caller's transaction
 * when there is one). Returns the snapshot, or null with the rule's reason.
 */
export async function takeSnapshot(
  db: Db,
  input: {
    round: Pick<Round, "id" | "form" | "suppression_threshold">;
    kind: "interim" | "final";
    agencies: AgencyInput[];
    at?: string;
    /** Responses read at a time (tests use small batches). */
    batch?: number;
  },
): Promise<{ snapshot: PublishedSnapshot | null; rule: SnapshotRule }> {
  return inTransaction(db, async (trx) => {
    const rule = await snapshotRule(trx, input.round);
    if (!rule.allowed) return { snapshot: null, rule };
    // The earlier snapshots that published figures, with their ids, for the joint plan.
    const earlier: { responseIds: readonly string[]; result: RoundResult }[] = [];
    for (const s of await listSnapshots(trx, input.round.id))
      if (s.content.result.status === "ok")
        earlier.push({ responseIds: (await snapshotIds(trx, s.id)).responseIds, result: s.content.result });
    // Streamed and packed (issue 19): the round's answers are never held as objects, only one
    // byte per question per response (decision 0007).
    const responses: ScoringResponse[] = [];
    for await (const batch of streamScoringResponses(
      trx,
      { roundId: input.round.id, form: input.round.form },
      input.batch,
    ))
      for (const r of batch) responses.push(r);
    const threshold = input.round.suppression_threshold;
    // The partnership's teams, for the team views the snapshot holds (issue 18).
    const teams = (
      await trx
        .selectFrom("teams")
        .innerJoin("rounds", "rounds.partnership_id", "teams.partnership_id")
        .select(["teams.id", "teams.agency_id", "teams.name"])
        .where("rounds.id", "=", input.round.id)
        .orderBy("teams.name")
        .orderBy("teams.id")
        .execute()
    ).map((t) => ({ id: t.id, agencyId: t.agency_id, name: t.name }));
    const result = scoreRound({
      responses,
      items: readScoredItems(SURVEYS.professional),
      familyItems: readScoredItems(SURVEYS.family),
      markers: allMarkers(),
      agencies: input.agencies,
      teams,
      threshold,
      earlier,
    });
    const byQuestionnaire: Record<QuestionnaireKind, number> = { professional: 0, short: 0, family: 0 };
    for (const r of responses) byQuestionnaire[r.questionnaire]++;
    const exportable = exportableResponses(result, responses, threshold);
    const exportableByKind = { professional: 0, family: 0 };
    if (exportable.status === "ok") {
      const ids = new Set(exportable.ids);
      for (const r of responses)
        if (ids.has(r.id)) exportableByKind[r.questionnaire === "family" ? "family" : "professional"]++;
    }
    const content: SnapshotContent = {
      result,
      byQuestionnaire,
      exportable: exportable.status === "ok" ? { status: "ok" } : exportable,
      exportableByKind,
    };
    const ids: SnapshotIds = {
      responseIds: responses.map((r) => r.id).sort(),
      exportable: exportable.status === "ok" ? exportable.ids : null,
    };
    const row = {
      id: newId(),
      round_id: input.round.id,
      kind: input.kind,
      taken_at: input.at ?? now(),
      submitted_count: responses.length,
      result_json: JSON.stringify(content),
      ids_json: JSON.stringify(ids),
      published: result.status === "ok" ? 1 : 0,
      by_questionnaire_json: JSON.stringify(byQuestionnaire),
      // What the commissioner comparison reads, so that it need not parse the whole result.
      compare_json: JSON.stringify(compareExtract(result, input.round.form)),
    };
    await trx.insertInto("result_snapshots").values(row).execute();
    // (Not cached here: the transaction may yet roll back.)
    const snapshot: PublishedSnapshot = {
      id: row.id,
      kind: row.kind,
      takenAt: row.taken_at,
      submittedCount: row.submitted_count,
      content,
    };
    return { snapshot, rule };
  });
}
