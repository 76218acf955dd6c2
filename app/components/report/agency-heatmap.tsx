/**
 * Figure 5: each component as scored by staff of each kind of agency, as a heatmap that is a
 * real table: every cell carries its score as text and its band in the colour, so colour is
 * never the only cue. The scores are the scoring module's byAgencyType breakdown, suppressed
 * there jointly with every other breakdown (app/domain/suppression.ts); nothing is re-derived.
 */
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { largestGroupGap } from "../../domain/differences";
import { AGENCY_TYPES, type AgencyTypeKey } from "../../domain/framework";
import type { ComponentResult } from "../../domain/scoring";
import { BAND_LABELS, BandName, HiddenFootnote, ReportText, ScoreValue } from "./figures";

export function AgencyHeatmap({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  const { lang } = useT();
  // Kinds of agency no one answered for are left out; a hidden group keeps its column, marked c.
  const types = AGENCY_TYPES.filter((t) => components.some((c) => c.byAgencyType[t.key].status !== "no_data"));
  if (!types.length) return <p className="notice">No kind of agency can be shown on its own.</p>;
  return (
    <figure className="chart-block" id="agency-heatmap" aria-labelledby="agency-heatmap-caption">
      <figcaption id="agency-heatmap-caption">
        Figure 5. By kind of agency: each component as scored by the staff of each kind of agency
      </figcaption>
      <div tabIndex={0} role="region" aria-label={"Table: component by kind of agency"} className="table-scroll">
        <table className="heatmap agency-heatmap" data-testid="agency-heatmap-table">
          <caption className="visually-hidden">
            Component scores by the kind of agency respondents work for, with each score's band, and the largest
            difference between kinds of agency
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <ReportText k="table.component" />
              </th>
              {types.map((t) => (
                <th key={t.key} scope="col" className="num">
                  {t.name}
                </th>
              ))}
              <th scope="col">Largest difference</th>
            </tr>
          </thead>
          <tbody>
            {components.map((c) => {
              const gap = largestGroupGap<AgencyTypeKey>(c.byAgencyType);
              return (
                <tr key={c.component} data-component={c.component}>
                  <th scope="row">{frameworkTerm("component", c.component, lang)}</th>
                  {types.map((t) => {
                    const f = c.byAgencyType[t.key];
                    return (
                      <td
                        key={t.key}
                        data-agency-type={t.key}
                        className={`num heat ${f.status === "ok" ? `heat-${f.band}` : "heat-none"}`}
                        title={
                          f.status === "ok"
                            ? `${c.name}, ${t.name}: ${f.score.toFixed(1)} (${BAND_LABELS[f.band].toLowerCase()}), n = ${f.n}`
                            : f.reason
                        }
                      >
                        <ScoreValue figure={f} />
                        {f.status === "ok" ? (
                          <span className="heat-band" aria-hidden="true">
                            <BandName band={f.band} />
                          </span>
                        ) : null}
                        {f.status === "ok" ? (
                          <span className="visually-hidden">
                            {" "}
                            (<BandName band={f.band} lower />)
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                  <td className="gap-cell">
                    {gap ? (
                      <>
                        {gap.gap.difference.toFixed(1)}{" "}
                        <span className="hint">
                          ({AGENCY_TYPES.find((t) => t.key === gap.lowest.group)!.name} lowest;{" "}
                          {gap.gap.clear ? "clear" : "uncertain"})
                        </span>
                      </>
                    ) : (
                      <span className="hint">
                        –<span className="visually-hidden">fewer than two kinds of agency can be shown</span>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="legend">
        <span className="heat-key heat-strength">75+ strength</span>
        <span className="heat-key heat-borderline">50–74.9 borderline</span>
        <span className="heat-key heat-concern">below 50 concern</span>
      </p>
      <p className="footnote">
        Largest difference: the highest minus the lowest kind of agency shown. It is <strong>clear</strong> when its
        interval, widened for every pair of agencies that could have been picked, does not include zero; otherwise{" "}
        <strong>uncertain</strong>.
      </p>
      <HiddenFootnote threshold={threshold} noData="no answers from this kind of agency" />
    </figure>
  );
}
