/**
 * Builds the questionnaire a respondent of a round sees, from the files in `surveys/` and the
 * framework: the "about you" page, the component pages (full form) or one short-form page,
 * the continuum markers, the stage questions and the partner-by-partner ratings (one pair of
 * questions per member agency, so the questionnaire is built per round). Also validates a
 * submission against the built questionnaire. Plain TypeScript, no framework imports:
 * survey-core is used only for its expression engine, so that the server judges a
 * question's `visibleIf` exactly as the respondent's browser did.
 */
import { deepDivePages } from "./deep-dive-modules";
import { ConditionRunner } from "survey-core";
import {
  AGENCY_TYPES,
  COMPONENT_KEYS,
  CONTINUUM_CAVEAT,
  LEVELS,
  STAGES,
  type AgencyTypeKey,
  type ComponentKey,
} from "./framework";
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
  surveys: { professional: SurveyJson; continuum: SurveyJson; family: SurveyJson; deepDive?: SurveyJson };
  /** Components whose deep-dive module the round adds (after the core items, either form). */
  deepDiveModules?: readonly string[];
  /** The member agency the invitation link is for: not asked, and not rated (issue 18). */
  ownAgencyId?: string | null;
}

type Page = SurveyJson["pages"][number];

/** The longest free-text answer accepted, in characters (the browser enforces it too). */
export const MAX_TEXT_LENGTH = 5000;

/**
 * Settings every questionnaire shares, checked against survey-core 3.0.0's serializer:
 * `showProgressBar` is a boolean there and `progressBarLocation` a separate property
 * ("belowheader" is one of its listed values; the older "top" still works but is no longer
 * listed); `showPreviewBeforeComplete` is a boolean with `previewMode` beside it (it was a
 * string in v1); `progressBarShowNavigationText` replaces the deprecated
 * `progressBarShowPageTitles`. The browser's runner (`survey-runner.client.tsx`) turns the
 * progress bar, titles and preview off and draws its own labelled progress and GOV.UK
 * check-your-answers page; these settings keep the JSON usable on its own (Creator, tests).
 */
export const SURVEY_SETTINGS = {
  showProgressBar: true,
  progressBarLocation: "belowheader",
  progressBarType: "pages",
  progressBarShowNavigationText: false,
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
  maxCommentLength: MAX_TEXT_LENGTH,
  widthMode: "responsive",
} as const;

const dontKnow = { value: DONT_KNOW, text: "Don't know" };

/**
 * Stage 0..5 by name, then "Don't know": the same short list everywhere. The stages'
 * descriptions are explained once, above the questions (the runner's "What do the stages
 * mean?"), not repeated in every option: ten repeats made the partner page unusable on a phone.
 */
const stageChoices = () => [...STAGES.map((s) => ({ value: s.stage, text: s.name })), dontKnow];

/** The stage pages, whose questions use the stage scale (the runner explains the scale above them). */
export const STAGE_SCALE_PAGES = ["continuum_stage", "continuum_short", "partners"] as const;

function aboutYouPage(options: QuestionnaireOptions): Page {
  const elements: SurveyElementJson[] = [
    {
      type: "radiogroup",
      name: QUESTION.respondentLevel,
      title: "At which level do you mainly work?",
      isRequired: true,
      requiredErrorText: "Select the level you mainly work at",
      choices: LEVELS.map((l) => ({ value: l.key, text: `${l.name} — ${l.description}` })),
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
  // Asked only where it is used: the partner ratings of the full form. With one member agency
  // there is no one else to rate, and an unneeded answer only makes a respondent easier to spot.
  if (hasPartnerPage(options) && !options.ownAgencyId) {
    elements.push({
      type: "radiogroup",
      name: QUESTION.respondentAgency,
      title: "Which member agency of the partnership do you work for?",
      description: "This lets you say how your agency works with each of the others. It is never shown on its own.",
      choices: [
        ...options.agencies.map((a) => ({ value: a.id, text: a.name })),
        { value: "none", text: "My agency is not listed" },
      ],
    });
  }
  return {
    name: "about_you",
    title: "About you",
    description:
      "We do not ask your name. These answers let results be compared across levels and agencies, only for groups of several people.",
    elements,
  };
}

const hasPartnerPage = (options: QuestionnaireOptions) =>
  options.kind === "professional" && options.form === "full" && options.includeContinuum && options.agencies.length > 1;

function stagePage(short: boolean): Page {
  const elements: SurveyElementJson[] = [
    {
      type: "radiogroup",
      name: QUESTION.selfChosenStage,
      title: "Which stage best describes how services in your area work together now?",
      choices: stageChoices(),
      colCount: 0,
    },
    {
      type: "radiogroup",
      name: QUESTION.targetStage,
      title: "Where should your partnership be in the next few years?",
      // The review warns that further along is not always better (CELCIS Rapid Evidence
      // Review 2023, "Models of service delivery" and Discussion): docs/continuum.md.
      description: CONTINUUM_CAVEAT,
      choices: stageChoices(),
      colCount: 0,
    },
  ];
  return {
    name: short ? "continuum_short" : "continuum_stage",
    title: "Where you are and where you want to be",
    elements,
  };
}

/** The condition under which a respondent rates `agencyId`: they work for a different member agency. */
export const partnerVisibleIf = (agencyId: string) => {
  const mine = `{${QUESTION.respondentAgency}}`;
  return `${mine} notempty and ${mine} <> '${agencyId.replace(/'/g, "\\'")}' and ${mine} <> 'none'`;
};

function partnerPage(agencies: QuestionnaireOptions["agencies"], ownAgencyId?: string | null): Page {
  const elements: SurveyElementJson[] = [];
  // One compact row per agency: its name, then "now" and "should be" as short choices that
  // flow onto as many lines as the screen needs (colCount 0), down to 320 px.
  for (const agency of agencies) {
    // A link for one organisation already says which agency is the respondent's own.
    if (ownAgencyId && agency.id === ownAgencyId) continue;
    const visibleIf = ownAgencyId ? undefined : partnerVisibleIf(agency.id);
    elements.push({
      type: "panel",
      name: `partner_${agency.id}`,
      title: agency.name,
      elements: [
        {
          type: "radiogroup",
          name: partnerNowKey(agency.id),
          title: `Now, with ${agency.name}`,
          visibleIf,
          choices: stageChoices(),
          colCount: 0,
        },
        {
          type: "radiogroup",
          name: partnerWantedKey(agency.id),
          title: `Should be, with ${agency.name}`,
          visibleIf,
          choices: stageChoices(),
          colCount: 0,
        },
      ],
    });
  }
  return {
    name: "partners",
    title: "How your agency works with each of the others",
    description:
      "For each agency: how your agency works with it now, and how it should. Only answer for agencies you know about.",
    elements,
  };
}

/** The short form: each component's `shortForm` item, in the framework's component order, then the comments box. */
function shortFormPage(professional: SurveyJson): Page {
  const questions = allQuestions(professional);
  const rank = (q: SurveyElementJson) => COMPONENT_KEYS.indexOf(q.component as ComponentKey);
  const items = questions.filter((q) => q.shortForm === true).sort((a, b) => rank(a) - rank(b));
  const comments = questions.filter((q) => q.name === QUESTION.comments);
  return {
    name: "short_form",
    title: "How well do services work together?",
    description: "One statement for each part of working together.",
    elements: [...items, ...comments],
  };
}

/**
 * The SurveyJS JSON a respondent sees, for one round and kind of respondent.
 *
 * - professional, full: about you, the component pages as they are in `professional.json`,
 *   then (with the continuum) the markers, the self-chosen and target stage, and a partner
 *   page rating every other member agency now and wanted;
 * - professional, short: about you, one page of the 13 short-form items and the comments
 *   box, then (with the continuum) only the self-chosen and target stage;
 * - either professional form: then the deep-dive modules the round chose (`deepDiveModules`);
 * - family: the pages of `family.json` as they are.
 *
 * @example
 * const json = buildQuestionnaire({
 *   kind: "professional", form: "short", includeContinuum: true,
 *   agencies: [{ id: "a1", name: "Northshire Council", type: "local_authority" }],
 *   surveys: { professional, continuum, family },
 * });
 * new Model(json); // after registerSurveyProperties()
 */
export function buildQuestionnaire(options: QuestionnaireOptions): SurveyJson {
  const { surveys } = options;
  if (options.kind === "family") {
    return { ...SURVEY_SETTINGS, ...surveys.family, pages: surveys.family.pages };
  }
  const pages: Page[] = [aboutYouPage(options)];
  const deepDive =
    surveys.deepDive && options.deepDiveModules?.length ? deepDivePages(surveys.deepDive, options.deepDiveModules) : [];
  if (options.form === "full") {
    pages.push(...surveys.professional.pages, ...deepDive);
    if (options.includeContinuum) {
      pages.push(...surveys.continuum.pages, stagePage(false));
      if (hasPartnerPage(options)) pages.push(partnerPage(options.agencies, options.ownAgencyId));
    }
  } else {
    pages.push(shortFormPage(surveys.professional), ...deepDive);
    if (options.includeContinuum) pages.push(stagePage(true));
  }
  return {
    title: surveys.professional.title,
    description: surveys.professional.description,
    ...SURVEY_SETTINGS,
    pages,
  };
}

// ---------------------------------------------------------------------------------------------
// Validating a submission
// ---------------------------------------------------------------------------------------------

/** What one question accepts: one of its choices' values (same type), or text up to a length. */
export type AnswerSpec = { kind: "choice"; values: (string | number)[] } | { kind: "text"; maxLength: number };

interface CompiledQuestionnaire {
  spec: Map<string, AnswerSpec>;
  /** Questions shown only under a condition: every `visibleIf` from the page down to the question. */
  conditions: Map<string, ConditionRunner[]>;
}

// Built questionnaires are cached per round (models/questionnaire.server.ts), so compiling
// once per JSON object keeps every autosave cheap.
const compiled = new WeakMap<SurveyJson, CompiledQuestionnaire>();

function compile(survey: SurveyJson): CompiledQuestionnaire {
  const known = compiled.get(survey);
  if (known) return known;
  const spec = new Map<string, AnswerSpec>();
  const conditions = new Map<string, ConditionRunner[]>();
  const walk = (elements: SurveyElementJson[] | undefined, inherited: ConditionRunner[]) => {
    for (const element of elements ?? []) {
      const own =
        typeof element.visibleIf === "string" && element.visibleIf.trim()
          ? [new ConditionRunner(element.visibleIf)]
          : [];
      const runners = [...inherited, ...own];
      if (element.type === "panel") {
        walk(element.elements, runners);
        continue;
      }
      if (element.type === "html" || element.type === "image" || element.type === "expression") continue;
      spec.set(element.name, specOf(element));
      if (runners.length) conditions.set(element.name, runners);
    }
  };
  for (const page of survey.pages) {
    const visibleIf = (page as Record<string, unknown>).visibleIf;
    walk(page.elements, typeof visibleIf === "string" && visibleIf.trim() ? [new ConditionRunner(visibleIf)] : []);
  }
  const result = { spec, conditions };
  compiled.set(survey, result);
  return result;
}

function specOf(q: SurveyElementJson): AnswerSpec {
  if (q.type === "comment" || q.type === "text") {
    return {
      kind: "text",
      maxLength:
        typeof q.maxLength === "number" && q.maxLength > 0 ? Math.min(q.maxLength, MAX_TEXT_LENGTH) : MAX_TEXT_LENGTH,
    };
  }
  const choices = Array.isArray(q.choices) ? (q.choices as unknown[]) : [];
  const values = choices.map((c) =>
    typeof c === "object" && c !== null && "value" in c
      ? (c as { value: string | number }).value
      : (c as string | number),
  );
  return { kind: "choice", values };
}

/**
 * Which question names a questionnaire accepts, and which values each.
 *
 * @example
 * answerSpec(json).get("vision__goals"); // { kind: "choice", values: [1, 2, 3, 4, 5, "dont_know"] }
 * answerSpec(json).get("comments");      // { kind: "text", maxLength: 5000 }
 */
export function answerSpec(survey: SurveyJson): Map<string, AnswerSpec> {
  return compile(survey).spec;
}

export type ValidationResult =
  { ok: true; answers: Record<string, string | number> } | { ok: false; errors: { key: string; message: string }[] };

const shown = (v: string | number) => (typeof v === "string" ? `"${v}"` : String(v));

/**
 * Checks a submission against the questionnaire it was answered in, as the server must before
 * writing anything. Refused, each with a message naming the question: unknown question names,
 * values that are not one of the question's choices, choices of the wrong type (survey-core
 * stores the choice's own value, so a numeric choice arrives as the number 4, never "4"),
 * non-text or over-long text.
 *
 * Not refused but dropped: blank text, and answers to questions the respondent's own answers
 * hide (a rating of their own agency, a young person's question answered by a parent). The
 * browser keeps those in `survey.data` until completion, so an autosave legitimately sends
 * them; they are not kept because the respondent was not asked them in the end.
 *
 * @example
 * validateAnswers(json, { vision__goals: 4 });   // { ok: true, answers: { vision__goals: 4 } }
 * validateAnswers(json, { vision__goals: "4" }); // { ok: false, errors: [{ key: "vision__goals", message: '"vision__goals" must be the number 4, not the text "4"' }] }
 * validateAnswers(json, { foo: 1 });             // { ok: false, errors: [{ key: "foo", message: 'Unknown question "foo"' }] }
 */
export function validateAnswers(survey: SurveyJson, answers: Record<string, unknown>): ValidationResult {
  const { spec, conditions } = compile(survey);
  const errors: { key: string; message: string }[] = [];
  const clean: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(answers)) {
    const rule = spec.get(key);
    if (!rule) {
      errors.push({ key: key.slice(0, 80), message: `Unknown question "${key.slice(0, 80)}"` });
      continue;
    }
    if (rule.kind === "text") {
      if (typeof value !== "string") errors.push({ key, message: `"${key}" must be text` });
      else if (value.length > rule.maxLength)
        errors.push({ key, message: `"${key}" must be ${rule.maxLength} characters or fewer` });
      else if (value.trim().length > 0) clean[key] = value;
      continue;
    }
    if ((typeof value === "string" || typeof value === "number") && rule.values.includes(value)) {
      clean[key] = value;
      continue;
    }
    const sameText =
      (typeof value === "string" || typeof value === "number") && rule.values.find((v) => String(v) === String(value));
    errors.push({
      key,
      message:
        sameText !== undefined && sameText !== false
          ? `"${key}" must be the ${typeof sameText === "number" ? "number" : "text"} ${shown(sameText)}, not the ${typeof value === "number" ? "number" : "text"} ${shown(value as string | number)}`
          : `"${key}" must be one of ${rule.values.join(", ")}`,
    });
  }
  if (errors.length) return { ok: false, errors };
  // Visibility is judged on the checked answers only, so a refused value can never reveal a question.
  for (const [key, runners] of conditions) {
    if (key in clean && !runners.every((r) => r.runValues(clean))) delete clean[key];
  }
  return { ok: true, answers: clean };
}
