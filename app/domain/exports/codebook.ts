/**
 * The labels and the codebook of the exports: what every column of answers.csv and scores.csv
 * holds and what every code in them means, so that a file opened in Excel, SPSS or R reads
 * without this product beside it.
 *
 * One source for every label: question texts and answer labels are read from the
 * questionnaires a respondent sees (`questionnaire.ts` builds them from `surveys/`), the
 * names of components, levels, kinds of agency, stages and bands from `framework.ts`. Nothing
 * here keeps a copy of a label. Plain TypeScript, no framework imports.
 */
import { AGENCY_TYPES, BANDS, COMPONENTS, LEVELS, POLARITIES, STAGES, type Polarity } from "../framework";
import { allQuestions, FAMILY_GROUP_NAMES, FAMILY_GROUPS, SCALE_MAX, type SurveyJson } from "../instrument";
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
const HIDDEN_CODES = [
  {
    code: "c",
    label: "Hidden: fewer people than the round's threshold, or a figure that would let such a group be worked out",
  },
  { code: "x", label: "No data: nobody in this group answered, or the figure does not apply" },
];

type ColumnSpec = { column: string; type: ColumnType; description: string; codes?: { code: string; label: string }[] };

function entriesFor(file: string, columns: readonly ColumnSpec[]): CodebookEntry[] {
  return columns.flatMap(({ column, type, description, codes }) => [
    { file, column, type, description },
    ...(codes ?? []).map((c) => ({ file, column, type, description: "", code: c.code, label: c.label })),
  ]);
}

const levelCodes = () => LEVELS.map((l) => ({ code: l.key, label: l.name }));
const polarityLabel = (p: Polarity) =>
  p === "facilitator"
    ? `Facilitator: a statement of something that helps; answered on a ${SCALE_MAX.facilitator}-point agreement scale, higher is better`
    : `Barrier: a statement of something that gets in the way; answered on a ${SCALE_MAX.barrier}-point scale of how much it is a barrier, higher is worse`;

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
export function answersCodebook(catalogue: QuestionCatalogue, itemKeys: readonly string[]): CodebookEntry[] {
  const questions = itemKeys.flatMap((key) => {
    const q = catalogue.get(key);
    return q ? [{ key, ...q }] : [];
  });
  const entries = entriesFor(ANSWERS_FILE, [
    { column: "round", type: "text", description: "The round's name." },
    {
      column: "response_id",
      type: "id",
      description:
        "A random id drawn for this download only: the rows of one respondent share it. It does not link to the database, and two downloads cannot be joined by it.",
    },
    {
      column: "respondent_level",
      type: "code",
      description:
        "The level the respondent mainly works at. Blank for the family questionnaire (not asked). 'c' where fewer than the round's threshold share it.",
      codes: [...levelCodes(), HIDDEN_CODES[0]!],
    },
    {
      column: "agency_type",
      type: "code",
      description:
        "The kind of agency the respondent works for. Blank for the family questionnaire (not asked). 'c' where fewer than the round's threshold share it, alone or together with the level.",
      codes: [...AGENCY_TYPES.map((a) => ({ code: a.key, label: a.name })), HIDDEN_CODES[0]!],
    },
    {
      column: "item_key",
      type: "code",
      description: "The question answered (its key; the question text is in the next column).",
      codes: questions.map((q) => ({ code: q.key, label: q.question })),
    },
    { column: "question", type: "text", description: "The question as the respondent saw it." },
    {
      column: "component",
      type: "code",
      description:
        "The component of integration the question measures. Blank for continuum markers and stage questions.",
      codes: COMPONENTS.map((c) => ({ code: c.key, label: c.name })),
    },
    {
      column: "level",
      type: "code",
      description:
        "The level the question is about (not the respondent's level). Blank for continuum markers and stage questions.",
      codes: levelCodes(),
    },
    {
      column: "polarity",
      type: "code",
      description:
        "Whether agreeing with the statement is good or bad. Blank for continuum markers and stage questions.",
      codes: POLARITIES.map((p) => ({ code: p, label: polarityLabel(p) })),
    },
    {
      column: "value",
      type: "code",
      description:
        "The answer as stored: its meaning depends on the question (item_key), listed below per question. 'dont_know' is no position on the scale: leave it out of averages.",
    },
    { column: "answer_label", type: "text", description: "The answer as the respondent saw it." },
  ]);
  for (const q of questions) {
    for (const [code, label] of q.choices) {
      entries.push({ file: ANSWERS_FILE, column: "value", type: "code", description: "", itemKey: q.key, code, label });
    }
  }
  return entries;
}

const numberColumn = (column: string, description: string): ColumnSpec => ({
  column,
  type: "number",
  description,
  codes: HIDDEN_CODES,
});

/** The codebook of scores.csv (score-export.ts). */
export function scoresCodebook(): CodebookEntry[] {
  return entriesFor(SCORES_FILE, [
    { column: "round", type: "text", description: "The round's name." },
    {
      column: "section",
      type: "code",
      description: "Which questionnaire the figure comes from.",
      codes: [
        { code: "professional", label: "The professionals' questionnaire (full form)" },
        { code: "short", label: "The professionals' short form (one statement per component)" },
        { code: "family", label: "The family-voice questionnaire" },
      ],
    },
    {
      column: "component",
      type: "code",
      description: "The component of integration (its key; the name is in the next column).",
      codes: COMPONENTS.map((c) => ({ code: c.key, label: c.name })),
    },
    { column: "component_name", type: "text", description: "The component's name." },
    {
      column: "breakdown",
      type: "code",
      description: "How the respondents or statements are grouped for this row.",
      codes: [
        { code: "overall", label: "Everyone, every statement of the component" },
        { code: "polarity", label: "Facilitator statements only, or barrier statements only" },
        { code: "item_level", label: "Statements about one level (national, local authority, organisation, team)" },
        { code: "respondent_level", label: "Respondents who work at one level" },
        { code: "agency_type", label: "Respondents from one kind of agency" },
        { code: "family_group", label: "Children and young people, or parents and carers" },
      ],
    },
    {
      column: "group",
      type: "code",
      description: "The group within the breakdown (the name is in the next column).",
      codes: [
        { code: "all", label: "Everyone" },
        { code: "facilitators", label: "Facilitator statements" },
        { code: "barriers", label: "Barrier statements" },
        ...levelCodes(),
        ...AGENCY_TYPES.map((a) => ({ code: a.key, label: a.name })),
        ...FAMILY_GROUPS.map((g) => ({ code: g, label: FAMILY_GROUP_NAMES[g] })),
      ],
    },
    { column: "group_label", type: "text", description: "The group's name." },
    numberColumn(
      "score",
      "Mean of the respondents' component scores, 0-100 (each answer rescaled so that 100 is the best end of its scale; barrier statements reversed).",
    ),
    {
      column: "band",
      type: "code",
      description: "The band of the score as shown in the report.",
      codes: [...BANDS.map((b) => ({ code: b.key, label: b.name })), ...HIDDEN_CODES],
    },
    numberColumn("n", "Respondents counted in the score."),
    numberColumn("ci95_low", "Lower end of the 95% confidence interval of the score."),
    numberColumn("ci95_high", "Upper end of the 95% confidence interval of the score."),
    numberColumn("sd", "Standard deviation of the respondents' scores (0-100 scale)."),
    numberColumn(
      "consensus_within_one_point",
      "Consensus: the share (0 to 1) of answers within one scale point of the middle view (the median of each statement). Not agreement with the statement.",
    ),
    {
      column: "split",
      type: "code",
      description:
        "Views too divided for one figure to stand for the group: at least half of the statements have a third or more of the answers more than one point from the middle view.",
      codes: [{ code: "yes", label: "Split views" }, { code: "no", label: "Not split" }, ...HIDDEN_CODES],
    },
    numberColumn("dont_know", "'Don't know / not applicable' answers this group gave to these statements."),
    {
      column: "alpha",
      type: "number",
      description:
        "Cronbach's alpha of the component's statements (internal consistency), on the overall row only; blank on other rows.",
      codes: [HIDDEN_CODES[1]!],
    },
  ]);
}

/** Stage names by number, for the README's note on stage answers. */
const stageList = () => STAGES.map((s) => `${s.stage} ${s.name}`).join(", ");

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
}): string {
  const lines = [
    `${input.partnership}: ${input.round}`,
    `Downloaded ${input.generatedAt}.`,
    "",
    "FILES",
    input.answersLeftOut
      ? `answers.csv   not included: ${input.answersLeftOut}`
      : "answers.csv   Anonymised answers, one row per answer (long format): a random id per respondent, the question (key and text) and the answer (code and label).",
    "scores.csv    Component scores, one row per component and group, as in the report.",
    "codebook.csv  Every column of the two files and every code in them, with its label. For 'value' in answers.csv, the codes of each question (item_key).",
    "README.txt    This file.",
    "",
    "CONVENTIONS",
    `c      hidden: the group has fewer than ${input.threshold} people (the round's threshold), or the figure would let such a group be worked out.`,
    "x      no data.",
    "blank  not asked or not applicable (for example, the level of a family respondent).",
    "dont_know  'Don't know / not applicable': not a point on the scale; leave it out of averages.",
    `Stage questions use 0-5: ${stageList()}.`,
    "Each code column (item_key, component, respondent_level, value, ...) has a label column beside it or",
    "its labels in codebook.csv, so the keys are stable for analysis and the labels are readable.",
    "",
    "WHAT IS LEFT OUT",
    "No names, email or IP addresses are collected. The answers file leaves out free-text comments,",
    "partner-by-partner ratings (they would reveal a respondent's own agency), and the answers of any",
    "group the report hides. Its ids are new in every download, so two downloads cannot be joined.",
    "",
    "READING THE FILES",
    input.excel
      ? "These files are saved for Excel: UTF-8 with a byte-order mark and Windows line ends (CRLF)."
      : "These files are UTF-8 with Windows line ends (CRLF), RFC 4180. For Excel on Windows, download the Excel-friendly version (with a byte-order mark) so that accented letters read correctly.",
    "R:      read.csv('answers.csv', encoding = 'UTF-8', na.strings = c('', 'c', 'x'))",
    "SPSS:   File > Import Data > CSV; the codebook's labels can be applied as value labels.",
    "A text cell that a spreadsheet would read as a formula starts with an apostrophe (') so that it is shown as text.",
    "",
  ];
  return lines.join("\r\n");
}
