/**
 * Scoring a round: responses + the questionnaire definition in, every published figure out.
 * This module is the public face of scoring; the work is split by concern beside it:
 * - ./types.ts: what goes in and every figure that comes out;
 * - ./answers.ts: raw answers read as scores ("don't know" is never a zero);
 * - ./components.ts: the 13 components, their sub-scores, groups, items, alpha and top lists;
 * - ./sections.ts: the professional questionnaire, its short form and the family voice;
 * - ./continuum.ts: the continuum questions (placement by the one rule in ../continuum.ts);
 * - ./partners.ts: partner-by-partner ratings.
 * The statistics themselves (mean, SD, t, intervals, medians) are in ../statistics.ts.
 *
 * The rules are those of DESIGN "Scoring" and docs/scoring.md (which explains each figure to
 * a partnership lead). Plain TypeScript with no framework or database imports, pure and
 * deterministic: the same responses in any order give the same result, to the last digit.
 * Small-number suppression (../suppression.ts) is applied here, inside the one function that
 * builds the result, so no caller can forget it.
 *
 * Cost: one pass over the answers (respondents x items), then a sort of each group's scores
 * for its median; `npm run bench` times 1,000 and 10,000 respondents.
 */
import { AGENCY_TYPE_KEYS, LEVEL_KEYS } from "../framework";
import { ENTRY_MODES, type EntryModeKey } from "../entry-modes";
import { FAMILY_GROUPS } from "../instrument";
import {
  jointMarker,
  planJointSuppression,
  resolveThreshold,
  suppressAgainstEarlier,
  suppressCounts,
  suppressedMarker,
  type BreakdownDecision,
  type CountFigure,
  type PeopleGroup,
  type Suppressed,
} from "../suppression";
import { scoreContinuum } from "./continuum";
import { scorePartners } from "./partners";
import { scoreGroupViews } from "./groups";
import {
  agencyTypeOf,
  familyGroupOf,
  levelOf,
  scoreFamily,
  scoreProfessional,
  scoreShortForm,
  tally,
} from "./sections";
import {
  QUESTIONNAIRE_KINDS,
  type EarlierPublication,
  type ResponseInput,
  type RespondentCounts,
  type RoundResult,
  type ScoreRoundInput,
} from "./types";

export * from "./types";
export {
  ALPHA_MIN_RESPONDENTS,
  BARRIER_STRENGTH,
  SCALE_POINT,
  SPLIT_MIN_OUTSIDE,
  SPLIT_SHARE,
  TOP_LIST_LENGTH,
} from "./components";
export { AnswerPacker, PackedAnswers, answerOf, hasNumericAnswer, itemScore, type AnswersOf } from "./answers";
/** Kept here for callers that read them with the scoring figures; they live in ../statistics. */
export { CI_MIN_N, histogramMedian, tQuantile975 } from "../statistics";

/**
 * Scores a round: every figure of the results report, with small numbers already suppressed.
 *
 * @example
 * const result = scoreRound({
 *   responses: [{ id: "r1", questionnaire: "professional", respondentLevel: "team", agencyType: "health",
 *                 agencyId: "a1", familyGroup: null, answers: { vision__goals: 4 } }, ...],
 *   items: readScoredItems(professionalSurvey),
 *   familyItems: readScoredItems(familySurvey),
 *   markers: readMarkers(continuumSurvey),
 *   agencies: [{ id: "a1", name: "Northshire Council", type: "social_work" }],
 *   threshold: 5,
 * });
 * if (result.status === "ok" && result.professional.status === "ok") {
 *   for (const c of result.professional.components) console.log(c.component, c.overall);
 * }
 */
export function scoreRound(input: ScoreRoundInput): RoundResult {
  const threshold = resolveThreshold(input.threshold);
  const responses = input.responses;
  if (responses.length === 0) return { status: "no_data", reason: "No responses in this round", threshold };
  if (responses.length < threshold) return { ...suppressedMarker(threshold), threshold };

  const professional = responses.filter((r) => r.questionnaire === "professional");
  const short = responses.filter((r) => r.questionnaire === "short");
  const family = responses.filter((r) => r.questionnaire === "family");
  const staff = responses.filter((r) => r.questionnaire !== "family");

  const byQuestionnaire = suppressCounts(
    QUESTIONNAIRE_KINDS,
    { professional: professional.length, short: short.length, family: family.length },
    responses.length,
    threshold,
    // Each section prints its own size, so the complementary cell is the round total.
    "total",
  );
  // The round's plan: every group of people a viewer sees a count or a figure for, suppressed
  // jointly so that no group or derivable remainder is below the threshold (docs/scoring.md).
  const earlier = earlierMembership(input.earlier ?? []);
  const { plan, hidden, groups, fixed } = planRoundGroups(responses, byQuestionnaire, threshold, earlier);
  const counted = <K extends string>(
    keys: readonly K[],
    grouping: string,
    members: readonly ResponseInput[],
    keyOf: (r: ResponseInput) => K | null,
  ) => {
    const counts = tally(keys, members, keyOf);
    return Object.fromEntries(
      keys.map((k) => [k, jointMarker(plan.get(`${grouping}:${k}`), threshold) ?? { status: "ok", n: counts[k] }]),
    ) as Record<K, CountFigure>;
  };
  const respondents: RespondentCounts = {
    total: byQuestionnaire.total,
    byQuestionnaire: byQuestionnaire.groups,
    byLevel: counted(LEVEL_KEYS, "level", staff, levelOf),
    byAgencyType: counted(AGENCY_TYPE_KEYS, "agency", staff, agencyTypeOf),
    byFamilyGroup: counted(FAMILY_GROUPS, "family", family, familyGroupOf),
    byMode: counted(ENTRY_MODES, "mode", responses, modeOf),
  };

  const result: RoundResult = {
    status: "ok",
    threshold,
    respondents,
    professional: scoreProfessional(professional, input.items, threshold, hidden, earlierIn(earlier, professional)),
    shortForm: scoreShortForm(short, input.items, threshold),
    family: scoreFamily(family, input.familyItems ?? [], threshold, hidden, earlierIn(earlier, family)),
    continuum: scoreContinuum(staff, input.markers, threshold),
    partners: scorePartners(staff, input.agencies, threshold),
  };
  // Organisation and team views (issue 18): planned after the round's figures, which stay as they are.
  if (input.agencies.length > 0) {
    const section = professional.length > 0 ? professional : short;
    result.groups = scoreGroupViews({
      responses,
      section,
      items: professional.length > 0 ? input.items : input.items.filter((i) => i.shortForm),
      published: result.professional.status === "ok" ? result.professional.components : [],
      organisations: input.agencies.map((a) => a.id),
      teams: input.teams ?? [],
      threshold,
      round: { groups, plan, fixed, populationPublished: byQuestionnaire.total.status === "ok" },
      earlier: earlierIn(earlier, section),
    });
  }
  // The same figure in an earlier snapshot must not differ by a few people.
  const earlierResults = (input.earlier ?? []).map((e) => e.result).filter((r) => r.status === "ok");
  return earlierResults.length ? suppressAgainstEarlier(result, earlierResults, threshold) : result;
}

/**
 * The groups of people of a round a viewer can see a count or a figure for: the questionnaires
 * (their sizes are printed with their sections), the staff by level and by agency type, the
 * family-voice respondents by family group; planned jointly over all respondents. Returns the
 * plan ("level:team", ...) and the markers of the groups it hides, which every section applies.
 */
export function planRoundGroups(
  responses: readonly ResponseInput[],
  byQuestionnaire: { total: CountFigure; groups: Record<string, CountFigure> },
  threshold: number,
  earlier: readonly EarlierGroup[] = [],
): {
  plan: Map<string, BreakdownDecision>;
  hidden: Map<string, Suppressed>;
  /** The groups planned, as the organisation and team views plan theirs after them. */
  groups: PeopleGroup[];
  fixed: ReadonlySet<string>;
} {
  const groups: PeopleGroup[] = [];
  const add = <K extends string>(
    grouping: string,
    keys: readonly K[],
    keyOf: (r: ResponseInput) => K | null,
    within: (r: ResponseInput) => boolean,
  ) => {
    const members = new Map<K, number[]>(keys.map((k) => [k, []]));
    responses.forEach((r, i) => {
      if (!within(r)) return;
      const k = keyOf(r);
      if (k !== null) members.get(k)?.push(i);
    });
    for (const k of keys) groups.push({ key: `${grouping}:${k}`, members: members.get(k)! });
  };
  const isStaff = (r: ResponseInput) => r.questionnaire !== "family";
  add(
    "q",
    QUESTIONNAIRE_KINDS,
    (r) => r.questionnaire,
    () => true,
  );
  // The continuum and the partner ratings print the number of staff respondents.
  add("q", ["staff"], () => "staff", isStaff);
  add("level", LEVEL_KEYS, levelOf, isStaff);
  add("agency", AGENCY_TYPE_KEYS, agencyTypeOf, isStaff);
  add("family", FAMILY_GROUPS, familyGroupOf, (r) => !isStaff(r));
  // Online, paper and assisted responses are counted apart, in the same joint plan (issue 24).
  add("mode", ENTRY_MODES, modeOf, () => true);
  const shownSections = new Set(
    QUESTIONNAIRE_KINDS.filter((k) => byQuestionnaire.groups[k]?.status === "ok").map((k) => `q:${k}`),
  );
  shownSections.add("q:staff");
  // What earlier snapshots published is published for good: fixed groups of this plan.
  earlier.forEach((e, j) => {
    if (e.key.startsWith("c:")) return;
    const key = `earlier${j}:${e.key}`;
    groups.push({ key, members: responses.flatMap((r, i) => (e.has(r) ? [i] : [])) });
    shownSections.add(key);
  });
  const plan = planJointSuppression(responses.length, groups, threshold, {
    fixed: shownSections,
    populationPublished: byQuestionnaire.total.status === "ok",
  });
  const hidden = new Map<string, Suppressed>();
  for (const [key, decision] of plan) {
    const marker = jointMarker(decision, threshold);
    if (marker) hidden.set(key, marker);
  }
  return { plan, hidden, groups, fixed: shownSections };
}

/** How a response came in; online unless entered by staff. */
const modeOf = (r: ResponseInput): EntryModeKey => r.entryMode ?? "online";

/** A group an earlier snapshot published, as a test on this round's responses. */
export interface EarlierGroup {
  key: string;
  has: (r: ResponseInput) => boolean;
}

/** Whether a response belongs to a group named as publishedGroups names it ("*", "q:short", "level:team", ...). */
export function inGroup(key: string, r: ResponseInput): boolean {
  if (key === "*") return true;
  const cut = key.indexOf(":");
  const grouping = key.slice(0, cut);
  const value = key.slice(cut + 1);
  if (grouping === "q") return value === "staff" ? r.questionnaire !== "family" : r.questionnaire === value;
  if (grouping === "level") return r.questionnaire !== "family" && levelOf(r) === value;
  if (grouping === "agency") return r.questionnaire !== "family" && agencyTypeOf(r) === value;
  if (grouping === "family") return r.questionnaire === "family" && familyGroupOf(r) === value;
  if (grouping === "mode") return modeOf(r) === value;
  if (grouping === "org") return r.questionnaire !== "family" && r.agencyId === value;
  if (grouping === "team") return r.questionnaire !== "family" && r.teamId === value;
  return false;
}

function earlierMembership(earlier: readonly EarlierPublication[]): EarlierGroup[] {
  const out: EarlierGroup[] = [];
  for (const e of earlier) {
    const ids = new Set(e.responseIds);
    for (const key of publishedGroups(e.result)) {
      // "c:vision:level:team" -> the component's own test is made in its section.
      const groupKey = key.startsWith("c:") ? key.slice(key.indexOf(":", 2) + 1) : key;
      out.push({ key, has: (r) => ids.has(r.id) && inGroup(groupKey, r) });
    }
  }
  return out;
}

/** The earlier groups as tests on a section's responses, by index. */
function earlierIn(earlier: readonly EarlierGroup[], section: readonly ResponseInput[]) {
  return earlier.map((e) => ({ key: e.key, inSection: Uint8Array.from(section, (r) => (e.has(r) ? 1 : 0)) }));
}

/**
 * The groups a result publishes, by name, for the joint plan of a later snapshot of the same
 * round: "*" (the total), "q:..." (questionnaires, staff), "level:...", "agency:...",
 * "family:..." (counts), and "c:<component>:*" / "c:<component>:level:..." etc. for each
 * component's overall figure and breakdowns (professional and family sections).
 */
export function publishedGroups(result: RoundResult): string[] {
  if (result.status !== "ok") return [];
  const shown: string[] = [];
  const ok = (f: { status: string; n?: number }) => f.status === "ok" && (f.n ?? 1) > 0;
  if (ok(result.respondents.total)) shown.push("*");
  for (const [k, f] of Object.entries(result.respondents.byQuestionnaire)) if (ok(f)) shown.push(`q:${k}`);
  if (result.continuum.status === "ok" || result.partners.status === "ok") shown.push("q:staff");
  for (const [k, f] of Object.entries(result.respondents.byLevel)) if (ok(f)) shown.push(`level:${k}`);
  for (const [k, f] of Object.entries(result.respondents.byAgencyType)) if (ok(f)) shown.push(`agency:${k}`);
  for (const [k, f] of Object.entries(result.respondents.byFamilyGroup)) if (ok(f)) shown.push(`family:${k}`);
  for (const [k, f] of Object.entries(result.respondents.byMode ?? {})) if (ok(f)) shown.push(`mode:${k}`);
  if (result.professional.status === "ok") {
    for (const c of result.professional.components) {
      if (c.overall.status === "ok") shown.push(`c:${c.component}:*`);
      for (const [k, f] of Object.entries(c.byRespondentLevel))
        if (f.status === "ok") shown.push(`c:${c.component}:level:${k}`);
      for (const [k, f] of Object.entries(c.byAgencyType))
        if (f.status === "ok") shown.push(`c:${c.component}:agency:${k}`);
    }
  }
  for (const [grouping, views] of [
    ["org", result.groups?.organisations ?? []],
    ["team", result.groups?.teams ?? []],
  ] as const) {
    for (const v of views) {
      if (!ok(v.respondents)) continue;
      shown.push(`${grouping}:${v.key}`);
      for (const c of v.components) if (c.overall.status === "ok") shown.push(`c:${c.component}:${grouping}:${v.key}`);
    }
  }
  if (result.family.status === "ok") {
    for (const c of result.family.components) {
      if (c.overall.status === "ok") shown.push(`c:family_${c.component}:*`);
      for (const [k, f] of Object.entries(c.byFamilyGroup))
        if (f.status === "ok") shown.push(`c:family_${c.component}:family:${k}`);
    }
  }
  return shown;
}
