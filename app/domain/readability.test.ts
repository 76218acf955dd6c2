/**
 * Family-voice items must be readable by a 12-year-old and by a stressed parent (issue 15):
 * each item's Flesch-Kincaid reading age at most FAMILY_MAX_READING_AGE, and none of the
 * professional words the family questionnaire should avoid.
 */
import { describe, expect, it } from "vitest";
import familyJson from "../../surveys/family.json";
import { readScoredItems, type SurveyJson } from "./instrument";
import { FAMILY_AVOIDED_WORDS, FAMILY_MAX_READING_AGE, readingAge } from "./readability";

const items = readScoredItems(familyJson as unknown as SurveyJson);

describe("family-voice items", () => {
  it.each(items.map((i) => [i.key, i.title] as const))("%s has a reading age of 11 or below", (_key, title) => {
    expect(readingAge(title)).toBeLessThanOrEqual(FAMILY_MAX_READING_AGE);
  });

  it("avoid professional words such as 'adult services' and 'partnership'", () => {
    for (const item of items) {
      for (const word of FAMILY_AVOIDED_WORDS) expect(item.title.toLowerCase(), item.key).not.toContain(word);
    }
  });
});

describe("readingAge", () => {
  it("rates a short plain sentence younger than a long technical one", () => {
    const plain = readingAge("The people helping you listened to you.");
    const technical = readingAge(
      "Your private information was only shared with practitioners in partner organisations who needed to know it for safeguarding purposes.",
    );
    expect(plain).toBeLessThanOrEqual(FAMILY_MAX_READING_AGE);
    expect(technical).toBeGreaterThan(FAMILY_MAX_READING_AGE);
  });
});
