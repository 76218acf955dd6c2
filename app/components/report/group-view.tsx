/**
 * The report filtered to one organisation or team (issue 18): a filter that works without
 * JavaScript (a GET form), and the group's component scores from the published snapshot. A
 * hidden group says so, and why, and shows no figure.
 */
import { Form } from "@remix-run/react";
import type { ComponentKey } from "../../domain/framework";
import type { CountFigure, ScoreFigure } from "../../domain/scoring";
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { BandName, CountValue, HiddenMark, ScoreValue } from "./figures";

export interface GroupOptionView {
  kind: "org" | "team";
  id: string;
  name: string;
  organisation: string;
  organisationName: string;
  respondents: CountFigure;
}

/** Organisation, then team: two selects and a button, sent as ?org=..&team=.. */
export function GroupFilter({
  options,
  org,
  team,
  allowWhole,
}: {
  options: GroupOptionView[];
  org: string | null;
  team: string | null;
  /** Whether "the whole partnership" may be chosen (not for an organisation lead). */
  allowWhole: boolean;
}) {
  const { t } = useT("report");
  const hiddenNote = (f: CountFigure) => (f.status === "ok" ? "" : ` (${t("group.hidden")})`);
  const organisations = options.filter((o) => o.kind === "org");
  return (
    <Form method="get" className="group-filter no-print" aria-label={t("group.filter")}>
      <div className="field">
        <label htmlFor="filter-org">{t("group.organisation")}</label>
        <select id="filter-org" name="org" defaultValue={org ?? ""}>
          {allowWhole ? <option value="">{t("group.whole")}</option> : null}
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
              {hiddenNote(o.respondents)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-team">{t("group.team")}</label>
        <select id="filter-team" name="team" defaultValue={team ?? ""}>
          <option value="">{t("group.allTeams")}</option>
          {organisations.map((o) => {
            const teams = options.filter((t) => t.kind === "team" && t.organisation === o.id);
            return teams.length ? (
              <optgroup key={o.id} label={o.name}>
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                    {hiddenNote(t.respondents)}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
      </div>
      <button type="submit" className="button secondary">
        {t("group.show")}
      </button>
    </Form>
  );
}

/** The chosen group's respondents and component scores, or why they are hidden. */
export function GroupScores({
  group,
  threshold,
}: {
  group: GroupOptionView & { components: { component: ComponentKey; name: string; overall: ScoreFigure }[] };
  threshold: number;
}) {
  const { t, lang } = useT("report");
  const what = group.kind === "org" ? group.name : `${group.name} (${group.organisationName})`;
  if (group.respondents.status !== "ok") {
    return (
      <div className="notice" data-testid="group-hidden" role="status">
        <h2>{t("group.hiddenTitle", { what })}</h2>
        <p>
          {group.respondents.reason}.{" "}
          {t(group.kind === "org" ? "group.hiddenWhyOrg" : "group.hiddenWhyTeam", { threshold })}
        </p>
      </div>
    );
  }
  return (
    <section aria-labelledby="group-scores-title" data-testid="group-scores">
      <h2 id="group-scores-title">{t("group.scoresTitle", { what })}</h2>
      <p>
        <span data-testid="group-respondents">
          <CountValue figure={group.respondents} />
        </span>{" "}
        {t("group.staffRespondents")} <abbr title={t("group.confidential")}>c</abbr> {t("group.marks")}
      </p>
      <div className="table-scroll" role="region" aria-labelledby="group-scores-title" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("group.caption", { what })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("table.component")}</th>
              <th scope="col">{t("table.score")}</th>
              <th scope="col">{t("table.band")}</th>
              <th scope="col">{t("table.people")}</th>
            </tr>
          </thead>
          <tbody>
            {group.components.map((c) => (
              <tr key={c.component} data-component={c.component}>
                <th scope="row">{frameworkTerm("component", c.component, lang)}</th>
                <td data-testid="group-score">
                  <ScoreValue figure={c.overall} />
                </td>
                <td>
                  {c.overall.status === "ok" ? <BandName band={c.overall.band} /> : <HiddenMark figure={c.overall} />}
                </td>
                <td>{c.overall.status === "ok" ? c.overall.n : <HiddenMark figure={c.overall} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
