import professional from "../../surveys/professional.json";
import continuum from "../../surveys/continuum.json";
import family from "../../surveys/family.json";
import deepDive from "../../surveys/deep-dive.json";
import type { Agency, ResponseKind, Round } from "../../db/schema";
import type { AgencyTypeKey } from "../domain/framework";
import type { Lang } from "../domain/language";
import { readMarkers, readScoredItems, type SurveyJson } from "../domain/instrument";
import { buildQuestionnaire } from "../domain/questionnaire";
import { exportCatalogue, type QuestionCatalogue } from "../domain/exports/codebook";

/** The questionnaire files, bundled into the server build (nothing is read from disk at run time). */
export const SURVEYS = {
  professional: professional as unknown as SurveyJson,
  continuum: continuum as unknown as SurveyJson,
  family: family as unknown as SurveyJson,
  deepDive: deepDive as unknown as SurveyJson,
};

/** The SurveyJS JSON a respondent of this round sees, built per round (partner ratings list its agencies). */
export function questionnaireFor(
  round: Pick<Round, "form" | "include_continuum"> & Partial<Pick<Round, "deep_dive_modules">>,
  agencies: Pick<Agency, "id" | "name" | "agency_type">[],
  kind: ResponseKind,
  /** The organisation an invitation link is for: its respondents are not asked which (issue 18). */
  ownAgencyId: string | null = null,
): SurveyJson {
  // Built once per shape and kept: every autosave validates against it.
  const modules = (round.deep_dive_modules ?? "").split(",").filter(Boolean);
  const key = JSON.stringify([
    kind,
    round.form,
    round.include_continuum,
    modules,
    agencies.map((a) => [a.id, a.name, a.agency_type]),
    ownAgencyId,
  ]);
  const cached = built.get(key);
  if (cached) return cached;
  const survey = buildQuestionnaire({
    kind,
    form: round.form,
    includeContinuum: round.include_continuum === 1,
    deepDiveModules: modules,
    ownAgencyId,
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, type: a.agency_type as AgencyTypeKey })),
    surveys: SURVEYS,
  });
  if (built.size >= 500) built.delete(built.keys().next().value!);
  built.set(key, survey);
  return survey;
}

const built = new Map<string, SurveyJson>();

export const allScoredItems = () => [...readScoredItems(SURVEYS.professional), ...readScoredItems(SURVEYS.family)];
export const allMarkers = () => readMarkers(SURVEYS.continuum);

const labels = new Map<Lang, QuestionCatalogue>();
/** Question texts and answer labels for the exports in a language, built once from the questionnaires. */
export function exportLabels(lang: Lang = "en"): QuestionCatalogue {
  let catalogue = labels.get(lang);
  if (!catalogue) labels.set(lang, (catalogue = exportCatalogue(SURVEYS, lang)));
  return catalogue;
}
