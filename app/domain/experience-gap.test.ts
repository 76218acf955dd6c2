import { describe, expect, it } from "vitest";
import { experienceGap } from "./experience-gap";
import {
  componentResult,
  familyResults,
  hidden,
  professionalResults,
  scoreFigure,
} from "../../tests/support/report-builders";

describe("experienceGap", () => {
  const professional = professionalResults([
    componentResult("holistic", scoreFigure(70, 12, 40)),
    componentResult("participation", scoreFigure(62, 12, 40)),
    componentResult("information", scoreFigure(55, 12, 40)),
  ]);

  it("puts families' scores beside professionals' for the components both measure, with the difference", () => {
    const rows = experienceGap(
      professional,
      familyResults({ participation: scoreFigure(60, 15, 20), holistic: scoreFigure(48, 15, 20) }),
    );
    expect(rows.map((r) => r.component)).toEqual(["holistic", "participation"]); // the framework's order
    expect(rows[0]).toMatchObject({ difference: -22, verdict: "families_lower" });
    expect(rows[0]!.interval!.high).toBeLessThan(0);
    expect(rows[1]).toMatchObject({ difference: -2, verdict: "no_clear_difference" });
  });

  it("computes no difference from a hidden figure", () => {
    const rows = experienceGap(professional, familyResults({ information: hidden }));
    expect(rows).toEqual([
      expect.objectContaining({ component: "information", family: hidden, difference: null, verdict: null }),
    ]);
  });

  it("is empty without both questionnaires' results", () => {
    expect(experienceGap(professional, null)).toEqual([]);
  });
});
