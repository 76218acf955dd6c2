/**
 * Builds the questionnaire a respondent of a round sees, from the files in `surveys/` and the
 * framework: the "about you" page, the component pages (full form) or one short-form page,
 * the continuum markers, the stage questions and the partner-by-partner ratings (one pair of
 * questions per member agency, so the questionnaire is built per round). Also validates a
 * submission against the built questionnaire. Plain TypeScript, no framework imports.
 */
import { AGENCY_TYPES, CONTINUUM_CAVEAT, LEVELS, STAGES, type AgencyTypeKey } from "./framework";
import {
  allQuestions,
  DONT_KNOW,
  partnerNowKey,
  partnerWantedKey,
  QUESTION,
  type SurveyElementJson,
  type SurveyJson,
} from "./instrument";

export interface QuestionnaireOptions {
  kind: "professional" | "family";
  form: "full" | "short";
  includeContinuum: boolean;
  agencies: { id: string; name: string; type: AgencyTypeKey }[];
  surveys: { professional: SurveyJson; continuum: SurveyJson; family: SurveyJson };
}

/** Settings every questionnaire shares: progress bar, a check-your-answers page, no numbering. */
const SURVEY_SETTINGS = {
  showProgressBar: true,
  progressBarLocation: "top",
  progressBarType: "pages",
  progressBarShowPageTitles: false,
  showQuestionNumbers: "off",
  questionErrorLocation: "top",
  checkErrorsMode: "onValueChanged",
  showPreviewBeforeComplete: true,
  previewMode: "answeredQuestions",
  completeText: "Submit answers",
  previewText: "Check your answers",
  editText: "Change",
  pageNextText: "Next",
  pagePrevText: "Previous",
  widthMode: "responsive",
} as const;

const stageChoices = () => [
  ...STAGES.map((s) => ({ value: s.stage, text: `${s.name}: ${s.description}` })),
  { value: DONT_KNOW, text: "Don't know" },
];

function aboutYouPage(options: QuestionnaireOptions): SurveyJson["pages"][number] {
  const elements: SurveyElementJson[] = [
    {
      type: "radiogroup",
      name: QUESTION.respondentLevel,
      title: "At which level do you mainly work?",
      isRequired: true,
      requiredErrorText: "Select the level you mainly work at",
      choices: LEVELS.map((l) => ({ value: l.key, text: `${l.name}: ${l.description}` })),
    },
    {
      type: "radiogroup",
      name: QUESTION.respondentAgencyType,
      title: "What kind of agency do you work for?",
      isRequired: true,
      requiredErrorText: "Select the kind of agency you work for",
      choices: AGENCY_TYPES.map((a) => ({ value: a.key, text: a.name })),
    },
  ];
  if (options.includeContinuum && options.form === "full" && options.agencies.length > 1) {
    elements.push({
      type: "radiogroup",
      name: QUESTION.respondentAgency,
      title: "Which member agency of the partnership do you work for?",
      description: "This lets you say how your agency works with each of the others. It is never shown on its own.",
      choices: [...options.agencies.map((a) => ({ value: a.id, text: a.name })), { value: "none", text: "My agency is not listed" }],
    });
  }
  return {
    name: "about_you",
    title: "About you",
    description: "We do not ask your name. These answers let results be compared across levels and agencies, only for groups of several people.",
    elements,
  };
}

function stagePage(short: boolean): SurveyJson["pages"][number] {
  const elements: SurveyElementJson[] = [
    {
      type: "radiogroup",
      name: QUESTION.selfChosenStage,
      title: "Which stage best describes how services in your area work together now?",
      choices: stageChoices(),
    },
    {
      type: "radiogroup",
      name: QUESTION.targetStage,
      title: "Where should your partnership be in the next few years?",
      description: CONTINUUM_CAVEAT,
      choices: stageChoices(),
    },
  ];
  return { name: short ? "continuum_short" : "continuum_stage", title: "Where you are and where you want to be", elements };
}

function partnerPage(agencies: QuestionnaireOptions["agencies"]): SurveyJson["pages"][number] {
  const elements: SurveyElementJson[] = [];
  for (const agency of agencies) {
    const visibleIf = `{${QUESTION.respondentAgency}} notempty and {${QUESTION.respondentAgency}} <> '${agency.id}' and {${QUESTION.respondentAgency}} <> 'none'`;
    elements.push(
      {
        type: "radiogroup",
        name: partnerNowKey(agency.id),
        title: `How does your agency work with ${agency.name} now?`,
        visibleIf,
        choices: stageChoices(),
      },
      {
        type: "radiogroup",
        name: partnerWantedKey(agency.id),
        title: `How should your agency work with ${agency.name}?`,
        visibleIf,
        choices: stageChoices(),
      },
    );
  }
  return {
    name: "partners",
    title: "How your agency works with each of the others",
    description: "Only answer for agencies you know about. If your agency is not listed, this page is skipped.",
    elements,
  };
}

/**
 * The SurveyJS JSON for one round and kind of respondent.
 *
 * @example
 * buildQuestionnaire({ kind: "professional", form: "short", includeContinuum: true, agencies, surveys })
 */
export function buildQuestionnaire(options: QuestionnaireOptions): SurveyJson {
  const { surveys } = options;
  if (options.kind === "family") {
    return { ...SURVEY_SETTINGS, ...surveys.family, pages: surveys.family.pages };
  }
  const pages: SurveyJson["pages"] = [aboutYouPage(options)];
  if (options.form === "full") {
    pages.push(...surveys.professional.pages);
    if (options.includeContinuum) {
      pages.push(...surveys.continuum.pages, stagePage(false));
      if (options.agencies.length > 1) pages.push(partnerPage(options.agencies));
    }
  } else {
    const short = allQuestions(surveys.professional).filter((q) => q.shortForm === true);
    const comments = allQuestions(surveys.professional).filter((q) => q.name === QUESTION.comments);
    pages.push({
      name: "short_form",
      title: "How well do services work together?",
      description: "One statement for each part of working together.",
      elements: [...short, ...comments],
    });
    if (options.includeContinuum) pages.push(stagePage(true));
  }
  return { title: surveys.professional.title, description: surveys.professional.description, ...SURVEY_SETTINGS, pages };
}

const specs = new WeakMap<SurveyJson, Map<string, AnswerSpec>>();

export type AnswerSpec = { kind: "choice"; values: (string | number)[] } | { kind: "text"; maxLength: number };

const MAX_TEXT = 5000;

/** Which question names a questionnaire accepts, and which values each. */
export function answerSpec(survey: SurveyJson): Map<string, AnswerSpec> {
  const known = specs.get(survey);
  if (known) return known;
  const spec = new Map<string, AnswerSpec>();
  specs.set(survey, spec);
  for (const q of allQuestions(survey)) {
    if (q.type === "comment" || q.type === "text") {
      spec.set(q.name, { kind: "text", maxLength: typeof q.maxLength === "number" ? q.maxLength : MAX_TEXT });
      continue;
    }
    const choices = Array.isArray(q.choices) ? q.choices : [];
    const values = choices.map((c) => (typeof c === "object" && c !== null && "value" in c ? (c as { value: string | number }).value : (c as string | number)));
    spec.set(q.name, { kind: "choice", values });
  }
  return spec;
}

export type ValidationResult =
  | { ok: true; answers: Record<string, string | number> }
  | { ok: false; errors: { key: string; message: string }[] };

/**
 * Checks a submission against the questionnaire: unknown question names, values that are not
 * one of the question's choices (of the same type: 4, not "4"), over-long text and wrong types
 * are refused, each with a message naming the question.
 */
export function validateAnswers(survey: SurveyJson, answers: Record<string, unknown>): ValidationResult {
  const spec = answerSpec(survey);
  const errors: { key: string; message: string }[] = [];
  const clean: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(answers)) {
    const rule = spec.get(key);
    if (!rule) {
      errors.push({ key, message: `Unknown question "${key.slice(0, 80)}"` });
      continue;
    }
    if (rule.kind === "text") {
      if (typeof value !== "string") errors.push({ key, message: `"${key}" must be text` });
      else if (value.length > rule.maxLength) errors.push({ key, message: `"${key}" must be ${rule.maxLength} characters or fewer` });
      else if (value.trim().length > 0) clean[key] = value;
      continue;
    }
    if ((typeof value !== "string" && typeof value !== "number") || !rule.values.includes(value)) {
      errors.push({ key, message: `"${key}" must be one of ${rule.values.join(", ")}` });
      continue;
    }
    clean[key] = value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: clean };
}
