/**
 * Integrity checks for the questionnaires and the evidence register, as one pure function.
 *
 * `checkInstrument` returns a list of problems (empty when all is well), one plain sentence
 * each, so a test can assert "no problems" for the committed files and "this problem found"
 * for deliberately broken copies. It never throws on bad input: a broken file should be
 * reported, not crash the check.
 *
 * What it checks (see docs/instrument.md):
 * - register: document keys unique with titles; entry keys unique, `f_`/`b_` + snake_case,
 *   prefix agreeing with polarity; valid component, levels and polarity; at least one source,
 *   each naming a known document and a section; a statement; an action, when given, as text.
 * - items (professional and family): names unique across both, `<component>__<slug>`; valid
 *   component, level and polarity; a radiogroup whose choice values fit the polarity's scale
 *   plus "dont_know"; at least one evidence key, every key in the register.
 * - asking: every entry lists `cues`, words one of which any item citing it must use (so an
 *   item citing an entry it does not ask fails); an item's `indirect` keys (asked only as part
 *   of a wider question) are among its `evidence`.
 * - coverage: every register entry is asked directly (cited and not `indirect`) by at least one
 *   item of the professional, deep-dive or family questionnaire.
 * - deep-dive modules: one page per component at most, named by its key, in framework order,
 *   holding only that component's items; no short-form items.
 * - continuum markers cite register keys (a stage `s_...` or an entry) in `evidence`.
 * - professional questionnaire: one page per component in framework order, titled with the
 *   component's name, holding only that component's items; at least `minItemsPerComponent`
 *   items and two levels per component; every level has items; exactly one short-form item per
 *   component, worded as a facilitator; ends with the optional "comments" question.
 * - family questionnaire: starts with the "about_you" page and its required
 *   `respondent_group` question; no short-form items; ends with "family_comments".
 */
import { COMPONENTS, COMPONENT_KEYS, LEVEL_KEYS, isComponentKey, isLevelKey, isPolarity } from "./framework";
import { localText } from "./localised-text";
import {
  DONT_KNOW,
  FAMILY_GROUPS,
  QUESTION,
  SCALE_MAX,
  allQuestions,
  type SurveyElementJson,
  type SurveyJson,
} from "./instrument";

export interface InstrumentInput {
  /** surveys/evidence.json */
  register: unknown;
  /** surveys/professional.json */
  professional: unknown;
  /** surveys/family.json (optional: checked when given) */
  family?: unknown;
  /** surveys/deep-dive.json (optional: checked when given) */
  deepDive?: unknown;
  /** surveys/continuum.json (optional: checked when given) */
  continuum?: unknown;
}

export interface CheckOptions {
  /** Minimum professional items per component (default 4). */
  minItemsPerComponent?: number;
  /** Minimum distinct levels among a component's professional items (default 2). */
  minLevelsPerComponent?: number;
}

export const ENTRY_KEY_PATTERN = /^[fb]_[a-z0-9]+(?:_[a-z0-9]+)*$/;
export const ITEM_NAME_PATTERN = /^([a-z]+(?:_[a-z]+)*)__[a-z0-9]+(?:_[a-z0-9]+)*$/;
export const FAMILY_COMMENTS = "family_comments";
export const FAMILY_ABOUT_PAGE = "about_you";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;

function surveyOrProblem(json: unknown, label: string, problems: string[]): SurveyJson | null {
  if (!isObject(json) || !Array.isArray(json.pages)) {
    problems.push(`${label}: not a SurveyJS questionnaire (no "pages" list)`);
    return null;
  }
  for (const [i, page] of (json.pages as unknown[]).entries()) {
    if (!isObject(page) || !Array.isArray(page.elements)) {
      problems.push(`${label}: page ${i + 1} has no "elements" list`);
      return null;
    }
  }
  return json as unknown as SurveyJson;
}

/** The expected choice values of a scaled item: 1..max, then "dont_know". */
function expectedValues(polarity: "facilitator" | "barrier"): (number | string)[] {
  return [...Array.from({ length: SCALE_MAX[polarity] }, (_, i) => i + 1), DONT_KNOW];
}

function choiceValues(q: SurveyElementJson): unknown[] | null {
  if (!Array.isArray(q.choices)) return null;
  return (q.choices as unknown[]).map((c) => (isObject(c) ? c.value : c));
}

export function checkInstrument(input: InstrumentInput, options: CheckOptions = {}): string[] {
  const minItems = options.minItemsPerComponent ?? 4;
  const minLevels = options.minLevelsPerComponent ?? 2;
  const problems: string[] = [];

  // ---------------------------------------------------------------- register
  const entryKeys = new Set<string>();
  const cues = new Map<string, string[]>();
  const reg = input.register;
  if (!isObject(reg) || !Array.isArray(reg.documents) || !Array.isArray(reg.entries)) {
    problems.push('register: expected { "documents": [...], "entries": [...] }');
  } else {
    const docKeys = new Set<string>();
    for (const [i, doc] of (reg.documents as unknown[]).entries()) {
      if (!isObject(doc) || !isText(doc.key)) {
        problems.push(`register: document ${i + 1} has no key`);
        continue;
      }
      if (docKeys.has(doc.key)) problems.push(`register: duplicate document key "${doc.key}"`);
      docKeys.add(doc.key);
      if (!isText(doc.title)) problems.push(`register: document "${doc.key}" has no title`);
    }
    for (const [i, entry] of (reg.entries as unknown[]).entries()) {
      if (!isObject(entry) || !isText(entry.key)) {
        problems.push(`register: entry ${i + 1} has no key`);
        continue;
      }
      const key = entry.key;
      if (entryKeys.has(key)) problems.push(`register: duplicate entry key "${key}"`);
      entryKeys.add(key);
      if (!ENTRY_KEY_PATTERN.test(key)) problems.push(`register ${key}: key must be f_ or b_ followed by snake_case`);
      if (!isPolarity(entry.polarity)) {
        problems.push(`register ${key}: unknown polarity "${String(entry.polarity)}"`);
      } else if ((entry.polarity === "facilitator") !== key.startsWith("f_")) {
        problems.push(`register ${key}: prefix does not match polarity "${entry.polarity}"`);
      }
      if (!isComponentKey(entry.component))
        problems.push(`register ${key}: unknown component "${String(entry.component)}"`);
      if (!Array.isArray(entry.levels) || entry.levels.length === 0) {
        problems.push(`register ${key}: needs at least one level`);
      } else {
        for (const l of entry.levels)
          if (!isLevelKey(l)) problems.push(`register ${key}: unknown level "${String(l)}"`);
        if (new Set(entry.levels).size !== entry.levels.length)
          problems.push(`register ${key}: a level is listed twice`);
      }
      if (!isText(entry.statement)) problems.push(`register ${key}: no statement`);
      if (
        !Array.isArray(entry.cues) ||
        entry.cues.length === 0 ||
        !entry.cues.every((c) => isText(c) && c === c.toLowerCase())
      ) {
        problems.push(`register ${key}: needs "cues", lower-case words an item asking it must use`);
      } else {
        cues.set(key, entry.cues as string[]);
      }
      if (entry.action !== undefined && !isText(entry.action)) problems.push(`register ${key}: action must be text`);
      if (!Array.isArray(entry.sources) || entry.sources.length === 0) {
        problems.push(`register ${key}: needs at least one source`);
      } else {
        for (const s of entry.sources as unknown[]) {
          if (!isObject(s) || !isText(s.document) || !docKeys.has(s.document)) {
            problems.push(
              `register ${key}: source names unknown document "${isObject(s) ? String(s.document) : String(s)}"`,
            );
          } else if (!isText(s.section)) {
            problems.push(`register ${key}: source in "${s.document}" has no section`);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- items (both questionnaires)
  const cited = new Set<string>();
  const askedDirectly = new Set<string>();
  /** Does the wording use one of the entry's cues (as the start of a word)? */
  const asks = (title: string, key: string) => {
    const words = title
      .toLowerCase()
      .replace(/['’]/g, "")
      .split(/[^a-z0-9-]+/);
    return (cues.get(key) ?? []).some((cue) => {
      const parts = cue.split(" ");
      return words.some((_, i) => parts.every((p, j) => words[i + j]?.startsWith(p)));
    });
  };
  const seenNames = new Set<string>();
  const checkQuestions = (survey: SurveyJson, label: string) => {
    for (const q of allQuestions(survey)) {
      if (!isText(q.name)) {
        problems.push(`${label}: a question has no name`);
        continue;
      }
      if (seenNames.has(q.name)) problems.push(`${label}: duplicate question name "${q.name}"`);
      seenNames.add(q.name);
      if (q.component === undefined) continue; // not a scored item (about-you, comments)
      const name = q.name;
      const match = ITEM_NAME_PATTERN.exec(name);
      if (!match) problems.push(`${label} ${name}: name must be <component>__<snake_case_slug>`);
      else if (match[1] !== q.component)
        problems.push(`${label} ${name}: name does not start with its component "${String(q.component)}"`);
      if (!isComponentKey(q.component)) problems.push(`${label} ${name}: unknown component "${String(q.component)}"`);
      if (!isLevelKey(q.level)) problems.push(`${label} ${name}: unknown level "${String(q.level)}"`);
      if (!isText(localText(q.title))) problems.push(`${label} ${name}: no title`);
      if (q.type !== "radiogroup") problems.push(`${label} ${name}: scored items must be radiogroups, not "${q.type}"`);
      if (!isPolarity(q.polarity)) {
        problems.push(`${label} ${name}: unknown polarity "${String(q.polarity)}"`);
      } else {
        const values = choiceValues(q);
        const expected = expectedValues(q.polarity);
        if (!values || values.length !== expected.length || values.some((v, i) => v !== expected[i])) {
          problems.push(`${label} ${name}: choices must have values ${JSON.stringify(expected)} for a ${q.polarity}`);
        }
      }
      if (q.shortForm !== undefined && typeof q.shortForm !== "boolean")
        problems.push(`${label} ${name}: shortForm must be true or false`);
      const evidence = q.evidence;
      if (!Array.isArray(evidence) || evidence.length === 0) {
        problems.push(`${label} ${name}: cites no evidence`);
      } else {
        for (const k of evidence) {
          if (typeof k !== "string" || !entryKeys.has(k))
            problems.push(`${label} ${name}: cites unknown evidence "${String(k)}"`);
          else {
            cited.add(k);
            if (cues.has(k) && !asks(localText(q.title) ?? "", k)) {
              problems.push(
                `${label} ${name}: cites ${k} but its wording does not ask it (none of: ${cues.get(k)!.join(", ")})`,
              );
            }
          }
        }
        if (new Set(evidence).size !== evidence.length)
          problems.push(`${label} ${name}: cites the same evidence twice`);
        const indirect = q.indirect ?? [];
        if (!Array.isArray(indirect) || indirect.some((k) => !evidence.includes(k))) {
          problems.push(`${label} ${name}: "indirect" must list keys the item cites`);
        }
        for (const k of evidence) if (Array.isArray(indirect) && !indirect.includes(k)) askedDirectly.add(k);
      }
    }
  };

  // ---------------------------------------------------------------- professional structure
  const professional = surveyOrProblem(input.professional, "professional", problems);
  if (professional) {
    checkQuestions(professional, "professional");
    const pageNames = professional.pages.map((p) => p.name);
    if (pageNames.join(",") !== COMPONENT_KEYS.join(",")) {
      problems.push(
        `professional: pages must be one per component in framework order (${COMPONENT_KEYS.join(", ")}); found ${pageNames.join(", ")}`,
      );
    }
    for (const page of professional.pages) {
      const comp = COMPONENTS.find((c) => c.key === page.name);
      if (comp && localText(page.title) !== comp.name)
        problems.push(`professional page ${page.name}: title must be "${comp.name}"`);
      if (!isText(localText(page.description))) problems.push(`professional page ${page.name}: no description`);
      for (const q of allQuestions({ pages: [page] })) {
        if (q.component !== undefined && q.component !== page.name) {
          problems.push(`professional ${q.name}: component "${String(q.component)}" is on page "${page.name}"`);
        }
      }
    }
    const items = allQuestions(professional).filter((q) => q.component !== undefined);
    for (const key of COMPONENT_KEYS) {
      const mine = items.filter((q) => q.component === key);
      if (mine.length < minItems)
        problems.push(`professional: component ${key} has ${mine.length} items (at least ${minItems} needed)`);
      const levels = new Set(mine.map((q) => q.level));
      if (levels.size < minLevels)
        problems.push(
          `professional: component ${key} has items at ${levels.size} level(s) (at least ${minLevels} needed)`,
        );
      const short = mine.filter((q) => q.shortForm === true);
      if (short.length !== 1)
        problems.push(`professional: component ${key} has ${short.length} short-form items (exactly 1 needed)`);
      for (const q of short)
        if (q.polarity !== "facilitator")
          problems.push(`professional ${q.name}: the short-form item must be a facilitator`);
    }
    for (const level of LEVEL_KEYS) {
      if (!items.some((q) => q.level === level)) problems.push(`professional: no items at level ${level}`);
    }
    const all = allQuestions(professional);
    const last = all[all.length - 1];
    if (!last || last.name !== QUESTION.comments || last.type !== "comment") {
      problems.push(`professional: must end with the optional comment question "${QUESTION.comments}"`);
    } else if (last.isRequired === true) {
      problems.push(`professional: "${QUESTION.comments}" must be optional`);
    }
    for (const q of all) {
      if (q.name === QUESTION.respondentLevel || q.name === QUESTION.respondentAgencyType) {
        problems.push(`professional: "${q.name}" is built by the app from framework.ts; do not include it`);
      }
    }
  }

  // ---------------------------------------------------------------- family structure
  if (input.family !== undefined) {
    const family = surveyOrProblem(input.family, "family", problems);
    if (family) {
      checkQuestions(family, "family");
      const first = family.pages[0];
      const group = first ? allQuestions({ pages: [first] }).find((q) => q.name === QUESTION.familyGroup) : undefined;
      if (!first || first.name !== FAMILY_ABOUT_PAGE)
        problems.push(`family: first page must be "${FAMILY_ABOUT_PAGE}"`);
      if (!group) {
        problems.push(`family: first page must ask "${QUESTION.familyGroup}"`);
      } else {
        if (group.type !== "radiogroup" || group.isRequired !== true)
          problems.push(`family: "${QUESTION.familyGroup}" must be a required radiogroup`);
        const values = choiceValues(group) ?? [];
        if (values.join(",") !== FAMILY_GROUPS.join(","))
          problems.push(`family: "${QUESTION.familyGroup}" choices must be ${FAMILY_GROUPS.join(", ")}`);
      }
      const all = allQuestions(family);
      if (all.some((q) => q.shortForm === true))
        problems.push("family: short-form items belong to the professional questionnaire only");
      if (!all.some((q) => q.component !== undefined)) problems.push("family: has no scored items");
      const last = all[all.length - 1];
      if (!last || last.name !== FAMILY_COMMENTS || last.type !== "comment") {
        problems.push(`family: must end with the optional comment question "${FAMILY_COMMENTS}"`);
      } else if (last.isRequired === true) {
        problems.push(`family: "${FAMILY_COMMENTS}" must be optional`);
      }
    }
  }

  // ---------------------------------------------------------------- deep-dive modules
  if (input.deepDive !== undefined) {
    const deep = surveyOrProblem(input.deepDive, "deep-dive", problems);
    if (deep) {
      checkQuestions(deep, "deep-dive");
      const order = deep.pages.map((p) => COMPONENT_KEYS.indexOf(p.name as never));
      if (order.some((i) => i < 0) || order.some((i, n) => n > 0 && i <= order[n - 1]!)) {
        problems.push(
          "deep-dive: pages must be named by component keys, at most one per component, in framework order",
        );
      }
      for (const page of deep.pages) {
        const items = allQuestions({ pages: [page] });
        if (items.length === 0) problems.push(`deep-dive page ${page.name}: no items`);
        for (const q of items) {
          if (q.component !== page.name)
            problems.push(`deep-dive ${q.name}: component "${String(q.component)}" is on page "${page.name}"`);
          if (q.shortForm !== undefined)
            problems.push(`deep-dive ${q.name}: short-form items belong to the core questionnaire`);
        }
      }
    }
  }

  // ---------------------------------------------------------------- continuum markers
  if (input.continuum !== undefined) {
    const continuum = surveyOrProblem(input.continuum, "continuum", problems);
    const stageKeys = new Set(
      isObject(reg) && Array.isArray(reg.stages)
        ? (reg.stages as unknown[]).flatMap((s) => (isObject(s) && isText(s.key) ? [s.key] : []))
        : [],
    );
    for (const q of continuum ? allQuestions(continuum) : []) {
      if (q.stage === undefined) continue;
      if (q.sources !== undefined)
        problems.push(`continuum ${q.name}: cite register keys in "evidence", not source strings in "sources"`);
      const evidence = q.evidence;
      if (!Array.isArray(evidence) || evidence.length === 0) {
        problems.push(`continuum ${q.name}: cites no evidence`);
        continue;
      }
      for (const k of evidence) {
        if (typeof k !== "string" || !(stageKeys.has(k) || entryKeys.has(k)))
          problems.push(`continuum ${q.name}: cites unknown key "${String(k)}"`);
      }
      if (!evidence.some((k) => typeof k === "string" && stageKeys.has(k)))
        problems.push(`continuum ${q.name}: cites no continuum stage`);
    }
  }

  // ---------------------------------------------------------------- coverage
  for (const key of entryKeys) {
    if (!cited.has(key)) problems.push(`register ${key}: not cited by any item`);
    else if (!askedDirectly.has(key)) problems.push(`register ${key}: no item asks it directly`);
  }
  return problems;
}
