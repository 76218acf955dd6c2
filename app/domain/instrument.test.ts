/**
 * Integrity of the questionnaires and the evidence register (surveys/*.json).
 * The checks live in instrument-check.ts as one pure function; here they run against the
 * committed files (no problems allowed) and against deliberately broken copies (the check must
 * notice). The last block loads the files in SurveyJS itself.
 */
import { describe, expect, it } from "vitest";
import { Model } from "survey-core";
import professionalJson from "../../surveys/professional.json";
import familyJson from "../../surveys/family.json";
import evidenceJson from "../../surveys/evidence.json";
import deepDiveJson from "../../surveys/deep-dive.json";
import continuumJson from "../../surveys/continuum.json";
import { COMPONENTS, COMPONENT_KEYS, LEVEL_KEYS, isComponentKey, isLevelKey, isPolarity } from "./framework";
import { allQuestions, readScoredItems, type SurveyElementJson, type SurveyJson } from "./instrument";
import { checkInstrument, ENTRY_KEY_PATTERN, ITEM_NAME_PATTERN, type InstrumentInput } from "./instrument-check";
import type { EvidenceRegister } from "./evidence";
import { registerSurveyProperties } from "./survey-properties";
import { localText } from "./localised-text";
import { frameworkTerm } from "./glossary";

const professional = professionalJson as unknown as SurveyJson;
const family = familyJson as unknown as SurveyJson;
const register = evidenceJson as unknown as EvidenceRegister;
const deepDive = deepDiveJson as unknown as SurveyJson;
const continuum = continuumJson as unknown as SurveyJson;

const real = (): InstrumentInput => ({
  register: structuredClone(register),
  professional: structuredClone(professional),
  family: structuredClone(family),
  deepDive: structuredClone(deepDive),
  continuum: structuredClone(continuum),
});
/** A fresh deep copy to break, with typed access to its parts. */
function copy() {
  const input = real();
  return {
    input,
    register: input.register as EvidenceRegister,
    professional: input.professional as SurveyJson,
    family: input.family as SurveyJson,
    deepDive: input.deepDive as SurveyJson,
    continuum: input.continuum as SurveyJson,
  };
}
const scored = (survey: SurveyJson) => allQuestions(survey).filter((q) => q.component !== undefined);
const firstItem = (survey: SurveyJson): SurveyElementJson => scored(survey)[0]!;

describe("the committed questionnaires and register", () => {
  const profItems = readScoredItems(professional);
  const famItems = readScoredItems(family);
  const entryKeys = new Set(register.entries.map((e) => e.key));

  it("pass every integrity check", () => {
    expect(checkInstrument(real())).toEqual([]);
  });

  it("tag every item with valid component, level and polarity keys", () => {
    for (const item of [...profItems, ...famItems]) {
      expect(isComponentKey(item.component), item.key).toBe(true);
      expect(isLevelKey(item.level), item.key).toBe(true);
      expect(isPolarity(item.polarity), item.key).toBe(true);
    }
  });

  it("cite at least one existing register entry from every item, and cover every entry", () => {
    const deepItems = readScoredItems(deepDive);
    for (const item of [...profItems, ...famItems, ...deepItems]) {
      expect(item.evidence.length, item.key).toBeGreaterThan(0);
      for (const k of item.evidence) expect(entryKeys.has(k), `${item.key} cites ${k}`).toBe(true);
    }
    const cited = new Set([...profItems, ...famItems, ...deepItems].flatMap((i) => i.evidence));
    const uncited = register.entries.map((e) => e.key).filter((k) => !cited.has(k));
    expect(uncited).toEqual([]);
  });

  it("use unique item names and register keys that match the naming patterns", () => {
    const names = [...allQuestions(professional), ...allQuestions(family)].map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
    for (const item of [...profItems, ...famItems]) {
      expect(item.key, item.key).toMatch(ITEM_NAME_PATTERN);
      expect(item.key.startsWith(`${item.component}__`), item.key).toBe(true);
    }
    const keys = register.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of register.entries) {
      expect(e.key, e.key).toMatch(ENTRY_KEY_PATTERN);
      expect(e.key.startsWith(e.polarity === "facilitator" ? "f_" : "b_"), e.key).toBe(true);
    }
  });

  it("give every component at least 4 professional items at 2 or more levels, and one page each in order", () => {
    expect(professional.pages.map((p) => p.name)).toEqual([...COMPONENT_KEYS]);
    for (const c of COMPONENTS) {
      const page = professional.pages.find((p) => p.name === c.key)!;
      expect(localText(page.title)).toBe(c.name);
      expect(localText(page.title, "cy")).toBe(frameworkTerm("component", c.key, "cy"));
      const mine = profItems.filter((i) => i.component === c.key);
      expect(mine.length, c.key).toBeGreaterThanOrEqual(4);
      expect(new Set(mine.map((i) => i.level)).size, c.key).toBeGreaterThanOrEqual(2);
    }
  });

  it("have professional items at every level", () => {
    for (const level of LEVEL_KEYS)
      expect(
        profItems.some((i) => i.level === level),
        level,
      ).toBe(true);
  });

  it("mark exactly one facilitator short-form item per component", () => {
    for (const key of COMPONENT_KEYS) {
      const short = profItems.filter((i) => i.component === key && i.shortForm);
      expect(short.length, key).toBe(1);
      expect(short[0]!.polarity).toBe("facilitator");
    }
    expect(famItems.some((i) => i.shortForm)).toBe(false);
  });

  it("keep every register entry's component, levels, polarity and sources valid", () => {
    const docKeys = new Set(register.documents.map((d) => d.key));
    expect(register.documents.length).toBe(4);
    for (const e of register.entries) {
      expect(isComponentKey(e.component), e.key).toBe(true);
      expect(isPolarity(e.polarity), e.key).toBe(true);
      expect(e.levels.length, e.key).toBeGreaterThan(0);
      for (const l of e.levels) expect(isLevelKey(l), `${e.key} level ${l}`).toBe(true);
      expect(e.sources.length, e.key).toBeGreaterThan(0);
      for (const s of e.sources) {
        expect(docKeys.has(s.document), `${e.key} source ${s.document}`).toBe(true);
        expect(s.section.trim().length, e.key).toBeGreaterThan(0);
      }
    }
    for (const c of COMPONENT_KEYS) {
      expect(register.entries.filter((e) => e.component === c).length, c).toBeGreaterThanOrEqual(3);
    }
  });

  it("give every facilitator with a suggested action a non-empty one", () => {
    for (const e of register.entries)
      if (e.action !== undefined) expect(e.action.trim().length, e.key).toBeGreaterThan(0);
  });

  it("start the family questionnaire with the respondent group and end with an optional comment", () => {
    const first = family.pages[0]!;
    expect(first.name).toBe("about_you");
    const group = first.elements.find((q) => q.name === "respondent_group")!;
    expect(group.isRequired).toBe(true);
    expect(famItems.length).toBeGreaterThanOrEqual(8);
    const all = allQuestions(family);
    expect(all[all.length - 1]!.name).toBe("family_comments");
    expect(allQuestions(professional).at(-1)!.name).toBe("comments");
  });
});

describe("checkInstrument on broken copies", () => {
  const expectProblem = (problems: string[], fragment: string) =>
    expect(
      problems.some((p) => p.includes(fragment)),
      `expected a problem containing "${fragment}", got ${JSON.stringify(problems)}`,
    ).toBe(true);

  it("rejects an item with no evidence", () => {
    const c = copy();
    const item = firstItem(c.professional);
    item.evidence = [];
    expectProblem(checkInstrument(c.input), `${item.name}: cites no evidence`);
  });

  it("rejects an item whose evidence property is missing altogether", () => {
    const c = copy();
    const item = firstItem(c.family);
    delete item.evidence;
    expectProblem(checkInstrument(c.input), `${item.name}: cites no evidence`);
  });

  it("rejects an item citing a register key that does not exist", () => {
    const c = copy();
    const item = firstItem(c.professional);
    item.evidence = ["f_no_such_thing"];
    expectProblem(checkInstrument(c.input), `cites unknown evidence "f_no_such_thing"`);
  });

  it("rejects a register entry that no item cites", () => {
    const c = copy();
    c.register.entries.push({ ...c.register.entries[0]!, key: "f_orphan_factor" });
    expectProblem(checkInstrument(c.input), "register f_orphan_factor: not cited by any item");
  });

  it("rejects an item citing an entry its wording does not ask", () => {
    // the defect issue 15 found: "culture__not_knowing" cited b_blame_culture without asking about blame
    const c = copy();
    const item = scored(c.professional).find((q) => q.name === "culture__not_knowing")!;
    (item.evidence as string[]).push("b_blame_culture");
    expectProblem(
      checkInstrument(c.input),
      "professional culture__not_knowing: cites b_blame_culture but its wording does not ask it",
    );
  });

  it("rejects an entry that no item asks directly", () => {
    const c = copy();
    for (const q of [...scored(c.professional), ...scored(c.deepDive), ...scored(c.family)]) {
      if ((q.evidence as string[]).includes("f_trust")) q.indirect = ["f_trust"];
    }
    expectProblem(checkInstrument(c.input), "register f_trust: no item asks it directly");
  });

  it("rejects an entry with no cues, and an indirect key the item does not cite", () => {
    const c = copy();
    const entry = c.register.entries[0]!;
    delete (entry as { cues?: string[] }).cues;
    const item = firstItem(c.professional);
    item.indirect = ["f_not_cited_here"];
    const problems = checkInstrument(c.input);
    expectProblem(problems, `register ${entry.key}: needs "cues"`);
    expectProblem(problems, `${item.name}: "indirect" must list keys the item cites`);
  });

  it("rejects a deep-dive item on another component's page, and a short-form deep-dive item", () => {
    const c = copy();
    const [a, b] = scored(c.deepDive).filter((q, i, all) => all.findIndex((x) => x.component === q.component) === i);
    b!.component = a!.component;
    b!.name = `${String(a!.component)}__moved_item`;
    a!.shortForm = true;
    const problems = checkInstrument(c.input);
    expectProblem(problems, "deep-dive ");
    expectProblem(problems, `deep-dive ${a!.name}: short-form items belong to the core questionnaire`);
  });

  it("rejects continuum markers that cite source strings or no continuum stage", () => {
    const c = copy();
    const [m0, m1] = allQuestions(c.continuum).filter((q) => q.stage !== undefined);
    m0!.sources = ["CELCIS review, 'Somewhere'"];
    m1!.evidence = ["f_trust"];
    const problems = checkInstrument(c.input);
    expectProblem(problems, `continuum ${m0!.name}: cite register keys in "evidence"`);
    expectProblem(problems, `continuum ${m1!.name}: cites no continuum stage`);
  });

  it("rejects invalid tags on an item", () => {
    const c = copy();
    const [a, b, d] = scored(c.professional);
    a!.level = "planet";
    b!.polarity = "neutral";
    d!.component = "magic";
    const problems = checkInstrument(c.input);
    expectProblem(problems, 'unknown level "planet"');
    expectProblem(problems, 'unknown polarity "neutral"');
    expectProblem(problems, 'unknown component "magic"');
  });

  it("rejects duplicate item names and badly formed names", () => {
    const c = copy();
    const [a, b] = scored(c.professional);
    b!.name = a!.name;
    const fam = firstItem(c.family);
    fam.name = "Holistic One Contact";
    const problems = checkInstrument(c.input);
    expectProblem(problems, `duplicate question name "${a!.name}"`);
    expectProblem(problems, "name must be <component>__<snake_case_slug>");
  });

  it("rejects duplicate or badly formed register keys, and a prefix that contradicts polarity", () => {
    const c = copy();
    const [e0, e1, e2] = c.register.entries;
    e1!.key = e0!.key;
    e2!.key = "Facilitator-Thing";
    const barrier = c.register.entries.find((e) => e.polarity === "barrier")!;
    barrier.polarity = "facilitator";
    const problems = checkInstrument(c.input);
    expectProblem(problems, `duplicate entry key "${e0!.key}"`);
    expectProblem(problems, "register Facilitator-Thing: key must be f_ or b_");
    expectProblem(problems, `register ${barrier.key}: prefix does not match polarity`);
  });

  it("rejects register entries with bad components, levels or sources", () => {
    const c = copy();
    const [e0, e1, e2, e3] = c.register.entries;
    (e0 as { component: string }).component = "nowhere";
    (e1 as { levels: string[] }).levels = ["galaxy"];
    e2!.sources = [{ document: "unknown_doc", section: "Somewhere" }];
    e3!.sources = [];
    const problems = checkInstrument(c.input);
    expectProblem(problems, `register ${e0!.key}: unknown component "nowhere"`);
    expectProblem(problems, `register ${e1!.key}: unknown level "galaxy"`);
    expectProblem(problems, `register ${e2!.key}: source names unknown document "unknown_doc"`);
    expectProblem(problems, `register ${e3!.key}: needs at least one source`);
  });

  it("rejects a component with too few items or items at only one level", () => {
    const c = copy();
    const page = c.professional.pages.find((p) => p.name === "vision")!;
    const short = page.elements.find((q) => q.shortForm === true)!;
    page.elements = [short, ...page.elements.filter((q) => q !== short).slice(0, 2)];
    expectProblem(checkInstrument(c.input), "component vision has 3 items (at least 4 needed)");

    const c2 = copy();
    for (const q of scored(c2.professional)) if (q.component === "roles") q.level = "team";
    expectProblem(checkInstrument(c2.input), "component roles has items at 1 level(s)");
  });

  it("rejects a level with no items", () => {
    const c = copy();
    for (const q of scored(c.professional)) if (q.level === "national") q.level = "local_authority";
    expectProblem(checkInstrument(c.input), "no items at level national");
  });

  it("rejects a component with no short-form item, or two", () => {
    const c = copy();
    for (const q of scored(c.professional)) if (q.component === "culture") delete q.shortForm;
    expectProblem(checkInstrument(c.input), "component culture has 0 short-form items");

    const c2 = copy();
    for (const q of scored(c2.professional)) if (q.component === "vision") q.shortForm = true;
    expectProblem(checkInstrument(c2.input), "component vision has");
  });

  it("rejects choices that do not fit the item's polarity", () => {
    const c = copy();
    const barrier = scored(c.professional).find((q) => q.polarity === "barrier")!;
    barrier.polarity = "facilitator";
    expectProblem(checkInstrument(c.input), `${barrier.name}: choices must have values`);
  });

  it("rejects pages out of order and a missing family respondent group", () => {
    const c = copy();
    c.professional.pages.reverse();
    c.family.pages[0]!.elements = [];
    const problems = checkInstrument(c.input);
    expectProblem(problems, "professional: pages must be one per component in framework order");
    expectProblem(problems, 'family: first page must ask "respondent_group"');
  });

  it("rejects input that is not a questionnaire at all, without throwing", () => {
    const problems = checkInstrument({ register: null, professional: { title: "x" }, family: 42 });
    expectProblem(problems, "register: expected");
    expectProblem(problems, "professional: not a SurveyJS questionnaire");
    expectProblem(problems, "family: not a SurveyJS questionnaire");
  });
});

describe("the questionnaires in SurveyJS", () => {
  registerSurveyProperties();
  registerSurveyProperties(); // idempotent

  it.each([
    ["professional", professional],
    ["family", family],
    ["deep-dive", deepDive],
  ] as const)("%s loads in survey-core with every question and its tags", (_label, json) => {
    const model = new Model(json);
    const questions = model.getAllQuestions();
    expect(questions.length).toBe(allQuestions(json).length);
    const items = readScoredItems(json);
    const tagged = questions.filter((q) => q.getPropertyValue("component") !== undefined);
    expect(tagged.length).toBe(items.length);
    for (const item of items) {
      const q = model.getQuestionByName(item.key);
      expect(q, item.key).toBeTruthy();
      expect(q.getPropertyValue("component")).toBe(item.component);
      expect(q.getPropertyValue("level")).toBe(item.level);
      expect(q.getPropertyValue("polarity")).toBe(item.polarity);
      // SurveyJS keeps string[] properties as its own observable array: compare the plain values.
      expect(Array.from(q.getPropertyValue("evidence") as string[])).toEqual(item.evidence);
      expect(q.getPropertyValue("shortForm") === true).toBe(item.shortForm);
    }
  });

  it("keeps the tags through a SurveyJS round trip (toJSON)", () => {
    const model = new Model(professional);
    const back = model.toJSON() as SurveyJson;
    expect(readScoredItems(back)).toEqual(readScoredItems(professional));
  });
});
