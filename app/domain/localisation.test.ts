/**
 * Issue 21: the questionnaires in Welsh. Every string a respondent reads, in the files and in
 * the questions the code builds (about you, stages, partner ratings), has a Welsh text that is
 * not the English (unless the English is an allowed proper name), with the same placeholders;
 * and the language changes no answer value, so a round answered in both languages scores as one.
 */
import { readFileSync } from "node:fs";
import { Model, type Question } from "survey-core";
import { beforeAll, describe, expect, it } from "vitest";
import professionalJson from "../../surveys/professional.json";
import continuumJson from "../../surveys/continuum.json";
import familyJson from "../../surveys/family.json";
import deepDiveJson from "../../surveys/deep-dive.json";
import { demoAnswers, seededRandom } from "./demo-answers";
import { exportCatalogue } from "./exports/codebook";
import { deepDiveModules } from "./deep-dive-modules";
import { COMPONENTS, type AgencyTypeKey } from "./framework";
import { ALLOWED_ENGLISH, GLOSSARY, frameworkTerm, type TermKind } from "./glossary";
import { QUESTION, readMarkers, readScoredItems, type SurveyJson } from "./instrument";
import { localisableStrings, localText, type LocalisableString } from "./localised-text";
import { buildQuestionnaire, validateAnswers } from "./questionnaire";
import { scoreRound, type ResponseInput } from "./scoring";
import { registerSurveyProperties } from "./survey-properties";

const surveys = {
  professional: professionalJson as unknown as SurveyJson,
  continuum: continuumJson as unknown as SurveyJson,
  family: familyJson as unknown as SurveyJson,
  deepDive: deepDiveJson as unknown as SurveyJson,
};
const agencies: { id: string; name: string; type: AgencyTypeKey }[] = [
  { id: "ag_council", name: "Northshire Council", type: "social_work" },
  { id: "ag_nhs", name: "Northshire NHS Trust", type: "health" },
  { id: "ag_police", name: "Northshire Police", type: "police" },
];
const agencyNames = new Set(agencies.map((a) => a.name));

const build = (kind: "professional" | "family", form: "full" | "short", deepDive = false) =>
  buildQuestionnaire({
    kind,
    form,
    includeContinuum: true,
    agencies,
    surveys,
    deepDiveModules: deepDive ? deepDiveModules(surveys.deepDive) : [],
  });

/** Placeholders a translation must keep: SurveyJS's {name} and {{x}}, and survey-core's {0}. */
const placeholders = (text: string) => [...text.matchAll(/\{\{?[^{}]+\}?\}/g)].map((m) => m[0]).sort();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What is wrong with one string's Welsh, or null. */
function problem(s: LocalisableString): string | null {
  const english = localText(s.value);
  if (english === undefined || !english.trim()) return null;
  if (typeof s.value === "string") return `${s.path}: no Welsh (plain "${english.slice(0, 60)}")`;
  const welsh = s.value.cy;
  if (typeof welsh !== "string" || !welsh.trim()) return `${s.path}: empty Welsh`;
  if (welsh === english && !ALLOWED_ENGLISH.includes(english)) return `${s.path}: Welsh is the English "${english}"`;
  if (placeholders(welsh).join() !== placeholders(english).join())
    return `${s.path}: placeholders differ (${placeholders(english).join()} / ${placeholders(welsh).join()})`;
  return null;
}

describe("every questionnaire string has Welsh", () => {
  it.each([
    ["professional.json", surveys.professional],
    ["family.json", surveys.family],
    ["continuum.json", surveys.continuum],
    ["deep-dive.json", surveys.deepDive],
  ] as const)("%s", (_name, survey) => {
    const strings = localisableStrings(survey);
    expect(strings.length).toBeGreaterThan(20);
    expect(strings.map(problem).filter(Boolean)).toEqual([]);
  });

  it.each([
    ["professional", "full", true],
    ["professional", "short", true],
    ["family", "full", false],
  ] as const)("the built %s questionnaire (%s form), with its generated questions", (kind, form, deepDive) => {
    const json = build(kind, form, deepDive);
    // The partnership's agency names are its own, in whatever language it gave them.
    const strings = localisableStrings(json).filter((s) => !(typeof s.value === "string" && agencyNames.has(s.value)));
    expect(strings.map(problem).filter(Boolean)).toEqual([]);
    if (kind === "professional" && form === "full") {
      const paths = strings.map((s) => s.path);
      // The generated questions are among those checked: partner ratings and the target stage.
      const partners = json.pages.find((p) => p.name === "partners")!;
      expect(localText(partners.title, "cy")).toBe("Sut mae eich asiantaeth yn gweithio gyda phob un o'r lleill");
      expect(paths.filter((p) => p.startsWith(`pages[${json.pages.indexOf(partners)}]`)).length).toBeGreaterThan(20);
    }
  });

  it("no question offers two choices with the same Welsh text (a respondent could not tell them apart)", () => {
    for (const json of [build("professional", "full", true), build("family", "full")]) {
      registerSurveyProperties();
      const model = new Model(json);
      model.locale = "cy";
      for (const q of model.getAllQuestions() as Question[]) {
        const texts = ((q as unknown as { choices?: { text: string }[] }).choices ?? []).map((c) => c.text);
        expect(new Set(texts).size, q.name).toBe(texts.length);
      }
    }
  });

  it("the glossary has a Welsh term for every framework term, and the pages use it", () => {
    for (const kind of Object.keys(GLOSSARY.en) as TermKind[]) {
      for (const [key, english] of Object.entries(GLOSSARY.en[kind])) {
        const welsh = GLOSSARY.cy[kind][key];
        expect(welsh, `${kind} ${key}`).toBeTruthy();
        expect(welsh, `${kind} ${key}`).not.toBe(english);
      }
    }
    for (const c of COMPONENTS) {
      const page = surveys.professional.pages.find((p) => p.name === c.key)!;
      expect(localText(page.title, "cy")).toBe(frameworkTerm("component", c.key, "cy"));
    }
  });

  it("docs/glossary-cy.md lists every term of the glossary and every English word allowed on a Welsh page", () => {
    const doc = readFileSync(new URL("../../docs/glossary-cy.md", import.meta.url), "utf8");
    for (const kind of ["component", "stage", "level", "agency_type", "band"] as const)
      for (const [key, welsh] of Object.entries(GLOSSARY.cy[kind]))
        expect(doc, `${kind} ${key}`).toMatch(
          new RegExp(`\\| \`${key}\` +\\| ${escape(GLOSSARY.en[kind][key]!)} +\\| ${escape(welsh)} +\\|`),
        );
    for (const word of ALLOWED_ENGLISH) expect(doc).toContain(`- ${word}\n`);
  });

  it("the exports' codebook has the Welsh question texts and labels on request, the English by default", () => {
    const english = exportCatalogue(surveys);
    const welsh = exportCatalogue(surveys, "cy");
    expect(english.get("holistic__family_one_contact")?.choices.get("5")).toBe("Yes, completely");
    expect(welsh.get("holistic__family_one_contact")?.choices.get("5")).toBe("Ie, yn llwyr");
    expect(welsh.get(QUESTION.targetStage)?.question).toBe(
      "Ble dylai eich partneriaeth fod yn yr ychydig flynyddoedd nesaf?",
    );
    expect([...welsh.keys()]).toEqual([...english.keys()]);
  });

  it("the server's refusals are in the respondent's language", () => {
    const json = build("family", "full");
    const refusal = (lang: "en" | "cy") => validateAnswers(json, { holistic__family_one_contact: "5" }, lang);
    expect(refusal("en")).toEqual({
      ok: false,
      errors: [
        {
          key: "holistic__family_one_contact",
          message: `"holistic__family_one_contact" must be the number 5, not the text "5"`,
        },
      ],
    });
    expect(refusal("cy")).toEqual({
      ok: false,
      errors: [
        {
          key: "holistic__family_one_contact",
          message: `Rhaid i "holistic__family_one_contact" fod y rhif 5, nid y testun "5"`,
        },
      ],
    });
  });

  it("survey-core shows the Welsh when the model's locale is cy, and the English otherwise", () => {
    registerSurveyProperties();
    const model = new Model(build("family", "full"));
    const q = model.getQuestionByName(QUESTION.familyGroup);
    expect(q.title).toBe("Are you filling this in as a child or young person, or as a parent or carer?");
    model.locale = "cy";
    expect(q.title).toBe("Ydych chi'n llenwi hwn fel plentyn neu berson ifanc, neu fel rhiant neu ofalwr?");
  });
});

describe("the language changes no answer", () => {
  /**
   * A respondent answering in Welsh: for each answer, the choice they tick is found by its
   * Welsh label in a survey-core model whose locale is "cy", as a person would find it. The
   * labels are read from the model once per questionnaire (a model per respondent is slow).
   */
  function welshRespondent(json: SurveyJson) {
    const model = new Model(json);
    model.locale = "cy";
    const choices = new Map(
      (model.getAllQuestions() as Question[]).map((q) => [
        q.name,
        (q as unknown as { choices?: { value: string | number; text: string }[] }).choices ?? [],
      ]),
    );
    return (english: Record<string, string | number>) =>
      Object.fromEntries(
        Object.entries(english).map(([name, value]) => {
          const list = choices.get(name)!;
          const label = list.find((c) => c.value === value)!.text;
          expect(label, name).toMatch(/\S/);
          return [name, list.find((c) => c.text === label)!.value];
        }),
      );
  }

  beforeAll(() => registerSurveyProperties());

  it("answers given in Welsh are the same values, accepted by the server's check, and score the same", () => {
    const professional = build("professional", "full");
    const family = build("family", "full");
    const inWelsh = { professional: welshRespondent(professional), family: welshRespondent(family) };
    const random = seededRandom(21);
    const responses: ResponseInput[] = [];
    const mixed: ResponseInput[] = [];
    for (let i = 0; i < 24; i++) {
      const kind = i % 4 === 3 ? "family" : "professional";
      const json = kind === "family" ? family : professional;
      const answers = demoAnswers(json, random, { agencies });
      const valid = validateAnswers(json, answers);
      if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
      const welsh = inWelsh[kind](valid.answers);
      expect(welsh).toEqual(valid.answers);
      expect(validateAnswers(json, welsh)).toEqual(valid);
      const input = (a: Record<string, string | number>): ResponseInput => ({
        id: `r${i}`,
        questionnaire: kind,
        respondentLevel: kind === "family" ? null : (a[QUESTION.respondentLevel] as ResponseInput["respondentLevel"]),
        agencyType: kind === "family" ? null : (a[QUESTION.respondentAgencyType] as ResponseInput["agencyType"]),
        agencyId:
          kind === "family" || a[QUESTION.respondentAgency] === "none" ? null : String(a[QUESTION.respondentAgency]),
        familyGroup: kind === "family" ? (a[QUESTION.familyGroup] as ResponseInput["familyGroup"]) : null,
        answers: a,
      });
      responses.push(input(valid.answers));
      // Half the round answered in Welsh.
      mixed.push(input(i % 2 ? welsh : valid.answers));
    }
    const score = (r: ResponseInput[]) =>
      scoreRound({
        responses: r,
        items: readScoredItems(surveys.professional),
        familyItems: readScoredItems(surveys.family),
        markers: readMarkers(surveys.continuum),
        agencies,
        threshold: 3,
      });
    const english = score(responses);
    expect(english.status).toBe("ok");
    expect(score(mixed)).toEqual(english);
  });
});
