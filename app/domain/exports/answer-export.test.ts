import { describe, expect, it } from "vitest";
import { answerExportRows, ANSWER_EXPORT_COLUMNS } from "./answer-export";
import { makeItem } from "../../../tests/support/test-builders";
import { questionCatalogue } from "./codebook";

const items = [
  makeItem({ key: "vision__a", component: "vision", level: "team", polarity: "facilitator" }),
  makeItem({ key: "resources__b", component: "resources", level: "local_authority", polarity: "barrier" }),
];
const markers = [{ key: "marker_talk", title: "We talk", stage: 1 as const, sources: [] }];
const question = (name: string, title: string, choices: [number | string, string][]) => ({
  type: "radiogroup",
  name,
  title,
  choices: choices.map(([value, text]) => ({ value, text })),
});
const labels = questionCatalogue([
  {
    pages: [
      {
        name: "p",
        elements: [
          question("vision__a", "We share aims.", [
            [3, "Neither"],
            [4, "Agree"],
          ]),
          question("resources__b", "Money is short.", [["dont_know", "Don't know"]]),
          question("marker_talk", "We talk.", [["yes", "Yes"]]),
        ],
      },
    ],
  },
]);

function ids() {
  let n = 0;
  return () => `id-${String(100 - n++).padStart(3, "0")}`;
}

describe("answerExportRows", () => {
  const responses = Array.from({ length: 6 }, (_, i) => ({
    respondentLevel: i < 5 ? "team" : "national",
    agencyType: i < 5 ? "health" : "police",
    answers: {
      vision__a: 4,
      resources__b: "dont_know",
      marker_talk: "yes",
      target_stage: 4,
      comments: "Name: Jo",
      partner_now__x: 3,
      respondent_level: "team",
    },
  }));
  const rows = answerExportRows({ round: "Spring", responses, items, markers, labels, threshold: 5, randomId: ids() });

  it("writes one row per item, marker or stage answer, with the columns in order", () => {
    expect(ANSWER_EXPORT_COLUMNS).toHaveLength(11);
    expect(rows).toHaveLength(6 * 4);
    expect(rows[0]).toEqual([
      "Spring",
      "id-095",
      "c",
      "c",
      "vision__a",
      "We share aims.",
      "vision",
      "team",
      "facilitator",
      4,
      "Agree",
    ]);
  });
  it("writes the question text and the answer's label beside the codes", () => {
    const marker = rows.find((r) => r[4] === "marker_talk")!;
    expect([marker[5], marker[9], marker[10]]).toEqual(["We talk.", "yes", "Yes"]);
    const dontKnow = rows.find((r) => r[4] === "resources__b")!;
    expect([dontKnow[9], dontKnow[10]]).toEqual(["dont_know", "Don't know"]);
    // A question the catalogue does not know keeps its code, with empty labels.
    const stage = rows.find((r) => r[4] === "target_stage")!;
    expect([stage[5], stage[9], stage[10]]).toEqual(["", 4, ""]);
  });
  it("leaves out free text, partner ratings and profile questions", () => {
    const keys = new Set(rows.map((r) => r[4]));
    expect([...keys].sort()).toEqual(["marker_talk", "resources__b", "target_stage", "vision__a"]);
  });
  it("hides a level or kind of agency shared by fewer than the threshold", () => {
    const team = rows.filter((r) => r[2] === "team");
    expect(team).toHaveLength(5 * 4);
    expect(team.every((r) => r[3] === "health")).toBe(true);
    expect(rows.filter((r) => r[2] === "c").every((r) => r[3] === "c")).toBe(true);
  });
  it("hides the kind of agency when the pair with the level is too small", () => {
    const mixed = Array.from({ length: 10 }, (_, i) => ({
      respondentLevel: i < 5 ? "team" : "organisation",
      agencyType: i === 0 || i >= 6 ? "health" : "education",
      answers: { vision__a: 3 },
    }));
    // team: 1 health + 4 education; organisation: 1 education + 4 health. Each alone is >= 5.
    const out = answerExportRows({
      round: "R",
      responses: mixed,
      items,
      markers,
      labels,
      threshold: 5,
      randomId: ids(),
    });
    expect(out.every((r) => r[3] === "c")).toBe(true);
    expect(out.filter((r) => r[2] === "team")).toHaveLength(5);
  });
  it("orders rows by the random id, not by the order of the responses", () => {
    const order = rows.map((r) => r[1]);
    expect(order).toEqual([...order].sort());
  });
});
