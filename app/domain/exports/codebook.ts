/**
 * The labels and the codebook of the exports: what every column of answers.csv and scores.csv
 * holds and what every code in them means, so that a file opened in Excel, SPSS or R reads
 * without this product beside it.
 *
 * One source for every label: question texts and answer labels are read from the
 * questionnaires a respondent sees (`questionnaire.ts` builds them from `surveys/`), the
 * names of components, levels, kinds of agency, stages and bands from the glossary (in the
 * reader's language), the codebook's and README's own words from the `exports` message files.
 * Column names and codes stay the same in every language. Plain TypeScript, no framework imports.
 */
import { AGENCY_TYPES, BANDS, COMPONENTS, LEVELS, POLARITIES, STAGES, type Polarity } from "../framework";
import { frameworkTerm } from "../glossary";
import { translator, type Translate } from "../i18n";
import { allQuestions, familyGroupName, FAMILY_GROUPS, SCALE_MAX, type SurveyJson } from "../instrument";
import type { Lang } from "../language";
import { localText } from "../localised-text";
import { buildQuestionnaire } from "../questionnaire";
import type { CsvCell } from "./csv";

/** A question as the respondent saw it: its text and the label of each answer value. */
export interface QuestionLabels {
  question: string;
  /** Answer value (as text, so 4 and "4" are one) to the label the respondent chose. */
  choices: ReadonlyMap<string, string>;
}
export type QuestionCatalogue = ReadonlyMap<string, QuestionLabels>;

/**
 * Every question of the given questionnaires by its key, first occurrence winning.
 *
 * @example
 * const catalogue = questionCatalogue([familyJson]);
 * catalogue.get("holistic__family_one_contact")?.choices.get("5") // "Yes, completely"
 * questionCatalogue([familyJson], "cy").get("holistic__family_one_contact")?.choices.get("5") // "Ie, yn llwyr"
 */
export function questionCatalogue(surveys: readonly SurveyJson[], lang: Lang = "en"): QuestionCatalogue {
  const out = new Map<string, QuestionLabels>();
  for (const survey of surveys) {
    for (const q of allQuestions(survey)) {
      if (out.has(q.name)) continue;
      const choices = new Map<string, string>();
      for (const c of Array.isArray(q.choices) ? (q.choices as unknown[]) : []) {
        if (typeof c === "object" && c !== null && "value" in c) {
          const { value, text } = c as { value: string | number; text?: unknown };
          choices.set(String(value), localText(text, lang) ?? String(value));
        } else choices.set(String(c), String(c));
      }
      out.set(q.name, { question: localText(q.title, lang) ?? q.name, choices });
    }
  }
  return out;
}

/**
 * The questions an answers export can hold, as respondents saw them: the full professional
 * questionnaire with the continuum (its markers and stage questions), the short form's items
 * (the same questions) and the family questionnaire. Partner ratings and free text are never
 * exported, so no round's agencies are needed.
 */
export function exportCatalogue(
  surveys: {
    professional: SurveyJson;
    continuum: SurveyJson;
    family: SurveyJson;
  },
  lang: Lang = "en",
): QuestionCatalogue {
  const base = { includeContinuum: true, agencies: [], surveys };
  return questionCatalogue(
    [
      buildQuestionnaire({ ...base, kind: "professional" as const, form: "full" as const }),
      buildQuestionnaire({ ...base, kind: "family" as const, form: "full" as const }),
    ],
    lang,
  );
}

/** The question text and answer label of one answer; empty when the catalogue does not know it. */
export function labelAnswer(catalogue: QuestionCatalogue, key: string, value: string | number) {
  const q = catalogue.get(key);
  return { question: q?.question ?? "", label: q?.choices.get(String(value)) ?? "" };
}

/** What kind of values a column holds: a number, a code listed in the codebook, free text, or an id. */
export type ColumnType = "number" | "code" | "text" | "id";

/** One line of codebook.csv: a column (code empty), or one code of a column. */
export interface CodebookEntry {
  file: string;
  column: string;
  type: ColumnType;
  description: string;
  /** For a code of `value`: the question the code belongs to (codes differ by question). */
  itemKey?: string;
  code?: string;
  label?: string;
}

export const CODEBOOK_COLUMNS = ["file", "column", "type", "item_key", "code", "label", "description"] as const;

export function codebookRows(entries: readonly CodebookEntry[]): CsvCell[][] {
  return entries.map((e) => [e.file, e.column, e.type, e.itemKey ?? "", e.code ?? "", e.label ?? "", e.description]);
}

/** The hidden-cell convention of the published tables (DfE children's social care statistics). */
const hiddenCodes = (t: Translate) => [
  { code: "c", label: t("hidden.c") },
  { code: "x", label: t("hidden.x") },
];

type ColumnSpec = { column: string; type: ColumnType; description: string; codes?: { code: string; label: string }[] };

function entriesFor(file: string, columns: readonly ColumnSpec[]): CodebookEntry[] {
  return columns.flatMap(({ column, type, description, codes }) => [
    { file, column, type, description },
    ...(codes ?? []).map((c) => ({ file, column, type, description: "", code: c.code, label: c.label })),
  ]);
}

const levelCodes = (lang: Lang) => LEVELS.map((l) => ({ code: l.key, label: frameworkTerm("level", l.key, lang) }));
const agencyCodes = (lang: Lang) =>
  AGENCY_TYPES.map((a) => ({ code: a.key, label: frameworkTerm("agency_type", a.key, lang) }));
const componentCodes = (lang: Lang) =>
  COMPONENTS.map((c) => ({ code: c.key, label: frameworkTerm("component", c.key, lang) }));
const polarityLabel = (p: Polarity, t: Translate) =>
  t(p === "facilitator" ? "polarity.facilitator" : "polarity.barrier", { max: SCALE_MAX[p] });

export const ANSWERS_FILE = "answers.csv";
export const SCORES_FILE = "scores.csv";

/**
 * The codebook of answers.csv: every column, every code of the coded columns, and for `value`
 * every answer code of every question the file can hold, with the label the respondent saw.
 *
 * @example
 * answersCodebook(catalogue).find((e) => e.column === "value" && e.itemKey === "vision__shared_goals" && e.code === "4")
 * // { …, label: "Agree" }
 */
export function answersCodebook(
  catalogue: QuestionCatalogue,
  itemKeys: readonly string[],
  lang: Lang = "en",
): CodebookEntry[] {
  const t = translator(lang, "exports");
  const HIDDEN_CODES = hiddenCodes(t);
  const questions = itemKeys.flatMap((key) => {
    const q = catalogue.get(key);
    return q ? [{ key, ...q }] : [];
  });
  const entries = entriesFor(ANSWERS_FILE, [
    { column: "round", type: "text", description: t("answers.round") },
    {
      column: "response_id",
      type: "id",
      description: t("answers.response_id"),
    },
    {
      column: "respondent_level",
      type: "code",
      description: t("answers.respondent_level"),
      codes: [...levelCodes(lang), HIDDEN_CODES[0]!],
    },
    {
      column: "agency_type",
      type: "code",
      description: t("answers.agency_type"),
      codes: [...agencyCodes(lang), HIDDEN_CODES[0]!],
    },
    {
      column: "item_key",
      type: "code",
      description: t("answers.item_key"),
      codes: questions.map((q) => ({ code: q.key, label: q.question })),
    },
    { column: "question", type: "text", description: t("answers.question") },
    {
      column: "component",
      type: "code",
      description: t("answers.component"),
      codes: componentCodes(lang),
    },
    {
      column: "level",
      type: "code",
      description: t("answers.level"),
      codes: levelCodes(lang),
    },
    {
      column: "polarity",
      type: "code",
      description: t("answers.polarity"),
      codes: POLARITIES.map((p) => ({ code: p, label: polarityLabel(p, t) })),
    },
    {
      column: "value",
      type: "code",
      description: t("answers.value"),
    },
    { column: "answer_label", type: "text", description: t("answers.answer_label") },
  ]);
  for (const q of questions) {
    for (const [code, label] of q.choices) {
      entries.push({
        file: ANSWERS_FILE,
        column: "value",
        type: "code",
        description: t("answers.value"),
        itemKey: q.key,
        code,
        label,
      });
    }
  }
  return entries;
}

/** The codebook of scores.csv (score-export.ts). */
export function scoresCodebook(lang: Lang = "en"): CodebookEntry[] {
  const t = translator(lang, "exports");
  const HIDDEN_CODES = hiddenCodes(t);
  const numberColumn = (column: string, key: string): ColumnSpec => ({
    column,
    type: "number",
    description: t(`scores.${key}`),
    codes: HIDDEN_CODES,
  });
  return entriesFor(SCORES_FILE, [
    { column: "round", type: "text", description: t("scores.round") },
    {
      column: "section",
      type: "code",
      description: t("scores.section"),
      codes: [
        { code: "professional", label: t("scores.section.professional") },
        { code: "short", label: t("scores.section.short") },
        { code: "family", label: t("scores.section.family") },
      ],
    },
    {
      column: "component",
      type: "code",
      description: t("scores.component"),
      codes: componentCodes(lang),
    },
    { column: "component_name", type: "text", description: t("scores.component_name") },
    {
      column: "breakdown",
      type: "code",
      description: t("scores.breakdown"),
      codes: [
        { code: "overall", label: t("scores.breakdown.overall") },
        { code: "polarity", label: t("scores.breakdown.polarity") },
        { code: "item_level", label: t("scores.breakdown.item_level") },
        { code: "respondent_level", label: t("scores.breakdown.respondent_level") },
        { code: "agency_type", label: t("scores.breakdown.agency_type") },
        { code: "family_group", label: t("scores.breakdown.family_group") },
      ],
    },
    {
      column: "group",
      type: "code",
      description: t("scores.group"),
      codes: [
        { code: "all", label: t("group.all") },
        { code: "facilitators", label: t("group.facilitators") },
        { code: "barriers", label: t("group.barriers") },
        ...levelCodes(lang),
        ...agencyCodes(lang),
        ...FAMILY_GROUPS.map((g) => ({ code: g, label: familyGroupName(g, lang) })),
      ],
    },
    { column: "group_label", type: "text", description: t("scores.group_label") },
    numberColumn("score", "score"),
    {
      column: "band",
      type: "code",
      description: t("scores.band"),
      codes: [...BANDS.map((b) => ({ code: b.key, label: frameworkTerm("band", b.key, lang) })), ...HIDDEN_CODES],
    },
    numberColumn("n", "n"),
    numberColumn("ci95_low", "ci95_low"),
    numberColumn("ci95_high", "ci95_high"),
    numberColumn("sd", "sd"),
    numberColumn("consensus_within_one_point", "consensus"),
    {
      column: "split",
      type: "code",
      description: t("scores.split"),
      codes: [
        { code: "yes", label: t("scores.split.yes") },
        { code: "no", label: t("scores.split.no") },
        ...HIDDEN_CODES,
      ],
    },
    numberColumn("dont_know", "dont_know"),
    {
      column: "alpha",
      type: "number",
      description: t("scores.alpha"),
      codes: [HIDDEN_CODES[1]!],
    },
  ]);
}

/** Stage names by number, for the README's note on stage answers. */
const stageList = (lang: Lang) => STAGES.map((s) => `${s.stage} ${frameworkTerm("stage", s.key, lang)}`).join(", ");

/**
 * README.txt of the download: what each file holds, what is left out and why, and how to read
 * the files into a spreadsheet or statistics package.
 */
export function exportReadme(input: {
  partnership: string;
  round: string;
  threshold: number;
  generatedAt: string;
  /** Why answers.csv is not in the download, when it is not. */
  answersLeftOut: string | null;
  excel: boolean;
  lang?: Lang;
}): string {
  const lang = input.lang ?? "en";
  const t = translator(lang, "exports");
  const lines = [
    `${input.partnership}: ${input.round}`,
    t("readme.downloaded", { at: input.generatedAt }),
    "",
    t("readme.files"),
    input.answersLeftOut ? t("readme.answersLeftOut", { reason: input.answersLeftOut }) : t("readme.answers"),
    t("readme.scores"),
    t("readme.codebook"),
    t("readme.readme"),
    "",
    t("readme.conventions"),
    t("readme.c", { threshold: input.threshold }),
    t("readme.x"),
    t("readme.blank"),
    t("readme.dontKnow"),
    t("readme.stages", { stages: stageList(lang) }),
    t("readme.labels1"),
    t("readme.labels2"),
    t("readme.columnNames"),
    "",
    t("readme.leftOut"),
    t("readme.leftOut1"),
    t("readme.leftOut2"),
    t("readme.leftOut3"),
    "",
    t("readme.reading"),
    input.excel ? t("readme.excel") : t("readme.plain"),
    "R:      read.csv('answers.csv', encoding = 'UTF-8', na.strings = c('', 'c', 'x'))",
    t("readme.spss"),
    t("readme.apostrophe"),
    "",
  ];
  return lines.join("\r\n");
}
