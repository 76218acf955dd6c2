import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import register from "../../surveys/evidence.json";
import professional from "../../surveys/professional.json";
import deepDive from "../../surveys/deep-dive.json";
import family from "../../surveys/family.json";
import { COUNTS_END, COUNTS_START, instrumentCountsMarkdown, replaceCountsBlock } from "./instrument-counts";
import type { EvidenceRegister } from "./evidence";
import type { SurveyJson } from "./instrument";

const input = {
  register: register as unknown as EvidenceRegister,
  professional: professional as unknown as SurveyJson,
  deepDive: deepDive as unknown as SurveyJson,
  family: family as unknown as SurveyJson,
};

describe("docs/instrument.md", () => {
  it("reports the counts of the committed instrument (run npm run docs:instrument after a change)", () => {
    const doc = readFileSync(new URL("../../docs/instrument.md", import.meta.url), "utf8");
    const block = doc.slice(doc.indexOf(COUNTS_START) + COUNTS_START.length, doc.indexOf(COUNTS_END)).trim();
    expect(block).toBe(instrumentCountsMarkdown(input));
  });

  it("counts change when the register changes", () => {
    const bigger = structuredClone(input.register);
    bigger.entries.push({ ...bigger.entries[0]!, key: "f_extra" });
    const block = instrumentCountsMarkdown({ ...input, register: bigger });
    expect(block).toContain(`Evidence register: ${input.register.entries.length + 1} entries`);
    expect(replaceCountsBlock(`a\n${COUNTS_START}\nold\n${COUNTS_END}\nb`, "new")).toBe(
      `a\n${COUNTS_START}\nnew\n${COUNTS_END}\nb`,
    );
  });
});
