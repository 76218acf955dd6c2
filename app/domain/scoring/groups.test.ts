import { describe, expect, it } from "vitest";
import { findDisclosure, type PeopleGroup } from "../suppression";
import { scoreRound, type GroupView, type ResponseInput, type RoundResult, type ScoreRoundInput } from ".";
import { makeItem, makeMarkers, makeResponse } from "../../../tests/support/test-builders";

/**
 * Organisation and team views (docs/scoring.md, "Organisation and team views"): each group's
 * figures, suppressed below the threshold and jointly with the whole report, so that no group
 * hidden here can be worked out from the whole, the breakdowns and the other groups.
 */

const items = [
  makeItem({ key: "vision__a", component: "vision", level: "team", polarity: "facilitator" }),
  makeItem({ key: "vision__b", component: "vision", level: "organisation", polarity: "facilitator" }),
  makeItem({ key: "info__a", component: "information", level: "team", polarity: "facilitator" }),
];
const agencies = [
  { id: "orgA", name: "Health", type: "health" as const },
  { id: "orgB", name: "Social care", type: "social_work" as const },
  { id: "orgC", name: "Schools", type: "education" as const },
];
const teams = [
  { id: "tA1", agencyId: "orgA", name: "Health visiting" },
  { id: "tA2", agencyId: "orgA", name: "School nursing" },
];

let next = 0;
/** `n` staff of one organisation (and team), answering `value` (1..5) to every item. */
function staff(n: number, org: string | null, team: string | null, value: number, more: Partial<ResponseInput> = {}) {
  const type = org === "orgD" ? "health" : (agencies.find((a) => a.id === org)?.type ?? "voluntary");
  return Array.from({ length: n }, () =>
    makeResponse({
      id: `g${++next}`,
      agencyId: org,
      teamId: team,
      agencyType: type,
      respondentLevel: "team",
      answers: { vision__a: value, vision__b: value, info__a: value },
      ...more,
    }),
  );
}

const score = (responses: ResponseInput[], extra: Partial<ScoreRoundInput> = {}) =>
  scoreRound({ responses, items, markers: makeMarkers(), agencies, teams, threshold: 5, ...extra });

function views(result: RoundResult) {
  if (result.status !== "ok" || !result.groups) throw new Error("no group views");
  return result.groups;
}
const find = (list: GroupView[], key: string) => list.find((v) => v.key === key)!;
const count = (v: GroupView) => (v.respondents.status === "ok" ? v.respondents.n : v.respondents.status);
const componentScore = (v: GroupView, c: string) => {
  const f = v.components.find((x) => x.component === c)!.overall;
  return f.status === "ok" ? f.score : f.status;
};

describe("organisation and team views", () => {
  it("scores each organisation and team on its own staff, as the whole round would score them alone", () => {
    // 6 in team A1 at 4, 5 in team A2 at 2, 6 in org B at 5, 5 in org C at 3.
    const responses = [
      ...staff(6, "orgA", "tA1", 4),
      ...staff(5, "orgA", "tA2", 2),
      ...staff(6, "orgB", null, 5),
      ...staff(5, "orgC", null, 3),
    ];
    const g = views(score(responses));
    expect(count(find(g.organisations, "orgA"))).toBe(11);
    expect(count(find(g.teams, "tA1"))).toBe(6);
    // A 1-5 facilitator item scores (v - 1) x 25: 4 -> 75, 2 -> 25.
    expect(componentScore(find(g.teams, "tA1"), "vision")).toBe(75);
    expect(componentScore(find(g.teams, "tA2"), "vision")).toBe(25);
    // Organisation A: (6 x 75 + 5 x 25) / 11 = 52.27 -> 52.3.
    expect(componentScore(find(g.organisations, "orgA"), "vision")).toBe(52.3);
    // The same answers scored alone give the same figure.
    const alone = score(
      responses.filter((r) => r.teamId === "tA1"),
      { agencies: [] },
    );
    if (alone.status !== "ok" || alone.professional.status !== "ok") throw new Error("alone");
    const overall = alone.professional.components.find((c) => c.component === "vision")!.overall;
    expect(overall.status === "ok" && overall.score).toBe(75);
  });

  it("hides a team below the threshold, and the sibling team that would give it away (organisation minus team)", () => {
    // Team A1: 7; team A2: 3 (below 5). Organisation A = 10 is published, so A - A1 = A2.
    const responses = [
      ...staff(7, "orgA", "tA1", 4),
      ...staff(3, "orgA", "tA2", 1),
      ...staff(6, "orgB", null, 5),
      ...staff(6, "orgC", null, 3),
    ];
    const g = views(score(responses));
    expect(find(g.teams, "tA2").respondents).toMatchObject({
      status: "suppressed",
      reason: "Fewer than 5 respondents",
    });
    expect(componentScore(find(g.teams, "tA2"), "vision")).toBe("suppressed");
    expect(count(find(g.organisations, "orgA"))).toBe(10);
    expect(find(g.teams, "tA1").respondents).toMatchObject({ status: "suppressed", reason: /cannot be worked out/ });
    expect(componentScore(find(g.teams, "tA1"), "vision")).toBe("suppressed");
  });

  it("hides an organisation whose figures the whole minus the other organisations would give (the leak without the rule)", () => {
    // A 8, B 8, C 3: C is hidden. The whole (19) is published, so whole - A - B = C's 3 people.
    const responses = [...staff(8, "orgA", null, 4), ...staff(8, "orgB", null, 5), ...staff(3, "orgC", null, 1)];
    // Without joint suppression, primary suppression alone would publish A and B:
    const naive: PeopleGroup[] = [
      { key: "org:orgA", members: [0, 1, 2, 3, 4, 5, 6, 7] },
      { key: "org:orgB", members: [8, 9, 10, 11, 12, 13, 14, 15] },
    ];
    expect(findDisclosure(19, naive, 5)).toMatchObject({ people: 3 });
    const result = score(responses);
    const g = views(result);
    expect(find(g.organisations, "orgC").respondents.status).toBe("suppressed");
    const shown = g.organisations.filter((v) => v.respondents.status === "ok").map((v) => v.key);
    expect(shown.length).toBeLessThanOrEqual(1);
    // And the whole report itself is unchanged by the views.
    const without = score(responses, { agencies: [] });
    if (result.status !== "ok" || without.status !== "ok") throw new Error("round");
    expect(result.professional).toEqual(without.professional);
    expect(result.respondents.total).toEqual(without.respondents.total);
  });

  it("takes the whole report's breakdowns into account: kind of agency minus one organisation", () => {
    // Two health organisations: A (8) and a small one D (3). agency:health (11) is published by
    // the whole report, so health - A = D: A must be hidden too.
    const withD = [...agencies, { id: "orgD", name: "Health 2", type: "health" as const }];
    const responses = [
      ...staff(8, "orgA", null, 4),
      ...staff(3, "orgD", null, 1),
      ...staff(6, "orgB", null, 5),
      ...staff(6, "orgC", null, 3),
    ];
    const result = score(responses, { agencies: withD, teams: [] });
    if (result.status !== "ok") throw new Error("round");
    expect(result.respondents.byAgencyType.health).toEqual({ status: "ok", n: 11 });
    const g = views(result);
    expect(find(g.organisations, "orgD").respondents.status).toBe("suppressed");
    expect(find(g.organisations, "orgA").respondents.status).toBe("suppressed");
    expect(count(find(g.organisations, "orgB"))).toBe(6);
  });

  it("does not let a later snapshot be differenced with an earlier one", () => {
    const first = [...staff(6, "orgA", null, 4), ...staff(6, "orgB", null, 5), ...staff(6, "orgC", null, 3)];
    const earlier = score(first);
    expect(count(find(views(earlier).organisations, "orgA"))).toBe(6);
    // Three more in organisation A and six more in B: A moved by 3, which would describe them.
    const second = [...first, ...staff(3, "orgA", null, 1), ...staff(6, "orgB", null, 2)];
    const later = score(second, { earlier: [{ responseIds: first.map((r) => r.id), result: earlier }] });
    const a = find(views(later).organisations, "orgA");
    expect(a.respondents.status).toBe("suppressed");
    expect(componentScore(a, "vision")).toBe("suppressed");
  });

  it("counts a team only within its own organisation, and never family-voice responses", () => {
    const responses = [
      ...staff(6, "orgA", "tA1", 4),
      ...staff(5, "orgB", "tA1", 4), // a team of another organisation: not in tA1
      ...staff(5, "orgA", null, 4, { questionnaire: "family", familyGroup: "parent_carer" }),
      ...staff(6, "orgC", null, 3),
    ];
    const g = views(score(responses));
    expect(count(find(g.teams, "tA1"))).toBe(6);
    expect(count(find(g.organisations, "orgA"))).toBe(6);
  });
});
