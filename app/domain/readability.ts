/**
 * Reading ease of questionnaire wording, for the family-voice items that children, young people
 * and stressed parents answer. Uses the Flesch-Kincaid grade level (`flesch-kincaid`) with
 * syllables counted by `syllable`, both from the `words` collection of well-kept packages.
 *
 * A UK reading age is the US grade plus 5 (grade 6 is read by a typical 11-year-old).
 */
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";

/** The target for family-voice items: readable by an 11-year-old. */
export const FAMILY_MAX_READING_AGE = 11;

/** Words and phrases that a child or a stressed parent should not meet in a family item. */
export const FAMILY_AVOIDED_WORDS = [
  "adult services",
  "partnership",
  "agency",
  "agencies",
  "multi-agency",
  "integrated",
  "needed to know",
  "private information",
] as const;

/**
 * The Flesch-Kincaid reading age of a text (grade + 5), never below 5.
 *
 * @example
 * readingAge("The people helping you listened to you."); // about 7
 */
export function readingAge(text: string): number {
  const sentences = Math.max(1, text.split(/[.!?]+(?:\s|$)/).filter((s) => s.trim()).length);
  const words = text.match(/[A-Za-z0-9'’-]+/g) ?? [];
  if (words.length === 0) return 5;
  const syllables = words.reduce((n, w) => n + Math.max(1, syllable(w)), 0);
  return Math.max(5, fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables }) + 5);
}
