/**
 * The long ("tidy") answers export: one row per answer, under a random id per response made
 * for this export only. Plain TypeScript, no framework or database imports.
 *
 * What is left out, and why (nothing in an export may reveal an individual's answers):
 * - the database id of a response (it would link the export to the database and to a resume
 *   link); each export draws new random ids, so two exports cannot be joined either;
 * - free-text comments (they can name people) and the partner ratings (a respondent rates every
 *   member agency but their own, which would name their agency);
 * - a respondent's level or kind of agency when fewer than the threshold share it, or when the
 *   pair of the two is shared by fewer than the threshold: that cell is written "c", as in
 *   the published tables;
 * - rows come out ordered by the random id, not by the time people answered.
 */
import type { LevelKey, AgencyTypeKey, ComponentKey, Polarity } from "../framework";
import { QUESTION, type MarkerItem, type ScoredItem } from "../instrument";
import type { ResponseInput, RoundResult } from "../scoring/types";
import { hasNumericAnswer, inGroup, publishedGroups } from "../scoring";
import { findDisclosure, type PeopleGroup } from "../suppression";
import { labelAnswer, type QuestionCatalogue } from "./codebook";

export const ANSWER_EXPORT_COLUMNS = [
  "round",
  "response_id",
  "respondent_level",
  "agency_type",
  "item_key",
  "question",
  "component",
  "level",
  "polarity",
  "value",
  "answer_label",
] as const;

export interface ExportableResponse {
  respondentLevel: LevelKey | string | null;
  agencyType: AgencyTypeKey | string | null;
  answers: Readonly<Record<string, unknown>>;
}

export type AnswerExportRow = [
  round: string,
  responseId: string,
  respondentLevel: string,
  agencyType: string,
  itemKey: string,
  question: string,
  component: ComponentKey | "",
  level: LevelKey | "",
  polarity: Polarity | "",
  value: string | number,
  answerLabel: string,
];

/** Stage questions that are answers but not items: exported with empty component/level/polarity. */
const STAGE_QUESTIONS: readonly string[] = [QUESTION.targetStage, QUESTION.selfChosenStage];

function tally(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/**
 * The questions the answers export holds, in questionnaire order: scored items, continuum
 * markers, then the two stage questions (which have no component, level or polarity).
 */
export function exportedQuestions(
  items: readonly ScoredItem[],
  markers: readonly MarkerItem[],
): { key: string; component: ComponentKey | ""; level: LevelKey | ""; polarity: Polarity | "" }[] {
  const questions = [
    ...items.map((i) => ({ key: i.key, component: i.component, level: i.level, polarity: i.polarity })),
    ...markers.map((m) => ({ key: m.key, component: "" as const, level: "" as const, polarity: "" as const })),
    ...STAGE_QUESTIONS.map((key) => ({ key, component: "" as const, level: "" as const, polarity: "" as const })),
  ];
  const seen = new Set<string>();
  return questions.filter((q) => (seen.has(q.key) ? false : (seen.add(q.key), true)));
}

/**
 * Rows of the long export, sorted by response id then by questionnaire order.
 *
 * @example
 * answerExportRows({ round: "Spring 2027", responses, items, markers, threshold: 5, randomId: () => crypto.randomUUID() })
 * // [["Spring 2027", "5b0c…", "team", "health", "vision__shared_goals", "Partner agencies in our area agree…",
 * //   "vision", "local_authority", "facilitator", 4, "Agree"], …]
 */
export function answerExportRows(input: {
  round: string;
  responses: readonly ExportableResponse[];
  /** Scored items of every questionnaire the round used (professional and family). */
  items: readonly ScoredItem[];
  markers: readonly MarkerItem[];
  /** Question texts and answer labels, as respondents saw them (codebook.ts exportCatalogue). */
  labels: QuestionCatalogue;
  threshold: number;
  randomId: () => string;
}): AnswerExportRow[] {
  const { threshold } = input;
  const small = (counts: Map<string, number>, key: string) => (counts.get(key) ?? 0) < threshold;
  const levels = tally(input.responses.map((r) => r.respondentLevel ?? ""));
  const types = tally(input.responses.map((r) => r.agencyType ?? ""));
  const profiles = input.responses.map((r) => {
    let level = r.respondentLevel ?? "";
    let type = r.agencyType ?? "";
    if (level && small(levels, level)) level = "c";
    if (type && small(types, type)) type = "c";
    return { level, type };
  });
  // The pair (level, kind of agency) can single someone out even when each alone cannot.
  const pairs = tally(
    profiles.filter((p) => p.level && p.type && p.level !== "c" && p.type !== "c").map((p) => `${p.level}|${p.type}`),
  );
  for (const p of profiles) {
    if (p.level && p.type && p.level !== "c" && p.type !== "c" && small(pairs, `${p.level}|${p.type}`)) p.type = "c";
  }

  const unique = exportedQuestions(input.items, input.markers);

  const withIds = input.responses.map((r, i) => ({ r, profile: profiles[i]!, id: input.randomId() }));
  withIds.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows: AnswerExportRow[] = [];
  for (const { r, profile, id } of withIds) {
    for (const q of unique) {
      const value = r.answers[q.key];
      if (typeof value !== "string" && typeof value !== "number") continue;
      const { question, label } = labelAnswer(input.labels, q.key, value);
      rows.push([
        input.round,
        id,
        profile.level,
        profile.type,
        q.key,
        question,
        q.component,
        q.level,
        q.polarity,
        value,
        label,
      ]);
    }
  }
  return rows;
}

/**
 * Which responses the answers export (and the lead's comments) may include, by the rule of the
 * results page: a response is left out, answers and all, when its questionnaire's section is
 * not shown (the family voice needs the threshold on its own) or when its level, kind of
 * agency or family group is hidden in the result's counts. If the responses left out would
 * then number 1..threshold-1 (the round's total minus the export's), or fewer than the
 * threshold remain, nothing is exported.
 */
export function exportableResponses(
  result: RoundResult,
  responses: readonly ResponseInput[],
  threshold: number,
): { status: "ok"; ids: string[] } | { status: "unavailable"; reason: string } {
  const unavailable = (reason: string) => ({ status: "unavailable" as const, reason });
  if (result.status !== "ok") {
    return unavailable(
      `The answers can be exported once at least ${threshold} people have submitted, so that no one's answers can be picked out.`,
    );
  }
  const shown = (f: { status: string } | undefined) => f?.status === "ok";
  const ids: string[] = [];
  for (const r of responses) {
    const section =
      r.questionnaire === "family"
        ? result.family
        : r.questionnaire === "short"
          ? result.shortForm
          : result.professional;
    if (!shown(section)) continue;
    if (r.questionnaire === "family") {
      if (r.familyGroup && !shown(result.respondents.byFamilyGroup[r.familyGroup])) continue;
    } else {
      if (r.respondentLevel && !shown(result.respondents.byLevel[r.respondentLevel])) continue;
      if (r.agencyType && !shown(result.respondents.byAgencyType[r.agencyType])) continue;
    }
    ids.push(r.id);
  }
  // Each questionnaire's rows on their own: a questionnaire whose exported respondents with a
  // scored answer number 1..threshold-1 is left out entirely (its rows would be their answers).
  const byId = new Map(responses.map((r) => [r.id, r]));
  for (const kind of ["professional", "short", "family"] as const) {
    const answered = ids.filter((id) => {
      const r = byId.get(id)!;
      return r.questionnaire === kind && hasNumericAnswer(r.answers);
    }).length;
    if (answered > 0 && answered < threshold) {
      for (let i = ids.length - 1; i >= 0; i--) if (byId.get(ids[i]!)!.questionnaire === kind) ids.splice(i, 1);
    }
  }
  // The export is one more group of people beside those the result counts: planned jointly,
  // over all respondents and over those with a scored answer (the people behind the scores).
  const leaks = (among: (r: ResponseInput) => boolean) => {
    const inside = responses.filter(among);
    const index = new Map(inside.map((r, i) => [r.id, i]));
    const groups: PeopleGroup[] = publishedGroups(result)
      .filter((key) => !key.startsWith("c:"))
      .map((key) => ({ key, members: inside.flatMap((r, i) => (inGroup(key, r) ? [i] : [])) }));
    groups.push({ key: "export", members: ids.flatMap((id) => (index.has(id) ? [index.get(id)!] : [])) });
    return findDisclosure(inside.length, groups, threshold, true) !== null;
  };
  const scored = (r: ResponseInput) => hasNumericAnswer(r.answers);
  const left = responses.length - ids.length;
  if ((left > 0 && left < threshold) || leaks(() => true) || leaks(scored)) {
    return unavailable(
      `Leaving out the answers of groups the results hide would let fewer than ${threshold} people's answers be counted, so this round's answers are not exported.`,
    );
  }
  if (ids.length < threshold)
    return unavailable(`Fewer than ${threshold} people belong to groups the results can show.`);
  return { status: "ok", ids: ids.sort() };
}
