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

/** What a snapshot holds: the suppressed result and, for the answers export, which responses it may include. */
export interface SnapshotContent {
  result: RoundResult;
  /** Every submitted response the snapshot was made from (for the joint plan of later snapshots). */
  responseIds: string[];
  /** Submitted responses by questionnaire at the time. */
  byQuestionnaire: Record<QuestionnaireKind, number>;
  /** The responses the answers export may include (none whose group the results hide), or why none. */
  exportable: { status: "ok"; ids: string[] } | { status: "unavailable"; reason: string };
  /**
   * How many of the exportable responses are of each kind ("professional" takes the short
   * form too), so that the lead's comments need not count them again; absent in snapshots
   * made before issue 19.
   */
  exportableByKind?: { professional: number; family: number };
}

export interface PublishedSnapshot {
  id: string;
  kind: "interim" | "final";
  takenAt: string;
  submittedCount: number;
  content: SnapshotContent;
}

const parse = (row: ResultSnapshot, timing?: ServerTiming): PublishedSnapshot => ({
  id: row.id,
  kind: row.kind,
  takenAt: row.taken_at,
  submittedCount: row.submitted_count,
  content: timeSyncIn(timing, "parse", () => JSON.parse(row.result_json) as SnapshotContent),
});

/** The round's snapshots, oldest first. */
export async function listSnapshots(db: Db, roundId: string): Promise<PublishedSnapshot[]> {
  const rows = await db
    .selectFrom("result_snapshots")
    .selectAll()
    .where("round_id", "=", roundId)
    .orderBy("taken_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => parse(r));
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
      .selectAll()
      .where("round_id", "=", roundId)
      .orderBy("taken_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst(),
  );
  return row ? parse(row, timing) : null;
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
  const published = (await listSnapshots(db, round.id)).filter((s) => s.content.result.status === "ok");
  const last = published.at(-1);
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
    const added = counts[k] - (last.content.byQuestionnaire[k] ?? 0);
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
    const earlier = (await listSnapshots(trx, input.round.id)).filter((s) => s.content.result.status === "ok");
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
      earlier: earlier.map((s) => ({ responseIds: s.content.responseIds, result: s.content.result })),
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
      responseIds: responses.map((r) => r.id).sort(),
      byQuestionnaire,
      exportable,
      exportableByKind,
    };
    const row = {
      id: newId(),
      round_id: input.round.id,
      kind: input.kind,
      taken_at: input.at ?? now(),
      submitted_count: responses.length,
      result_json: JSON.stringify(content),
      // What the commissioner comparison reads, so that it need not parse the whole result.
      compare_json: JSON.stringify(compareExtract(result, input.round.form)),
    };
    await trx.insertInto("result_snapshots").values(row).execute();
    return { snapshot: parse(row), rule };
  });
}
