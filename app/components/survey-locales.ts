/**
 * survey-core's interface strings in our languages: the one place the runner gets them from.
 *
 * survey-core 3.0.0 ships a Welsh localisation (`survey-core/i18n/welsh`, locale "cy"); importing
 * it registers it. Our questionnaires set their own Next / Previous / Submit texts and most
 * error messages in the JSON (questionnaire.ts, surveys/), so few of its strings are ever shown:
 * the required-answer message ("Atebwch y cwestiwn.") and the text-length message. The shipped
 * text-length message says "fewer than {0}" where the rule is "no more than {0}", so it is
 * corrected here; anything else we ever need to change goes here too.
 */
import { surveyLocalization } from "survey-core";
import "survey-core/i18n/welsh";
import type { Lang } from "../domain/language";

const CORRECTIONS: Partial<Record<Lang, Record<string, string>>> = {
  cy: {
    // "Please enter no more than {0} character(s)."
    textMaxLength: "Rhowch ddim mwy na {0} nod.",
    // "Response required."
    requiredError: "Atebwch y cwestiwn.",
  },
};

let done = false;
/** Registers the Welsh strings and our corrections (once; safe to call on every model). */
export function registerSurveyLocales(): void {
  if (done) return;
  done = true;
  for (const [lang, strings] of Object.entries(CORRECTIONS)) {
    const locale = surveyLocalization.locales[lang] as Record<string, string> | undefined;
    if (!locale) throw new Error(`survey-core has no "${lang}" locale registered`);
    Object.assign(locale, strings);
  }
}

/** The SurveyJS locale for a language: "" is survey-core's default (English). */
export const surveyLocale = (lang: Lang): string => (lang === "en" ? "" : lang);
