import crypto from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../db.server";
import type { ActionPlanItem, Round } from "../../db/schema";
import evidenceJson from "../../surveys/evidence.json";
import { answerExportRows, type AnswerExportRow } from "../domain/exports/answer-export";
import { questionCatalogue } from "../domain/exports/codebook";
import { citation, entriesByKey, type EvidenceRegister } from "../domain/evidence";
import { component as componentOf, type AgencyTypeKey, type ComponentKey } from "../domain/framework";
import { compareComponents, continuumMovement } from "../domain/round-comparison";
import { readScoredItems, QUESTION } from "../domain/instrument";
import { FAMILY_COMMENTS } from "../domain/instrument-check";
import type { Lang } from "../domain/language";
import { scoreRound, type AgencyInput, type RoundResult } from "../domain/scoring";
import { listActionItems } from "./action-plan.server";
import { listAgencies } from "./partnership.server";
import { allMarkers, exportLabels, SURVEYS } from "./questionnaire.server";
import { loadSubmittedResponses } from "./results.server";
import { getRound, listRounds } from "./round.server";
import { latestSnapshot, snapshotIds, takeSnapshot } from "./snapshot.server";
import { consensusForRound } from "./workshop.server";
import { timeIn, type ServerTiming } from "./timing.server";

export const EVIDENCE = evidenceJson as unknown as EvidenceRegister;

export interface RoundReport {
  round: Round;
  agencies: AgencyInput[];
  result: RoundResult;
  /** "snapshot" for a published snapshot; "retention" when only the scores kept under the retention setting remain; "none" before any snapshot. */
  source: "snapshot" | "retention" | "none";
  /** The published snapshot shown: which one and when it was taken. */
  snapshot: { id: string; kind: "interim" | "final"; takenAt: string; submittedCount: number } | null;
  /** The most recent earlier round of the partnership with results, and the actions planned from it. */
  previous: {
    round: Pick<Round, "id" | "name" | "opens_on" | "closes_on">;
    result: RoundResult;
    actions: ActionPlanItem[];
  } | null;
}

const toAgencyInputs = (rows: { id: string; name: string; agency_type: string }[]): AgencyInput[] =>
  rows.map((a) => ({ id: a.id, name: a.name, type: a.agency_type as AgencyTypeKey }));

/**
 * A round's published result: its latest snapshot. A round closed before snapshots existed
 * gets its final snapshot on first reading (once; then it is stored like any other); a round
 * whose answers were deleted under retention before that shows the scores kept then.
 */
async function resultOf(
  db: Db,
  round: Round,
  agencies: AgencyInput[],
  timing?: ServerTiming,
): Promise<{ result: RoundResult; source: RoundReport["source"]; snapshot: RoundReport["snapshot"] }> {
  let snapshot = await latestSnapshot(db, round.id, timing);
  if (!snapshot && round.status === "closed" && !round.answers_purged_at) {
    snapshot = (await takeSnapshot(db, { round, kind: "final", agencies, at: round.closed_at ?? undefined })).snapshot;
  }
  if (snapshot) {
    const { id, kind, takenAt, submittedCount } = snapshot;
    return { result: snapshot.content.result, source: "snapshot", snapshot: { id, kind, takenAt, submittedCount } };
  }
  if (round.answers_purged_at) {
    const kept = await db
      .selectFrom("round_snapshots")
      .select("result_json")
      .where("round_id", "=", round.id)
      .executeTakeFirst();
    if (kept) return { result: JSON.parse(kept.result_json) as RoundResult, source: "retention", snapshot: null };
  }
  return {
    result: {
      status: "no_data",
      reason: "No results have been published for this round yet.",
      threshold: round.suppression_threshold,
    },
    source: "none",
    snapshot: null,
  };
}

/**
 * Scores a round from its stored answers (small groups suppressed by the scoring module):
 * the results page, the exports and the retention snapshot all score this way.
 */
export async function scoreStoredRound(
  db: Db,
  round: Pick<Round, "id" | "form" | "suppression_threshold">,
  agencies: AgencyInput[],
): Promise<RoundResult> {
  const responses = await loadSubmittedResponses(db, { roundId: round.id, form: round.form });
  return scoreRound({
    responses,
    items: readScoredItems(SURVEYS.professional),
    familyItems: readScoredItems(SURVEYS.family),
    markers: allMarkers(),
    agencies,
    threshold: round.suppression_threshold,
  });
}

/** The partnership's agencies as the scoring module reads them. */
export async function agencyInputs(db: Db, partnershipId: string): Promise<AgencyInput[]> {
  return toAgencyInputs(await listAgencies(db, partnershipId));
}

const hasResults = (result: RoundResult) => result.status === "ok" && result.professional.status === "ok";

/**
 * Everything the results page and the exports show for a round, scored once: the round's
 * result (small numbers already suppressed by the scoring module) and its predecessor's, for
 * the comparison. Null when the round is not the partnership's.
 *
 * @example
 * const report = await roundReport(db, { partnershipId, roundId });
 * if (report?.result.status === "ok") console.log(report.result.respondents.total);
 */
export async function roundReport(
  db: Db,
  input: { partnershipId: string; roundId: string },
  /** Times the snapshot's read and parse (the results page's Server-Timing). */
  timing?: ServerTiming,
): Promise<RoundReport | null> {
  const round = await getRound(db, input);
  if (!round) return null;
  const agencies = await agencyInputs(db, input.partnershipId);
  const { result, source, snapshot } = await resultOf(db, round, agencies, timing);
  let previous: RoundReport["previous"] = null;
  const earlier = (await listRounds(db, input.partnershipId)).filter(
    (r) => r.id !== round.id && r.created_at < round.created_at,
  );
  for (const candidate of earlier) {
    const scored = await resultOf(db, candidate, agencies, timing);
    if (!hasResults(scored.result)) continue;
    const actions = await listActionItems(db, { partnershipId: input.partnershipId, roundId: candidate.id });
    previous = {
      round: { id: candidate.id, name: candidate.name, opens_on: candidate.opens_on, closes_on: candidate.closes_on },
      result: scored.result,
      actions,
    };
    break;
  }
  return { round, agencies, result, source, snapshot, previous };
}

const professionalOf = (result: RoundResult) =>
  result.status === "ok" && result.professional.status === "ok" ? result.professional : null;

/**
 * The change since the partnership's previous round with results: component by component,
 * the movement on the continuum, and the actions planned from that round. Null when either
 * round has no published results.
 */
export function changeSinceLastRound(report: RoundReport) {
  const { result, previous } = report;
  const professional = professionalOf(result);
  const prevProfessional = previous ? professionalOf(previous.result) : null;
  if (!previous || !professional || !prevProfessional || result.status !== "ok" || previous.result.status !== "ok")
    return null;
  return {
    round: previous.round,
    changes: compareComponents(prevProfessional.components, professional.components),
    movement: continuumMovement(
      previous.result.continuum.status === "ok" ? previous.result.continuum.placement : null,
      result.continuum.status === "ok" ? result.continuum.placement : null,
    ),
    actions: previous.actions.map((a) => ({
      id: a.id,
      component: a.component,
      description: a.description,
      status: a.status,
      owner: a.owner,
    })),
  };
}

/**
 * Workshop consensus (0-5, shown as 0-100) beside the survey's score for the same component,
 * and the difference. `endedOnly` keeps only workshops that have ended: what a viewer may see.
 */
export async function consensusBesideSurvey(
  db: Db,
  input: { roundId: string; result: RoundResult; endedOnly?: boolean },
) {
  const professional = professionalOf(input.result);
  return (await consensusForRound(db, input.roundId, { endedOnly: input.endedOnly })).map((c) => {
    const survey = professional?.components.find((x) => x.component === c.component)?.overall;
    const surveyScore = survey?.status === "ok" ? survey.score : null;
    return {
      component: c.component,
      name: componentOf(c.component).name,
      consensus: c.score,
      consensus100: c.score100,
      survey: surveyScore,
      difference: surveyScore === null ? null : Math.round((c.score100 - surveyScore) * 10) / 10,
      workshop: c.workshopName,
      notes: c.notes,
    };
  });
}

export interface Comment {
  questionnaire: "professional" | "family";
  text: string;
}

/**
 * Free-text comments of a round's published snapshot, for the lead only, in random order (so
 * the order says nothing about who answered when). Only responses the snapshot may export
 * (none of a hidden group), and each questionnaire's comments only when that questionnaire
 * alone has at least `threshold` such responses. Never part of an export.
 */
export async function roundComments(
  db: Db,
  input: { roundId: string; threshold: number },
  timing?: ServerTiming,
): Promise<{ available: boolean; comments: Comment[] }> {
  const snapshot = await latestSnapshot(db, input.roundId, timing);
  if (!snapshot || snapshot.content.exportable.status !== "ok") return { available: false, comments: [] };
  const exportable = new Set((await snapshotIds(db, snapshot.id, timing)).exportable);
  // The round's comment answers alone, through their partial index (migration 0016), not
  // every answer of every exportable response.
  // (A cross join: SQLite then reads the comment answers first, as written.)
  const rows = await timeIn(timing, "read", () =>
    db
      .selectFrom("answers")
      .crossJoin("responses")
      .whereRef("responses.id", "=", "answers.response_id")
      .select(["responses.id", "responses.kind", "answers.item_key", "answers.value"])
      .where("answers.item_key", "in", [sql.lit(QUESTION.comments), sql.lit(FAMILY_COMMENTS)])
      .where("responses.round_id", "=", input.roundId)
      .where("responses.status", "=", "submitted")
      .execute(),
  );
  let perKind = snapshot.content.exportableByKind ? new Map(Object.entries(snapshot.content.exportableByKind)) : null;
  if (!perKind) {
    // A snapshot made before issue 19: count the exportable responses by kind.
    perKind = new Map<string, number>();
    const byKind = await db
      .selectFrom("responses")
      .select(["id", "kind"])
      .where("round_id", "=", input.roundId)
      .where("status", "=", "submitted")
      .execute();
    for (const r of byKind) if (exportable.has(r.id)) perKind.set(r.kind, (perKind.get(r.kind) ?? 0) + 1);
  }
  const comments: Comment[] = [];
  for (const row of rows) {
    if (!exportable.has(row.id) || (perKind.get(row.kind) ?? 0) < input.threshold) continue;
    const value = JSON.parse(row.value) as unknown;
    if (typeof value !== "string" || !value.trim()) continue;
    comments.push({ questionnaire: row.item_key === FAMILY_COMMENTS ? "family" : "professional", text: value.trim() });
  }
  // Fisher-Yates with the platform's random numbers.
  for (let i = comments.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [comments[i], comments[j]] = [comments[j]!, comments[i]!];
  }
  return { available: true, comments };
}

export interface EvidenceNote {
  key: string;
  statement: string;
  citations: string[];
}

/** The evidence behind each scored item, cited by title and section. */
export function evidenceForItems(keys: readonly string[]): Record<string, EvidenceNote[]> {
  const entries = entriesByKey(EVIDENCE);
  const items = new Map(
    [...readScoredItems(SURVEYS.professional), ...readScoredItems(SURVEYS.family)].map((i) => [i.key, i]),
  );
  const out: Record<string, EvidenceNote[]> = {};
  for (const key of keys) {
    out[key] = (items.get(key)?.evidence ?? []).flatMap((e) => {
      const entry = entries.get(e);
      if (!entry) return [];
      return [
        {
          key: e,
          statement: entry.statement,
          citations: [...new Set(entry.sources.map((s) => citation(EVIDENCE, s)))],
        },
      ];
    });
  }
  return out;
}

/** The questions' wording in a language, by key (the snapshot keeps the English title only). */
export function itemTitles(keys: readonly string[], lang: Lang): Record<string, string> {
  const catalogue = questionCatalogue([SURVEYS.professional, SURVEYS.family], lang);
  return Object.fromEntries(keys.flatMap((k) => (catalogue.has(k) ? [[k, catalogue.get(k)!.question]] : [])));
}

export interface SuggestedAction {
  evidenceKey: string;
  component: ComponentKey;
  statement: string;
  action: string;
  citations: string[];
}

/** Actions from the evidence register for the given components (entries with an `action`). */
export function suggestedActions(components: readonly ComponentKey[]): SuggestedAction[] {
  return EVIDENCE.entries
    .filter((e) => e.action && components.includes(e.component))
    .map((e) => ({
      evidenceKey: e.key,
      component: e.component,
      statement: e.statement,
      action: e.action!,
      citations: [...new Set(e.sources.map((s) => citation(EVIDENCE, s)))],
    }));
}

/**
 * The long answers export of a round, or why it cannot be given: too few submitted responses
 * (the same threshold as every published figure), or raw answers deleted under retention.
 */
export async function roundAnswerExport(
  db: Db,
  input: { partnershipId: string; roundId: string; /** The labels' language (the reader's). */ lang?: Lang },
): Promise<{ status: "ok"; round: Round; rows: AnswerExportRow[] } | { status: "unavailable"; reason: string } | null> {
  const round = await getRound(db, input);
  if (!round) return null;
  if (round.answers_purged_at)
    return {
      status: "unavailable",
      reason: "The raw answers of this round were deleted under the partnership's retention setting.",
    };
  const snapshot = await latestSnapshot(db, round.id);
  if (!snapshot) return { status: "unavailable", reason: "No results have been published for this round yet." };
  if (snapshot.content.exportable.status !== "ok") return snapshot.content.exportable;
  // The snapshot's exportable responses: submitted answers never change, so these are its answers.
  const include = new Set((await snapshotIds(db, snapshot.id)).exportable);
  const responses = (await loadSubmittedResponses(db, { roundId: round.id, form: round.form })).filter((r) =>
    include.has(r.id),
  );
  const rows = answerExportRows({
    round: round.name,
    responses,
    items: [...readScoredItems(SURVEYS.professional), ...readScoredItems(SURVEYS.family)],
    markers: allMarkers(),
    labels: exportLabels(input.lang),
    threshold: round.suppression_threshold,
    randomId: () => crypto.randomUUID(),
  });
  return { status: "ok", round, rows };
}

/** A file name from a round's name: "Spring 2027" -> "spring-2027". */
export const fileSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "round";
