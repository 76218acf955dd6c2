/** How far to trust the figures: n, intervals, spread, split views, alpha and "don't know" per component. */
import { CI_MIN_N, type ComponentResult } from "../../domain/scoring";
import { FigureValue, HiddenFootnote, ReportText } from "./figures";

export function Trust({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  return (
    <>
      <ul>
        <li>
          <strong>n</strong>: how many people a score rests on. The fewer, the less certain.
        </li>
        <li>
          <strong>
            <ReportText k="table.ci" />
          </strong>
          : the range the score would probably fall in with other respondents. Wide intervals mean uncertain scores;
          components whose intervals overlap may not really differ. Below {CI_MIN_N} people an interval says too little
          to show.
        </li>
        <li>
          <strong>Split</strong>: on at least half of the component's questions, a third or more of people (and at least
          two) are more than one answer away from the middle view. One figure cannot speak for the group; read the
          spread and talk it through.
        </li>
        <li>
          <strong>Alpha</strong> (Cronbach's): whether a component's questions measure one thing; 0.7 or more is usual.
          In brackets its 95% interval and how many people answered every question (alpha rests on them only).
        </li>
        <li>
          <strong>Don't know</strong>: answers left out of the scores. Many of them suggest people lack the information,
          which is a finding in itself.
        </li>
      </ul>
      <div tabIndex={0} role="region" aria-label={"Table: how far to trust each score"} className="table-scroll">
        <table data-testid="trust-table">
          <caption className="visually-hidden">How far to trust each component's score</caption>
          <thead>
            <tr>
              <th scope="col">
                <ReportText k="table.component" />
              </th>
              <th scope="col" className="num">
                n
              </th>
              <th scope="col" className="num">
                <ReportText k="table.ci" />
              </th>
              <th scope="col" className="num">
                SD
              </th>
              <th scope="col">Split?</th>
              <th scope="col" className="num">
                Alpha
              </th>
              <th scope="col" className="num">
                Don't know
              </th>
              <th scope="col" className="num">
                Left out
              </th>
            </tr>
          </thead>
          <tbody>
            {components.map((c) => (
              <tr key={c.component}>
                <th scope="row">{c.name}</th>
                <td className="num">
                  <FigureValue figure={c.overall}>{(f) => f.n}</FigureValue>
                </td>
                <td className="num">
                  <FigureValue figure={c.overall}>
                    {(f) =>
                      f.n < CI_MIN_N ? (
                        <span className="hint">too few</span>
                      ) : (
                        `${f.ci95.low.toFixed(1)}–${f.ci95.high.toFixed(1)}`
                      )
                    }
                  </FigureValue>
                </td>
                <td className="num">
                  <FigureValue figure={c.overall}>{(f) => f.sd.toFixed(1)}</FigureValue>
                </td>
                <td>
                  <FigureValue figure={c.overall}>
                    {(f) => (f.split ? <span className="split-flag">Split</span> : "No")}
                  </FigureValue>
                </td>
                <td className="num">
                  {c.alpha.status === "ok" ? (
                    <>
                      {c.alpha.value.toFixed(2)}
                      {c.alpha.ci95 ? (
                        <span className="hint">
                          {" "}
                          ({c.alpha.ci95.low.toFixed(2)}–{c.alpha.ci95.high.toFixed(2)}, n = {c.alpha.n})
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="hint" title={c.alpha.reason}>
                      –<span className="visually-hidden"> ({c.alpha.reason})</span>
                    </span>
                  )}
                </td>
                <td className="num">{c.dontKnowAnswers}</td>
                <td className="num">
                  <FigureValue figure={c.overall}>{(f) => f.leftOut}</FigureValue>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HiddenFootnote threshold={threshold} />
    </>
  );
}
