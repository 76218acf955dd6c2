import type { DeepDiveReport } from "../domain/deep-dive";
import { frameworkTerm } from "../domain/glossary";
import { reasonText } from "../domain/reasons";
import { useT } from "./i18n";

/**
 * The deep-dive questions of a round, one table per module, each question on its own line. They
 * never enter the component scores; a question answered by too few people shows no figure.
 */
export function DeepDiveItems({ modules }: { modules: DeepDiveReport[] }) {
  const { t, lang } = useT("report");
  const name = (m: DeepDiveReport) => frameworkTerm("component", m.component, lang);
  return (
    <>
      {modules.map((m) => (
        <div key={m.component} data-testid={`deep-dive-${m.component}`}>
          <h3>{name(m)}</h3>
          <div
            tabIndex={0}
            role="region"
            aria-label={t("deepDive.tableLabel", { name: name(m) })}
            className="table-scroll"
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("deepDive.question")}</th>
                  <th scope="col">{t("deepDive.kind")}</th>
                  <th scope="col" className="num">
                    {t("rates.answered")}
                  </th>
                  <th scope="col" className="num">
                    {t("deepDive.score")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {m.items.map((item) => (
                  <tr key={item.key}>
                    <th scope="row">
                      <a href={`/framework#${item.key}`}>{item.title}</a>
                    </th>
                    <td>{t(item.polarity === "facilitator" ? "deepDive.helps" : "deepDive.getsInTheWay")}</td>
                    {item.figure.status === "ok" ? (
                      <>
                        <td className="num">{item.figure.n}</td>
                        <td className="num">{item.figure.score}</td>
                      </>
                    ) : (
                      <td colSpan={2}>{reasonText(item.figure.reason, t)}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </>
  );
}
