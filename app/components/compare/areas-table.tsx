/** Each area compared: its round, respondents and place on the continuum. */
import type { ContinuumSummary } from "../../domain/comparison";
import type { CountFigure } from "../../domain/suppression";
import { HiddenMark } from "../report/figures";
import { formatDate } from "../../domain/dates";
import { rateText, type ResponseRate } from "../../domain/response-rates";

/** A rate where the area recorded invited numbers; low ones flagged; none for a hidden count. */
function RateCell({ rate }: { rate: ResponseRate | undefined }) {
  if (!rate || rate.status === "unknown") return <span className="hint">not recorded</span>;
  if (rate.status === "hidden") return <span className="hint">{rateText(rate)}</span>;
  return (
    <>
      {rate.percent}% of {rate.invited}
      {rate.low ? (
        <>
          {" "}
          <span className="tag red">low: may not be representative</span>
        </>
      ) : null}
    </>
  );
}

export interface AreaRow {
  id: string;
  name: string;
  /** The round compared, or null when the area has no published results in the time window. */
  round: {
    name: string;
    closedOn: string;
    status: "open" | "closed";
    form: "full" | "short";
    source: "snapshot" | "retention";
    snapshot: { kind: "interim" | "final" | "retention"; takenAt: string };
  } | null;
  /** An open round with no published snapshot yet. */
  unpublished: { id: string; name: string } | null;
  respondents: CountFigure | null;
  continuum: ContinuumSummary | null;
}

export function AreasTable({ areas, rates }: { areas: AreaRow[]; rates?: ResponseRate[] }) {
  return (
    <table className="compare-table">
      <thead>
        <tr>
          <th scope="col">Area</th>
          <th scope="col">Round</th>
          <th scope="col">Respondents</th>
          <th scope="col">Response rate</th>
          <th scope="col">Continuum stage</th>
          <th scope="col">Target stage (median)</th>
          <th scope="col">Gap</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a, i) => (
          <tr key={a.id}>
            <th scope="row">{a.name}</th>
            {a.round ? (
              <>
                <td>
                  {a.round.name}
                  <br />
                  <span className="hint">
                    {a.round.snapshot.kind === "interim"
                      ? `interim results published ${formatDate(a.round.snapshot.takenAt)}`
                      : `closed ${formatDate(a.round.closedOn)}`}
                    {a.round.form === "short" ? "; short form: not directly comparable" : ""}
                    {a.round.source === "retention" ? "; kept scores (answers deleted)" : ""}
                  </span>
                  {a.unpublished ? (
                    <>
                      <br />
                      <span className="hint">{a.unpublished.name}: no published results yet</span>
                    </>
                  ) : null}
                </td>
                <td>
                  {a.respondents?.status === "ok" ? (
                    a.respondents.n
                  ) : a.respondents ? (
                    <HiddenMark figure={a.respondents} />
                  ) : null}
                </td>
                <td data-testid="area-response-rate">
                  <RateCell rate={rates?.[i]} />
                </td>
                <td>
                  {a.continuum?.placement.status === "ok" ? (
                    `${a.continuum.placement.current.stage}. ${a.continuum.placement.current.name}${a.continuum.placement.lowerBound ? " or further" : ""}${a.continuum.placement.nonCumulative.length ? ` (also met: ${a.continuum.placement.nonCumulative.map((s) => s.name).join(", ")})` : ""}`
                  ) : a.continuum ? (
                    <HiddenMark figure={a.continuum.placement} />
                  ) : null}
                </td>
                <td>
                  {a.continuum?.target.status === "ok" ? (
                    a.continuum.target.median
                  ) : a.continuum ? (
                    <HiddenMark figure={a.continuum.target} />
                  ) : null}
                </td>
                <td>
                  {a.continuum?.gap.status === "ok" ? (
                    a.continuum.gap.gap > 0 ? (
                      `+${a.continuum.gap.gap}`
                    ) : (
                      a.continuum.gap.gap
                    )
                  ) : a.continuum ? (
                    <HiddenMark figure={a.continuum.gap} />
                  ) : null}
                </td>
              </>
            ) : (
              <td colSpan={6}>
                {a.unpublished
                  ? `${a.unpublished.name}: no published results yet`
                  : "No published results in the time window"}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
