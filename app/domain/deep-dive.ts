/**
 * Deep-dive modules: optional pages of `surveys/deep-dive.json`, one per component, that a lead
 * adds to a round. Their items never enter component scores (those come from the core items
 * only, so rounds stay comparable); each is reported on its own, beside its component, through
 * the same suppression gate as every other figure.
 */
import type { ComponentKey } from "./framework";
import type { ScoredItem, SurveyJson } from "./instrument";
import { deepDivePages } from "./deep-dive-modules";
import { readScoredItems } from "./instrument";
import { itemScore } from "./scoring";
import { guardFigure, resolveThreshold, type Figure } from "./suppression";

export { deepDiveModules, deepDivePages } from "./deep-dive-modules";

/** One deep-dive module's items as the report shows them. */
export interface DeepDiveReport {
  component: ComponentKey;
  name: string;
  items: DeepDiveItemResult[];
}

export interface DeepDiveItemResult {
  key: string;
  title: string;
  polarity: ScoredItem["polarity"];
  /** Mean item score (0-100, higher is better for both polarities) over the n who answered. */
  figure: Figure<{ n: number; score: number }>;
}

/**
 * Item-by-item results of the deep-dive modules a round asked, per component. An item answered
 * by fewer respondents than the threshold is suppressed; "don't know" answers do not count.
 *
 * @example
 * scoreDeepDive({ deepDive, modules: ["information"], threshold: 5,
 *   answers: [{ information__deep_x: 4 }, ...] });
 * // { information: [{ key: "information__deep_x", figure: { status: "ok", n: 6, score: 75 } }] }
 */
export function scoreDeepDive(input: {
  deepDive: SurveyJson;
  modules: readonly string[];
  /** Professional respondents' raw answers (full or short form). */
  answers: Record<string, unknown>[];
  threshold: number;
}): Partial<Record<ComponentKey, DeepDiveItemResult[]>> {
  const threshold = resolveThreshold(input.threshold);
  const out: Partial<Record<ComponentKey, DeepDiveItemResult[]>> = {};
  const items = readScoredItems({ pages: deepDivePages(input.deepDive, input.modules) });
  for (const item of items) {
    const scores = input.answers
      .map((a) => itemScore(a[item.key], item.polarity))
      .filter((s): s is number => s !== null);
    const figure = guardFigure(scores.length, threshold, () => ({
      n: scores.length,
      score: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10,
    }));
    (out[item.component] ??= []).push({ key: item.key, title: item.title, polarity: item.polarity, figure });
  }
  return out;
}
