/**
 * Small builders of published figures for the report's domain tests (key messages, the
 * experience gap, differences): a score figure from its mean, SD and n, and a component or a
 * whole result made of them. Everything not given is filled with a plain, valid value.
 */
import {
  AGENCY_TYPE_KEYS,
  COMPONENT_KEYS,
  LEVEL_KEYS,
  bandFor,
  component as componentInfo,
} from "../../app/domain/framework";
import type { AgencyTypeKey, ComponentKey, LevelKey } from "../../app/domain/framework";
import { ci95OfMean } from "../../app/domain/statistics";
import type { Db } from "../../app/db.server";
import { demoAnswers, seededRandom } from "../../app/domain/demo-answers";
import { readScoredItems } from "../../app/domain/instrument";
import { scoreRound } from "../../app/domain/scoring";
import { listAgencies } from "../../app/models/partnership.server";
import { allMarkers, questionnaireFor, SURVEYS } from "../../app/models/questionnaire.server";
import { agencyInputs } from "../../app/models/report.server";
import { saveResponse } from "../../app/models/response.server";
import { loadSubmittedResponses } from "../../app/models/results.server";
import { createRound } from "../../app/models/round.server";
import { takeSnapshot } from "../../app/models/snapshot.server";
import { createGroupInvitation, createTeam, teamInputs } from "../../app/models/team.server";
import type {
  ComponentResult,
  FamilyComponentResult,
  FamilyResults,
  ProfessionalResults,
  RoundResult,
  ScoreFigure,
} from "../../app/domain/scoring";

export const hidden: ScoreFigure = { status: "suppressed", reason: "Fewer than 5 respondents" };
export const noFigure: ScoreFigure = { status: "no_data", reason: "No answers" };

/** A published score of `n` people with mean `score` and SD `sd`. */
export function scoreFigure(score: number, sd = 15, n = 30): ScoreFigure {
  return {
    status: "ok",
    score,
    band: bandFor(score),
    n,
    sd,
    ci95: ci95OfMean(score, sd, n),
    median: score,
    agreement: 0.8,
    agreementBand: 25,
    split: false,
    splitItems: { split: 0, of: 3 },
    dontKnow: 0,
    leftOut: 0,
  };
}

const byKeys = <K extends string>(keys: readonly K[], f: ScoreFigure) =>
  Object.fromEntries(keys.map((k) => [k, f])) as Record<K, ScoreFigure>;

/** A professional component with an overall figure; breakdowns default to no data. */
export function componentResult(
  key: ComponentKey,
  overall: ScoreFigure,
  more: {
    byRespondentLevel?: Partial<Record<LevelKey, ScoreFigure>>;
    byAgencyType?: Partial<Record<AgencyTypeKey, ScoreFigure>>;
  } = {},
): ComponentResult {
  return {
    component: key,
    name: componentInfo(key).name,
    itemCount: 3,
    overall,
    alpha: { status: "not_computed", reason: "Too few" },
    dontKnowAnswers: 0,
    facilitators: overall,
    barriers: noFigure,
    byItemLevel: byKeys(LEVEL_KEYS, noFigure),
    byRespondentLevel: { ...byKeys(LEVEL_KEYS, noFigure), ...more.byRespondentLevel },
    perceptionGap: { status: "no_data", reason: "Fewer than two levels can be shown" },
    byAgencyType: { ...byKeys(AGENCY_TYPE_KEYS, noFigure), ...more.byAgencyType },
  };
}

/** Professional results with the given components (the rest of the 13 at a middling 60). */
export function professionalResults(components: ComponentResult[]): ProfessionalResults {
  const all = COMPONENT_KEYS.map(
    (k) => components.find((c) => c.component === k) ?? componentResult(k, scoreFigure(60, 15, 30)),
  );
  return { respondents: 30, components: all, items: [], strongestFacilitators: [], severestBarriers: [] };
}

export function familyResults(scores: Partial<Record<ComponentKey, ScoreFigure>>): FamilyResults {
  const components: FamilyComponentResult[] = (Object.entries(scores) as [ComponentKey, ScoreFigure][]).map(
    ([key, overall]) => ({
      component: key,
      name: componentInfo(key).name,
      itemCount: 2,
      overall,
      alpha: { status: "not_computed", reason: "Too few" },
      dontKnowAnswers: 0,
      facilitators: overall,
      barriers: noFigure,
      byFamilyGroup: { young_person: noFigure, parent_carer: noFigure },
    }),
  );
  return { respondents: 12, components, items: [] };
}

/** A whole result around professional (and optionally family) results; the continuum not asked. */
export function roundResult(professional: ProfessionalResults, family?: FamilyResults): RoundResult {
  const none = { status: "no_data", reason: "Not asked" } as const;
  const count = { status: "ok", n: 30 } as const;
  return {
    status: "ok",
    threshold: 5,
    respondents: {
      total: count,
      byQuestionnaire: { professional: count, short: { status: "ok", n: 0 }, family: count },
      byLevel: Object.fromEntries(LEVEL_KEYS.map((l) => [l, count])) as never,
      byAgencyType: Object.fromEntries(AGENCY_TYPE_KEYS.map((a) => [a, count])) as never,
      byFamilyGroup: { young_person: count, parent_carer: count },
    },
    professional: { status: "ok", ...professional },
    shortForm: none,
    family: family ? { status: "ok", ...family } : none,
    continuum: none,
    partners: none,
  };
}

// ---------------------------------------------------------------------------------------------
// Seeding a partnership's round with organisations and teams (issue 18), through the same model
// functions the invitation links and respondents go through.
// ---------------------------------------------------------------------------------------------

/** How many staff answer through each organisation's (or team's) link; `team: null` is the organisation's own link. */
export interface GroupSeed {
  agencyId: string;
  team: string | null;
  respondents: number;
}

/**
 * Opens a round, adds the teams named in `groups`, makes one invitation link per group and
 * submits generated answers through each (saveResponse), then publishes a snapshot.
 * Returns the round and the teams' ids by name.
 */
export async function seedGroupRound(
  db: Db,
  input: { partnershipId: string; name: string; groups: GroupSeed[]; seed: number; threshold?: number },
): Promise<{ roundId: string; teams: Record<string, string> }> {
  const roundId = await createRound(db, {
    partnershipId: input.partnershipId,
    name: input.name,
    form: "full",
    includeContinuum: true,
    includeFamily: false,
    opensOn: "2026-09-01",
    closesOn: "2026-10-30",
    suppressionThreshold: input.threshold ?? 5,
  });
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
  const agencies = await listAgencies(db, input.partnershipId);
  const random = seededRandom(input.seed);
  const teams: Record<string, string> = {};
  for (const g of input.groups) {
    let teamId: string | null = null;
    if (g.team) {
      const created = await createTeam(db, { partnershipId: input.partnershipId, agencyId: g.agencyId, name: g.team });
      teamId = created && created !== "duplicate" ? created.id : teams[g.team]!;
      teams[g.team] = teamId;
    }
    const link = await createGroupInvitation(db, {
      partnershipId: input.partnershipId,
      roundId,
      agencyId: g.agencyId,
      teamId,
      label: g.team ?? g.agencyId,
    });
    const invitation = await db
      .selectFrom("invitations")
      .selectAll()
      .where("id", "=", link!.id)
      .executeTakeFirstOrThrow();
    const survey = questionnaireFor(round, agencies, "professional", g.agencyId);
    for (let i = 0; i < g.respondents; i++) {
      const answers = demoAnswers(survey, random, { agencies });
      await saveResponse(db, { invitation, existing: null, answers, currentPage: 0, submit: true });
    }
  }
  await takeSnapshot(db, { round, kind: "interim", agencies: await agencyInputs(db, input.partnershipId) });
  return { roundId, teams };
}

/** The round scored again from its stored answers by the domain module, with its agencies and teams. */
export async function scoreGroupRoundAgain(db: Db, input: { partnershipId: string; roundId: string }) {
  return scoreRound({
    responses: await loadSubmittedResponses(db, { roundId: input.roundId, form: "full" }),
    items: readScoredItems(SURVEYS.professional),
    familyItems: readScoredItems(SURVEYS.family),
    markers: allMarkers(),
    agencies: await agencyInputs(db, input.partnershipId),
    teams: await teamInputs(db, input.partnershipId),
    threshold: 5,
  });
}
