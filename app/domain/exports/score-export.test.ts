import { describe, expect, it } from "vitest";
import { scoreRound } from "../scoring";
import { makeRound } from "../../../tests/support/test-builders";
import { SCORE_EXPORT_COLUMNS, scoreExportRows } from "./score-export";

describe("scoreExportRows", () => {
  it("writes one row per component and group, hidden cells as c or x", () => {
    const result = scoreRound(makeRound({ respondents: 12 }));
    const rows = scoreExportRows("R", result);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toHaveLength(SCORE_EXPORT_COLUMNS.length);
    if (result.status !== "ok" || result.professional.status !== "ok") throw new Error("expected results");
    const first = result.professional.components[0]!;
    const col = (name: (typeof SCORE_EXPORT_COLUMNS)[number]) => SCORE_EXPORT_COLUMNS.indexOf(name);
    const row = rows.find((r) => r[col("component")] === first.component && r[col("breakdown")] === "overall")!;
    expect(row[col("score")]).toBe(first.overall.status === "ok" ? first.overall.score : "c");
    expect(row[col("component_name")]).toBe(first.name);
    expect(row[col("group_label")]).toBe("Everyone");
    const cells = rows.flatMap((r) => r.slice(col("score"), col("dont_know") + 1));
    expect(
      cells.every(
        (c) =>
          typeof c === "number" || ["c", "x", "yes", "no", "strength", "borderline", "concern"].includes(String(c)),
      ),
    ).toBe(true);
  });
  it("writes no rows for a round whose results are hidden", () => {
    expect(scoreExportRows("R", scoreRound(makeRound({ respondents: 2 })))).toEqual([]);
  });
});
