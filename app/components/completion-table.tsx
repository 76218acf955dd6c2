import type { Completion } from "../domain/completion";
import type { CountFigure } from "../domain/suppression";
import { useT } from "./i18n";

/** Where the questionnaire loses people (professional responses), within the suppression rules. */
export function CompletionTable({ completion, threshold }: { completion: Completion; threshold: number }) {
  const { t } = useT("staff");
  const shown = (count: CountFigure) => (count.status === "ok" ? String(count.n) : t("c.hidden", { threshold }));
  return (
    <section aria-labelledby="completion-heading">
      <h2 id="completion-heading">{t("c.title")}</h2>
      <p>{t("c.summary", { started: shown(completion.started), finished: shown(completion.finished), threshold })}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("c.scroll")}>
        <table>
          <caption className="visually-hidden">{t("c.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("c.section")}</th>
              <th scope="col" className="num">
                {t("c.stopped")}
              </th>
            </tr>
          </thead>
          <tbody>
            {completion.stopped.map((row) => (
              <tr key={row.section}>
                <th scope="row">{row.section}</th>
                <td className="num">{shown(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
