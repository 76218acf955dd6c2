import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
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
  return (
    <div>
      <span className="caption">
        {summary.partnership.name} · {summary.round.name}
      </span>
      <h1>{summary.workshop.name}: summary</h1>
      <dl className="summary-list">
        <dt>Status</dt>
        <dd>
          <span className={`tag ${summary.workshop.status === "active" ? "green" : "grey"}`}>
            {summary.workshop.status === "active" ? "In progress" : "Ended"}
          </span>
        </dd>
        <dt>Held</dt>
        <dd>{summary.workshop.createdAt.slice(0, 10)}</dd>
        <dt>Participants</dt>
        <dd>{summary.workshop.participants}</dd>
        <dt>Components</dt>
        <dd>{rated.length}</dd>
      </dl>
      <p className="hint">
        Ratings were on a scale from 0 to 5:{" "}
        {RATING_ANCHORS.map((a) => `${a.value} ${a.label.toLowerCase()}`).join(", ")}. The spread is not shown where
        fewer than {summary.round.threshold} people rated, and a group is compared only when it has at least{" "}
        {summary.round.threshold} people.
      </p>
      <div className="button-group no-print">
        <a className="button secondary" href={`${base}/export.csv`} download>
          Download CSV
        </a>
        <a className="button secondary" href={`${base}/export.json`} download>
          Download JSON
        </a>
        {summary.workshop.status === "active" ? (
          <Link to={base}>Back to the session</Link>
        ) : (
          <Link to={`/partnerships/${summary.partnership.id}/rounds/${summary.round.id}`}>Back to the round</Link>
        )}
      </div>

      <h2>Consensus at a glance</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: scroll sideways to see every column">
        <table>
          <caption className="visually-hidden">Agreed scores by component</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col" className="num">
                People who rated
              </th>
              <th scope="col" className="num">
                Median
              </th>
              <th scope="col" className="num">
                Agreed score (0-5)
              </th>
              <th scope="col" className="num">
                Agreed (0-100)
              </th>
            </tr>
          </thead>
          <tbody>
            {rated.map((c) => (
              <tr key={c.key}>
                <th scope="row">
                  {c.position}. {c.name}
                </th>
                <td className="num">
                  {c.ratings.spread === "suppressed"
                    ? `fewer than ${summary.round.threshold}`
                    : c.ratings.spread === "voting_open"
                      ? "voting open"
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
            {c.position}. {c.name}
          </h2>
          <h3>Spread of views</h3>
          <RatingSpread ratings={c.ratings} threshold={summary.round.threshold} title={`Ratings of ${c.name}`} />
          <h3>Consensus</h3>
          {c.consensus ? (
            <p>
              Agreed score{" "}
              <strong>
                {c.consensus.score} – {RATING_ANCHORS[c.consensus.score]?.label}
              </strong>{" "}
              ({c.consensus.score100} out of 100).{c.consensus.notes ? ` ${c.consensus.notes}` : ""}
            </p>
          ) : (
            <p>No consensus was recorded.</p>
          )}
          <h3>Actions</h3>
          {c.actions.length ? (
            <ul>
              {c.actions.map((a, i) => (
                <li key={i}>
                  {a.description} — <strong>{a.owner}</strong>
                  {a.dueOn ? `, by ${formatDate(a.dueOn)}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p>No actions were agreed.</p>
          )}
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.name}: summary` : "Workshop summary" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
