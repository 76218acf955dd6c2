/**
 * How people answered, and response rates (issue 24): submitted responses by how they came in
 * (online, on paper, assisted), and, where the lead recorded invited numbers, each group's
 * response rate with low rates flagged. Every count is the snapshot's, jointly suppressed; a
 * rate is shown only where its count is.
 */
import { AGENCY_TYPE_KEYS, LEVEL_KEYS } from "../../domain/framework";
import { ENTRY_MODES, ENTRY_MODE_NAMES } from "../../domain/entry-modes";
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
  const rates = responseRates(rateCounts(respondents), invited, { family });
  const byMode = respondents.byMode;
  return (
    <>
      {byMode ? (
        <table data-testid="responses-by-mode">
          <caption>Submitted responses by how they came in</caption>
          <thead>
            <tr>
              <th scope="col">How it came in</th>
              <th scope="col" className="num">
                Responses
              </th>
            </tr>
          </thead>
          <tbody>
            {ENTRY_MODES.map((m) => (
              <tr key={m} data-mode={m}>
                <th scope="row">{ENTRY_MODE_NAMES[m]}</th>
                <td className="num">
                  <CountValue figure={byMode[m]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>This snapshot was published before paper and assisted responses were counted apart.</p>
      )}
      <p>
        Paper and assisted responses were entered by the partnership&apos;s staff through the same questionnaire; they
        are scored with the others and are never linked to the person who entered them.
      </p>
      {rates.length ? (
        <ResponseRatesTable rates={rates} threshold={threshold} />
      ) : (
        <p>No invited numbers were recorded for this round, so response rates cannot be shown.</p>
      )}
      <HiddenFootnote threshold={threshold} />
    </>
  );
}
