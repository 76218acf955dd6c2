/**
 * The questionnaire a respondent sees, built per round, loaded in survey-core itself: page
 * structure of every variant, the short form, the continuum markers, partner ratings shown only
 * for other agencies, and server-side validation fed with the data survey-core really produces.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Model } from "survey-core";
import professionalJson from "../../surveys/professional.json";
import continuumJson from "../../surveys/continuum.json";
import familyJson from "../../surveys/family.json";
import evidenceJson from "../../surveys/evidence.json";
import deepDiveJson from "../../surveys/deep-dive.json";
import { COMPONENT_KEYS, CONTINUUM_CAVEAT, type AgencyTypeKey } from "./framework";
import {
  allQuestions,
  DONT_KNOW,
  partnerNowKey,
  partnerWantedKey,
  QUESTION,
  readMarkers,
  type SurveyJson,
} from "./instrument";
import {
  answerSpec,
  buildQuestionnaire,
  MAX_TEXT_LENGTH,
  validateAnswers,
  type QuestionnaireOptions,
} from "./questionnaire";
import { registerSurveyProperties } from "./survey-properties";
import { localText } from "./localised-text";

const surveys = {
  professional: professionalJson as unknown as SurveyJson,
  continuum: continuumJson as unknown as SurveyJson,
  family: familyJson as unknown as SurveyJson,
};

const agencies: { id: string; name: string; type: AgencyTypeKey }[] = [
  { id: "ag_council", name: "Northshire Council children's services", type: "social_work" },
  { id: "ag_nhs", name: "Northshire NHS Trust", type: "health" },
  { id: "ag_police", name: "Northshire Police", type: "police" },
];

const build = (o: Partial<QuestionnaireOptions> = {}) =>
  buildQuestionnaire({ kind: "professional", form: "full", includeContinuum: true, agencies, surveys, ...o });

function load(json: SurveyJson) {
  const model = new Model(json);
  // Unknown properties and bad values end up here: our tags and settings must all be understood.
  expect(model.jsonErrors ?? []).toEqual([]);
  return model;
}

/** Answers every visible question the way a respondent would, choosing `pick` of its choices. */
function answerAll(model: Model, pick: (values: unknown[]) => unknown = (v) => v[0]) {
  for (const q of model.getAllQuestions(true)) {
    if (!q.isEmpty()) continue;
    if (q.getType() === "comment") q.value = "Joint meetings help; IT systems do not talk to each other.";
    else {
      const values = (q as unknown as { choices: { value: unknown }[] }).choices.map((c) => c.value);
      q.value = pick(values);
    }
  }
}

beforeAll(() => registerSurveyProperties());

describe("buildQuestionnaire: the variants", () => {
  const professionalPages = surveys.professional.pages.length;

  it("full form with the continuum: about you, the component pages, markers, stages, partners", () => {
    const json = build();
    const model = load(json);
    expect(json.pages.map((p) => p.name)).toEqual([
      "about_you",
      ...surveys.professional.pages.map((p) => p.name),
      "continuum",
      "continuum_stage",
      "partners",
    ]);
    expect(model.pageCount).toBe(professionalPages + 4);
    expect(model.getQuestionByName(QUESTION.respondentAgency)).toBeTruthy();
  });

  it("full form without the continuum: no markers, stages, partners or agency question", () => {
    const json = build({ includeContinuum: false });
    const model = load(json);
    expect(model.pageCount).toBe(professionalPages + 1);
    expect(model.getQuestionByName(QUESTION.respondentAgency)).toBeFalsy();
    expect(model.getQuestionByName(QUESTION.targetStage)).toBeFalsy();
    expect(allQuestions(json).some((q) => q.name.startsWith("marker_"))).toBe(false);
  });

  it("short form with the continuum: one item per component plus the two stage questions", () => {
    const json = build({ form: "short" });
    const model = load(json);
    expect(json.pages.map((p) => p.name)).toEqual(["about_you", "short_form", "continuum_short"]);
    expect(model.pageCount).toBe(3);
    const stageQuestions = json.pages[2]!.elements.map((q) => q.name);
    expect(stageQuestions).toEqual([QUESTION.selfChosenStage, QUESTION.targetStage]);
    // No markers and no partner ratings, so no need to know the respondent's agency.
    expect(allQuestions(json).some((q) => q.name.startsWith("marker_") || q.name.startsWith("partner_"))).toBe(false);
    expect(model.getQuestionByName(QUESTION.respondentAgency)).toBeFalsy();
  });

  it("short form without the continuum: about you and the short-form page", () => {
    const model = load(build({ form: "short", includeContinuum: false }));
    expect(model.pages.map((p) => p.name)).toEqual(["about_you", "short_form"]);
  });

  it("the short form holds exactly 13 items, one per component in the framework's order, then the comments box", () => {
    const page = build({ form: "short" }).pages.find((p) => p.name === "short_form")!;
    const items = page.elements.filter((q) => q.component !== undefined);
    expect(items).toHaveLength(13);
    expect(items.map((q) => q.component)).toEqual([...COMPONENT_KEYS]);
    expect(items.every((q) => q.shortForm === true)).toBe(true);
    expect(page.elements.at(-1)!.name).toBe(QUESTION.comments);
  });

  it("orders the short form by component even when the file does not", () => {
    const shuffled: SurveyJson = { pages: [...structuredClone(surveys.professional.pages)].reverse() };
    const page = build({ form: "short", surveys: { ...surveys, professional: shuffled } }).pages[1]!;
    expect(page.elements.filter((q) => q.component !== undefined).map((q) => q.component)).toEqual([...COMPONENT_KEYS]);
  });

  it("family: the pages of family.json as they are, with the shared settings", () => {
    const json = buildQuestionnaire({ kind: "family", form: "full", includeContinuum: true, agencies, surveys });
    const model = load(json);
    expect(json.pages).toEqual(surveys.family.pages);
    expect(model.pageCount).toBe(surveys.family.pages.length);
    expect(json.title).toBe(surveys.family.title);
    expect(model.showPreviewBeforeComplete).toBe(true);
  });

  it("about you: required level and agency type, never pre-selected", () => {
    const model = load(build());
    for (const name of [QUESTION.respondentLevel, QUESTION.respondentAgencyType]) {
      const q = model.getQuestionByName(name);
      expect(q.isRequired).toBe(true);
      expect(q.value).toBeUndefined();
    }
    const agency = model.getQuestionByName(QUESTION.respondentAgency) as unknown as {
      choices: { value: string; text: string }[];
    };
    expect(agency.choices.map((c) => c.value)).toEqual(["ag_council", "ag_nhs", "ag_police", "none"]);
    expect(agency.choices.at(-1)!.text).toBe("My agency is not listed");
  });

  it("asks no agency question and shows no partner page when there is only one member agency", () => {
    const json = build({ agencies: agencies.slice(0, 1) });
    expect(json.pages.some((p) => p.name === "partners")).toBe(false);
    expect(allQuestions(json).some((q) => q.name === QUESTION.respondentAgency)).toBe(false);
  });
});

describe("survey-level settings, as survey-core 3.0.0 reads them", () => {
  it("progress bar on top by pages, check-your-answers page, errors as you go, no numbers", () => {
    const model = load(build());
    expect(model.showProgressBar).toBe(true);
    expect(model.isShowProgressBarOnTop).toBe(true);
    expect(model.isShowProgressBarOnBottom).toBe(false);
    expect(model.progressBarType).toBe("pages");
    expect(model.showPreviewBeforeComplete).toBe(true);
    expect(model.previewMode).toBe("answeredQuestions");
    expect(model.checkErrorsMode).toBe("onValueChanged");
    expect(model.showQuestionNumbers).toBe("off");
    expect(model.completeText).toBe("Submit answers");
    expect(model.widthMode).toBe("responsive");
    expect(model.maxCommentLength).toBe(MAX_TEXT_LENGTH);
  });
});

describe("the continuum", () => {
  const markers = readMarkers(surveys.continuum);
  const page = build().pages.find((p) => p.name === "continuum")!;

  it("has 3 or 4 markers for each of stages 1 to 5, named marker_s<stage>_<slug>", () => {
    for (const stage of [1, 2, 3, 4, 5]) {
      const n = markers.filter((m) => m.stage === stage).length;
      expect(n, `stage ${stage}`).toBeGreaterThanOrEqual(3);
      expect(n, `stage ${stage}`).toBeLessThanOrEqual(4);
    }
    for (const m of markers) expect(m.key).toMatch(new RegExp(`^marker_s${m.stage}_[a-z0-9_]+$`));
  });

  it("each marker is answered yes / partly / no / don't know and cites a continuum stage of the register", () => {
    for (const q of page.elements) {
      expect(q.type).toBe("radiogroup");
      expect(
        (q.choices as { value: unknown; text: unknown }[]).map((c) => ({ ...c, text: localText(c.text) })),
      ).toEqual([
        { value: "yes", text: "Yes" },
        { value: "partly", text: "Partly" },
        { value: "no", text: "No" },
        { value: DONT_KNOW, text: "Don't know" },
      ]);
      const evidence = q.evidence as string[];
      const stage = (evidenceJson as unknown as { stages: { key: string; stage: number }[] }).stages.find(
        (s) => s.stage === q.stage,
      );
      expect(evidence, q.name).toContain(stage?.key);
    }
  });

  it("shows respondents no stage names or numbers, and never two markers of one stage side by side", () => {
    for (const q of page.elements) {
      expect(localText(q.title), q.name).not.toMatch(/stage|level \d|co-?existence|coalition|\d\)/i);
      expect(localText(q.title, "cy"), q.name).not.toMatch(/\bcam\b|lefel \d|cydfodolaeth|cynghrair|\d\)/i);
    }
    const stages = page.elements.map((q) => q.stage);
    for (let i = 1; i < stages.length; i++) expect(stages[i], page.elements[i]!.name).not.toBe(stages[i - 1]);
  });

  it("keeps the stage and evidence tags on the SurveyJS question", () => {
    const model = load(build());
    const q = model.getQuestionByName(markers[0]!.key) as unknown as { stage: number; evidence: string[] };
    expect(q.stage).toBe(markers[0]!.stage);
    expect([...q.evidence]).toEqual(markers[0]!.sources);
  });

  it("asks the current and target stage on 0..5 plus don't know, with the caveat on the target", () => {
    const json = build();
    const stagePage = json.pages.find((p) => p.name === "continuum_stage")!;
    const [self, target] = stagePage.elements;
    expect(localText(self!.title)).toBe("Which stage best describes how services in your area work together now?");
    for (const q of [self!, target!]) {
      expect((q.choices as { value: unknown }[]).map((c) => c.value)).toEqual([0, 1, 2, 3, 4, 5, DONT_KNOW]);
      expect(localText((q.choices as { text: unknown }[])[4]!.text)).toBe("Coalition");
      expect(localText((q.choices as { text: unknown }[])[4]!.text, "cy")).toBe("Cynghrair");
    }
    expect(localText(target!.description)).toBe(CONTINUUM_CAVEAT);
  });
});

describe("partner-by-partner ratings", () => {
  it("has a now and a wanted question for every member agency", () => {
    const json = build();
    const partners = json.pages.find((p) => p.name === "partners")!;
    const questions = allQuestions({ pages: [partners] } as SurveyJson);
    // One row (a panel) per agency, holding its now and wanted questions.
    expect(partners.elements.map((p) => p.title)).toEqual(agencies.map((a) => a.name));
    expect(questions.map((q) => q.name)).toEqual(
      agencies.flatMap((a) => [partnerNowKey(a.id), partnerWantedKey(a.id)]),
    );
    for (const q of questions)
      expect((q.choices as { value: unknown }[]).map((c) => c.value)).toEqual([0, 1, 2, 3, 4, 5, DONT_KNOW]);
  });

  it("shows a respondent every agency but their own, and nothing until they say which is theirs", () => {
    const model = load(build());
    const visible = () =>
      agencies.filter((a) => model.getQuestionByName(partnerNowKey(a.id)).isVisible).map((a) => a.id);
    expect(visible()).toEqual([]);
    expect(model.getPageByName("partners").isVisible).toBe(false);

    model.setValue(QUESTION.respondentAgency, "ag_nhs");
    expect(visible()).toEqual(["ag_council", "ag_police"]);
    expect(model.getQuestionByName(partnerWantedKey("ag_nhs")).isVisible).toBe(false);
    expect(model.getQuestionByName(partnerWantedKey("ag_police")).isVisible).toBe(true);
    expect(model.getPageByName("partners").isVisible).toBe(true);

    model.setValue(QUESTION.respondentAgency, "none");
    expect(visible()).toEqual([]);
    expect(model.getPageByName("partners").isVisible).toBe(false);
  });
});

describe("validateAnswers, fed with what survey-core produces", () => {
  it("survey-core stores the choice's own value: numbers for numeric choices, strings otherwise", () => {
    const model = load(build());
    model.setValue(QUESTION.respondentAgency, "ag_council");
    answerAll(model);
    const data = model.data as Record<string, unknown>;
    const item = allQuestions(surveys.professional).find((q) => q.component !== undefined)!;
    expect(data[item.name]).toBe(1);
    expect(data[QUESTION.targetStage]).toBe(0);
    expect(data[partnerNowKey("ag_nhs")]).toBe(0);
    expect(typeof data[QUESTION.respondentLevel]).toBe("string");
    expect(data[readMarkers(surveys.continuum)[0]!.key]).toBe("yes");
  });

  it("accepts a full, valid answer set for every variant", () => {
    const variants: SurveyJson[] = [
      build(),
      build({ includeContinuum: false }),
      build({ form: "short" }),
      build({ form: "short", includeContinuum: false }),
      buildQuestionnaire({ kind: "family", form: "full", includeContinuum: false, agencies, surveys }),
    ];
    for (const json of variants) {
      for (const pick of [
        (v: unknown[]) => v[0],
        (v: unknown[]) => v.at(-1),
        (v: unknown[]) => v[Math.floor(v.length / 2)],
      ]) {
        const model = load(json);
        if (model.getQuestionByName(QUESTION.respondentAgency)) model.setValue(QUESTION.respondentAgency, "ag_police");
        answerAll(model, pick);
        const result = validateAnswers(json, model.data as Record<string, unknown>);
        expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: true });
        if (result.ok) expect(result.answers).toEqual(model.data);
      }
    }
  });

  it("refuses unknown questions", () => {
    const result = validateAnswers(build(), { foo: 1, vision__nonexistent: 3 });
    expect(result).toEqual({
      ok: false,
      errors: [
        { key: "foo", message: 'Unknown question "foo"' },
        { key: "vision__nonexistent", message: 'Unknown question "vision__nonexistent"' },
      ],
    });
  });

  it("refuses values outside the choices, naming them", () => {
    const json = build();
    const facilitator = allQuestions(json).find((q) => q.polarity === "facilitator")!;
    const marker = readMarkers(surveys.continuum)[0]!.key;
    const result = validateAnswers(json, { [facilitator.name]: 6, [marker]: "maybe", [QUESTION.targetStage]: 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { key: facilitator.name, message: `"${facilitator.name}" must be one of 1, 2, 3, 4, 5, dont_know` },
      { key: marker, message: `"${marker}" must be one of yes, partly, no, dont_know` },
      { key: QUESTION.targetStage, message: `"${QUESTION.targetStage}" must be one of 0, 1, 2, 3, 4, 5, dont_know` },
    ]);
  });

  it("refuses the right value in the wrong type, and values that are not strings or numbers", () => {
    const json = build();
    const item = allQuestions(json).find((q) => q.polarity === "facilitator")!.name;
    const wrongType = validateAnswers(json, { [item]: "4" });
    expect(wrongType).toEqual({
      ok: false,
      errors: [{ key: item, message: `"${item}" must be the number 4, not the text "4"` }],
    });
    for (const bad of [null, true, [4], { value: 4 }]) {
      expect(validateAnswers(json, { [item]: bad }).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(validateAnswers(json, { [QUESTION.comments]: 42 })).toEqual({
      ok: false,
      errors: [{ key: QUESTION.comments, message: `"${QUESTION.comments}" must be text` }],
    });
    expect(validateAnswers(json, { [QUESTION.comments]: "x".repeat(MAX_TEXT_LENGTH + 1) })).toEqual({
      ok: false,
      errors: [
        { key: QUESTION.comments, message: `"${QUESTION.comments}" must be ${MAX_TEXT_LENGTH} characters or fewer` },
      ],
    });
    expect(validateAnswers(json, { [QUESTION.comments]: "x".repeat(MAX_TEXT_LENGTH) }).ok).toBe(true);
  });

  it("refuses a partner rating or marker in a questionnaire that does not ask it", () => {
    const short = build({ form: "short" });
    expect(validateAnswers(short, { [partnerNowKey("ag_nhs")]: 2 }).ok).toBe(false);
    expect(validateAnswers(short, { [readMarkers(surveys.continuum)[0]!.key]: "yes" }).ok).toBe(false);
  });

  it("drops answers the respondent's own answers hide: survey-core keeps them in data until completion", () => {
    const json = build();
    const model = load(json);
    model.setValue(QUESTION.respondentAgency, "ag_nhs");
    model.setValue(partnerNowKey("ag_police"), 3);
    // The respondent then says they work for the police: the rating is hidden but still in data.
    model.setValue(QUESTION.respondentAgency, "ag_police");
    expect(model.getQuestionByName(partnerNowKey("ag_police")).isVisible).toBe(false);
    expect(model.data[partnerNowKey("ag_police")]).toBe(3);
    const result = validateAnswers(json, model.data as Record<string, unknown>);
    expect(result).toEqual({ ok: true, answers: { [QUESTION.respondentAgency]: "ag_police" } });
  });

  it("drops a family question hidden for the respondent's group, and blank comments", () => {
    const json = buildQuestionnaire({ kind: "family", form: "full", includeContinuum: false, agencies, surveys });
    const conditional = allQuestions(json).find((q) => typeof q.visibleIf === "string")!;
    const firstValue = (conditional.choices as { value: string | number }[])[0]!.value;
    const comment = allQuestions(json).find((q) => q.type === "comment")!.name;
    const young = validateAnswers(json, {
      [QUESTION.familyGroup]: "young_person",
      [conditional.name]: firstValue,
      [comment]: "  ",
    });
    expect(young).toEqual({
      ok: true,
      answers: { [QUESTION.familyGroup]: "young_person", [conditional.name]: firstValue },
    });
    const parent = validateAnswers(json, { [QUESTION.familyGroup]: "parent_carer", [conditional.name]: firstValue });
    expect(parent).toEqual({ ok: true, answers: { [QUESTION.familyGroup]: "parent_carer" } });
  });

  it("answerSpec lists every question with its values or text limit", () => {
    const spec = answerSpec(build());
    expect(spec.get(QUESTION.comments)).toEqual({ kind: "text", maxLength: MAX_TEXT_LENGTH });
    expect(spec.get(QUESTION.respondentAgency)).toEqual({
      kind: "choice",
      values: ["ag_council", "ag_nhs", "ag_police", "none"],
    });
    expect(spec.get(partnerWantedKey("ag_council"))).toEqual({ kind: "choice", values: [0, 1, 2, 3, 4, 5, DONT_KNOW] });
    expect(spec.size).toBe(allQuestions(build()).length);
  });
});

describe("deep-dive modules in a round", () => {
  const deepDive = deepDiveJson as unknown as SurveyJson;
  const [m1, m2] = deepDive.pages.map((p) => p.name);

  it("adds the chosen modules after the core items, in either form, and nothing when none is chosen", () => {
    const full = build({ surveys: { ...surveys, deepDive }, deepDiveModules: [m2!, m1!] });
    const names = full.pages.map((p) => p.name);
    expect(names.slice(1, 1 + COMPONENT_KEYS.length)).toEqual([...COMPONENT_KEYS]);
    expect(names.slice(1 + COMPONENT_KEYS.length, 3 + COMPONENT_KEYS.length)).toEqual([m1, m2]);
    const short = build({ form: "short", surveys: { ...surveys, deepDive }, deepDiveModules: [m1!] });
    expect(short.pages.filter((p) => p.name === m1).length).toBe(1);
    expect(build({ surveys: { ...surveys, deepDive } }).pages.length).toBe(build().pages.length);
    load(full);
  });

  it("accepts answers to a chosen module's items and rejects answers to a module not chosen", () => {
    const json = build({ surveys: { ...surveys, deepDive }, deepDiveModules: [m1!] });
    const inModule = deepDive.pages.find((p) => p.name === m1)!.elements[0]!.name;
    const notChosen = deepDive.pages.find((p) => p.name === m2)!.elements[0]!.name;
    expect(validateAnswers(json, { [inModule]: 2 }).ok).toBe(true);
    expect(validateAnswers(json, { [notChosen]: 2 }).ok).toBe(false);
  });
});
