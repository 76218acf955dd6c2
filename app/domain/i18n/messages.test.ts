import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../language";
import { MESSAGE_FILES, NAMESPACES, translator } from "./index";

/**
 * Every message has a value in every language, with the same placeholders and no empty strings.
 * Plural keys (`_one`, `_other`...) are compared by their base, and each language must give every
 * plural form its `Intl.PluralRules` uses.
 */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, "");
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe("message files", () => {
  for (const ns of NAMESPACES) {
    const english = MESSAGE_FILES.en[ns].messages;
    const englishBases = new Set(Object.keys(english).map(base));
    for (const lang of LANGUAGES) {
      const messages = MESSAGE_FILES[lang][ns].messages;
      it(`${lang}/${ns}: every English key has a value, and no other keys`, () => {
        const bases = new Set(Object.keys(messages).map(base));
        expect([...englishBases].filter((k) => !bases.has(k))).toEqual([]);
        expect([...bases].filter((k) => !englishBases.has(k))).toEqual([]);
      });
      it(`${lang}/${ns}: no empty strings`, () => {
        expect(Object.entries(messages).filter(([, v]) => v.trim() === "")).toEqual([]);
      });
      it(`${lang}/${ns}: placeholders match English`, () => {
        const wrong = Object.entries(messages).filter(([key, value]) => {
          const source = english[key] ?? english[`${base(key)}_other`];
          return source === undefined || placeholders(value).join() !== placeholders(source).join();
        });
        expect(wrong).toEqual([]);
      });
      it(`${lang}/${ns}: every plural form the language uses`, () => {
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        const plurals = new Set(
          Object.keys(english)
            .filter((k) => PLURAL.test(k))
            .map(base),
        );
        const missing = [...plurals].flatMap((b) =>
          categories.filter((c) => messages[`${b}_${c}`] === undefined).map((c) => `${b}_${c}`),
        );
        expect(missing).toEqual([]);
      });
    }
  }

  it("translates, interpolates and falls back to English for nothing (every key is there)", () => {
    expect(translator("cy", "respondent")("runner.section", { n: 3, total: 17 })).toBe("Adran 3 o 17");
    expect(translator("en", "respondent")("runner.section", { n: 3, total: 17 })).toBe("Section 3 of 17");
  });
});
