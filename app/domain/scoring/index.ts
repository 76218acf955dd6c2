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
import { FAMILY_GROUPS } from "../instrument";
import { resolveThreshold, suppressCounts, suppressedMarker } from "../suppression";
import { scoreContinuum } from "./continuum";
import { scorePartners } from "./partners";
import { agencyTypeOf, familyGroupOf, levelOf, scoreFamily, scoreProfessional, scoreShortForm, tally } from "./sections";
import { QUESTIONNAIRE_KINDS, type RespondentCounts, type RoundResult, type ScoreRoundInput } from "./types";

export * from "./types";
export { ALPHA_MIN_RESPONDENTS, BARRIER_STRENGTH, SCALE_POINT, SPLIT_MIN_OUTSIDE, SPLIT_SHARE, TOP_LIST_LENGTH } from "./components";
export { itemScore } from "./answers";
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
  const respondents: RespondentCounts = {
    total: byQuestionnaire.total,
    byQuestionnaire: byQuestionnaire.groups,
    byLevel: suppressCounts(LEVEL_KEYS, tally(LEVEL_KEYS, staff, levelOf), staff.length, threshold).groups,
    byAgencyType: suppressCounts(AGENCY_TYPE_KEYS, tally(AGENCY_TYPE_KEYS, staff, agencyTypeOf), staff.length, threshold)
      .groups,
    byFamilyGroup: suppressCounts(FAMILY_GROUPS, tally(FAMILY_GROUPS, family, familyGroupOf), family.length, threshold)
      .groups,
  };

  return {
    status: "ok",
    threshold,
    respondents,
    professional: scoreProfessional(professional, input.items, threshold),
    shortForm: scoreShortForm(short, input.items, threshold),
    family: scoreFamily(family, input.familyItems ?? [], threshold),
    continuum: scoreContinuum(staff, input.markers, threshold),
    partners: scorePartners(staff, input.agencies, threshold),
  };
}
