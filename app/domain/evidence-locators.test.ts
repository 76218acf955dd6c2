import { describe, expect, it } from "vitest";
import { checkLocators, sectionText, words, type LocatorRegister } from "./evidence-locators";

// A small seed text written here (the tests never read the real seeds).
const TEXT = [
  "Contents",
  "Barriers\t3",
  "",
  "Barriers",
  "Key barriers include short-term funding — resulting in high staff",
  "turnover, and a culture of blame².",
  "",
  "What factors make collaborative working",
  "successful?",
  "Dedicated time and Celebrate success of multi-agency care team outcomes.",
  "",
  "Summary",
  "Funding matters.",
].join("\n");
const doc = { key: "d", outline: ["Barriers", "What factors make collaborative working successful?", "Summary"] };
const reg = (section: string, locator: string): LocatorRegister => ({
  documents: [doc],
  entries: [{ key: "b_x", sources: [{ document: "d", section, locator }] }],
});

describe("checkLocators", () => {
  it("accepts a verbatim locator in its own section, across line breaks and footnote marks", () => {
    expect(checkLocators(reg("Barriers", "high staff turnover, and a culture of blame"), { d: TEXT })).toEqual([]);
    expect(
      checkLocators(reg("What factors make collaborative working successful?", "Celebrate success"), { d: TEXT }),
    ).toEqual([]);
  });

  it("rejects a locator quoted from another section", () => {
    const problems = checkLocators(reg("Barriers", "Dedicated time"), { d: TEXT });
    expect(problems).toEqual([expect.stringContaining("is in the document but not in this section")]);
  });

  it("rejects a misquote", () => {
    const problems = checkLocators(reg("Barriers", "long-term funding"), { d: TEXT });
    expect(problems).toEqual([expect.stringContaining("is not in the document (misquoted?)")]);
  });

  it("rejects a locator longer than 12 words, a missing locator and an unknown section", () => {
    expect(
      checkLocators(reg("Barriers", "Key barriers include short-term funding resulting in high staff turnover and a"), {
        d: TEXT,
      })[0],
    ).toContain("at most 12");
    expect(checkLocators(reg("Barriers", ""), { d: TEXT })[0]).toContain("no locator");
    expect(checkLocators(reg("Elsewhere", "Funding matters"), { d: TEXT })[0]).toContain(
      "section not in the document's outline",
    );
  });

  it("reports an outline heading missing from the text, and a document without text", () => {
    const broken = { documents: [{ key: "d", outline: ["Barriers", "Conclusions"] }], entries: [] };
    expect(checkLocators(broken, { d: TEXT })).toEqual([expect.stringContaining('heading "Conclusions" not found')]);
    expect(checkLocators(broken, {})).toEqual(["document d: no seed text given"]);
  });

  it("ends a section at the next heading, skipping table-of-contents lines", () => {
    expect(words(sectionText(TEXT, doc.outline, "Summary")!)).toEqual(["funding", "matters"]);
    expect(sectionText(TEXT, doc.outline, "Barriers")).not.toContain("Dedicated");
  });
});
