import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGENCY_TYPE_KEYS, LEVEL_KEYS, type LevelKey } from "../framework";
import { DONT_KNOW, type MarkerItem, type ScoredItem } from "../instrument";
import {
  itemScore,
  scoreRound,
  type ComponentResult,
  type ContinuumResults,
  type FamilyResults,
  type PartnerResults,
  type ProfessionalResults,
  type ResponseInput,
  type RoundFigures,
  type ScoreFigure,
  type ScoreRoundInput,
  type ShortFormResults,
} from ".";
import {
  makeAgencies,
  makeDontKnowRespondent,
  makeItem,
  makeItems,
  makeMarkers,
  makeResponse,
  makeRound,
} from "../../../tests/support/test-builders";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function ok(result: ReturnType<typeof scoreRound>): { status: "ok" } & RoundFigures {
  if (result.status !== "ok") throw new Error(`round is ${result.status}`);
  return result;
}
function okSection<T extends object>(figure: { status: string } & Partial<T>): T {
  if (figure.status !== "ok") throw new Error(`section is ${figure.status}`);
  return figure as T;
}
const professional = (r: ReturnType<typeof scoreRound>) => okSection<ProfessionalResults>(ok(r).professional as never);
const componentOf = (r: ReturnType<typeof scoreRound>, key: string): ComponentResult => {
  const found = professional(r).components.find((c) => c.component === key);
  if (!found) throw new Error(`no component ${key}`);
  return found;
};
function okFigure(f: ScoreFigure) {
  if (f.status !== "ok") throw new Error(`figure is ${f.status}: ${f.reason}`);
  return f;
}

let nextId = 0;
const respondent = (answers: Record<string, unknown>, overrides: Partial<ResponseInput> = {}) =>
  makeResponse({ id: `t${++nextId}`, answers, ...overrides });

const visionItems: ScoredItem[] = [
  makeItem({ key: "vision__goals", component: "vision", level: "team", polarity: "facilitator" }),
  makeItem({ key: "vision__competing", component: "vision", level: "organisation", polarity: "barrier" }),
];

// ---------------------------------------------------------------------------------------------
// Hand-worked examples
// ---------------------------------------------------------------------------------------------

describe("reverse-scoring and the 0-100 scale", () => {
  it("maps facilitators 1..5 to 0..100 and barriers 1..4 reversed to 100..0", () => {
    expect([1, 2, 3, 4, 5].map((v) => itemScore(v, "facilitator"))).toEqual([0, 25, 50, 75, 100]);
    // Barrier: 1 "not a barrier" = 100, 4 "a major barrier" = 0; steps of 100/3.
    const barrier = [1, 2, 3, 4].map((v) => itemScore(v, "barrier"));
    expect(barrier[0]).toBe(100);
    expect(barrier[1]).toBeCloseTo(66.667, 3);
    expect(barrier[2]).toBeCloseTo(33.333, 3);
    expect(barrier[3]).toBe(0);
  });
  it("never turns don't know or an invalid value into a zero", () => {
    expect(itemScore(DONT_KNOW, "facilitator")).toBeNull();
    expect(itemScore(0, "facilitator")).toBeNull();
    expect(itemScore(6, "facilitator")).toBeNull();
    expect(itemScore(5, "barrier")).toBeNull();
    expect(itemScore(2.5, "facilitator")).toBeNull();
    expect(itemScore("4", "facilitator")).toBe(75); // SurveyJS may store choice values as strings
  });
});

describe("a component scored by hand", () => {
  // Component "vision": goals (facilitator, about the team), competing (barrier, about the organisation).
  //   r1: goals 5 -> 100, competing 1 -> 100            respondent score (100 + 100) / 2   = 100
  //   r2: goals 4 -> 75,  competing 2 -> 66.67          respondent score (75 + 66.67) / 2  = 70.83
  //   r3: goals 3 -> 50,  competing don't know          1 of 2 answered = half: kept       = 50
  //   r4: don't know to both                            0 of 2 answered: left out
  //   r5: goals 2 -> 25,  competing 4 -> 0              respondent score (25 + 0) / 2      = 12.5
  // n = 4, mean = (100 + 70.83 + 50 + 12.5) / 4 = 233.33 / 4 = 58.33 -> 58.3, band borderline (50-74.9)
  // deviations 41.67, 12.5, -8.33, -45.83; squares sum 4062.5; sd = sqrt(4062.5 / 3) = 36.8
  // 95% CI on the logit scale (Student's t would give [-0.2, 116.9], clipped to [0, 100]):
  //   python3 -c "from scipy import stats, special; import numpy as np; x=np.array([100,70.8333333333,50,12.5])/100; m=x.mean()
  //   h=stats.t.ppf(.975,3)*x.std(ddof=1)/2/(m*(1-m)); print(100*special.expit(special.logit(m)+np.array([-h,h])))"
  //   -> [11.18, 93.97]
  // median = (50 + 70.83) / 2 = 60.4
  // split, item by item: goals 100, 75, 50, 25 (median 62.5, one point = 25): 100 and 25 are outside,
  //   2 of 4 (a third or more, and two people): split. competing 100, 66.67, 0 (median 66.67, one
  //   point = 33.3): 100 is on the edge (inside), 0 outside: 1 of 3, only one person: not split.
  //   1 of 2 items split = at least half: the component is split.
  // agreement = answers within one point of their item's median: (2 + 2) / 7 = 0.57
  // agreementBand: one scale point averaged over the items: (25 + 33.33) / 2 = 29.2
  // don't know: r3 1 + r4 2 = 3; left out: nobody (r4 answered only "don't know")
  const round: ScoreRoundInput = {
    threshold: 3,
    items: visionItems,
    markers: [],
    agencies: [],
    responses: [
      respondent({ vision__goals: 5, vision__competing: 1 }),
      respondent({ vision__goals: 4, vision__competing: 2 }),
      respondent({ vision__goals: 3, vision__competing: DONT_KNOW }),
      respondent({ vision__goals: DONT_KNOW, vision__competing: DONT_KNOW }),
      respondent({ vision__goals: 2, vision__competing: 4 }),
    ],
  };
  const result = scoreRound(round);
  const vision = componentOf(result, "vision");

  it("gives the overall figure", () => {
    expect(vision.overall).toEqual({
      status: "ok",
      score: 58.3,
      band: "borderline",
      n: 4,
      sd: 36.8,
      ci95: { low: 11.2, high: 94 },
      median: 60.4,
      agreement: 0.57,
      agreementBand: 29.2,
      split: true,
      splitItems: { split: 1, of: 2 },
      dontKnow: 3,
      leftOut: 0,
    });
    expect(vision.dontKnowAnswers).toBe(3);
  });

  it("gives facilitator and barrier sub-scores", () => {
    // Facilitators (goals), kept respondents: 100, 75, 50, 25 -> mean 62.5
    expect(okFigure(vision.facilitators).score).toBe(62.5);
    expect(okFigure(vision.facilitators).n).toBe(4);
    // Barriers (competing): r1 100, r2 66.67, r5 0 -> 166.67 / 3 = 55.6; r3 said don't know: counted
    // as "don't know", not left out (nobody gave a real answer that is not counted).
    expect(okFigure(vision.barriers).score).toBe(55.6);
    expect(okFigure(vision.barriers).n).toBe(3);
    expect(okFigure(vision.barriers).leftOut).toBe(0);
    // Bands: the facilitators on the agreement scale (62.5: borderline), the barriers on the barrier
    // scale, strength from 66.7 ("a minor barrier" at most on average): 55.6 is borderline.
    expect(okFigure(vision.facilitators).band).toBe("borderline");
    expect(okFigure(vision.barriers).band).toBe("borderline");
  });

  it("fills the component x level matrix by the level each item is about", () => {
    expect(okFigure(vision.byItemLevel.team).score).toBe(62.5); // goals is about the team
    expect(okFigure(vision.byItemLevel.organisation).score).toBe(55.6); // competing is about the organisation
    expect(vision.byItemLevel.national).toEqual({ status: "no_data", reason: "No items about this level" });
  });

  it("scores items from the answers of respondents kept in the component", () => {
    const items = professional(result).items;
    expect(
      items.map((i) => [i.key, i.figure.status === "ok" ? [i.figure.score, i.figure.n] : i.figure.status]),
    ).toEqual([
      ["vision__goals", [62.5, 4]],
      ["vision__competing", [55.6, 3]],
    ]);
  });

  it("computes no alpha below 20 respondents", () => {
    expect(vision.alpha).toEqual({ status: "not_computed", reason: "Fewer than 20 respondents answered every item" });
  });
});

describe("edge cases", () => {
  const threeItems: ScoredItem[] = [
    makeItem({ key: "roles__a", component: "roles" }),
    makeItem({ key: "roles__b", component: "roles" }),
    makeItem({ key: "roles__c", component: "roles" }),
  ];

  it("leaves out a respondent who answered fewer than half a component's items", () => {
    // Three items: half is 1.5, so 1 answer is too few and 2 are enough.
    const result = scoreRound({
      threshold: 3,
      items: threeItems,
      markers: [],
      agencies: [],
      responses: [
        respondent({ roles__a: 5 }), // 1 of 3: left out (it would have scored 100)
        respondent({ roles__a: 3, roles__b: 3 }), // 2 of 3: 50
        respondent({ roles__a: 1, roles__b: 3, roles__c: 5 }), // 3 of 3: (0 + 50 + 100) / 3 = 50
        respondent({ roles__a: 2, roles__c: DONT_KNOW, roles__b: 4 }), // 2 of 3: (25 + 75) / 2 = 50
      ],
    });
    const roles = okFigure(componentOf(result, "roles").overall);
    expect(roles.n).toBe(3);
    expect(roles.score).toBe(50);
    expect(roles.leftOut).toBe(1);
  });

  it("keeps a respondent who answered exactly half", () => {
    const four = [...threeItems, makeItem({ key: "roles__d", component: "roles" })];
    const result = scoreRound({
      threshold: 3,
      items: four,
      markers: [],
      agencies: [],
      responses: [
        respondent({ roles__a: 5, roles__b: 5 }), // 2 of 4 = half: kept, 100
        respondent({ roles__a: 1, roles__b: 1, roles__c: DONT_KNOW, roles__d: DONT_KNOW }), // kept, 0
        respondent({ roles__a: 3, roles__b: 3, roles__c: 3, roles__d: 3 }), // 50
      ],
    });
    expect(okFigure(componentOf(result, "roles").overall)).toMatchObject({ n: 3, score: 50 });
  });

  it("never counts don't know as a zero", () => {
    // If "don't know" were 0, these respondents would score 50, not 100.
    const result = scoreRound({
      threshold: 3,
      items: visionItems
        .filter((i) => i.polarity === "facilitator")
        .concat(makeItem({ key: "vision__values", component: "vision" })),
      markers: [],
      agencies: [],
      responses: [1, 2, 3].map(() => respondent({ vision__goals: 5, vision__values: DONT_KNOW })),
    });
    expect(okFigure(componentOf(result, "vision").overall)).toMatchObject({ score: 100, dontKnow: 3 });
  });

  it("gives no data, not NaN or 0, for an empty round", () => {
    const result = scoreRound({ responses: [], items: makeItems(), markers: makeMarkers(), agencies: makeAgencies() });
    expect(result).toEqual({ status: "no_data", reason: "No responses in this round", threshold: 5 });
  });

  it("suppresses a whole round with fewer responses than the threshold", () => {
    const round = makeRound({ respondents: 4 });
    expect(scoreRound(round)).toEqual({ status: "suppressed", reason: "Fewer than 5 respondents", threshold: 5 });
  });

  it("gives no data for a component everyone answered don't know", () => {
    const result = scoreRound({
      threshold: 3,
      items: visionItems,
      markers: [],
      agencies: [],
      responses: [1, 2, 3].map(() => respondent({ vision__goals: DONT_KNOW, vision__competing: DONT_KNOW })),
    });
    const vision = componentOf(result, "vision");
    expect(vision.overall).toEqual({ status: "no_data", reason: "No answers" });
    expect(vision.dontKnowAnswers).toBe(6);
  });

  it("gives no data for sections nobody answered", () => {
    const result = ok(scoreRound(makeRound({ respondents: 12 })));
    expect(result.shortForm).toEqual({ status: "no_data", reason: "No responses to the short form" });
    expect(result.family).toEqual({ status: "no_data", reason: "No family-voice responses" });
  });

  it("rejects a threshold below 3", () => {
    expect(() => scoreRound({ ...makeRound({ respondents: 10 }), threshold: 2 })).toThrow(RangeError);
  });

  it("treats out-of-range and wrongly typed answers as unanswered", () => {
    const result = scoreRound({
      threshold: 3,
      items: visionItems,
      markers: [],
      agencies: [],
      responses: [
        respondent({ vision__goals: 5, vision__competing: 5 }), // 5 is not on the 4-point barrier scale
        respondent({ vision__goals: 5, vision__competing: "a lot" }),
        respondent({ vision__goals: 5, vision__competing: null }),
      ],
    });
    expect(okFigure(componentOf(result, "vision").overall)).toMatchObject({ n: 3, score: 100, dontKnow: 0 });
    expect(componentOf(result, "vision").barriers).toEqual({ status: "no_data", reason: "No answers" });
  });
});

describe("the split flag (SCIROCCO's consensus rule, adapted)", () => {
  const one = [makeItem({ key: "culture__x", component: "culture" })];
  const run = (values: number[]) =>
    componentOf(
      scoreRound({
        threshold: 3,
        items: one,
        markers: [],
        agencies: [],
        responses: values.map((v) => respondent({ culture__x: v })),
      }),
      "culture",
    ).overall;

  it("is not split when fewer than a third fall outside one scale point (25) of the median", () => {
    // 4,4,4,4,5,2: median 4 (75); 2 (25) is 50 points away, 5 (100) is 25: within. 1 of 6 outside < 1/3.
    expect(okFigure(run([4, 4, 4, 4, 5, 2]))).toMatchObject({ split: false, agreement: 0.83 });
  });
  it("is not split by one person alone, even at n = 3", () => {
    // 4,4,1: median 75; the 1 (0) is 75 away: 1 of 3 is a third, but one person is an outlier, not a camp.
    expect(okFigure(run([4, 4, 1]))).toMatchObject({ split: false, agreement: 0.67, splitItems: { split: 0, of: 1 } });
  });
  it("is split when exactly a third fall outside", () => {
    // 4,4,4,4,1,1: median 75; the two 1s (0) are 75 away. 2 of 6 = 1/3: "a third or more".
    expect(okFigure(run([4, 4, 4, 4, 1, 1]))).toMatchObject({ split: true, agreement: 0.67 });
  });
  it("uses one barrier scale point (33.3) for barrier items", () => {
    const barrier = [makeItem({ key: "culture__b", component: "culture", polarity: "barrier" })];
    const fig = componentOf(
      scoreRound({
        threshold: 3,
        items: barrier,
        markers: [],
        agencies: [],
        // 2,2,2,1,3,3: scores 66.7 x3, 100, 33.3 x2; median 66.7; every answer is one barrier step
        // (33.3) or less from it, so nobody is outside: not split. With a 25-point band, 3 of 6 would be.
        responses: [2, 2, 2, 1, 3, 3].map((v) => respondent({ culture__b: v })),
      }),
      "culture",
    ).overall;
    expect(okFigure(fig)).toMatchObject({ split: false, agreement: 1, agreementBand: 33.3 });
  });
});

describe("Cronbach's alpha", () => {
  const two = [
    makeItem({ key: "evaluation__a", component: "evaluation" }),
    makeItem({ key: "evaluation__b", component: "evaluation" }),
  ];
  const run = (a: number[], b: number[]) =>
    componentOf(
      scoreRound({
        items: two,
        markers: [],
        agencies: [],
        responses: a.map((v, i) => respondent({ evaluation__a: v, evaluation__b: b[i] })),
      }),
      "evaluation",
    ).alpha;

  it("is computed from 20 respondents who answered every item, with Feldt's interval", () => {
    // Ten answer pairs, twice over. A scores: 0 x10, 100 x10 -> variance 10 x 50^2 x 2 / 19 = 50000/19; B the same.
    // Totals A+B: 0 x8, 100 x4, 200 x8 -> mean 100, squared deviations 16 x 100^2 -> 160000/19.
    // alpha = k/(k-1) x (1 - (var A + var B) / var total) = 2 x (1 - 100000/160000) = 0.75
    // Feldt: 1 - 0.25 F(0.975; 19, 19) to 1 - 0.25 F(0.025; 19, 19):
    //   python3 -c "from scipy import stats; print(1-0.25*stats.f.ppf(0.975,19,19), 1-0.25*stats.f.ppf(0.025,19,19))"
    //   -> 0.3684, 0.9010
    const a = [1, 1, 1, 1, 1, 5, 5, 5, 5, 5];
    const b = [1, 1, 1, 1, 5, 5, 5, 5, 5, 1];
    expect(run([...a, ...a], [...b, ...b])).toEqual({
      status: "ok",
      value: 0.75,
      n: 20,
      items: 2,
      ci95: { low: 0.37, high: 0.9 },
    });
  });
  it("is not computed from 19", () => {
    const a = [1, 1, 1, 1, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 5, 5, 5, 5, 5];
    expect(run(a, [...a].reverse()).status).toBe("not_computed");
  });
});

describe("breakdowns and the perception gap", () => {
  const one = [makeItem({ key: "leadership__x", component: "leadership" })];
  const at = (level: LevelKey | null, v: number, agencyType: ResponseInput["agencyType"] = "health") =>
    respondent({ leadership__x: v }, { respondentLevel: level, agencyType });

  it("scores each respondent level apart and reports the gap between shown levels", () => {
    // threshold 3. team: 5,5,4 -> 100,100,75 -> 91.7; local_authority: 2,2,3 -> 25,25,50 -> 33.3;
    // gap = 91.7 - 33.3 = 58.4 (from the shown, rounded figures)
    const result = scoreRound({
      threshold: 3,
      items: one,
      markers: [],
      agencies: [],
      responses: [
        at("team", 5),
        at("team", 5),
        at("team", 4),
        at("local_authority", 2),
        at("local_authority", 2),
        at("local_authority", 3),
      ],
    });
    const c = componentOf(result, "leadership");
    expect(okFigure(c.byRespondentLevel.team).score).toBe(91.7);
    expect(okFigure(c.byRespondentLevel.local_authority).score).toBe(33.3);
    expect(c.byRespondentLevel.national.status).toBe("no_data");
    // Welch's interval of the difference (two levels shown: one pair, so a plain 95% interval):
    //   python3 -c "from scipy import stats; print(stats.ttest_ind([100,100,75],[25,25,50],equal_var=False).confidence_interval(0.95))"
    //   -> (25.61, 91.05): excludes 0, so the gap is clear.
    expect(c.perceptionGap).toEqual({
      status: "ok",
      gap: 58.4,
      highest: { level: "team", score: 91.7 },
      lowest: { level: "local_authority", score: 33.3 },
      ci: { low: 25.6, high: 91.1, confidence: 0.95 },
      clear: true,
    });
  });

  it("hides a second level when one small level could be worked out from the total", () => {
    // threshold 3. team 4, organisation 3, national 1. Total (8) is shown; national (1) is hidden;
    // 8 - 4 - 3 = 1 would give national away, so the smallest shown level (organisation, 3) is hidden too.
    const result = scoreRound({
      threshold: 3,
      items: one,
      markers: [],
      agencies: [],
      responses: [
        at("team", 5),
        at("team", 4),
        at("team", 4),
        at("team", 3),
        at("organisation", 2),
        at("organisation", 2),
        at("organisation", 2),
        at("national", 1),
      ],
    });
    const c = componentOf(result, "leadership");
    expect(okFigure(c.overall).n).toBe(8);
    expect(c.byRespondentLevel.team.status).toBe("ok");
    expect(c.byRespondentLevel.national).toEqual({ status: "suppressed", reason: "Fewer than 3 respondents" });
    expect(c.byRespondentLevel.organisation).toEqual({
      status: "suppressed",
      reason: "Hidden so that a figure for fewer than 3 respondents cannot be worked out from the total",
    });
    expect(c.perceptionGap.status).toBe("no_data");
    // The respondent counts follow the same rule.
    const counts = ok(result).respondents.byLevel;
    expect(counts.team).toEqual({ status: "ok", n: 4 });
    expect(counts.organisation.status).toBe("suppressed");
    expect(counts.national.status).toBe("suppressed");
  });

  it("treats respondents who did not state their level as a hidden group", () => {
    // team 5, organisation 3 and 2 without a level: 10 - 5 - 3 = 2 -> organisation hidden as well.
    const result = scoreRound({
      threshold: 3,
      items: one,
      markers: [],
      agencies: [],
      responses: [
        ...[5, 5, 4, 4, 4].map((v) => at("team", v)),
        ...[2, 2, 2].map((v) => at("organisation", v)),
        at(null, 1),
        at(null, 1),
      ],
    });
    const c = componentOf(result, "leadership");
    expect(c.byRespondentLevel.team.status).toBe("ok");
    expect(c.byRespondentLevel.organisation.status).toBe("suppressed");
  });

  it("breaks components down by agency type", () => {
    // threshold 3: health 5,5,5 -> 100; education 1,1,1 -> 0; police 3 alone -> suppressed,
    // so the smallest shown type is hidden too (health and education both 3: health comes first).
    const result = scoreRound({
      threshold: 3,
      items: one,
      markers: [],
      agencies: [],
      responses: [
        ...[5, 5, 5].map((v) => at("team", v, "health")),
        ...[1, 1, 1].map((v) => at("team", v, "education")),
        at("team", 3, "police"),
      ],
    });
    const c = componentOf(result, "leadership");
    expect(c.byAgencyType.police.status).toBe("suppressed");
    expect(c.byAgencyType.health.status).toBe("suppressed");
    expect(okFigure(c.byAgencyType.education).score).toBe(0);
    expect(c.byAgencyType.housing.status).toBe("no_data");
  });
});

describe("top five facilitators and barriers", () => {
  it("ranks items by score and breaks ties by n (more first), then key", () => {
    // Seven facilitators. f_a..f_d all score 100 (everyone answered 5); f_c and f_d were
    // answered by 4 people, f_a and f_b by 3 (one said don't know), so f_c, f_d come first
    // (n), then f_a before f_b (key). f_e 75, f_f 50, f_g 0: f_e is fifth.
    // Barriers: b_x answered 4 ("major") by all -> 0, the most severe; b_y 1 -> 100.
    const keys = ["f_a", "f_b", "f_c", "f_d", "f_e", "f_f", "f_g"];
    const items = [
      ...keys.map((key) => makeItem({ key, component: "workforce" })),
      makeItem({ key: "b_x", component: "workforce", polarity: "barrier" }),
      makeItem({ key: "b_y", component: "workforce", polarity: "barrier" }),
    ];
    const answers = (i: number) => ({
      f_a: i === 0 ? DONT_KNOW : 5,
      f_b: i === 0 ? DONT_KNOW : 5,
      f_c: 5,
      f_d: 5,
      f_e: 4,
      f_f: 3,
      f_g: 1,
      b_x: 4,
      b_y: 1,
    });
    const result = scoreRound({
      threshold: 3,
      items,
      markers: [],
      agencies: [],
      responses: [0, 1, 2, 3].map((i) => respondent(answers(i))),
    });
    const p = professional(result);
    expect(p.strongestFacilitators.map((x) => [x.rank, x.key, x.score, x.n])).toEqual([
      [1, "f_c", 100, 4],
      [2, "f_d", 100, 4],
      [3, "f_a", 100, 3],
      [4, "f_b", 100, 3],
      [5, "f_e", 75, 4],
    ]);
    expect(p.severestBarriers.map((x) => [x.key, x.score])).toEqual([
      ["b_x", 0],
      ["b_y", 100],
    ]);
  });

  it("leaves out items too few people answered", () => {
    const items = [makeItem({ key: "f_1", component: "workforce" }), makeItem({ key: "f_2", component: "workforce" })];
    const result = scoreRound({
      threshold: 3,
      items,
      markers: [],
      agencies: [],
      responses: [
        respondent({ f_1: 5, f_2: 5 }),
        respondent({ f_1: 5, f_2: DONT_KNOW }),
        respondent({ f_1: 5, f_2: DONT_KNOW }),
      ],
    });
    expect(professional(result).strongestFacilitators.map((x) => x.key)).toEqual(["f_1"]);
  });
});

describe("a confidence interval that is not clipped", () => {
  // One facilitator item, six respondents answering 3, 3, 4, 4, 4, 5 -> 50, 50, 75, 75, 75, 100.
  // n = 6, mean = 425 / 6 = 70.83 -> 70.8
  // deviations -20.83 (x2), 4.17 (x3), 29.17; squares sum 1770.83; sd = sqrt(1770.83 / 5) = 18.82 -> 18.8
  // Student's t would give 70.83 +/- t(5 df) 2.571 x 18.82 / sqrt(6) = [51.1, 90.6]; the interval on the
  // logit scale is lopsided towards the middle of the scale:
  //   python3 -c "from scipy import stats, special; import numpy as np; x=np.array([50,50,75,75,75,100])/100; m=x.mean()
  //   h=stats.t.ppf(.975,5)*x.std(ddof=1)/np.sqrt(6)/(m*(1-m)); print(100*special.expit(special.logit(m)+np.array([-h,h])))"
  //   -> [48.28, 86.33]
  const result = scoreRound({
    threshold: 3,
    items: [visionItems[0]!],
    markers: [],
    agencies: [],
    responses: [3, 3, 4, 4, 4, 5].map((v) => respondent({ vision__goals: v })),
  });

  it("is Student's t interval built on the logit scale", () => {
    expect(okFigure(componentOf(result, "vision").overall)).toMatchObject({
      score: 70.8,
      n: 6,
      sd: 18.8,
      ci95: { low: 48.3, high: 86.3 },
    });
  });
});

describe("continuum placement", () => {
  const markers: MarkerItem[] = [
    { key: "m1a", title: "", stage: 1, sources: [] },
    { key: "m1b", title: "", stage: 1, sources: [] },
    { key: "m2", title: "", stage: 2, sources: [] },
    { key: "m3", title: "", stage: 3, sources: [] },
    { key: "m4", title: "", stage: 4, sources: [] },
  ];
  // threshold 3, four raters (yes = 1, partly = 0.5, no = 0), each mean with its 90% Wilson interval
  // (python3 -c "from scipy import stats; import math; z=stats.norm.ppf(0.95); ..." with the Wilson formula;
  //  for whole counts stats.binomtest(3,3).proportion_ci(0.9,'wilson') gives m3's 0.526 to 1):
  //   m1a: yes, yes, partly, no       -> 0.625, 0.263 to 0.886  uncertain
  //   m1b: yes, partly, partly, no    -> 0.5,   0.182 to 0.818  uncertain
  //   m2:  no, no, partly, yes        -> 0.375, 0.114 to 0.737  uncertain
  //   m3:  yes, yes, yes, don't know  -> 1,     0.526 to 1      met
  //   m4:  yes, yes, dk, dk           -> only 2 raters < 3      cannot be judged
  // Under the old rule (mean >= 0.5) stage 1 was met and stage 2 not: four raters cannot tell that.
  // stage 1 uncertain, stage 2 uncertain, stage 3 met, stage 4 unknown, stage 5 has no markers
  // current stage = 0 (surely reached), up to 3 (if the uncertain stages are met); stage 4 cannot be
  // judged, so it may be further still (lower bound). Nothing is out of order.
  // target: 3, 3, 4, dk -> median 3; gap 3 - 0 = 3. Self-chosen: 2, 2, 3, 1 -> median (2 + 2) / 2 = 2.
  const rows = [
    { m1a: "yes", m1b: "yes", m2: "no", m3: "yes", m4: "yes", target_stage: 3, current_stage_self: 2 },
    { m1a: "yes", m1b: "partly", m2: "no", m3: "yes", m4: "yes", target_stage: 3, current_stage_self: 2 },
    { m1a: "partly", m1b: "partly", m2: "partly", m3: "yes", m4: DONT_KNOW, target_stage: 4, current_stage_self: 3 },
    { m1a: "no", m1b: "no", m2: "yes", m3: DONT_KNOW, m4: DONT_KNOW, target_stage: DONT_KNOW, current_stage_self: 1 },
  ];
  const result = scoreRound({
    threshold: 3,
    items: [],
    markers,
    agencies: [],
    responses: rows.map((a) => respondent(a)),
  });
  const continuum = okSection<ContinuumResults>(ok(result).continuum as never);

  it("judges each marker", () => {
    expect(
      continuum.markers.map((m) => [
        m.key,
        m.figure.status === "ok" ? [m.figure.mean, m.figure.verdict] : m.figure.status,
      ]),
    ).toEqual([
      ["m1a", [0.63, "uncertain"]],
      ["m1b", [0.5, "uncertain"]],
      ["m2", [0.38, "uncertain"]],
      ["m3", [1, "met"]],
      ["m4", "suppressed"],
    ]);
    expect(continuum.markers[0]!.figure).toMatchObject({ interval90: { low: 0.26, high: 0.89 } });
    expect(continuum.markers[3]!.figure).toMatchObject({ met: true, interval90: { low: 0.53, high: 1 } });
  });

  it("places the partnership cumulatively and shows the non-cumulative stage", () => {
    expect(continuum.stages.map((s) => s.status)).toEqual(["uncertain", "uncertain", "met", "unknown", "no_markers"]);
    expect(continuum.placement).toEqual({
      status: "ok",
      current: { stage: 0, key: "coexistence", name: "Co-existence" },
      upTo: { stage: 3, key: "coordination", name: "Coordination" },
      uncertain: true,
      nonCumulative: [],
      lowerBound: true,
    });
  });

  it("reports the target, the self-chosen stage and the gap", () => {
    expect(continuum.target.status === "ok" && continuum.target.median).toBe(3);
    expect(continuum.selfChosen.status === "ok" && continuum.selfChosen.median).toBe(2);
    expect(continuum.gap).toEqual({ status: "ok", current: 0, target: 3, gap: 3 });
    // Target counts: stage 3 chosen by 2 and stage 4 by 1 are each below 3 -> "c"; together they
    // are 3 people, so nothing can be worked out from the total and no other count is hidden.
    const counts = continuum.target.status === "ok" ? continuum.target.counts.map((c) => c.count) : [];
    expect(counts.map((c) => (c.status === "ok" ? c.n : "c"))).toEqual([0, 0, 0, "c", "c", 0]);
  });

  it("marks the placement as a lower bound when the next stage cannot be judged", () => {
    const r = scoreRound({
      threshold: 3,
      items: [],
      markers: [markers[0]!, markers[4]!],
      agencies: [],
      responses: [1, 2, 3].map((i) => respondent({ m1a: "yes", m4: i === 1 ? "yes" : DONT_KNOW })),
    });
    const c = okSection<ContinuumResults>(ok(r).continuum as never);
    // Stage 2 and 3 have no markers here, so the climb stops after stage 1; stage 4 cannot be judged.
    expect(c.placement).toMatchObject({ status: "ok", current: { stage: 1 }, lowerBound: false });
    expect(c.stages[3]!.status).toBe("unknown");
  });

  it("leaves family respondents out of the continuum", () => {
    const r = scoreRound({
      threshold: 3,
      items: [],
      markers,
      agencies: [],
      responses: [1, 2, 3].map(() =>
        respondent({ m1a: "yes" }, { questionnaire: "family", familyGroup: "parent_carer", respondentLevel: null }),
      ),
    });
    expect(ok(r).continuum.status).toBe("no_data");
  });
});

describe("partner matrix", () => {
  // threshold 3. a1's three raters rate a2 now 2, 2, 3 (median 2), wanted 4, 4, 3 (median 4);
  // a2's three raters rate a1 now 4, 4, 4 (median 4): |2 - 4| = 2 > 1, they see it differently.
  // a3 has two raters: its cells are suppressed and its pairs cannot be flagged.
  const agencies = makeAgencies(3);
  const from = (agencyId: string, answers: Record<string, unknown>) =>
    respondent(answers, { agencyId, agencyType: "social_work" });
  const result = scoreRound({
    threshold: 3,
    items: [],
    markers: [],
    agencies,
    responses: [
      from("a1", { partner_now__a2: 2, partner_wanted__a2: 4, partner_now__a3: 1 }),
      from("a1", { partner_now__a2: 2, partner_wanted__a2: 4, partner_now__a3: 1 }),
      from("a1", { partner_now__a2: 3, partner_wanted__a2: 3, partner_now__a3: DONT_KNOW }),
      from("a2", { partner_now__a1: 4, partner_wanted__a1: 4 }),
      from("a2", { partner_now__a1: 4, partner_wanted__a1: 5 }),
      from("a2", { partner_now__a1: 4 }),
      from("a3", { partner_now__a1: 2, partner_now__a2: 3 }),
      from("a3", { partner_now__a1: 2, partner_now__a2: 3 }),
      from("a3", { partner_now__a3: 5 }), // rating one's own agency is ignored
    ],
  });
  const partners = okSection<PartnerResults>(ok(result).partners as never);
  const cell = (f: string, t: string) => partners.cells.find((c) => c.from === f && c.to === t)!;

  it("gives medians now and wanted with the number of raters", () => {
    expect(cell("a1", "a2")).toEqual({
      from: "a1",
      to: "a2",
      raters: { status: "ok", n: 3 },
      now: { status: "ok", median: 2, n: 3 },
      wanted: { status: "ok", median: 4, n: 3 },
    });
    // a2 -> a1: wanted given by only 2 raters -> that median is suppressed on its own.
    expect(cell("a2", "a1").now).toEqual({ status: "ok", median: 4, n: 3 });
    expect(cell("a2", "a1").wanted.status).toBe("suppressed");
  });

  it("suppresses cells with fewer raters than the threshold", () => {
    expect(cell("a1", "a3").raters.status).toBe("suppressed"); // 2 raters (the third said don't know)
    expect(cell("a3", "a1").now.status).toBe("suppressed");
    expect(cell("a2", "a3").raters).toEqual({ status: "ok", n: 0 });
    expect(cell("a2", "a3").now.status).toBe("no_data");
  });

  it("flags agencies that see their relationship differently", () => {
    expect(partners.pairs).toEqual([
      { agencies: ["a1", "a2"], firstRatesSecond: 2, secondRatesFirst: 4, difference: 2, seeDifferently: true },
      {
        agencies: ["a1", "a3"],
        firstRatesSecond: null,
        secondRatesFirst: null,
        difference: null,
        seeDifferently: null,
      },
      {
        agencies: ["a2", "a3"],
        firstRatesSecond: null,
        secondRatesFirst: null,
        difference: null,
        seeDifferently: null,
      },
    ]);
  });
});

describe("family voice and the short form", () => {
  const familyItems = [
    makeItem({ key: "family__story_once", component: "holistic" }),
    makeItem({ key: "family__one_contact", component: "holistic" }),
  ];
  const items = [
    makeItem({ key: "holistic__whole_family", component: "holistic", shortForm: true }),
    makeItem({ key: "holistic__transitions", component: "holistic" }),
  ];
  const fam = (group: "young_person" | "parent_carer", a: number, b: number) =>
    respondent(
      { family__story_once: a, family__one_contact: b },
      { questionnaire: "family", familyGroup: group, respondentLevel: null, agencyType: null },
    );
  const result = scoreRound({
    threshold: 3,
    items,
    familyItems,
    markers: [],
    agencies: [],
    responses: [
      // Professionals: 100 each.
      ...[1, 2, 3].map(() => respondent({ holistic__whole_family: 5, holistic__transitions: 5 })),
      // Short form: the one short-form item only: 1 -> 0.
      ...[1, 2, 3].map(() => respondent({ holistic__whole_family: 1 }, { questionnaire: "short" })),
      // Families: young people (3) (1,1) -> 0; parents/carers (3) (3,5) -> 75.
      ...[1, 2, 3].map(() => fam("young_person", 1, 1)),
      ...[1, 2, 3].map(() => fam("parent_carer", 3, 5)),
    ],
  });
  const round = ok(result);

  it("keeps the family voice apart from the professionals' figures", () => {
    expect(okFigure(componentOf(result, "holistic").overall)).toMatchObject({ score: 100, n: 3 });
    const family = okSection<FamilyResults>(round.family as never);
    const holistic = family.components[0]!;
    // (0 x 3 + 75 x 3) / 6 = 37.5
    expect(okFigure(holistic.overall)).toMatchObject({ score: 37.5, n: 6, band: "concern" });
    expect(okFigure(holistic.byFamilyGroup.young_person).score).toBe(0);
    expect(okFigure(holistic.byFamilyGroup.parent_carer).score).toBe(75);
  });

  it("scores the short form on the same scale, marked as such", () => {
    const short = okSection<ShortFormResults>(round.shortForm as never);
    expect(short.form).toBe("short");
    expect(short.components).toEqual([
      expect.objectContaining({
        component: "holistic",
        itemCount: 1,
        overall: expect.objectContaining({ score: 0, n: 3 }),
      }),
    ]);
  });

  it("counts respondents by questionnaire", () => {
    expect(round.respondents.byQuestionnaire).toEqual({
      professional: { status: "ok", n: 3 },
      short: { status: "ok", n: 3 },
      family: { status: "ok", n: 6 },
    });
    expect(round.respondents.total).toEqual({ status: "ok", n: 12 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const propItems = makeItems({ components: 3, itemsPerComponent: 3 });
const propFamilyItems = makeItems({ components: 2, itemsPerComponent: 2, prefix: "family_" });
const propMarkers = makeMarkers().slice(0, 6);
const propAgencies = makeAgencies(3);

const scaleAnswer = fc.constantFrom<unknown>(1, 2, 3, 4, 5, DONT_KNOW, DONT_KNOW, undefined, 0, "x");
const markerAnswer = fc.constantFrom<unknown>("yes", "partly", "no", DONT_KNOW, undefined);
const stageAnswer = fc.constantFrom<unknown>(0, 1, 2, 3, 4, 5, DONT_KNOW, undefined);

const responseArb = fc
  .record({
    questionnaire: fc.constantFrom("professional", "professional", "professional", "short", "family"),
    respondentLevel: fc.constantFrom<LevelKey | null>(...LEVEL_KEYS, null),
    agencyType: fc.constantFrom<ResponseInput["agencyType"]>("social_work", "health", "education", "police", null),
    agencyId: fc.constantFrom("a1", "a2", "a3", null),
    familyGroup: fc.constantFrom<ResponseInput["familyGroup"]>("young_person", "parent_carer", null),
    scaled: fc.array(scaleAnswer, { minLength: propItems.length, maxLength: propItems.length }),
    family: fc.array(scaleAnswer, { minLength: propFamilyItems.length, maxLength: propFamilyItems.length }),
    markers: fc.array(markerAnswer, { minLength: propMarkers.length, maxLength: propMarkers.length }),
    stages: fc.array(stageAnswer, { minLength: 2 + 2 * propAgencies.length, maxLength: 2 + 2 * propAgencies.length }),
  })
  .map((r): Omit<ResponseInput, "id"> => {
    const answers: Record<string, unknown> = {};
    const set = (key: string, v: unknown) => {
      if (v !== undefined) answers[key] = v;
    };
    propItems.forEach((item, i) => set(item.key, r.scaled[i]));
    propFamilyItems.forEach((item, i) => set(item.key, r.family[i]));
    propMarkers.forEach((m, i) => set(m.key, r.markers[i]));
    set("target_stage", r.stages[0]);
    set("current_stage_self", r.stages[1]);
    propAgencies.forEach((a, i) => {
      set(`partner_now__${a.id}`, r.stages[2 + 2 * i]);
      set(`partner_wanted__${a.id}`, r.stages[3 + 2 * i]);
    });
    return {
      questionnaire: r.questionnaire,
      respondentLevel: r.respondentLevel,
      agencyType: r.agencyType,
      agencyId: r.agencyId,
      familyGroup: r.familyGroup,
      answers,
    };
  });

const roundArb = (min: number, max: number) =>
  fc.array(responseArb, { minLength: min, maxLength: max }).map((rs) => rs.map((r, i) => ({ id: `p${i}`, ...r })));

const input = (responses: ResponseInput[], threshold = 3): ScoreRoundInput => ({
  responses,
  items: propItems,
  familyItems: propFamilyItems,
  markers: propMarkers,
  agencies: propAgencies,
  threshold,
});

/** Every object in a result, with its path. */
function walk(value: unknown, visit: (node: Record<string, unknown>, path: string) => void, path = "$"): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${path}[${i}]`));
  else if (value && typeof value === "object") {
    visit(value as Record<string, unknown>, path);
    for (const [k, v] of Object.entries(value)) walk(v, visit, `${path}.${k}`);
  }
}

/** The result without the counts a "don't know" respondent legitimately changes. */
function withoutCounts(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      // Breakdowns are planned on the people in each group (a "don't know" respondent is one of
      // them), so only the overall figures must stay the same.
      [
        "dontKnow",
        "dontKnowAnswers",
        "leftOut",
        "respondents",
        "byRespondentLevel",
        "byAgencyType",
        "byFamilyGroup",
        "perceptionGap",
        // Organisation and team views are breakdowns too (the respondent is in an organisation).
        "groups",
      ].includes(key)
        ? undefined
        : v,
    ),
  );
}

describe("properties", () => {
  it("keeps every score, median and interval within 0-100, and never gives NaN", () => {
    fc.assert(
      fc.property(roundArb(0, 40), fc.integer({ min: 3, max: 6 }), (responses, threshold) => {
        const result = scoreRound(input(responses, threshold));
        walk(result, (node, path) => {
          for (const [k, v] of Object.entries(node)) {
            if (typeof v === "number") expect(Number.isFinite(v), `${path}.${k}`).toBe(true);
          }
          if (node.status === "ok" && typeof node.score === "number" && "band" in node) {
            for (const v of [
              node.score,
              node.median,
              (node.ci95 as { low: number }).low,
              (node.ci95 as { high: number }).high,
            ]) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(100);
            }
            expect(node.agreement).toBeGreaterThanOrEqual(0);
            expect(node.agreement).toBeLessThanOrEqual(1);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same result whatever the order of respondents", () => {
    fc.assert(
      fc.property(
        roundArb(0, 40).chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
        ),
        ([responses, shuffled]) => {
          expect(scoreRound(input(shuffled))).toEqual(scoreRound(input(responses)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("changes no score when a respondent answers don't know to everything", () => {
    fc.assert(
      fc.property(roundArb(0, 30), (responses) => {
        // Enough professionals for the section to be shown either way.
        const base = [...responses, ...[1, 2, 3].map((i) => respondent({ [propItems[0]!.key]: 3 }, { id: `pro${i}` }))];
        const round = input(base);
        const dk = makeDontKnowRespondent(round);
        const before = scoreRound(round);
        const after = scoreRound({ ...round, responses: [...base, dk] });
        expect(withoutCounts(after)).toEqual(withoutCounts(before));
      }),
      { numRuns: 150 },
    );
  });

  it("never shows a figure for a group below the threshold, directly or by subtraction", () => {
    fc.assert(
      fc.property(roundArb(0, 30), fc.integer({ min: 3, max: 7 }), (responses, threshold) => {
        const result = scoreRound(input(responses, threshold));
        if (result.status !== "ok") {
          expect(responses.length).toBeLessThan(Math.max(threshold, 1));
          return;
        }
        walk(result, (node, path) => {
          if (node.status === "ok" && typeof node.n === "number") {
            // A count of 0 is a real figure; anything else shown is about at least `threshold` people.
            expect(node.n === 0 || node.n >= threshold, `${path} n=${node.n}`).toBe(true);
          }
        });
        const check = (total: number, groups: Record<string, { status: string; n?: number }>) => {
          let shown = 0;
          for (const g of Object.values(groups)) if (g.status === "ok") shown += g.n ?? 0;
          const recoverable = total - shown;
          expect(recoverable === 0 || recoverable >= threshold).toBe(true);
        };
        for (const section of [result.professional, result.family]) {
          if (section.status !== "ok") continue;
          for (const c of section.components as (ComponentResult & { byFamilyGroup?: unknown })[]) {
            if (c.overall.status !== "ok") continue;
            for (const breakdown of [c.byRespondentLevel, c.byAgencyType, c.byFamilyGroup]) {
              if (breakdown) check(c.overall.n, breakdown as never);
            }
          }
        }
        const staff = responses.filter((r) => r.questionnaire !== "family").length;
        const family = responses.length - staff;
        if (staff >= threshold) {
          check(staff, result.respondents.byLevel);
          check(staff, result.respondents.byAgencyType);
        }
        if (family >= threshold) check(family, result.respondents.byFamilyGroup);
        if (result.respondents.total.status === "ok") check(responses.length, result.respondents.byQuestionnaire);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Generated rounds
// ---------------------------------------------------------------------------------------------

describe("a generated round of 1,000 respondents", () => {
  const round = makeRound({ respondents: 1000, seed: 7, shortShare: 0.1, familyShare: 0.15 });
  const result = ok(scoreRound(round));

  it("shows every figure of the large groups", () => {
    const p = professional(result);
    expect(p.components).toHaveLength(3);
    for (const c of p.components) {
      const overall = okFigure(c.overall);
      expect(overall.n).toBeGreaterThan(500);
      expect(overall.ci95.high - overall.ci95.low).toBeLessThan(5);
      expect(c.alpha.status).toBe("ok");
      for (const level of LEVEL_KEYS) expect(c.byRespondentLevel[level].status).toBe("ok");
      for (const type of AGENCY_TYPE_KEYS.slice(0, 3)) expect(c.byAgencyType[type].status).toBe("ok");
      expect(c.byAgencyType.police.status).toBe("no_data");
    }
    expect(p.strongestFacilitators).toHaveLength(5);
    expect(p.severestBarriers).toHaveLength(3);
    expect(result.shortForm.status).toBe("ok");
    expect(result.family.status).toBe("ok");
    const partners = okSection<PartnerResults>(result.partners as never);
    expect(partners.cells.every((c) => c.now.status === "ok")).toBe(true);
    const continuum = okSection<ContinuumResults>(result.continuum as never);
    expect(continuum.placement.status).toBe("ok");
  });

  it("is deterministic", () => {
    expect(scoreRound(round)).toEqual(result);
  });
});

describe("the score CLI on the example round", () => {
  it("prints the full result as JSON", () => {
    const root = resolve(__dirname, "../../..");
    const out = execFileSync(
      process.execPath,
      [
        resolve(root, "node_modules/tsx/dist/cli.mjs"),
        "scripts/score.ts",
        "tests/fixtures/example-round.json",
        "--questionnaire",
        "tests/fixtures/example-questionnaire.json",
      ],
      { cwd: root, encoding: "utf8" },
    );
    const result = JSON.parse(out) as ReturnType<typeof scoreRound>;
    const round = ok(result);
    // vision: 11 of 12 professionals kept (r08 answered 1 of 3 items); mean of their scores 68.1.
    expect(okFigure(componentOf(result, "vision").overall)).toMatchObject({
      n: 11,
      score: 68.1,
      median: 72.2,
      leftOut: 1,
    });
    // The family page of the example file is scored apart.
    expect(okSection<FamilyResults>(round.family as never).components.map((c) => c.component)).toEqual([
      "holistic",
      "participation",
    ]);
    expect(okSection<ContinuumResults>(round.continuum as never).placement).toMatchObject({
      current: { stage: 2 },
      nonCumulative: [{ stage: 4 }],
    });
  }, 30_000);
});
