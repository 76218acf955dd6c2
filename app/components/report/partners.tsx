/** Figures 5 and 6: how each member agency works with each other one, as a matrix and a network. */
import { STAGES } from "../../domain/framework";
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { stageAbbreviation, stageNameOf } from "./stage-names";
import type { PartnerResults } from "../../domain/scoring";
import { ClientOnly } from "../client-only";
import { ChartDownloads } from "./chart-downloads";
import { FigureValue, HiddenFootnote } from "./figures";
import { PartnerNetwork, STAGE_COLOURS, stageTextColour } from "./partner-network";

export function Partners({ partners, threshold }: { partners: PartnerResults; threshold: number }) {
  const { t, lang } = useT("report");
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
        <figcaption id="partner-matrix-caption">{t("partners.matrixCaption")}</figcaption>
        <p className="scroll-cue" aria-hidden="true">
          {t("partners.scroll")}
        </p>
        <div tabIndex={0} role="region" aria-label={t("partners.matrixLabel")} className="table-scroll">
          <table className="matrix" data-testid="partner-matrix">
            <caption className="visually-hidden">{t("partners.matrixTableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("partners.corner")}</th>
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
                          <span className="visually-hidden">{t("partners.same")}</span>
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
                          <FigureValue figure={now}>{(f) => stageAbbreviation(f.median, lang)}</FigureValue>
                          {flagged ? <span className="flag-icon"> ⚑</span> : null}
                        </span>
                        {now.status === "ok" || c.wanted.status === "ok" ? (
                          <span className="matrix-wanted" aria-hidden="true">
                            → <FigureValue figure={c.wanted}>{(f) => stageAbbreviation(f.median, lang)}</FigureValue>
                          </span>
                        ) : null}
                        <span className="visually-hidden">
                          {t("partners.now")}{" "}
                          <FigureValue figure={now}>{(f) => stageNameOf(f.median, lang)}</FigureValue>;{" "}
                          {t("partners.wanted")}{" "}
                          <FigureValue figure={c.wanted}>{(f) => stageNameOf(f.median, lang)}</FigureValue>
                          {flagged ? t("partners.seeDifferentlyCell") : ""}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="legend">{t("partners.legend")}</p>
        <ul className="matrix-key" aria-label={t("partners.key")}>
          {STAGES.map((s) => (
            <li key={s.key}>
              <abbr
                title={frameworkTerm("stage", s.key, lang)}
                className="matrix-key-abbr"
                style={{ background: STAGE_COLOURS[s.stage], color: stageTextColour(s.stage) }}
              >
                {stageAbbreviation(s.stage, lang)}
              </abbr>{" "}
              {s.stage}. {frameworkTerm("stage", s.key, lang)}
            </li>
          ))}
          <li>
            <span className="matrix-key-abbr matrix-key-flag" aria-hidden="true">
              ⚑
            </span>{" "}
            {t("partners.flagKey")}
          </li>
        </ul>
        <HiddenFootnote threshold={threshold} />
      </figure>

      <figure className="chart-block" id="partner-network" aria-labelledby="partner-network-caption">
        <figcaption id="partner-network-caption">{t("partners.networkCaption")}</figcaption>
        <div className="chart" data-testid="partner-network-chart">
          <PartnerNetwork
            title={t("partners.networkTitle")}
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
          {() => (
            <ChartDownloads figureId="partner-network" filename="partner-network" label={t("partners.networkLabel")} />
          )}
        </ClientOnly>
      </figure>
      <h3>{t("partners.pairsHeading")}</h3>
      {differently.length ? (
        <ul data-testid="see-differently">
          {differently.map((p) => (
            <li key={p.agencies.join("-")}>
              {t("partners.pair", {
                a: name(p.agencies[0]),
                b: name(p.agencies[1]),
                first: p.firstRatesSecond,
                second: p.secondRatesFirst,
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("partners.noPairs")}</p>
      )}
    </>
  );
}
