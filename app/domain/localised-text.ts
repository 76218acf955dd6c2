/**
 * Questionnaire text in several languages, in SurveyJS's own localisation format: a string
 * property is either plain English or an object `{ "default": "<English>", "cy": "<Welsh>" }`
 * (survey-core picks the entry for the model's `locale`, "default" otherwise). The English is
 * the "default" entry, so the evidence check, the codebook and the stored item catalogue read
 * the same English as before; answers (choice values) never change with the language.
 */
import type { Lang } from "./language";

/** A SurveyJS string property: plain text, or one text per locale with "default" the English. */
export type LocalisableText = string | ({ default: string } & Partial<Record<Exclude<Lang, "en">, string>>);

/** The SurveyJS properties that hold text a respondent reads (and so are translated). */
export const LOCALISABLE_PROPERTIES = [
  "title",
  "description",
  "text",
  "html",
  "placeholder",
  "requiredErrorText",
  "otherText",
  "noneText",
  "commentText",
  "minRateDescription",
  "maxRateDescription",
  "completedHtml",
  "completeText",
  "previewText",
  "editText",
  "pageNextText",
  "pagePrevText",
] as const;

const isLocalised = (value: unknown): value is { default: string } & Record<string, unknown> =>
  typeof value === "object" && value !== null && typeof (value as { default?: unknown }).default === "string";

/**
 * A localisable value's text in a language: the language's entry, else the English ("default").
 * Plain strings are English and come back as they are; anything else (a missing title) is
 * `undefined`.
 *
 * @example
 * localText({ default: "About you", cy: "Amdanoch chi" }, "cy"); // "Amdanoch chi"
 * localText({ default: "About you", cy: "Amdanoch chi" });       // "About you"
 * localText("About you", "cy");                                  // "About you"
 */
export function localText(value: unknown, lang: Lang = "en"): string | undefined {
  if (typeof value === "string") return value;
  if (!isLocalised(value)) return undefined;
  if (lang !== "en") {
    const own = value[lang];
    if (typeof own === "string" && own.trim()) return own;
  }
  return value.default;
}

/** A localisable value with a translation added (or replaced) for one language. */
export function withTranslation(value: LocalisableText, lang: Exclude<Lang, "en">, text: string): LocalisableText {
  return { ...(typeof value === "string" ? { default: value } : value), [lang]: text };
}

/** One localisable string of a questionnaire, with where it is (for messages and tests). */
export interface LocalisableString {
  path: string;
  property: string;
  value: LocalisableText;
}

/**
 * Every localisable string of a piece of SurveyJS JSON (a whole survey, a page, a question),
 * in document order. Values of other properties (names, values, expressions, our tags) are
 * not text a respondent reads and are skipped.
 */
export function localisableStrings(json: unknown, path = ""): LocalisableString[] {
  const out: LocalisableString[] = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${at}[${i}]`));
      return;
    }
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const here = at ? `${at}.${key}` : key;
      if (
        (LOCALISABLE_PROPERTIES as readonly string[]).includes(key) &&
        (typeof value === "string" || isLocalised(value))
      ) {
        out.push({ path: here, property: key, value: value as LocalisableText });
      } else walk(value, here);
    }
  };
  walk(json, path);
  return out;
}

/**
 * A copy of SurveyJS JSON with every localisable string resolved to one language (plain
 * strings), for code that shows one language outside SurveyJS (the paper questionnaire, the
 * first section drawn before SurveyJS loads).
 */
export function inLanguage<T>(json: T, lang: Lang): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== "object" || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) =>
        (LOCALISABLE_PROPERTIES as readonly string[]).includes(key) && isLocalised(value)
          ? [key, localText(value, lang)]
          : [key, walk(value)],
      ),
    );
  };
  return walk(json) as T;
}
