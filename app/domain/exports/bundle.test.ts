import { describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import professional from "../../../surveys/professional.json";
import continuum from "../../../surveys/continuum.json";
import family from "../../../surveys/family.json";
import { makeRound } from "../../../tests/support/test-builders";
import { codebookGaps, readCsv } from "../../../tests/support/codebook-coverage";
import { readMarkers, readScoredItems, type SurveyJson } from "../instrument";
import { scoreRound } from "../scoring";
import { answerExportRows, exportedQuestions, ANSWER_EXPORT_COLUMNS } from "./answer-export";
import { exportBundleFiles, exportBundleZip, type ExportBundleInput } from "./bundle";
import { exportCatalogue } from "./codebook";
import { scoreExportRows, SCORE_EXPORT_COLUMNS } from "./score-export";

const surveys = {
  professional: professional as unknown as SurveyJson,
  continuum: continuum as unknown as SurveyJson,
  family: family as unknown as SurveyJson,
};
const items = readScoredItems(surveys.professional);
const familyItems = readScoredItems(surveys.family);
const markers = readMarkers(surveys.continuum);
const labels = exportCatalogue(surveys);

/** A round answered on the real questionnaires: professionals on both forms, and families. */
function bundleInput(excel: boolean): ExportBundleInput {
  const round = makeRound({ respondents: 80, items, familyItems, markers, shortShare: 0.2, familyShare: 0.3, seed: 7 });
  const result = scoreRound({ ...round, threshold: 5 });
  let n = 0;
  const rows = answerExportRows({
    round: "Spring 2027",
    // makeRound's answers are plain objects (packed answers are for scoring only).
    responses: round.responses.map((r) => ({ ...r, answers: r.answers as Readonly<Record<string, unknown>> })),
    items: [...items, ...familyItems],
    markers,
    labels,
    threshold: 5,
    randomId: () => `id-${String(n++).padStart(3, "0")}`,
  });
  return {
    partnership: "Northshire",
    round: "Spring 2027",
    threshold: 5,
    generatedAt: "2027-05-01T10:00:00.000Z",
    answers: { status: "ok", rows },
    scores: scoreExportRows("Spring 2027", result),
    labels,
    questionKeys: exportedQuestions([...items, ...familyItems], markers).map((q) => q.key),
    excel,
  };
}

describe("the data download", () => {
  const input = bundleInput(false);
  const files = exportBundleFiles(input);

  it("holds the answers, the scores, their codebook and a README", () => {
    expect(Object.keys(files).sort()).toEqual(["README.txt", "answers.csv", "codebook.csv", "scores.csv"]);
    expect(readCsv(files["answers.csv"]!).header).toEqual([...ANSWER_EXPORT_COLUMNS]);
    expect(readCsv(files["scores.csv"]!).header).toEqual([...SCORE_EXPORT_COLUMNS]);
    expect(files["README.txt"]).toContain("codebook.csv");
  });

  it("has a codebook describing every column and every code in the files", () => {
    // The files hold what the test must see: every kind of answer and hidden cells.
    const answers = readCsv(files["answers.csv"]!).rows;
    const values = new Set(answers.map((r) => r.value));
    for (const v of ["1", "5", "dont_know", "yes", "partly", "no"]) expect(values).toContain(v);
    expect(answers.some((r) => r.respondent_level === "")).toBe(true);
    expect(codebookGaps(files)).toEqual([]);
  });

  it("finds a code the codebook does not list", () => {
    const tampered = { ...files, "answers.csv": files["answers.csv"]!.replace(/,dont_know,/, ",maybe,") };
    expect(codebookGaps(tampered)).toEqual(expect.arrayContaining([expect.stringContaining("maybe")]));
    const extraColumn = { ...files, "scores.csv": files["scores.csv"]!.replace(/^round,/, "round_name,") };
    expect(codebookGaps(extraColumn)).toContain("scores.csv: column round_name has no codebook entry");
  });

  it("labels each answer with the question and the answer the respondent saw", () => {
    const answers = readCsv(files["answers.csv"]!).rows;
    const goals = answers.find((r) => r.item_key === "vision__shared_goals" && r.value === "4")!;
    expect(goals.question).toBe(items.find((i) => i.key === "vision__shared_goals")!.title);
    expect(goals.answer_label).toBe("Agree");
    // Family items use their own wording of the same codes.
    const family = answers.find((r) => r.item_key === familyItems[0]!.key && r.value === "5")!;
    expect(family.answer_label).not.toBe("Strongly agree");
    expect(family.answer_label).not.toBe("");
    const stage = answers.find((r) => r.item_key === "target_stage" && r.value !== "dont_know")!;
    expect(stage.question).not.toBe("");
    expect(stage.answer_label).not.toBe("");
    const scores = readCsv(files["scores.csv"]!).rows;
    expect(scores.find((r) => r.component === "vision")!.component_name).toBe("Shared vision, values and goals");
  });

  it("zips the files, and the Excel-friendly form starts each CSV with a byte-order mark", () => {
    const unzipped = unzipSync(exportBundleZip(bundleInput(true)));
    expect(Object.keys(unzipped).sort()).toEqual(["README.txt", "answers.csv", "codebook.csv", "scores.csv"]);
    for (const name of ["answers.csv", "scores.csv", "codebook.csv"]) {
      const bytes = unzipped[name]!;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(strFromU8(bytes)).toContain("\r\n");
    }
    expect(codebookGaps(Object.fromEntries(Object.entries(unzipped).map(([k, v]) => [k, strFromU8(v)])))).toEqual([]);
    expect([...unzipSync(exportBundleZip(input))["scores.csv"]!.subarray(0, 5)]).toEqual([...Buffer.from("round")]);
  });

  it("says why the answers are left out when they are", () => {
    const left = exportBundleFiles({ ...input, answers: { status: "left_out", reason: "only leads can." } });
    expect(Object.keys(left).sort()).toEqual(["README.txt", "codebook.csv", "scores.csv"]);
    expect(left["README.txt"]).toContain("not included: only leads can.");
    expect(readCsv(left["codebook.csv"]!).rows.every((r) => r.file === "scores.csv")).toBe(true);
    expect(codebookGaps(left)).toEqual([]);
  });
});

describe("the data download in Welsh", () => {
  const english = exportBundleFiles(bundleInput(false));
  const welshInput = bundleInput(false);
  const files = exportBundleFiles({
    ...welshInput,
    lang: "cy",
    labels: exportCatalogue(surveys, "cy"),
    scores: scoreExportRows("Spring 2027", scoreRound({ ...makeRoundForScores(), threshold: 5 }), "cy"),
  });
  /** Common English words that are not also Welsh words. */
  const ENGLISH =
    /\b(the|and|of|to|for|with|from|respondents?|answers?|answered|questions?|statements?|everyone|hidden|fewer|than|which|where|whether|component|level|agency|group)\b/i;

  it("keeps the column names and the codes, and the codebook still covers every code", () => {
    expect(readCsv(files["scores.csv"]!).header).toEqual([...SCORE_EXPORT_COLUMNS]);
    const codes = (text: string) => readCsv(text).rows.map((r) => `${r.file}|${r.column}|${r.item_key}|${r.code}`);
    expect(codes(files["codebook.csv"]!)).toEqual(codes(english["codebook.csv"]!));
    expect(codebookGaps(files)).toEqual([]);
  });

  it("writes the codebook's descriptions and labels, the scores' labels and the README in Welsh", () => {
    const codebook = readCsv(files["codebook.csv"]!).rows;
    const englishWords = codebook.flatMap((r) =>
      [r.description, r.label].filter((text): text is string => !!text && ENGLISH.test(text)),
    );
    expect(englishWords).toEqual([]);
    const scores = readCsv(files["scores.csv"]!).rows;
    expect(scores.find((r) => r.component === "vision")!.component_name).toBe(
      "Gweledigaeth, gwerthoedd a nodau cyffredin",
    );
    expect(new Set(scores.filter((r) => r.breakdown === "overall").map((r) => r.group_label))).toEqual(
      new Set(["Pawb"]),
    );
    expect(scores.filter((r) => ENGLISH.test(r.group_label ?? ""))).toEqual([]);
    // File and column names stay as they are (documented machine names), as does the line of R code.
    const machineNames = new RegExp(
      `\\S+\\.(csv|txt)|\\b(${[...ANSWER_EXPORT_COLUMNS, ...SCORE_EXPORT_COLUMNS].join("|")})\\b`,
      "g",
    );
    const readme = files["README.txt"]!.split("\r\n")
      .filter((line) => !line.startsWith("R:"))
      .filter((line) => ENGLISH.test(line.replace(machineNames, "")));
    expect(readme).toEqual([]);
  });
});

function makeRoundForScores() {
  return makeRound({ respondents: 80, items, familyItems, markers, shortShare: 0.2, familyShare: 0.3, seed: 7 });
}
