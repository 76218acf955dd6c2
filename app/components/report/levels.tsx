/** Figures 3 and 4: component by the level the questions are about, and by the level respondents work at. */
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { LEVELS, type LevelKey } from "../../domain/framework";
import type { ComponentResult } from "../../domain/scoring";
import { PerceptionGapChart } from "./charts.client";
import { HiddenFootnote, ReportText, ScoreValue, Term } from "./figures";
import { ChartFigure } from "./layout";

export const levelName = (key: LevelKey) => LEVELS.find((l) => l.key === key)?.name ?? key;

export function LevelHeatmap({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  const { lang } = useT();
  return (
    <figure className="chart-block" id="heatmap" aria-labelledby="heatmap-caption">
      <figcaption id="heatmap-caption">
        Figure 3. Component by level: scores of the questions about each level
      </figcaption>
      <div tabIndex={0} role="region" aria-label={"Table: component by level"} className="table-scroll">
        <table className="heatmap" data-testid="heatmap-table">
          <caption className="visually-hidden">
            Component by level: score of the questions about each level, coloured by band
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <ReportText k="table.component" />
              </th>
              {LEVELS.map((l) => (
                <th key={l.key} scope="col" className="num">
                  <Term kind="level" k={l.key} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {components.map((c) => (
              <tr key={c.component}>
                <th scope="row">{frameworkTerm("component", c.component, lang)}</th>
                {LEVELS.map((l) => {
                  const f = c.byItemLevel[l.key];
                  return (
                    <td
                      key={l.key}
                      className={`num heat ${f.status === "ok" ? `heat-${f.band}` : "heat-none"}`}
                      tabIndex={f.status === "ok" ? 0 : undefined}
                      title={
                        f.status === "ok"
                          ? `${c.name}, $<Term kind="level" k={l.key} />: ${f.score.toFixed(1)} (${f.band}), n = ${f.n}`
                          : f.reason
                      }
                    >
                      <ScoreValue figure={f} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="legend" aria-hidden="true">
        <span className="heat-key heat-strength">75+ strength</span>
        <span className="heat-key heat-borderline">50–74.9 borderline</span>
        <span className="heat-key heat-concern">below 50 concern</span>
      </p>
      <HiddenFootnote threshold={threshold} noData="no questions about this level, or no answers to them" />
    </figure>
  );
}

export function PerceptionGap({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  const { lang } = useT();
  const rows = components.map((c) => ({
    key: c.component,
    name: c.name,
    scores: Object.fromEntries(
      LEVELS.map((l) => [
        l.key,
        c.byRespondentLevel[l.key].status === "ok" ? (c.byRespondentLevel[l.key] as { score: number }).score : null,
      ]),
    ) as Record<LevelKey, number | null>,
  }));
  return (
    <ChartFigure
      id="perception-gap"
      filename="perception-gap"
      caption="Figure 4. The perception gap: each component as scored by staff working at each level"
      chart={() => (
        <PerceptionGapChart
          rows={rows}
          title="Perception gap"
          description="For each component, one bar per level respondents work at: national, local authority, organisation and team. The same figures are in the table that follows."
        />
      )}
      table={
        <>
          <table>
            <caption className="visually-hidden">Component scores by the level respondents work at</caption>
            <thead>
              <tr>
                <th scope="col">
                  <ReportText k="table.component" />
                </th>
                {LEVELS.map((l) => (
                  <th key={l.key} scope="col" className="num">
                    <Term kind="level" k={l.key} />
                  </th>
                ))}
                <th scope="col">Gap</th>
              </tr>
            </thead>
            <tbody>
              {components.map((c) => (
                <tr key={c.component}>
                  <th scope="row">{frameworkTerm("component", c.component, lang)}</th>
                  {LEVELS.map((l) => (
                    <td key={l.key} className="num">
                      <ScoreValue figure={c.byRespondentLevel[l.key]} />
                    </td>
                  ))}
                  <td>
                    {c.perceptionGap.status === "ok" ? (
                      <>
                        {c.perceptionGap.gap.toFixed(1)}{" "}
                        <span className="hint">
                          (<Term kind="level" k={c.perceptionGap.highest.level} /> highest,{" "}
                          <Term kind="level" k={c.perceptionGap.lowest.level} /> lowest
                          {c.perceptionGap.ci
                            ? `; ${c.perceptionGap.ci.low.toFixed(1)} to ${c.perceptionGap.ci.high.toFixed(1)}${c.perceptionGap.clear ? "" : ", not clear"}`
                            : ""}
                          )
                        </span>
                      </>
                    ) : (
                      <span className="hint">–</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <HiddenFootnote threshold={threshold} />
        </>
      }
    />
  );
}
