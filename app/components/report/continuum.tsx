/** Figure 2: the continuum of integration, the computed stage and the stages people chose. */
import { STAGES } from "../../domain/framework";
import type { ContinuumResults, CountFigure, Figure, StageDistribution } from "../../domain/scoring";
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { CountValue, FigureValue, HiddenFootnote, HiddenMark } from "./figures";

function DistributionText({ d }: { d: Figure<StageDistribution> }) {
  const { t, lang } = useT("report");
  if (d.status !== "ok") return <HiddenMark figure={d} />;
  const stage = STAGES[Math.round(d.median)];
  return (
    <>
      {t("continuum.median", { median: d.median, stage: stage ? frameworkTerm("stage", stage.key, lang) : "", n: d.n })}
    </>
  );
}

export function Continuum({ continuum, threshold }: { continuum: ContinuumResults; threshold: number }) {
  const { t, lang } = useT("respondent");
  const { t: rt } = useT("report");
  const stageName = (s: { key: string }) => frameworkTerm("stage", s.key, lang);
  const placement = continuum.placement;
  const current = placement.status === "ok" ? placement.current.stage : null;
  const nonCumulative = placement.status === "ok" ? placement.nonCumulative.map((s) => s.stage) : [];
  const countOf = (d: Figure<StageDistribution>, stage: number) =>
    d.status === "ok" ? (d.counts.find((c) => c.stage === stage)?.count ?? null) : null;
  const pct = (d: Figure<StageDistribution>, c: CountFigure | null) =>
    d.status === "ok" && c?.status === "ok" && d.n ? (100 * c.n) / d.n : 0;
  return (
    <figure className="chart-block" id="continuum" aria-labelledby="continuum-caption">
      <figcaption id="continuum-caption">{rt("continuum.caption")}</figcaption>
      <ol className="continuum" start={0} data-testid="continuum-scale">
        {STAGES.map((s) => {
          const target = countOf(continuum.target, s.stage);
          const self = countOf(continuum.selfChosen, s.stage);
          const status = continuum.stages.find((x) => x.stage === s.stage);
          const here = current === s.stage;
          return (
            <li
              key={s.key}
              className={`continuum-step${here ? " is-current" : ""}${current !== null && s.stage < current ? " is-passed" : ""}`}
            >
              <span className="step-number" aria-hidden="true">
                {s.stage}
              </span>
              <strong className="step-name">{frameworkTerm("stage", s.key, lang)}</strong>
              {here ? <span className="step-flag current-flag">{rt("continuum.here")}</span> : null}
              {nonCumulative.includes(s.stage) ? (
                <span className="step-flag noncumulative-flag">{rt("continuum.nonCumulativeFlag")}</span>
              ) : null}
              <span className="step-description">{t(`stage.description.${s.key}`)}</span>
              {status ? (
                <span className="step-markers">
                  {rt("continuum.markersMet", { met: status.markersMet, of: status.markers })}
                  {status.status === "unknown" ? ` (${rt("continuum.tooFew")})` : ""}
                  {status.status === "uncertain" ? ` (${rt("continuum.uncertain")})` : ""}
                </span>
              ) : null}
              <span className="step-bars">
                <span className="step-bar-label">
                  {rt("continuum.target")}
                  {target ? (
                    <>
                      : <CountValue figure={target} />
                    </>
                  ) : null}
                </span>
                <span className="step-bar target-bar">
                  <span style={{ width: `${pct(continuum.target, target)}%` }} />
                </span>
                <span className="step-bar-label">
                  {rt("continuum.selfChosen")}
                  {self ? (
                    <>
                      : <CountValue figure={self} />
                    </>
                  ) : null}
                </span>
                <span className="step-bar self-bar">
                  <span style={{ width: `${pct(continuum.selfChosen, self)}%` }} />
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      <dl className="summary-list" data-testid="continuum-summary">
        <dt>{rt("continuum.computed")}</dt>
        <dd>
          {placement.status === "ok" ? (
            <>
              {placement.current.stage}. {stageName(placement.current)}
              {placement.uncertain && placement.upTo
                ? rt("continuum.upTo", { stage: placement.upTo.stage, name: stageName(placement.upTo) })
                : ""}
              {placement.lowerBound ? ` ${rt("continuum.lowerBound")}` : ""}
            </>
          ) : (
            <HiddenMark figure={placement} />
          )}
        </dd>
        <dt>{rt("continuum.targetChosen")}</dt>
        <dd>
          <DistributionText d={continuum.target} />
        </dd>
        <dt>{rt("continuum.selfChosenStage")}</dt>
        <dd>
          <DistributionText d={continuum.selfChosen} />
        </dd>
        <dt>{rt("continuum.gap")}</dt>
        <dd>
          <FigureValue figure={continuum.gap}>
            {(g) =>
              g.gap === 0
                ? rt("continuum.gapNone")
                : rt(g.gap > 0 ? "continuum.gapFurther" : "continuum.gapLess", {
                    count: Math.abs(g.gap),
                    gap: `${g.gap > 0 ? "+" : ""}${g.gap}`,
                  })
            }
          </FigureValue>
        </dd>
        {nonCumulative.length ? (
          <>
            <dt>{rt("continuum.notInOrder")}</dt>
            <dd>
              {rt("continuum.notInOrderText", {
                stages: placement.status === "ok" ? placement.nonCumulative.map(stageName).join(", ") : "",
              })}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="notice caveat">
        <p>{frameworkTerm("caveat", "continuum", lang)}</p>
      </div>
      <p className="hint">{rt("continuum.computedNote")}</p>
      <div tabIndex={0} role="region" aria-label={rt("continuum.tableLabel")} className="table-scroll chart-table">
        <table data-testid="continuum-table">
          <caption>{rt("continuum.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{rt("continuum.stage")}</th>
              <th scope="col">{rt("continuum.markersMetHeading")}</th>
              <th scope="col" className="num">
                {rt("continuum.target")}
              </th>
              <th scope="col" className="num">
                {rt("continuum.selfChosen")}
              </th>
            </tr>
          </thead>
          <tbody>
            {STAGES.map((s) => {
              const status = continuum.stages.find((x) => x.stage === s.stage);
              const t = countOf(continuum.target, s.stage);
              const c = countOf(continuum.selfChosen, s.stage);
              return (
                <tr key={s.key}>
                  <th scope="row">
                    {s.stage}. {stageName(s)}
                  </th>
                  <td>{status ? rt("continuum.of", { met: status.markersMet, of: status.markers }) : "–"}</td>
                  <td className="num">
                    {t ? (
                      <CountValue figure={t} />
                    ) : continuum.target.status === "ok" ? (
                      "–"
                    ) : (
                      <HiddenMark figure={continuum.target} />
                    )}
                  </td>
                  <td className="num">
                    {c ? (
                      <CountValue figure={c} />
                    ) : continuum.selfChosen.status === "ok" ? (
                      "–"
                    ) : (
                      <HiddenMark figure={continuum.selfChosen} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <HiddenFootnote threshold={threshold} />
      </div>
    </figure>
  );
}
