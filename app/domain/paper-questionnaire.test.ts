import { describe, expect, it } from "vitest";
import { Model } from "survey-core";
import professionalJson from "../../surveys/professional.json";
import continuumJson from "../../surveys/continuum.json";
import familyJson from "../../surveys/family.json";
import type { AgencyTypeKey } from "./framework";
import type { SurveyJson } from "./instrument";
import { paperQuestionnaire, paperReference } from "./paper-questionnaire";
import { buildQuestionnaire } from "./questionnaire";
import { registerSurveyProperties } from "./survey-properties";

const surveys = {
  professional: professionalJson as unknown as SurveyJson,
  continuum: continuumJson as unknown as SurveyJson,
  family: familyJson as unknown as SurveyJson,
};
const agencies: { id: string; name: string; type: AgencyTypeKey }[] = [
  { id: "ag_council", name: "Council children's services", type: "social_work" },
  { id: "ag_nhs", name: "NHS Trust", type: "health" },
];
const build = (kind: "professional" | "family", form: "full" | "short" = "full") =>
  buildQuestionnaire({ kind, form, includeContinuum: true, agencies, surveys });

describe("paperQuestionnaire", () => {
  // The oracle is survey-core's own model: what a respondent online is asked, question by
  // question and choice by choice, must all be on paper.
  it.each([
    ["family", "full", "en"],
    ["professional", "full", "en"],
    ["professional", "short", "en"],
    ["family", "full", "cy"],
    ["professional", "full", "cy"],
    ["professional", "short", "cy"],
  ] as const)("prints every question and choice survey-core shows (%s, %s, %s)", (kind, form, lang) => {
    registerSurveyProperties();
    const json = build(kind, form);
    const paper = paperQuestionnaire(json, lang);
    const printed = new Map(
      paper.sections.flatMap((s) => s.groups.flatMap((g) => g.questions.map((q) => [q.name, q] as const))),
    );
    const model = new Model(json);
    model.locale = lang === "en" ? "" : lang;
    expect(paper.sections[0]!.title).toBe(lang === "cy" ? "Amdanoch chi" : "About you");
    for (const q of model.getAllQuestions()) {
      const onPaper = printed.get(q.name);
      expect(onPaper, q.name).toBeDefined();
      expect(onPaper!.title).toBe(q.title);
      const choices = ((q as unknown as { choices?: { value: unknown; text: string }[] }).choices ?? []).map(
        (c) => c.text,
      );
      expect(onPaper!.choices.map((c) => c.text)).toEqual(choices);
    }
    expect(printed.size).toBe(model.getAllQuestions().length);
  });

  it("says in words when a question applies, never the expression", () => {
    const family = paperQuestionnaire(build("family"));
    const conditional = family.sections.flatMap((s) => s.groups.flatMap((g) => g.questions)).filter((q) => q.condition);
    expect(conditional.length).toBeGreaterThan(0);
    for (const q of conditional) expect(q.condition).not.toMatch(/[{}]/);
    expect(conditional[0]!.condition).toContain("child or young person");

    const partners = paperQuestionnaire(build("professional")).sections.find((s) => s.name === "partners")!;
    expect(partners.groups.map((g) => g.heading)).toEqual(agencies.map((a) => a.name));
    expect(partners.groups[0]!.questions[0]!.condition).toMatch(/agency you work for/);
    expect(partners.stageScale).not.toBeNull();
  });

  it("gives a short reference per round and questionnaire", () => {
    expect(paperReference("k3v9x2abcdef", "family")).toBe("WT-K3V9X2-F");
    expect(paperReference("k3v9x2abcdef", "professional")).toBe("WT-K3V9X2-P");
  });
});
