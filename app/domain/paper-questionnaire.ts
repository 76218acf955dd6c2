/**
 * A questionnaire as it is printed on paper (issue 24): walked from the same SurveyJS JSON the
 * respondent's runner shows (./questionnaire.ts buildQuestionnaire), so the paper copy can never
 * drift from the online one and a paper answer can be entered through the online questionnaire
 * question by question. Plain TypeScript, no framework imports.
 */
import { STAGES } from "./framework";
import { frameworkTerm } from "./glossary";
import { QUESTION, type SurveyElementJson, type SurveyJson } from "./instrument";
import type { Lang } from "./language";
import { inLanguage } from "./localised-text";
import { STAGE_SCALE_PAGES } from "./questionnaire";

export interface PaperChoice {
  value: string | number;
  text: string;
}

export interface PaperQuestion {
  name: string;
  title: string;
  description: string | null;
  /** "choice": tick one box; "text": lines to write on. */
  kind: "choice" | "text";
  choices: PaperChoice[];
  /** When to answer it, in words, for a question shown online only under a condition. */
  condition: string | null;
}

export interface PaperSection {
  name: string;
  title: string;
  description: string | null;
  /** Panels (a partner agency) become a subheading over their questions. */
  groups: { heading: string | null; questions: PaperQuestion[] }[];
  /** The stage scale, explained once at the top of the section (as the runner does online). */
  stageScale: { name: string; description: string }[] | null;
}

export interface PaperQuestionnaire {
  title: string;
  description: string | null;
  sections: PaperSection[];
}

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);

function choicesOf(q: SurveyElementJson): PaperChoice[] {
  const list = Array.isArray(q.choices) ? (q.choices as unknown[]) : [];
  return list.map((c) =>
    typeof c === "object" && c !== null && "value" in c
      ? {
          value: (c as { value: string | number }).value,
          text: text((c as { text?: unknown }).text) ?? String((c as { value: unknown }).value),
        }
      : { value: c as string | number, text: String(c) },
  );
}

/** The paper's own words (beside the questionnaire's), in each language. */
const WORDS: Record<
  Lang,
  { ownAgency: string; ticked: (choice: string) => string; applies: string; untitled: string }
> = {
  en: {
    ownAgency: "Leave these blank for the agency you work for yourself.",
    ticked: (choice) => `Answer this only if you ticked “${choice}”.`,
    applies: "Answer only if it applies to you.",
    untitled: "Questionnaire",
  },
  cy: {
    ownAgency: "Gadewch y rhain yn wag ar gyfer yr asiantaeth rydych chi'n gweithio iddi eich hun.",
    ticked: (choice) => `Atebwch hwn dim ond os gwnaethoch chi dicio “${choice}”.`,
    applies: "Atebwch dim ond os yw'n berthnasol i chi.",
    untitled: "Holiadur",
  },
};

/**
 * A condition in words. Only the shapes the questionnaires use are translated; anything else
 * reads "Answer only if it applies to you", never the raw expression.
 */
function conditionText(expression: string, questions: Map<string, SurveyElementJson>, lang: Lang): string {
  const words = WORDS[lang];
  if (expression.includes(`{${QUESTION.respondentAgency}}`)) return words.ownAgency;
  const equals = /^\s*\{([\w-]+)\}\s*=\s*'([^']*)'\s*$/.exec(expression);
  if (equals) {
    const source = questions.get(equals[1]!);
    const choice = source ? choicesOf(source).find((c) => String(c.value) === equals[2]) : undefined;
    if (choice) return words.ticked(choice.text);
  }
  return words.applies;
}

/**
 * The printable form of a questionnaire: its sections in order, each question with its choices
 * as tick boxes (or lines for a comment), conditions in words, the stage scale once per stage page.
 *
 * @example
 * const paper = paperQuestionnaire(questionnaireFor(round, agencies, "family"));
 * paper.sections[0].groups[0].questions[0].choices; // [{ value: "young_person", text: "I am a child or young person" }, ...]
 * paperQuestionnaire(json, "cy").sections[0].title; // "Amdanoch chi"
 */
export function paperQuestionnaire(localised: SurveyJson, lang: Lang = "en"): PaperQuestionnaire {
  const survey = inLanguage(localised, lang);
  const byName = new Map<string, SurveyElementJson>();
  const index = (elements: SurveyElementJson[] | undefined) => {
    for (const e of elements ?? []) {
      if (e.type === "panel") index(e.elements);
      else byName.set(e.name, e);
    }
  };
  for (const page of survey.pages) index(page.elements);

  const question = (q: SurveyElementJson, inherited: string | null): PaperQuestion | null => {
    if (q.type === "html" || q.type === "image" || q.type === "expression") return null;
    const visibleIf = text(q.visibleIf) ?? inherited;
    return {
      name: q.name,
      title: text(q.title) ?? q.name,
      description: text(q.description),
      kind: q.type === "comment" || q.type === "text" ? "text" : "choice",
      choices: q.type === "comment" || q.type === "text" ? [] : choicesOf(q),
      condition: visibleIf ? conditionText(visibleIf, byName, lang) : null,
    };
  };

  const sections = survey.pages.map((page): PaperSection => {
    const groups: PaperSection["groups"] = [];
    let loose: PaperQuestion[] = [];
    const flush = () => {
      if (loose.length) groups.push({ heading: null, questions: loose });
      loose = [];
    };
    for (const element of page.elements) {
      if (element.type === "panel") {
        flush();
        const panelIf = text(element.visibleIf);
        const questions = (element.elements ?? []).flatMap((q) => question(q, panelIf) ?? []);
        if (questions.length) groups.push({ heading: text(element.title), questions });
      } else {
        const q = question(element, null);
        if (q) loose.push(q);
      }
    }
    flush();
    return {
      name: page.name,
      title: text(page.title) ?? page.name,
      description: text(page.description),
      groups,
      stageScale: (STAGE_SCALE_PAGES as readonly string[]).includes(page.name)
        ? STAGES.map((s) => ({
            name: frameworkTerm("stage", s.key, lang),
            description: frameworkTerm("stage_description", s.key, lang),
          }))
        : null,
    };
  });
  return { title: text(survey.title) ?? WORDS[lang].untitled, description: text(survey.description), sections };
}

/**
 * The short reference printed on every page of a round's paper questionnaire, so a returned
 * form can be matched to its round and questionnaire without anything about the person:
 * "WT-" + the first six characters of the round id + P (professional) or F (family).
 *
 * @example
 * paperReference("k3v9x2abcdef", "family"); // "WT-K3V9X2-F"
 */
export function paperReference(roundId: string, kind: "professional" | "family"): string {
  const code = roundId
    .replace(/[^a-z0-9]/gi, "")
    .slice(0, 6)
    .toUpperCase();
  return `WT-${code}-${kind === "family" ? "F" : "P"}`;
}
