/** Figures 5 and 6: how each member agency works with each other one, as a matrix and a network. */
import { STAGES } from "../../domain/framework";
import { stageAbbreviation, stageNameOf } from "./stage-names";
import type { PartnerResults } from "../../domain/scoring";
import { ClientOnly } from "../client-only";
import { ChartDownloads } from "./chart-downloads";
import { FigureValue, HiddenFootnote } from "./figures";
import { PartnerNetwork, STAGE_COLOURS, stageTextColour } from "./partner-network";

export function Partners({ partners, threshold }: { partners: PartnerResults; threshold: number }) {
  const agencies = partners.agencies;
  const cell = (from: string, to: string) => partners.cells.find((c) => c.from === from && c.to === to);
  const pairOf = (a: string, b: string) =>
    partners.pairs.find(
      (p) => (p.agencies[0] === a && p.agencies[1] === b) || (p.agencies[0] === b && p.agencies[1] === a),
    );
  const differently = partners.pairs.filter((p) => p.seeDifferently);
  const name = (id: string) => agencies.find((a) => a.id === id)?.name ?? id;
  return (
    <>
      <figure className="chart-block" id="partner-matrix" aria-labelledby="partner-matrix-caption">
        <figcaption id="partner-matrix-caption">
          Figure 6. Partner matrix: how each agency's staff rate working with each other agency now, and where they want
          it to be
        </figcaption>
        <p className="scroll-cue" aria-hidden="true">
          Scroll the table sideways to see every agency →
        </p>
        <div tabIndex={0} role="region" aria-label={"Table: partner matrix"} className="table-scroll">
          <table className="matrix" data-testid="partner-matrix">
            <caption className="visually-hidden">
              Median stage now and wanted, by rating agency (rows) and agency rated (columns)
            </caption>
            <thead>
              <tr>
                <th scope="col">Rated by ↓ / working with →</th>
                {agencies.map((a, i) => (
                  <th key={a.id} scope="col" className="matrix-col">
                    <span aria-hidden="true">{i + 1}</span>
                    <span className="visually-hidden">{a.name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {agencies.map((from, i) => (
                <tr key={from.id}>
                  <th scope="row">
                    {i + 1}. {from.name}
                  </th>
                  {agencies.map((to) => {
                    if (from.id === to.id)
                      return (
                        <td key={to.id} className="matrix-self">
                          <span className="visually-hidden">Same agency</span>
                        </td>
                      );
                    const c = cell(from.id, to.id);
                    const pair = pairOf(from.id, to.id);
                    if (!c) return <td key={to.id}>x</td>;
                    const now = c.now;
                    const flagged = pair?.seeDifferently === true;
                    return (
                      <td
                        key={to.id}
                        className={`matrix-cell${flagged ? " matrix-flag" : ""}`}
                        style={
                          now.status === "ok"
                            ? {
                                background: STAGE_COLOURS[Math.round(now.median)],
                                color: stageTextColour(Math.round(now.median)),
                              }
                            : undefined
                        }
                      >
                        <span className="matrix-now" aria-hidden="true">
                          <FigureValue figure={now}>{(f) => stageAbbreviation(f.median)}</FigureValue>
                          {flagged ? <span className="flag-icon"> ⚑</span> : null}
                        </span>
                        {now.status === "ok" || c.wanted.status === "ok" ? (
                          <span className="matrix-wanted" aria-hidden="true">
                            → <FigureValue figure={c.wanted}>{(f) => stageAbbreviation(f.median)}</FigureValue>
                          </span>
                        ) : null}
                        <span className="visually-hidden">
                          Now: <FigureValue figure={now}>{(f) => stageNameOf(f.median)}</FigureValue>; wanted:{" "}
                          <FigureValue figure={c.wanted}>{(f) => stageNameOf(f.median)}</FigureValue>
                          {flagged ? "; the two agencies see this relationship differently" : ""}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="legend">
          Each cell: the median stage now, above the median stage wanted, shaded by the stage now. A stage between two
          (half the raters at each) shows both names.
        </p>
        <ul className="matrix-key" aria-label="Key to the stage names">
          {STAGES.map((s) => (
            <li key={s.key}>
              <abbr
                title={s.name}
                className="matrix-key-abbr"
                style={{ background: STAGE_COLOURS[s.stage], color: stageTextColour(s.stage) }}
              >
                {stageAbbreviation(s.stage)}
              </abbr>{" "}
              {s.stage}. {s.name}
            </li>
          ))}
          <li>
            <span className="matrix-key-abbr matrix-key-flag" aria-hidden="true">
              ⚑
            </span>{" "}
            The two agencies rate each other more than one stage apart
          </li>
        </ul>
        <HiddenFootnote threshold={threshold} />
      </figure>

      <figure className="chart-block" id="partner-network" aria-labelledby="partner-network-caption">
        <figcaption id="partner-network-caption">
          Figure 7. Partner network: thicker, darker lines work more closely; dashed lines see each other differently
        </figcaption>
        <div className="chart" data-testid="partner-network-chart">
          <PartnerNetwork
            title="Network of member agencies; the figures are in the partner matrix above"
            agencies={agencies.map((a) => ({ id: a.id, name: a.name }))}
            pairs={partners.pairs.map((p) => ({
              a: p.agencies[0],
              b: p.agencies[1],
              aRatesB: p.firstRatesSecond,
              bRatesA: p.secondRatesFirst,
              seeDifferently: p.seeDifferently,
            }))}
          />
        </div>
        <ClientOnly>
          {() => <ChartDownloads figureId="partner-network" filename="partner-network" label="the partner network" />}
        </ClientOnly>
      </figure>
      <h3>Pairs that see each other differently</h3>
      {differently.length ? (
        <ul data-testid="see-differently">
          {differently.map((p) => (
            <li key={p.agencies.join("-")}>
              {name(p.agencies[0])} rates working with {name(p.agencies[1])} at stage {p.firstRatesSecond};{" "}
              {name(p.agencies[1])} rates it at stage {p.secondRatesFirst}.
            </li>
          ))}
        </ul>
      ) : (
        <p>No pair's ratings of each other are more than one stage apart, among those that can be shown.</p>
      )}
    </>
  );
}
