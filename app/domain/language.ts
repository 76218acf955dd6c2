/**
 * The languages the product speaks. English is the default and the language of every stored
 * key; Welsh ("cy") is offered to every user (Welsh Language Standards). Answers are stored the
 * same way in either language, so one round mixes both.
 */
export const LANGUAGES = ["en", "cy"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "en";

/** Each language's name in its own language, for the switcher. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: "English", cy: "Cymraeg" };

export const isLang = (value: unknown): value is Lang => LANGUAGES.includes(value as Lang);
