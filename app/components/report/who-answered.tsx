/** Who answered: responses by questionnaire, by level and by kind of agency. */
import type { ReactNode } from "react";
import { AGENCY_TYPES, LEVELS } from "../../domain/framework";
import type { CountFigure, RespondentCounts } from "../../domain/scoring";
import { CountValue, HiddenFootnote, HiddenMark, ReportText, Term } from "./figures";

export function WhoAnswered({
  respondents,
  threshold,
  family,
}: {
  respondents: RespondentCounts;
  threshold: number;
  family: boolean;
}) {
  const staff = (() => {
    const p = respondents.byQuestionnaire.professional;
    const s = respondents.byQuestionnaire.short;
    return p.status === "ok" && s.status === "ok" ? p.n + s.n : null;
  })();
  const share = (f: CountFigure, total: number | null) =>
    f.status === "ok" && total ? (
      `${Math.round((100 * f.n) / total)}%`
    ) : f.status === "ok" ? (
      "–"
    ) : (
      <HiddenMark figure={f} />
    );
  const rows = (
    title: string,
    caption: string,
    list: { key: string; name: ReactNode; figure: CountFigure }[],
    total: number | null,
  ) => (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col" className="num">
            Submitted
          </th>
          <th scope="col" className="num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name}</th>
            <td className="num">
              <CountValue figure={r.figure} />
            </td>
            <td className="num">{share(r.figure, total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      <dl className="summary-list">
        <dt>All responses</dt>
        <dd data-testid="respondents-total">
          <CountValue figure={respondents.total} />
        </dd>
        <dt>Professionals</dt>
        <dd>
          <CountValue figure={respondents.byQuestionnaire.professional} /> full questionnaire,{" "}
          <CountValue figure={respondents.byQuestionnaire.short} /> short form
        </dd>
        {family ? (
          <>
            <dt>
              <ReportText k="section.family" />
            </dt>
            <dd>
              <CountValue figure={respondents.byQuestionnaire.family} />
            </dd>
          </>
        ) : null}
        <dt>Smallest group shown</dt>
        <dd>{threshold} people</dd>
      </dl>
      <div className="table-grid">
        <div tabIndex={0} role="region" aria-label={"Table: professionals by level"} className="table-scroll">
          {rows(
            "Level they work at",
            "Professionals by the level they work at",
            LEVELS.map((l) => ({
              key: l.key,
              name: <Term kind="level" k={l.key} />,
              figure: respondents.byLevel[l.key],
            })),
            staff,
          )}
        </div>
        <div tabIndex={0} role="region" aria-label={"Table: professionals by kind of agency"} className="table-scroll">
          {rows(
            "Kind of agency",
            "Professionals by kind of agency",
            AGENCY_TYPES.map((a) => ({ key: a.key, name: a.name, figure: respondents.byAgencyType[a.key] })),
            staff,
          )}
        </div>
      </div>
      <HiddenFootnote threshold={threshold} />
    </>
  );
}
