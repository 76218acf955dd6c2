/**
 * Plausible answers for demo and benchmark data: a seeded random generator walks a built
 * questionnaire and answers every question, with each component leaning a fixed way so that
 * the demo's results show strengths, borderlines and concerns. Never used for real data.
 */
import { AGENCY_TYPE_KEYS, COMPONENT_KEYS, LEVEL_KEYS, type ComponentKey } from "./framework";
import { allQuestions, DONT_KNOW, QUESTION, type SurveyJson } from "./instrument";

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How well each component is going in the demo area, 0 (badly) to 1 (very well). */
const DEMO_LEAN: Record<ComponentKey, number> = {
  vision: 0.8,
  leadership: 0.7,
  governance: 0.65,
  resources: 0.25,
  information: 0.3,
  evaluation: 0.45,
  roles: 0.6,
  relationships: 0.75,
  joint_working: 0.55,
  workforce: 0.35,
  culture: 0.5,
  holistic: 0.6,
  participation: 0.3,
};

export function demoAnswers(
  survey: SurveyJson,
  random: () => number,
  options: {
    agencies?: { id: string }[];
    lean?: Partial<Record<ComponentKey, number>>;
    dontKnowRate?: number;
    /** Moves every continuum marker answer towards "yes" (positive) or "no" (negative): an area further along or behind. */
    continuumShift?: number;
    /** The stages respondents pick as their target (one at random each); 3 or 4 by default. */
    targetStages?: readonly number[];
  } = {},
): Record<string, string | number> {
  const lean = { ...DEMO_LEAN, ...options.lean };
  const dk = options.dontKnowRate ?? 0.05;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const answers: Record<string, string | number> = {};
  const myAgency = options.agencies?.length ? pick(options.agencies).id : null;
  // A respondent's own view drifts from the area's as a whole.
  const mood = (random() - 0.5) * 0.4;
  for (const q of allQuestions(survey)) {
    const name = q.name;
    if (name === QUESTION.respondentLevel) answers[name] = pick(LEVEL_KEYS);
    else if (name === QUESTION.respondentAgencyType) answers[name] = pick(AGENCY_TYPE_KEYS);
    else if (name === QUESTION.respondentAgency) answers[name] = myAgency ?? "none";
    else if (name === QUESTION.familyGroup) answers[name] = random() < 0.4 ? "young_person" : "parent_carer";
    else if (typeof q.component === "string" && COMPONENT_KEYS.includes(q.component as ComponentKey)) {
      if (random() < dk) {
        answers[name] = DONT_KNOW;
        continue;
      }
      const p = Math.min(1, Math.max(0, lean[q.component as ComponentKey] + mood + (random() - 0.5) * 0.5));
      answers[name] = q.polarity === "barrier" ? 4 - Math.round(p * 3) : 1 + Math.round(p * 4);
    } else if (typeof q.stage === "number") {
      const p = 1.15 - q.stage * 0.22 + (options.continuumShift ?? 0) + mood + (random() - 0.5) * 0.3;
      answers[name] = random() < dk ? DONT_KNOW : p > 0.66 ? "yes" : p > 0.33 ? "partly" : "no";
    } else if (name === QUESTION.targetStage)
      answers[name] = options.targetStages ? pick(options.targetStages) : random() < 0.7 ? 4 : 3;
    else if (name === QUESTION.selfChosenStage) answers[name] = pick([2, 3, 3, 4]);
    else if (name.startsWith("partner_now__")) {
      if (myAgency && name !== `partner_now__${myAgency}`) answers[name] = pick([1, 2, 2, 3, 3, 4]);
    } else if (name.startsWith("partner_wanted__")) {
      if (myAgency && name !== `partner_wanted__${myAgency}`) answers[name] = pick([3, 4, 4, 5]);
    }
  }
  return answers;
}
