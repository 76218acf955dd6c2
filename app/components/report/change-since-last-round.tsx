/**
 * The change in each component since the previous round, tested for independent samples
 * (Welch), beside the actions agreed then and how far each got. A change the figures do not
 * support is written "no clear change" and drawn in a neutral colour, whatever its direction.
 */
import { ReportText } from "./figures";
import { frameworkTerm } from "../../domain/glossary";
import type { ActionPlanItem } from "../../../db/schema";
import type { Lang } from "../../domain/language";
import { actionStatusName } from "../../domain/action-plan";
import { useT } from "../i18n";
import { STAGES } from "../../domain/framework";
import { DIRECTION_ARROW, type ComponentChange, type ContinuumMovement } from "../../domain/round-comparison";

function ChangeCell({ c }: { c: ComponentChange }) {
  const { t, lang } = useT("report");
  // The words stored with the change are English; other languages say it from the figures' state.
  if (!c.direction || !c.verdict)
    return <span className="hint">{lang === "en" ? c.words : t("change.notComparable")}</span>;
  const size = Math.abs(c.change!).toFixed(1);
  const interval = c.interval
    ? t("change.interval", { low: c.interval.low.toFixed(1), high: c.interval.high.toFixed(1) })
    : "";
  if (c.verdict === "no_clear_change") {
    return (
      <>
        <span className="change change-unclear">{t("change.noClear")}</span>
        {c.direction !== "same" ? (
          <span className="change-detail">
            {t(c.direction === "up" ? "change.up" : "change.down", { size })}
            {interval ? `; ${interval}` : ""}
          </span>
        ) : null}
      </>
    );
  }
  return (
    <>
      <span className={`change change-${c.direction}`}>
        <span aria-hidden="true">{DIRECTION_ARROW[c.direction]} </span>
        {t(c.verdict === "clear_rise" ? "change.clearRise" : "change.clearFall")}:{" "}
        {t(c.direction === "up" ? "change.up" : "change.down", { size })}
      </span>
      {interval ? <span className="change-detail">{interval}</span> : null}
    </>
  );
}

/** The movement on the continuum, from its stages (the stored words are English). */
function movementText(
  movement: ContinuumMovement,
  t: (key: string, values?: Record<string, unknown>) => string,
  lang: Lang,
) {
  const name = (stage: number) => frameworkTerm("stage", STAGES[stage]!.key, lang);
  if (movement.moved === null || movement.from === null || movement.to === null) return t("change.movementNone");
  if (movement.moved === 0) return t("change.still", { stage: name(movement.to) });
  return t(movement.moved > 0 ? "change.movedAlong" : "change.movedBack", {
    from: name(movement.from),
    to: name(movement.to),
    count: Math.abs(movement.moved),
  });
}

export function Comparison({
  previousName,
  changes,
  movement,
  actions,
}: {
  previousName: string;
  changes: ComponentChange[];
  movement: ContinuumMovement;
  actions: Pick<ActionPlanItem, "id" | "component" | "description" | "status" | "owner">[];
}) {
  const { t, lang } = useT("report");
  return (
    <>
      <p>
        {t("change.comparedWith")} <strong>{previousName}</strong>. {t("change.introStart")}{" "}
        <strong>{t("change.clear")}</strong> {t("change.introMiddle")} <strong>{t("change.noClearLower")}</strong>
        {t("change.introEnd")}
      </p>
      <p className="panel" data-testid="continuum-movement">
        <strong>{t("change.continuum")}</strong> {lang === "en" ? movement.words : movementText(movement, t, lang)}.
      </p>
      <div className="keep-together">
        <div tabIndex={0} role="region" aria-label={t("change.tableLabel")} className="table-scroll">
          <table data-testid="comparison-table" className="comparison-table">
            <caption className="visually-hidden">{t("change.tableCaption", { previous: previousName })}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <ReportText k="table.component" />
                </th>
                <th scope="col" className="num">
                  {t("change.before")}
                </th>
                <th scope="col" className="num">
                  {t("change.now")}
                </th>
                <th scope="col">{t("report:comparison.change")}</th>
                <th scope="col">{t("change.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => {
                const own = actions.filter((a) => a.component === c.component);
                return (
                  <tr key={c.component} data-component={c.component} data-verdict={c.verdict ?? "none"}>
                    <th scope="row">{frameworkTerm("component", c.component, lang)}</th>
                    <td className="num">{c.previous?.toFixed(1) ?? "–"}</td>
                    <td className="num">{c.current?.toFixed(1) ?? "–"}</td>
                    <td>
                      <ChangeCell c={c} />
                    </td>
                    <td>
                      {own.length ? (
                        <ul className="plain-list">
                          {own.map((a) => (
                            <li key={a.id}>
                              <span className={`tag status-${a.status}`}>{actionStatusName(a.status, lang)}</span>{" "}
                              {a.description} <span className="hint">({a.owner})</span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="hint">
                          –<span className="visually-hidden">{t("change.none")}</span>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
