/** Figures 3 and 4: component by the level the questions are about, and by the level respondents work at. */
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { LEVELS, type LevelKey } from "../../domain/framework";
import type { ComponentResult } from "../../domain/scoring";
import { PerceptionGapChart } from "./charts.client";
import { HeatLegend, HiddenFootnote, reasonText, ReportText, ScoreValue, Term } from "./figures";
import { ChartFigure } from "./layout";

export const levelName = (key: LevelKey) => LEVELS.find((l) => l.key === key)?.name ?? key;

export function LevelHeatmap({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  const { t, lang } = useT("report");
  return (
    <figure className="chart-block" id="heatmap" aria-labelledby="heatmap-caption">
      <figcaption id="heatmap-caption">{t("levels.caption")}</figcaption>
      <div tabIndex={0} role="region" aria-label={t("levels.tableLabel")} className="table-scroll">
        <table className="heatmap" data-testid="heatmap-table">
          <caption className="visually-hidden">{t("levels.tableCaption")}</caption>
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
                          ? `${frameworkTerm("component", c.component, lang)}, ${frameworkTerm("level", l.key, lang)}: ${f.score.toFixed(1)} (${frameworkTerm("band", f.band, lang).toLowerCase()}), n = ${f.n}`
                          : reasonText(f.reason, t)
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
      <HeatLegend hidden />
      <HiddenFootnote threshold={threshold} noData={t("levels.noData")} />
    </figure>
  );
}

export function PerceptionGap({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  const { t, lang } = useT("report");
  const rows = components.map((c) => ({
    key: c.component,
    name: frameworkTerm("component", c.component, lang),
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
      caption={t("gap.caption")}
      chart={() => <PerceptionGapChart rows={rows} title={t("gap.title")} description={t("gap.description")} />}
      table={
        <>
          <table>
            <caption className="visually-hidden">{t("gap.tableCaption")}</caption>
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
                <th scope="col">{t("gap.gap")}</th>
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
                          (
                          {t("gap.highestLowest", {
                            highest: frameworkTerm("level", c.perceptionGap.highest.level, lang),
                            lowest: frameworkTerm("level", c.perceptionGap.lowest.level, lang),
                          })}
                          {c.perceptionGap.ci
                            ? `; ${t("gap.interval", { low: c.perceptionGap.ci.low.toFixed(1), high: c.perceptionGap.ci.high.toFixed(1) })}${c.perceptionGap.clear ? "" : t("gap.notClear")}`
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
