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
import { BandName, HeatLegend, HiddenFootnote, reasonText, ReportText, ScoreValue } from "./figures";

export function AgencyHeatmap({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  const { t: tr, lang } = useT("report");
  const agencyName = (key: string) => frameworkTerm("agency_type", key, lang);
  // Kinds of agency no one answered for are left out; a hidden group keeps its column, marked c.
  const types = AGENCY_TYPES.filter((t) => components.some((c) => c.byAgencyType[t.key].status !== "no_data"));
  if (!types.length) return <p className="notice">{tr("agency.none")}</p>;
  return (
    <figure className="chart-block" id="agency-heatmap" aria-labelledby="agency-heatmap-caption">
      <figcaption id="agency-heatmap-caption">{tr("agency.caption")}</figcaption>
      <div tabIndex={0} role="region" aria-label={tr("agency.tableLabel")} className="table-scroll">
        <table className="heatmap agency-heatmap" data-testid="agency-heatmap-table">
          <caption className="visually-hidden">{tr("agency.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">
                <ReportText k="table.component" />
              </th>
              {types.map((t) => (
                <th key={t.key} scope="col" className="num">
                  {agencyName(t.key)}
                </th>
              ))}
              <th scope="col">{tr("agency.largest")}</th>
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
                            ? `${frameworkTerm("component", c.component, lang)}, ${agencyName(t.key)}: ${f.score.toFixed(1)} (${frameworkTerm("band", f.band, lang).toLowerCase()}), n = ${f.n}`
                            : reasonText(f.reason, tr)
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
                          (
                          {tr(gap.gap.clear ? "agency.lowestClear" : "agency.lowestUncertain", {
                            lowest: agencyName(gap.lowest.group),
                          })}
                          )
                        </span>
                      </>
                    ) : (
                      <span className="hint">
                        –<span className="visually-hidden">{tr("agency.fewerThanTwo")}</span>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <HeatLegend />
      <p className="footnote">
        {tr("agency.footnoteStart")} <strong>{tr("agency.clear")}</strong> {tr("agency.footnoteMiddle")}{" "}
        <strong>{tr("agency.uncertain")}</strong>.
      </p>
      <HiddenFootnote threshold={threshold} noData={tr("agency.noData")} />
    </figure>
  );
}
