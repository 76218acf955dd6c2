import { describe, expect, it } from "vitest";
import { keyMessages, type KeyMessage } from "./key-messages";
import { compareComponents } from "./round-comparison";
import { scoreRound } from "./scoring";
import { welchInterval } from "./statistics";
import { makeRound } from "../../tests/support/test-builders";
import {
  componentResult,
  familyResults,
  hidden,
  professionalResults,
  roundResult,
  scoreFigure,
} from "../../tests/support/report-builders";

const byKind = (messages: KeyMessage[], kind: KeyMessage["kind"]) => messages.find((m) => m.kind === kind);

describe("keyMessages", () => {
  it("names the highest and lowest components with their bands, and says so when even they may not differ", () => {
    const clear = roundResult(
      professionalResults([
        componentResult("vision", scoreFigure(82.4, 12, 40)),
        componentResult("information", scoreFigure(38.5, 14, 40)),
      ]),
    );
    const m = byKind(keyMessages({ result: clear }), "highest_lowest")!;
    expect(m.text).toBe(
      "Shared vision, values and goals scores highest (82.4, strength) and information sharing and data systems lowest (38.5, concern).",
    );
    expect(m.figure).toBe("component-scores");
    // In Welsh: the same figures, the framework's Welsh names (the glossary) and no English words.
    const cy = byKind(keyMessages({ result: clear, lang: "cy" }), "highest_lowest")!;
    expect(cy.text).toContain("(82.4, cryfder)");
    expect(cy.text).toContain("(38.5, pryder)");
    expect(cy.text).not.toMatch(/scores|highest|lowest/);
    expect(cy.claims).toEqual(m.claims);
    expect(m.claims).toEqual(["vision", "information"]);

    // Five people each, 64 against 56 with SD 20: Welch's interval is about -21 to 37.
    const close = roundResult(
      professionalResults(
        [...Array(13).keys()].map((i) =>
          componentResult(
            (
              [
                "vision",
                "leadership",
                "governance",
                "resources",
                "information",
                "evaluation",
                "roles",
                "relationships",
                "joint_working",
                "workforce",
                "culture",
                "holistic",
                "participation",
              ] as const
            )[i]!,
            scoreFigure(56 + (i % 3 === 0 ? (i === 0 ? 8 : 4) : 2), 20, 5),
          ),
        ),
      ),
    );
    const uncertain = byKind(keyMessages({ result: close }), "highest_lowest")!;
    expect(uncertain.text).toContain("may not really differ");
    expect(uncertain.claims).toEqual([]);
  });

  it("counts components by band among those shown, and never names a hidden one", () => {
    const result = roundResult(
      professionalResults([
        componentResult("vision", hidden),
        componentResult("leadership", scoreFigure(80)),
        componentResult("governance", scoreFigure(30)),
      ]),
    );
    const messages = keyMessages({ result });
    expect(byKind(messages, "bands")!.text).toBe(
      "Of the 12 components that can be shown, 1 is a strength, 10 are borderline and 1 is a concern.",
    );
    for (const m of messages) expect(m.text.toLowerCase()).not.toContain("shared vision");
  });

  it("claims a gap between kinds of agency only when its widened interval excludes 0", () => {
    const clear = roundResult(
      professionalResults([
        componentResult("information", scoreFigure(55), {
          byAgencyType: { health: scoreFigure(41.2, 12, 20), social_work: scoreFigure(70.5, 12, 20), police: hidden },
        }),
      ]),
    );
    const m = byKind(keyMessages({ result: clear }), "agency_gap")!;
    expect(m.text).toBe(
      "Health staff rate information sharing and data systems 29.3 points lower than social work staff do: the largest clear difference between kinds of agency.",
    );
    expect(m.claims).toEqual(["information"]);
    expect(m.figure).toBe("agency-heatmap");

    // 6 points apart with 6 people each and SD 15: not a difference the figures support.
    const unclear = roundResult(
      professionalResults([
        componentResult("information", scoreFigure(55), {
          byAgencyType: { health: scoreFigure(52, 15, 6), education: scoreFigure(58, 15, 6) },
        }),
      ]),
    );
    const u = byKind(keyMessages({ result: unclear }), "agency_gap")!;
    expect(u.text).toBe(
      "No difference between kinds of agency is clear: the largest, 6.0 points on information sharing and data systems between education staff and health staff, is uncertain.",
    );
    expect(u.claims).toEqual([]);
  });

  it("says where families rate things lower than professionals, and only where the difference is clear", () => {
    const professional = professionalResults([
      componentResult("holistic", scoreFigure(70, 12, 40)),
      componentResult("participation", scoreFigure(62, 12, 40)),
    ]);
    const family = familyResults({
      holistic: scoreFigure(48, 15, 20),
      participation: scoreFigure(59, 15, 20),
      information: hidden,
    });
    const m = byKind(keyMessages({ result: roundResult(professional, family) }), "families")!;
    expect(m.text).toBe(
      "Families rate holistic, child- and family-centred support lower than professionals do (by 22.0 points).",
    );
    expect(m.claims).toEqual(["holistic"]);
    expect(m.figure).toBe("experience-gap");

    const same = familyResults({ holistic: scoreFigure(66, 15, 12), participation: scoreFigure(60, 15, 12) });
    const none = byKind(keyMessages({ result: roundResult(professional, same) }), "families")!;
    expect(none.text).toContain("do not differ clearly");
    expect(none.claims).toEqual([]);
  });

  it("reports only clear changes since the last round, and 'no clear change' otherwise", () => {
    const before = professionalResults([
      componentResult("information", scoreFigure(45, 15, 30)),
      componentResult("resources", scoreFigure(60, 15, 30)),
    ]);
    const after = professionalResults([
      componentResult("information", scoreFigure(58, 15, 30)),
      componentResult("resources", scoreFigure(56, 15, 30)),
    ]);
    const changes = compareComponents(before.components, after.components);
    const m = byKind(
      keyMessages({ result: roundResult(after), comparison: { previousName: "Spring 2025", changes } }),
      "change",
    )!;
    // Information: +13 (interval about 5.3 to 20.7), clear. Resources: -4 (about -11.7 to 3.7), not claimed.
    expect(m.text).toBe(
      "Since the last round (Spring 2025), information sharing and data systems rose (up 13.0 points), clearly; the other 12 comparable components show no clear change.",
    );
    expect(m.claims).toEqual(["information"]);
    expect(m.text).not.toMatch(/funding/i);

    const flat = compareComponents(before.components, before.components);
    const f = byKind(
      keyMessages({ result: roundResult(before), comparison: { previousName: "Spring 2025", changes: flat } }),
      "change",
    )!;
    expect(f.text).toBe(
      "No component changed clearly since the last round (Spring 2025): the differences are within what chance could give.",
    );
  });

  it("on a scored round: five to eight messages, every claim backed by its figures, nothing hidden named", () => {
    const input = makeRound({ respondents: 80, seed: 7, familyShare: 0.2 });
    const result = scoreRound({ ...input, threshold: 5 });
    if (result.status !== "ok" || result.professional.status !== "ok") throw new Error("the round should score");
    const messages = keyMessages({ result });
    expect(messages.length).toBeGreaterThanOrEqual(5);
    expect(messages.length).toBeLessThanOrEqual(8);
    const components = result.professional.components;
    for (const m of messages) {
      for (const key of m.claims) {
        const c = components.find((x) => x.component === key)!;
        expect(c.overall.status).toBe("ok");
      }
      for (const c of components)
        if (c.overall.status !== "ok") expect(m.text.toLowerCase()).not.toContain(c.name.toLowerCase());
      expect(m.text).not.toMatch(/Agency \d/); // member agencies' own names never appear
    }
    const level = byKind(messages, "level_gap")!;
    for (const key of level.claims) {
      const gap = components.find((x) => x.component === key)!.perceptionGap;
      expect(gap.status === "ok" && gap.clear).toBe(true);
    }
    const hl = byKind(messages, "highest_lowest")!;
    const shown = components
      .filter((c) => c.overall.status === "ok")
      .map((c) => c.overall as Extract<typeof c.overall, { status: "ok" }>);
    const hi = shown.reduce((a, b) => (b.score > a.score ? b : a));
    const lo = shown.reduce((a, b) => (b.score < a.score ? b : a));
    expect(hl.text).toContain(`(${hi.score.toFixed(1)}, ${hi.band})`);
    expect(hl.text).toContain(`(${lo.score.toFixed(1)}, ${lo.band})`);
    const w = welchInterval({ n: hi.n, mean: hi.score, sd: hi.sd }, { n: lo.n, mean: lo.score, sd: lo.sd }, 0.95);
    expect(hl.claims.length > 0).toBe(w.low > 0);
  });

  it("has nothing to say about a round without results", () => {
    expect(keyMessages({ result: { status: "suppressed", reason: "Fewer than 5 responses", threshold: 5 } })).toEqual(
      [],
    );
  });
});
