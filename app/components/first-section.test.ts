import { describe, expect, it } from "vitest";
import professionalJson from "../../surveys/professional.json";
import continuumJson from "../../surveys/continuum.json";
import familyJson from "../../surveys/family.json";
import type { SurveyJson } from "../domain/instrument";
import { buildQuestionnaire } from "../domain/questionnaire";
import { firstSectionShape } from "./first-section";

const surveys = {
  professional: professionalJson as unknown as SurveyJson,
  continuum: continuumJson as unknown as SurveyJson,
  family: familyJson as unknown as SurveyJson,
};
const build = (kind: "professional" | "family") =>
  buildQuestionnaire({
    kind,
    form: "full",
    includeContinuum: true,
    agencies: [
      { id: "a1", name: "Northshire Council", type: "social_work" },
      { id: "a2", name: "Northshire Police", type: "police" },
    ],
    surveys,
  });

describe("the first section drawn before SurveyJS loads", () => {
  it("shows the questions in the respondent's language, with the same values", () => {
    const english = firstSectionShape(build("professional"))!;
    const welsh = firstSectionShape(build("professional"), "cy")!;
    expect(english.title).toBe("About you");
    expect(welsh.title).toBe("Amdanoch chi");
    expect(welsh.questions.map((q) => q.name)).toEqual(english.questions.map((q) => q.name));
    const [level, agencyType, agency] = welsh.questions;
    expect(level!.title).toBe("Ar ba lefel rydych chi'n gweithio'n bennaf?");
    expect(level!.requiredError).toBe("Dewiswch y lefel rydych chi'n gweithio arni'n bennaf");
    expect(level!.choices.at(-1)!.text).toMatch(/^Tîm — Ymarfer rheng flaen/);
    expect(agencyType!.choices.map((c) => c.text)).toContain("Heddlu");
    // The partnership's own agency names are shown as they were given.
    expect(agency!.choices.map((c) => c.text)).toEqual([
      "Northshire Council",
      "Northshire Police",
      "Nid yw fy asiantaeth wedi'i rhestru",
    ]);
    for (const [i, q] of welsh.questions.entries())
      expect(q.choices.map((c) => c.value)).toEqual(english.questions[i]!.choices.map((c) => c.value));
  });

  it("the family questionnaire's first section in Welsh", () => {
    const welsh = firstSectionShape(build("family"), "cy")!;
    expect(welsh.questions[0]!.choices.map((c) => c.text)).toEqual([
      "Rwy'n blentyn neu'n berson ifanc",
      "Rwy'n rhiant neu'n ofalwr",
    ]);
  });
});
