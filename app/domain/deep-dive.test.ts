import { describe, expect, it } from "vitest";
import deepDiveJson from "../../surveys/deep-dive.json";
import type { SurveyJson } from "./instrument";
import { deepDiveModules, deepDivePages, scoreDeepDive } from "./deep-dive";

const deepDive = deepDiveJson as unknown as SurveyJson;
const [first, second] = deepDiveModules(deepDive);
const itemOf = (module: string) => deepDive.pages.find((p) => p.name === module)!.elements[0]!;

describe("deep-dive modules", () => {
  it("are pages named by component keys; a round gets only the modules it chose, in framework order", () => {
    expect(deepDiveModules(deepDive).length).toBe(deepDive.pages.length);
    expect(deepDivePages(deepDive, [second!, first!, "not_a_module"]).map((p) => p.name)).toEqual([first, second]);
    expect(deepDivePages(deepDive, [])).toEqual([]);
  });

  it("reports each item on its own, and suppresses an item answered by fewer than the threshold", () => {
    const a = itemOf(first!);
    const b = itemOf(second!);
    const top = a.polarity === "facilitator" ? 5 : 1; // the best answer on either scale
    // 5 people answer item a with the best answer; only 4 answer item b, a fifth says "don't know"
    const answers = [
      ...Array.from({ length: 4 }, () => ({ [a.name]: top, [b.name]: 2 })),
      { [a.name]: top, [b.name]: "dont_know" },
    ];
    const result = scoreDeepDive({ deepDive, modules: [first!, second!], answers, threshold: 5 });
    const ra = result[first as keyof typeof result]!.find((r) => r.key === a.name)!;
    const rb = result[second as keyof typeof result]!.find((r) => r.key === b.name)!;
    expect(ra.figure).toEqual({ status: "ok", n: 5, score: 100 });
    expect(rb.figure).toEqual({ status: "suppressed", reason: "Fewer than 5 respondents" });
  });

  it("does not score modules the round did not ask", () => {
    const result = scoreDeepDive({ deepDive, modules: [first!], answers: [], threshold: 5 });
    expect(Object.keys(result)).toEqual([first]);
  });
});
