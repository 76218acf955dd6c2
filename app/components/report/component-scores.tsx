/** Figure 1: the 13 component scores with their bands and confidence intervals. */
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { CI_MIN_N, type ComponentResult, type ScoreFigure } from "../../domain/scoring";
import { ComponentScoresChart, type ScoreBarRow } from "./charts.client";
import { BandTag, consensusText, FigureValue, HiddenFootnote, ScoreValue } from "./figures";
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
  const { lang } = useT();
  return (
    <ChartFigure
      id="component-scores"
      filename="component-scores"
      caption="Figure 1. Score for each of the 13 components, 0 to 100, with its 95% confidence interval"
      chart={() => (
        <ComponentScoresChart
          rows={scoreBarRows(components)}
          title="Component scores"
          description="Horizontal bars, one per component, on a scale of 0 to 100, over shaded bands: concern below 50, borderline 50 to 74.9, strength 75 and above. Whiskers show the 95% confidence interval. The same figures are in the table that follows."
        />
      )}
      table={
        <>
          <table>
            <caption className="visually-hidden">Component scores</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Band</th>
                <th scope="col" className="num">
                  95% CI
                </th>
                <th scope="col" className="num">
                  n
                </th>
                <th scope="col">
                  <abbr title="The share of answers within one scale point of their question's middle view (the median). It is not agreement with the statements.">
                    Consensus
                  </abbr>
                  : within one point of the middle view
                </th>
                <th scope="col" className="num">
                  <abbr title="Facilitator questions scored alone, then barrier questions scored alone: a big difference means the score depends on which kind a respondent answered">
                    Facilitators / barriers
                  </abbr>
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
                          <span className="hint">too few to tell</span>
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
                            Split on {f.splitItems?.split ?? "some"} of {f.splitItems?.of ?? "its"} questions, median{" "}
                            {f.median.toFixed(1)}
                          </span>
                        ) : (
                          <span title={consensusText(f.agreement)}>{Math.round(f.agreement * 100)}%</span>
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
