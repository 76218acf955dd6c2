/** The report's opening summary: how many answered, the continuum stage, and the components by band. */
import type {
  ComponentResult,
  ContinuumResults,
  Figure,
  ProfessionalResults,
  RespondentCounts,
} from "../../domain/scoring";
import { CountValue, HiddenMark } from "./figures";

export function AtAGlance({
  respondents,
  professional,
  continuum,
}: {
  respondents: RespondentCounts;
  professional: Figure<ProfessionalResults>;
  continuum: Figure<ContinuumResults>;
}) {
  const shown = professional.status === "ok" ? professional.components.filter((c) => c.overall.status === "ok") : [];
  const score = (c: ComponentResult) => (c.overall.status === "ok" ? c.overall.score : 0);
  const best = [...shown].sort((a, b) => score(b) - score(a))[0];
  const worst = [...shown].sort((a, b) => score(a) - score(b))[0];
  const counts = { strength: 0, borderline: 0, concern: 0 };
  for (const c of shown) if (c.overall.status === "ok") counts[c.overall.band]++;
  const placement = continuum.status === "ok" ? continuum.placement : null;
  return (
    <dl className="glance" data-testid="at-a-glance">
      <div>
        <dt>People who answered</dt>
        <dd className="glance-figure">
          <CountValue figure={respondents.total} />
        </dd>
      </div>
      <div>
        <dt>Where the partnership stands</dt>
        <dd className="glance-figure">
          {placement?.status === "ok" ? (
            `${placement.current.stage}. ${placement.current.name}`
          ) : placement ? (
            <HiddenMark figure={placement} />
          ) : (
            "Not asked"
          )}
        </dd>
      </div>
      <div>
        <dt>Components by band</dt>
        <dd className="glance-bands">
          <span>
            <strong>{counts.strength}</strong> strength
          </span>{" "}
          <span>
            <strong>{counts.borderline}</strong> borderline
          </span>{" "}
          <span>
            <strong>{counts.concern}</strong> concern
          </span>
        </dd>
      </div>
      <div>
        <dt>Highest and lowest scored</dt>
        <dd className="glance-text">
          {best && worst ? (
            <>
              {best.name} <span className="hint">({score(best).toFixed(1)})</span>
              <br />
              {worst.name} <span className="hint">({score(worst).toFixed(1)})</span>
            </>
          ) : (
            "No component can be shown"
          )}
        </dd>
      </div>
    </dl>
  );
}
