/** The report's opening summary: how many answered, the continuum stage, and the components by band. */
import type {
  ComponentResult,
  ContinuumResults,
  Figure,
  ProfessionalResults,
  RespondentCounts,
} from "../../domain/scoring";
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
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
  const { t, lang } = useT("report");
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
        <dt>{t("glance.answered")}</dt>
        <dd className="glance-figure">
          <CountValue figure={respondents.total} />
        </dd>
      </div>
      <div>
        <dt>{t("glance.stands")}</dt>
        <dd className="glance-figure">
          {placement?.status === "ok" ? (
            `${placement.current.stage}. ${frameworkTerm("stage", placement.current.key, lang)}`
          ) : placement ? (
            <HiddenMark figure={placement} />
          ) : (
            t("glance.notAsked")
          )}
        </dd>
      </div>
      <div>
        <dt>{t("glance.byBand")}</dt>
        <dd className="glance-bands">
          <span>
            <strong>{counts.strength}</strong> {t("glance.strength")}
          </span>{" "}
          <span>
            <strong>{counts.borderline}</strong> {t("glance.borderline")}
          </span>{" "}
          <span>
            <strong>{counts.concern}</strong> {t("glance.concern")}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t("glance.highLow")}</dt>
        <dd className="glance-text">
          {best && worst ? (
            <>
              {frameworkTerm("component", best.component, lang)}{" "}
              <span className="hint">({score(best).toFixed(1)})</span>
              <br />
              {frameworkTerm("component", worst.component, lang)}{" "}
              <span className="hint">({score(worst).toFixed(1)})</span>
            </>
          ) : (
            t("glance.noneShown")
          )}
        </dd>
      </div>
    </dl>
  );
}
