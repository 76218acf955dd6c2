import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { frameworkTerm } from "../domain/glossary";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { RatingSpread } from "../components/workshop";
import { RATING_ANCHORS } from "../domain/workshop";
import { requireWorkshopSummary } from "../access/workshop.server";
import { formatDate } from "../domain/dates";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return requireWorkshopSummary(request, params);
}

export default function WorkshopSummaryPage() {
  const summary = useLoaderData<typeof loader>();
  const base = `/partnerships/${summary.partnership.id}/rounds/${summary.round.id}/workshops/${summary.workshop.id}`;
  const rated = summary.components;
  const { t, lang } = useT("console");
  const tw = useT("workshop").t;
  const anchorLabel = (value: number) => tw(`rating.${value}.label`);
  const name = (key: string) => frameworkTerm("component", key, lang);
  return (
    <div>
      <span className="caption">
        {summary.partnership.name} · {summary.round.name}
      </span>
      <h1>{t("su.title", { name: summary.workshop.name })}</h1>
      <dl className="summary-list">
        <dt>{t("su.status")}</dt>
        <dd>
          <span className={`tag ${summary.workshop.status === "active" ? "green" : "grey"}`}>
            {summary.workshop.status === "active" ? t("su.active") : t("su.ended")}
          </span>
        </dd>
        <dt>{t("su.held")}</dt>
        <dd>{formatDate(summary.workshop.createdAt, lang)}</dd>
        <dt>{t("su.participants")}</dt>
        <dd>{summary.workshop.participants}</dd>
        <dt>{t("su.components")}</dt>
        <dd>{rated.length}</dd>
      </dl>
      <p className="hint">
        {t("su.scale", {
          anchors: RATING_ANCHORS.map((a) => `${a.value} ${anchorLabel(a.value).toLowerCase()}`).join(", "),
          threshold: summary.round.threshold,
        })}
      </p>
      <div className="button-group no-print">
        <a className="button secondary" href={`${base}/export.csv`} download>
          {t("su.csv")}
        </a>
        <a className="button secondary" href={`${base}/export.json`} download>
          {t("su.json")}
        </a>
        {summary.workshop.status === "active" ? (
          <Link to={base}>{t("su.backSession")}</Link>
        ) : (
          <Link to={`/partnerships/${summary.partnership.id}/rounds/${summary.round.id}`}>{t("new.back")}</Link>
        )}
      </div>

      <h2>{t("su.glance")}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("staff:r.scroll")}>
        <table>
          <caption className="visually-hidden">{t("su.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("su.component")}</th>
              <th scope="col" className="num">
                {t("su.rated")}
              </th>
              <th scope="col" className="num">
                {t("sc.median")}
              </th>
              <th scope="col" className="num">
                {t("su.agreed5")}
              </th>
              <th scope="col" className="num">
                {t("su.agreed100")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rated.map((c) => (
              <tr key={c.key}>
                <th scope="row">
                  {c.position}. {name(c.key)}
                </th>
                <td className="num">
                  {c.ratings.spread === "suppressed"
                    ? t("su.fewer", { threshold: summary.round.threshold })
                    : c.ratings.spread === "voting_open"
                      ? t("su.votingOpen")
                      : c.ratings.n}
                </td>
                <td className="num">
                  {typeof c.ratings.spread === "object" && c.ratings.spread ? c.ratings.spread.median : "–"}
                </td>
                <td className="num">{c.consensus ? c.consensus.score : "–"}</td>
                <td className="num">{c.consensus ? c.consensus.score100 : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {rated.map((c) => (
        <section key={c.key} aria-labelledby={`summary-${c.key}`} className="workshop-summary-component">
          <h2 id={`summary-${c.key}`}>
            {c.position}. {name(c.key)}
          </h2>
          <h3>{t("su.spread")}</h3>
          <RatingSpread
            ratings={c.ratings}
            threshold={summary.round.threshold}
            title={t("c.ratingsOf", { component: name(c.key) })}
          />
          <h3>{t("c.consensus")}</h3>
          {c.consensus ? (
            <p>
              {t("su.agreedScore")}{" "}
              <strong>
                {c.consensus.score} – {anchorLabel(c.consensus.score)}
              </strong>{" "}
              {t("su.outOf", { score: c.consensus.score100 })}
              {c.consensus.notes ? ` ${c.consensus.notes}` : ""}
            </p>
          ) : (
            <p>{t("su.noConsensus")}</p>
          )}
          <h3>{t("c.actions")}</h3>
          {c.actions.length ? (
            <ul>
              {c.actions.map((a, i) => (
                <li key={i}>
                  {a.description} — <strong>{a.owner}</strong>
                  {a.dueOn ? t("c.by", { date: formatDate(a.dueOn, lang) }) : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("su.noActions")}</p>
          )}
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? metaT(matches, "console")("su.title", { name: data.workshop.name })
      : metaT(matches, "console")("su.metaNone"),
  },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
