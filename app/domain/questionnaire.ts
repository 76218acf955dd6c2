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
import { AGENCY_TYPES, COMPONENT_KEYS, LEVELS, STAGES, type AgencyTypeKey, type ComponentKey } from "./framework";
import { GLOSSARY, termText } from "./glossary";
import { LANGUAGES, type Lang } from "./language";
import type { LocalisableText } from "./localised-text";
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
/**
 * Text the builder writes itself, in SurveyJS's localisation format like the files in
 * `surveys/` (English as "default"). The Welsh awaits review with the rest (glossary.ts `reviewed`).
 */
const say = (english: string, welsh: string): LocalisableText => ({ default: english, cy: welsh });

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
  completeText: say("Submit answers", "Cyflwyno'r atebion"),
  previewText: say("Check your answers", "Gwirio eich atebion"),
  editText: say("Change", "Newid"),
  pageNextText: say("Next", "Nesaf"),
  pagePrevText: say("Previous", "Blaenorol"),
  maxCommentLength: MAX_TEXT_LENGTH,
  widthMode: "responsive",
} as const;

const dontKnow = { value: DONT_KNOW, text: say("Don't know", "Ddim yn gwybod") };

/**
 * Stage 0..5 by name, then "Don't know": the same short list everywhere. The stages'
 * descriptions are explained once, above the questions (the runner's "What do the stages
 * mean?"), not repeated in every option: ten repeats made the partner page unusable on a phone.
 */
const stageChoices = () => [...STAGES.map((s) => ({ value: s.stage, text: termText("stage", s.key) })), dontKnow];

/** A level's choice: its name and what it covers ("Team — Front-line practice: ..."), in every language. */
const levelChoiceText = (key: string): LocalisableText => ({
  default: `${GLOSSARY.en.level[key]} — ${GLOSSARY.en.level_description[key]}`,
  ...Object.fromEntries(
    LANGUAGES.filter((l) => l !== "en").map((l) => [
      l,
      `${GLOSSARY[l].level[key]} — ${GLOSSARY[l].level_description[key]}`,
    ]),
  ),
});

/** The stage pages, whose questions use the stage scale (the runner explains the scale above them). */
export const STAGE_SCALE_PAGES = ["continuum_stage", "continuum_short", "partners"] as const;

function aboutYouPage(options: QuestionnaireOptions): Page {
  const elements: SurveyElementJson[] = [
    {
      type: "radiogroup",
      name: QUESTION.respondentLevel,
      title: say("At which level do you mainly work?", "Ar ba lefel rydych chi'n gweithio'n bennaf?"),
      isRequired: true,
      requiredErrorText: say(
        "Select the level you mainly work at",
        "Dewiswch y lefel rydych chi'n gweithio arni'n bennaf",
      ),
      choices: LEVELS.map((l) => ({ value: l.key, text: levelChoiceText(l.key) })),
    },
    {
      type: "radiogroup",
      name: QUESTION.respondentAgencyType,
      title: say("What kind of agency do you work for?", "Pa fath o asiantaeth rydych chi'n gweithio iddi?"),
      isRequired: true,
      requiredErrorText: say(
        "Select the kind of agency you work for",
        "Dewiswch y math o asiantaeth rydych chi'n gweithio iddi",
      ),
      choices: AGENCY_TYPES.map((a) => ({ value: a.key, text: termText("agency_type", a.key) })),
    },
  ];
  // Asked only where it is used: the partner ratings of the full form. With one member agency
  // there is no one else to rate, and an unneeded answer only makes a respondent easier to spot.
  if (hasPartnerPage(options) && !options.ownAgencyId) {
    elements.push({
      type: "radiogroup",
      name: QUESTION.respondentAgency,
      title: say(
        "Which member agency of the partnership do you work for?",
        "I ba un o aelod-asiantaethau'r bartneriaeth rydych chi'n gweithio?",
      ),
      description: say(
        "This lets you say how your agency works with each of the others. It is never shown on its own.",
        "Mae hyn yn gadael i chi ddweud sut mae eich asiantaeth yn gweithio gyda phob un o'r lleill. Nid yw byth yn cael ei ddangos ar ei ben ei hun.",
      ),
      // The agencies' names are the partnership's own, in whatever language it gave them.
      choices: [
        ...options.agencies.map((a) => ({ value: a.id, text: a.name })),
        { value: "none", text: say("My agency is not listed", "Nid yw fy asiantaeth wedi'i rhestru") },
      ],
    });
  }
  return {
    name: "about_you",
    title: say("About you", "Amdanoch chi"),
    description: say(
      "We do not ask your name. These answers let results be compared across levels and agencies, only for groups of several people.",
      "Nid ydym yn gofyn eich enw. Mae'r atebion hyn yn caniatáu cymharu canlyniadau ar draws lefelau ac asiantaethau, a hynny dim ond ar gyfer grwpiau o sawl person.",
    ),
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
      title: say(
        "Which stage best describes how services in your area work together now?",
        "Pa gam sy'n disgrifio orau sut mae gwasanaethau yn eich ardal yn cydweithio nawr?",
      ),
      choices: stageChoices(),
      colCount: 0,
    },
    {
      type: "radiogroup",
      name: QUESTION.targetStage,
      title: say(
        "Where should your partnership be in the next few years?",
        "Ble dylai eich partneriaeth fod yn yr ychydig flynyddoedd nesaf?",
      ),
      // The review warns that further along is not always better (CELCIS Rapid Evidence
      // Review 2023, "Models of service delivery" and Discussion): docs/continuum.md.
      description: termText("caveat", "continuum"),
      choices: stageChoices(),
      colCount: 0,
    },
  ];
  return {
    name: short ? "continuum_short" : "continuum_stage",
    title: say("Where you are and where you want to be", "Ble rydych chi a ble rydych chi eisiau bod"),
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
          // "(name)" in Welsh: a name after "gyda" would need a mutation no code can make reliably.
          title: say(`Now, with ${agency.name}`, `Nawr (${agency.name})`),
          visibleIf,
          choices: stageChoices(),
          colCount: 0,
        },
        {
          type: "radiogroup",
          name: partnerWantedKey(agency.id),
          title: say(`Should be, with ${agency.name}`, `Fel y dylai fod (${agency.name})`),
          visibleIf,
          choices: stageChoices(),
          colCount: 0,
        },
      ],
    });
  }
  return {
    name: "partners",
    title: say(
      "How your agency works with each of the others",
      "Sut mae eich asiantaeth yn gweithio gyda phob un o'r lleill",
    ),
    description: say(
      "For each agency: how your agency works with it now, and how it should. Only answer for agencies you know about.",
      "Ar gyfer pob asiantaeth: sut mae eich asiantaeth yn gweithio gyda hi nawr, a sut y dylai weithio. Atebwch dim ond ar gyfer yr asiantaethau rydych chi'n gwybod amdanynt.",
    ),
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
    title: say("How well do services work together?", "Pa mor dda y mae gwasanaethau'n cydweithio?"),
    description: say(
      "One statement for each part of working together.",
      "Un datganiad ar gyfer pob rhan o gydweithio.",
    ),
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

/** validateAnswers' messages in each language (the Welsh awaits review with the rest). */
const MESSAGES: Record<
  Lang,
  {
    unknown: (key: string) => string;
    notText: (key: string) => string;
    tooLong: (key: string, max: number) => string;
    wrongType: (key: string, expected: string | number, given: string | number) => string;
    notAChoice: (key: string, values: (string | number)[]) => string;
  }
> = {
  en: {
    unknown: (key) => `Unknown question "${key}"`,
    notText: (key) => `"${key}" must be text`,
    tooLong: (key, max) => `"${key}" must be ${max} characters or fewer`,
    wrongType: (key, expected, given) =>
      `"${key}" must be the ${typeof expected === "number" ? "number" : "text"} ${shown(expected)}, not the ${typeof given === "number" ? "number" : "text"} ${shown(given)}`,
    notAChoice: (key, values) => `"${key}" must be one of ${values.join(", ")}`,
  },
  cy: {
    unknown: (key) => `Cwestiwn anhysbys "${key}"`,
    notText: (key) => `Rhaid i "${key}" fod yn destun`,
    tooLong: (key, max) => `Rhaid i "${key}" fod yn ${max} nod neu lai`,
    wrongType: (key, expected, given) =>
      `Rhaid i "${key}" fod ${typeof expected === "number" ? "y rhif" : "y testun"} ${shown(expected)}, nid ${typeof given === "number" ? "y rhif" : "y testun"} ${shown(given)}`,
    notAChoice: (key, values) => `Rhaid i "${key}" fod yn un o ${values.join(", ")}`,
  },
};

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
 * validateAnswers(json, { foo: 1 }, "cy");       // { ok: false, errors: [{ key: "foo", message: 'Cwestiwn anhysbys "foo"' }] }
 */
export function validateAnswers(
  survey: SurveyJson,
  answers: Record<string, unknown>,
  lang: Lang = "en",
): ValidationResult {
  const { spec, conditions } = compile(survey);
  const say = MESSAGES[lang];
  const errors: { key: string; message: string }[] = [];
  const clean: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(answers)) {
    const rule = spec.get(key);
    if (!rule) {
      errors.push({ key: key.slice(0, 80), message: say.unknown(key.slice(0, 80)) });
      continue;
    }
    if (rule.kind === "text") {
      if (typeof value !== "string") errors.push({ key, message: say.notText(key) });
      else if (value.length > rule.maxLength) errors.push({ key, message: say.tooLong(key, rule.maxLength) });
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
          ? say.wrongType(key, sameText, value as string | number)
          : say.notAChoice(key, rule.values),
    });
  }
  if (errors.length) return { ok: false, errors };
  // Visibility is judged on the checked answers only, so a refused value can never reveal a question.
  for (const [key, runners] of conditions) {
    if (key in clean && !runners.every((r) => r.runValues(clean))) delete clean[key];
  }
  return { ok: true, answers: clean };
}
