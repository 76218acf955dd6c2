/**
 * Which deep-dive modules exist and which pages a round asks: kept apart from the scoring of
 * deep-dive items so that the round form can use it in the browser without the scoring module.
 */
import { COMPONENT_KEYS, type ComponentKey } from "./framework";
import type { SurveyJson } from "./instrument";

/** The components that have a deep-dive module, in framework order. */
export function deepDiveModules(deepDive: SurveyJson): ComponentKey[] {
  const names = new Set(deepDive.pages.map((p) => p.name));
  return COMPONENT_KEYS.filter((k) => names.has(k));
}

/** The deep-dive pages a round asks, in framework order (unknown keys are ignored). */
export function deepDivePages(deepDive: SurveyJson, modules: readonly string[]): SurveyJson["pages"] {
  const wanted = new Set(modules);
  return COMPONENT_KEYS.flatMap((k) => deepDive.pages.filter((p) => p.name === k && wanted.has(k)));
}
