/**
 * Response rates as a table (issue 24): invited, answered and the rate for each group with an
 * invited number; a rate below LOW_RESPONSE_RATE flagged as possibly unrepresentative; a group
 * whose count is hidden shows no rate (with the invited number, it would give the count back).
 */
import { frameworkTerm } from "../domain/glossary";
import { translator } from "../domain/i18n";
import type { Lang } from "../domain/language";
import { LOW_RESPONSE_RATE, type GroupRate } from "../domain/response-rates";
import { useT } from "./i18n";

/** An invited group's name ("staff", "family", "level:team", "agency:health") in a language. */
export function groupName(key: string, lang: Lang): string {
  const [kind, term] = key.split(":") as [string, string | undefined];
  if (kind === "level" && term) return frameworkTerm("level", term, lang);
  if (kind === "agency" && term) return frameworkTerm("agency_type", term, lang);
  return translator(lang, "staff")(`group.${kind}`);
}

export function ResponseRatesTable({ rates, threshold }: { rates: GroupRate[]; threshold: number }) {
  const low = rates.some((r) => r.rate.status === "ok" && r.rate.low);
  const hidden = rates.some((r) => r.rate.status === "hidden");
  const { t, lang } = useT("staff");
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("r.rates")}>
        <table data-testid="response-rates">
          <caption>{t("rr.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rr.group")}</th>
              <th scope="col" className="num">
                {t("rr.invited")}
              </th>
              <th scope="col" className="num">
                {t("rr.answered")}
              </th>
              <th scope="col" className="num">
                {t("rr.rate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.map(({ key, rate }) => (
              <tr key={key} data-group={key}>
                <th scope="row">{groupName(key, lang)}</th>
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
                            {t("rr.low")}
                          </span>
                        </>
                      ) : null}
                      {rate.overInvited ? (
                        <>
                          {" "}
                          <span className="tag grey">{t("rr.over")}</span>
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
      {low ? <p className="hint">{t("rr.lowNote", { percent: Math.round(LOW_RESPONSE_RATE * 100) })}</p> : null}
      {hidden ? <p className="hint">{t("rr.hiddenNote", { threshold })}</p> : null}
    </>
  );
}
