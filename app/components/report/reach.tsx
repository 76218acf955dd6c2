/**
 * How people answered, and response rates (issue 24): submitted responses by how they came in
 * (online, on paper, assisted), and, where the lead recorded invited numbers, each group's
 * response rate with low rates flagged. Every count is the snapshot's, jointly suppressed; a
 * rate is shown only where its count is.
 */
import { AGENCY_TYPE_KEYS, LEVEL_KEYS } from "../../domain/framework";
import { ENTRY_MODES } from "../../domain/entry-modes";
import { useT } from "../i18n";
import { responseRates, type RateCount } from "../../domain/response-rates";
import type { CountFigure, RespondentCounts } from "../../domain/scoring";
import { ResponseRatesTable } from "../response-rates";
import { CountValue, HiddenFootnote } from "./figures";

/** The snapshot's counts under the keys invited numbers are recorded against. */
export function rateCounts(respondents: RespondentCounts): Record<string, RateCount> {
  const { professional, short, family } = respondents.byQuestionnaire;
  const staff: CountFigure =
    professional.status === "ok" && short.status === "ok"
      ? { status: "ok", n: professional.n + short.n }
      : { status: "suppressed", reason: "hidden" };
  return {
    staff,
    family,
    ...Object.fromEntries(LEVEL_KEYS.map((l) => [`level:${l}`, respondents.byLevel[l]])),
    ...Object.fromEntries(AGENCY_TYPE_KEYS.map((a) => [`agency:${a}`, respondents.byAgencyType[a]])),
  };
}

export function HowPeopleAnswered({
  respondents,
  invited,
  threshold,
  family,
}: {
  respondents: RespondentCounts;
  invited: Record<string, number>;
  threshold: number;
  family: boolean;
}) {
  const { t } = useT("report");
  const rates = responseRates(rateCounts(respondents), invited, { family });
  const byMode = respondents.byMode;
  return (
    <>
      {byMode ? (
        <table data-testid="responses-by-mode">
          <caption>{t("reach.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reach.how")}</th>
              <th scope="col" className="num">
                {t("reach.responses")}
              </th>
            </tr>
          </thead>
          <tbody>
            {ENTRY_MODES.map((m) => (
              <tr key={m} data-mode={m}>
                <th scope="row">{t(`reach.mode.${m}`)}</th>
                <td className="num">
                  <CountValue figure={byMode[m]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("reach.old")}</p>
      )}
      <p>{t("reach.paper")}</p>
      {rates.length ? <ResponseRatesTable rates={rates} threshold={threshold} /> : <p>{t("reach.noInvited")}</p>}
      <HiddenFootnote threshold={threshold} />
    </>
  );
}
