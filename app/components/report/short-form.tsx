/** Scores from the short form (one item per component), kept apart from the full questionnaire's. */
import type { ShortFormResults } from "../../domain/scoring";
import { FigureValue, HiddenFootnote, ReportText, ScoreValue } from "./figures";

export function ShortForm({ short, threshold }: { short: ShortFormResults; threshold: number }) {
  return (
    <>
      <p>{short.note}</p>
      <div tabIndex={0} role="region" aria-label={"Table: short form scores"} className="table-scroll">
        <table>
          <caption className="visually-hidden">Short form scores</caption>
          <thead>
            <tr>
              <th scope="col">
                <ReportText k="table.component" />
              </th>
              <th scope="col" className="num">
                <ReportText k="table.score" />
              </th>
              <th scope="col" className="num">
                n
              </th>
            </tr>
          </thead>
          <tbody>
            {short.components.map((c) => (
              <tr key={c.component}>
                <th scope="row">{c.name}</th>
                <td className="num">
                  <ScoreValue figure={c.overall} />
                </td>
                <td className="num">
                  <FigureValue figure={c.overall}>{(f) => f.n}</FigureValue>
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
