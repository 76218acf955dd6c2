/** How far to trust the figures: n, intervals, spread, split views, alpha and "don't know" per component. */
import { CI_MIN_N, type ComponentResult } from "../../domain/scoring";
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { FigureValue, HiddenFootnote, reasonText, ReportText } from "./figures";

export function Trust({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  const { t, lang } = useT("report");
  return (
    <>
      <ul>
        <li>
          <strong>n</strong>: {t("trust.n")}
        </li>
        <li>
          <strong>
            <ReportText k="table.ci" />
          </strong>
          : {t("trust.ci", { min: CI_MIN_N })}
        </li>
        <li>
          <strong>{t("trust.split")}</strong>: {t("trust.splitText")}
        </li>
        <li>
          <strong>{t("trust.alpha")}</strong> {t("trust.alphaText")}
        </li>
        <li>
          <strong>{t("trust.dontKnow")}</strong>: {t("trust.dontKnowText")}
        </li>
      </ul>
      <div tabIndex={0} role="region" aria-label={t("trust.tableLabel")} className="table-scroll">
        <table data-testid="trust-table">
          <caption className="visually-hidden">{t("trust.tableCaption")}</caption>
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
                {t("trust.sd")}
              </th>
              <th scope="col">{t("trust.splitQ")}</th>
              <th scope="col" className="num">
                {t("trust.alpha")}
              </th>
              <th scope="col" className="num">
                {t("trust.dontKnow")}
              </th>
              <th scope="col" className="num">
                {t("trust.leftOut")}
              </th>
            </tr>
          </thead>
          <tbody>
            {components.map((c) => (
              <tr key={c.component}>
                <th scope="row">{frameworkTerm("component", c.component, lang)}</th>
                <td className="num">
                  <FigureValue figure={c.overall}>{(f) => f.n}</FigureValue>
                </td>
                <td className="num">
                  <FigureValue figure={c.overall}>
                    {(f) =>
                      f.n < CI_MIN_N ? (
                        <span className="hint">{t("trust.tooFew")}</span>
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
                    {(f) => (f.split ? <span className="split-flag">{t("trust.split")}</span> : t("trust.no"))}
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
                    <span className="hint" title={reasonText(c.alpha.reason, t)}>
                      –<span className="visually-hidden"> ({reasonText(c.alpha.reason, t)})</span>
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
