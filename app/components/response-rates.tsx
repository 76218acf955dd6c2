/**
 * Response rates as a table (issue 24): invited, answered and the rate for each group with an
 * invited number; a rate below LOW_RESPONSE_RATE flagged as possibly unrepresentative; a group
 * whose count is hidden shows no rate (with the invited number, it would give the count back).
 */
import { LOW_RESPONSE_RATE, type GroupRate } from "../domain/response-rates";

export function ResponseRatesTable({ rates, threshold }: { rates: GroupRate[]; threshold: number }) {
  const low = rates.some((r) => r.rate.status === "ok" && r.rate.low);
  const hidden = rates.some((r) => r.rate.status === "hidden");
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Response rates">
        <table data-testid="response-rates">
          <caption>Response rates: submitted responses as a share of the people invited</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="num">
                Invited
              </th>
              <th scope="col" className="num">
                Answered
              </th>
              <th scope="col" className="num">
                Rate
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.map(({ key, name, rate }) => (
              <tr key={key} data-group={key}>
                <th scope="row">{name}</th>
                <td className="num">{rate.status === "unknown" ? "–" : rate.invited}</td>
                <td className="num">{rate.status === "ok" ? rate.responded : rate.status === "hidden" ? "c" : "–"}</td>
                <td className="num">
                  {rate.status === "ok" ? (
                    <>
                      {rate.percent}%
                      {rate.low ? (
                        <>
                          {" "}
                          <span className="tag red" data-testid="low-rate">
                            low: may not be representative
                          </span>
                        </>
                      ) : null}
                      {rate.overInvited ? (
                        <>
                          {" "}
                          <span className="tag grey">more answers than invited: check the number</span>
                        </>
                      ) : null}
                    </>
                  ) : rate.status === "hidden" ? (
                    "c"
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {low ? (
        <p className="hint">
          A group where fewer than {Math.round(LOW_RESPONSE_RATE * 100)}% of those invited answered may not be
          representative: its results could reflect the few who chose to answer.
        </p>
      ) : null}
      {hidden ? (
        <p className="hint">
          c: hidden because the group has fewer than {threshold} responses (or its count could be worked out), so its
          rate is hidden too.
        </p>
      ) : null}
    </>
  );
}
