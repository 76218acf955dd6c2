/** Scores from the short form (one item per component), kept apart from the full questionnaire's. */
import type { ShortFormResults } from "../../domain/scoring";
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { FigureValue, HiddenFootnote, ReportText, ScoreValue } from "./figures";

export function ShortForm({ short, threshold }: { short: ShortFormResults; threshold: number }) {
  const { t, lang } = useT("report");
  return (
    <>
      {/* The note stored in the snapshot is the English of shortForm.note. */}
      <p>{t("shortForm.note")}</p>
      <div tabIndex={0} role="region" aria-label={t("shortForm.tableLabel")} className="table-scroll">
        <table>
          <caption className="visually-hidden">{t("shortForm.tableCaption")}</caption>
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
                <th scope="row">{frameworkTerm("component", c.component, lang)}</th>
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
