/** Figure 1: the 13 component scores with their bands and confidence intervals. */
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { CI_MIN_N, type ComponentResult, type ScoreFigure } from "../../domain/scoring";
import { ComponentScoresChart, type ScoreBarRow } from "./charts.client";
import { BandTag, FigureValue, HiddenFootnote, ScoreValue } from "./figures";
import { ChartFigure } from "./layout";

export function scoreBarRows(
  components: readonly { component: string; name: string; overall: ScoreFigure }[],
): ScoreBarRow[] {
  return components.map((c) => {
    const f = c.overall;
    return f.status === "ok"
      ? {
          key: c.component,
          name: c.name,
          score: f.score,
          band: f.band,
          low: f.ci95.low,
          high: f.ci95.high,
          n: f.n,
          split: f.split,
          hidden: null,
          mark: null,
        }
      : {
          key: c.component,
          name: c.name,
          score: null,
          band: null,
          low: null,
          high: null,
          n: null,
          split: false,
          hidden: f.reason,
          mark: f.status === "suppressed" ? "c" : "x",
        };
  });
}

export function ComponentScores({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  const { t, lang } = useT("report");
  return (
    <ChartFigure
      id="component-scores"
      filename="component-scores"
      caption={t("scores.caption")}
      chart={() => (
        <ComponentScoresChart
          rows={scoreBarRows(components).map((r) => ({ ...r, name: frameworkTerm("component", r.key, lang) }))}
          title={t("section.components")}
          description={t("scores.chartDescription")}
        />
      )}
      table={
        <>
          <table>
            <caption className="visually-hidden">{t("section.components")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("table.component")}</th>
                <th scope="col" className="num">
                  {t("table.score")}
                </th>
                <th scope="col">{t("table.band")}</th>
                <th scope="col" className="num">
                  {t("table.ci")}
                </th>
                <th scope="col" className="num">
                  n
                </th>
                <th scope="col">
                  <abbr title={t("table.consensusTitle")}>{t("table.consensus")}</abbr>
                  {t("table.consensusRest")}
                </th>
                <th scope="col" className="num">
                  <abbr title={t("table.subscoresTitle")}>{t("table.subscores")}</abbr>
                </th>
              </tr>
            </thead>
            <tbody>
              {components.map((c) => (
                <tr key={c.component} data-component={c.component}>
                  <th scope="row">{frameworkTerm("component", c.component, lang)}</th>
                  <td className="num" data-testid={`score-${c.component}`}>
                    <ScoreValue figure={c.overall} />
                  </td>
                  <td>
                    <FigureValue figure={c.overall}>{(f) => <BandTag band={f.band} />}</FigureValue>
                  </td>
                  <td className="num">
                    <FigureValue figure={c.overall}>
                      {(f) =>
                        f.n < CI_MIN_N ? (
                          <span className="hint">{t("table.tooFew")}</span>
                        ) : (
                          `${f.ci95.low.toFixed(1)}–${f.ci95.high.toFixed(1)}`
                        )
                      }
                    </FigureValue>
                  </td>
                  <td className="num">
                    <FigureValue figure={c.overall}>{(f) => f.n}</FigureValue>
                  </td>
                  <td>
                    <FigureValue figure={c.overall}>
                      {(f) =>
                        f.split ? (
                          <span className="split-flag">
                            {t("table.split", {
                              split: f.splitItems?.split ?? t("table.splitSome"),
                              of: f.splitItems?.of ?? t("table.splitIts"),
                              median: f.median.toFixed(1),
                            })}
                          </span>
                        ) : (
                          <span title={t("table.consensusText", { pct: Math.round(f.agreement * 100) })}>
                            {Math.round(f.agreement * 100)}%
                          </span>
                        )
                      }
                    </FigureValue>
                  </td>
                  <td className="num" data-testid={`subscores-${c.component}`}>
                    <ScoreValue figure={c.facilitators} /> / <ScoreValue figure={c.barriers} />
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
