/**
 * Response rates as a table (issue 24): invited, answered and the rate for each group with an
 * invited number; a rate below LOW_RESPONSE_RATE flagged as possibly unrepresentative; a group
 * whose count is hidden shows no rate (with the invited number, it would give the count back).
 */
import { frameworkTerm } from "../domain/glossary";
import type { Lang } from "../domain/language";
import { LOW_RESPONSE_RATE, type GroupRate } from "../domain/response-rates";
import { useT } from "./i18n";

/** A group's name in the page's language, from its key ("staff", "level:team", "agency:health", "family"). */
function groupName(key: string, name: string, t: (key: string) => string, lang: Lang): string {
  const [kind, k] = key.split(":");
  if (kind === "level" && k) return frameworkTerm("level", k, lang);
  if (kind === "agency" && k) return frameworkTerm("agency_type", k, lang);
  if (key === "staff") return t("rates.staff");
  if (key === "family") return t("section.family");
  return name;
}

export function ResponseRatesTable({ rates, threshold }: { rates: GroupRate[]; threshold: number }) {
  const { t, lang } = useT("report");
  const low = rates.some((r) => r.rate.status === "ok" && r.rate.low);
  const hidden = rates.some((r) => r.rate.status === "hidden");
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("rates.label")}>
        <table data-testid="response-rates">
          <caption>{t("rates.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rates.group")}</th>
              <th scope="col" className="num">
                {t("rates.invited")}
              </th>
              <th scope="col" className="num">
                {t("rates.answered")}
              </th>
              <th scope="col" className="num">
                {t("rates.rate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.map(({ key, name, rate }) => (
              <tr key={key} data-group={key}>
                <th scope="row">{groupName(key, name, t, lang)}</th>
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
                            {t("rates.low")}
                          </span>
                        </>
                      ) : null}
                      {rate.overInvited ? (
                        <>
                          {" "}
                          <span className="tag grey">{t("rates.over")}</span>
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
      {low ? <p className="hint">{t("rates.lowNote", { pct: Math.round(LOW_RESPONSE_RATE * 100) })}</p> : null}
      {hidden ? <p className="hint">{t("rates.hiddenNote", { threshold })}</p> : null}
    </>
  );
}
