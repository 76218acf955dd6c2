/**
 * Figure 9: the experience gap. For each component both questionnaires ask about, the families'
 * score beside the professionals', the difference and its 95% interval. The difference is only
 * called clear when the interval excludes zero; a hidden figure has no difference.
 */
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import type { ExperienceGapRow } from "../../domain/experience-gap";
import { BandTag, FigureValue, HiddenFootnote, ReportText, ScoreValue } from "./figures";

export function ExperienceGap({ rows, threshold }: { rows: ExperienceGapRow[]; threshold: number }) {
  const { t, lang } = useT("report");
  return (
    <figure className="chart-block" id="experience-gap" aria-labelledby="experience-gap-caption">
      <figcaption id="experience-gap-caption">{t("experience.caption")}</figcaption>
      <div tabIndex={0} role="region" aria-label={t("experience.tableLabel")} className="table-scroll">
        <table data-testid="experience-gap-table" className="experience-table">
          <caption className="visually-hidden">{t("experience.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">
                <ReportText k="table.component" />
              </th>
              <th scope="col" className="num">
                {t("who.professionals")}
              </th>
              <th scope="col" className="num">
                {t("experience.families")}
              </th>
              <th scope="col" className="num">
                {t("experience.difference")}
              </th>
              <th scope="col">{t("experience.shows")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.component} data-component={r.component} data-verdict={r.verdict ?? "none"}>
                <th scope="row">{frameworkTerm("component", r.component, lang)}</th>
                <td className="num">
                  <ScoreValue figure={r.professional} />{" "}
                  <FigureValue figure={r.professional}>{(f) => <BandTag band={f.band} />}</FigureValue>
                </td>
                <td className="num">
                  <ScoreValue figure={r.family} />{" "}
                  <FigureValue figure={r.family}>{(f) => <BandTag band={f.band} />}</FigureValue>
                </td>
                <td className="num">
                  {r.difference === null ? (
                    <span className="hint">–</span>
                  ) : (
                    <>
                      {r.difference > 0 ? "+" : ""}
                      {r.difference.toFixed(1)}
                      {r.interval ? (
                        <span className="change-detail">
                          {t("gap.interval", { low: r.interval.low.toFixed(1), high: r.interval.high.toFixed(1) })}
                        </span>
                      ) : null}
                    </>
                  )}
                </td>
                <td>
                  {r.verdict ? (
                    <span className={`verdict verdict-${r.verdict}`}>{t(`experience.verdict.${r.verdict}`)}</span>
                  ) : (
                    <span className="hint">{t("experience.notComparable")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="footnote">{t("experience.footnote")}</p>
      <HiddenFootnote threshold={threshold} />
    </figure>
  );
}
