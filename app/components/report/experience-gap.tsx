/**
 * Figure 9: the experience gap. For each component both questionnaires ask about, the families'
 * score beside the professionals', the difference and its 95% interval. The difference is only
 * called clear when the interval excludes zero; a hidden figure has no difference.
 */
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import type { ExperienceGapRow } from "../../domain/experience-gap";
import { BandTag, FigureValue, HiddenFootnote, ReportText, ScoreValue } from "./figures";

const VERDICT_WORDS = {
  families_lower: "Families rate it lower",
  families_higher: "Families rate it higher",
  no_clear_difference: "No clear difference",
} as const;

export function ExperienceGap({ rows, threshold }: { rows: ExperienceGapRow[]; threshold: number }) {
  const { lang } = useT();
  return (
    <figure className="chart-block" id="experience-gap" aria-labelledby="experience-gap-caption">
      <figcaption id="experience-gap-caption">
        Figure 9. The experience gap: families' and professionals' scores for the same components, side by side
      </figcaption>
      <div tabIndex={0} role="region" aria-label={"Table: the experience gap"} className="table-scroll">
        <table data-testid="experience-gap-table" className="experience-table">
          <caption className="visually-hidden">
            Professionals' and families' scores for each component both questionnaires ask about, and the difference
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <ReportText k="table.component" />
              </th>
              <th scope="col" className="num">
                Professionals
              </th>
              <th scope="col" className="num">
                Families
              </th>
              <th scope="col" className="num">
                Difference
              </th>
              <th scope="col">What it shows</th>
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
                          {r.interval.low.toFixed(1)} to {r.interval.high.toFixed(1)}
                        </span>
                      ) : null}
                    </>
                  )}
                </td>
                <td>
                  {r.verdict ? (
                    <span className={`verdict verdict-${r.verdict}`}>{VERDICT_WORDS[r.verdict]}</span>
                  ) : (
                    <span className="hint">Not comparable: a figure is hidden or missing</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="footnote">
        Difference: families minus professionals, with its 95% interval (Welch's, for two independent groups). It is
        called a difference only when the interval does not include zero.
      </p>
      <HiddenFootnote threshold={threshold} />
    </figure>
  );
}
