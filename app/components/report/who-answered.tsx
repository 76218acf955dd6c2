/** Who answered: responses by questionnaire, by level and by kind of agency. */
import type { ReactNode } from "react";
import { AGENCY_TYPES, LEVELS } from "../../domain/framework";
import { useT } from "../i18n";
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
  const { t } = useT("report");
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
            {t("who.submitted")}
          </th>
          <th scope="col" className="num">
            {t("who.share")}
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
        <dt>{t("who.all")}</dt>
        <dd data-testid="respondents-total">
          <CountValue figure={respondents.total} />
        </dd>
        <dt>{t("who.professionals")}</dt>
        <dd>
          <CountValue figure={respondents.byQuestionnaire.professional} /> {t("who.fullQuestionnaire")},{" "}
          <CountValue figure={respondents.byQuestionnaire.short} /> {t("who.shortForm")}
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
        <dt>{t("who.smallest")}</dt>
        <dd>{t("who.people", { count: threshold })}</dd>
      </dl>
      <div className="table-grid">
        <div tabIndex={0} role="region" aria-label={t("who.byLevelLabel")} className="table-scroll">
          {rows(
            t("who.levelHeading"),
            t("who.byLevelCaption"),
            LEVELS.map((l) => ({
              key: l.key,
              name: <Term kind="level" k={l.key} />,
              figure: respondents.byLevel[l.key],
            })),
            staff,
          )}
        </div>
        <div tabIndex={0} role="region" aria-label={t("who.byAgencyLabel")} className="table-scroll">
          {rows(
            t("who.agencyHeading"),
            t("who.byAgencyCaption"),
            AGENCY_TYPES.map((a) => ({
              key: a.key,
              name: <Term kind="agency_type" k={a.key} />,
              figure: respondents.byAgencyType[a.key],
            })),
            staff,
          )}
        </div>
      </div>
      <HiddenFootnote threshold={threshold} />
    </>
  );
}
