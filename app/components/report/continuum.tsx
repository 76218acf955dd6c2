/** Figure 2: the continuum of integration, the computed stage and the stages people chose. */
import { CONTINUUM_CAVEAT, STAGES } from "../../domain/framework";
import type { ContinuumResults, CountFigure, Figure, StageDistribution } from "../../domain/scoring";
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { CountValue, FigureValue, HiddenFootnote, HiddenMark } from "./figures";

function distributionText(d: Figure<StageDistribution>) {
  if (d.status !== "ok") return <HiddenMark figure={d} />;
  return (
    <>
      median {d.median} ({STAGES[Math.round(d.median)]?.name}), {d.n} answers
    </>
  );
}

export function Continuum({ continuum, threshold }: { continuum: ContinuumResults; threshold: number }) {
  const { t, lang } = useT("respondent");
  const placement = continuum.placement;
  const current = placement.status === "ok" ? placement.current.stage : null;
  const nonCumulative = placement.status === "ok" ? placement.nonCumulative.map((s) => s.stage) : [];
  const countOf = (d: Figure<StageDistribution>, stage: number) =>
    d.status === "ok" ? (d.counts.find((c) => c.stage === stage)?.count ?? null) : null;
  const pct = (d: Figure<StageDistribution>, c: CountFigure | null) =>
    d.status === "ok" && c?.status === "ok" && d.n ? (100 * c.n) / d.n : 0;
  return (
    <figure className="chart-block" id="continuum" aria-labelledby="continuum-caption">
      <figcaption id="continuum-caption">
        Figure 2. The continuum of integration: where the partnership stands, and where respondents want it to be
      </figcaption>
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
              {here ? <span className="step-flag current-flag">Computed stage: you are here</span> : null}
              {nonCumulative.includes(s.stage) ? (
                <span className="step-flag noncumulative-flag">Markers met, though an earlier stage's are not</span>
              ) : null}
              <span className="step-description">{t(`stage.description.${s.key}`)}</span>
              {status ? (
                <span className="step-markers">
                  {status.markersMet} of {status.markers} markers met
                  {status.status === "unknown" ? " (some too few to judge)" : ""}
                  {status.status === "uncertain" ? " (uncertain: the answers cannot tell)" : ""}
                </span>
              ) : null}
              <span className="step-bars">
                <span className="step-bar-label">
                  Target
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
                  Self-chosen
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
        <dt>Computed stage</dt>
        <dd>
          {placement.status === "ok" ? (
            <>
              {placement.current.stage}. {placement.current.name}
              {placement.uncertain && placement.upTo
                ? `, uncertain: possibly up to ${placement.upTo.stage}. ${placement.upTo.name} (the answers cannot tell)`
                : ""}
              {placement.lowerBound ? " (or further: the next stage had too few answers to judge)" : ""}
            </>
          ) : (
            <HiddenMark figure={placement} />
          )}
        </dd>
        <dt>Target stage chosen</dt>
        <dd>{distributionText(continuum.target)}</dd>
        <dt>Self-chosen stage</dt>
        <dd>{distributionText(continuum.selfChosen)}</dd>
        <dt>Gap to the target</dt>
        <dd>
          <FigureValue figure={continuum.gap}>
            {(g) =>
              g.gap === 0
                ? "None: where respondents want it to be"
                : `${g.gap > 0 ? "+" : ""}${g.gap} stage${Math.abs(g.gap) === 1 ? "" : "s"} ${g.gap > 0 ? "further along wanted" : "less integration wanted"}`
            }
          </FigureValue>
        </dd>
        {nonCumulative.length ? (
          <>
            <dt>Not in order</dt>
            <dd>
              Markers of {placement.status === "ok" ? placement.nonCumulative.map((s) => s.name).join(", ") : ""} are
              met although an earlier stage's are not: worth talking through.
            </dd>
          </>
        ) : null}
      </dl>
      <div className="notice caveat">
        <p>{CONTINUUM_CAVEAT}</p>
      </div>
      <p className="hint">
        The computed stage comes from the statements below, not from the stage people chose: computed stages track what
        is in place far better than self-chosen ones.
      </p>
      <div tabIndex={0} role="region" aria-label={"Table: stage distribution"} className="table-scroll chart-table">
        <table data-testid="continuum-table">
          <caption>Stage distribution: how many chose each stage</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Markers met</th>
              <th scope="col" className="num">
                Target
              </th>
              <th scope="col" className="num">
                Self-chosen
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
                    {s.stage}. {s.name}
                  </th>
                  <td>{status ? `${status.markersMet} of ${status.markers}` : "–"}</td>
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
