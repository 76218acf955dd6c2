/**
 * The change in each component since the previous round, tested for independent samples
 * (Welch), beside the actions agreed then and how far each got. A change the figures do not
 * support is written "no clear change" and drawn in a neutral colour, whatever its direction.
 */
import { ReportText } from "./figures";
import { frameworkTerm } from "../../domain/glossary";
import type { ActionPlanItem } from "../../../db/schema";
import { useT } from "../i18n";
import { ACTION_STATUS_NAMES } from "../../domain/action-plan";
import { DIRECTION_ARROW, type ComponentChange, type ContinuumMovement } from "../../domain/round-comparison";

function ChangeCell({ c }: { c: ComponentChange }) {
  if (!c.direction || !c.verdict) return <span className="hint">{c.words}</span>;
  if (c.verdict === "no_clear_change") {
    return (
      <>
        <span className="change change-unclear">No clear change</span>
        {c.direction !== "same" ? (
          <span className="change-detail">
            {c.direction === "up" ? "up" : "down"} {Math.abs(c.change!).toFixed(1)}
            {c.interval ? `; 95% interval ${c.interval.low.toFixed(1)} to ${c.interval.high.toFixed(1)}` : ""}
          </span>
        ) : null}
      </>
    );
  }
  return (
    <>
      <span className={`change change-${c.direction}`}>
        <span aria-hidden="true">{DIRECTION_ARROW[c.direction]} </span>
        {c.verdict === "clear_rise" ? "Clear rise" : "Clear fall"}: {c.direction === "up" ? "up" : "down"}{" "}
        {Math.abs(c.change!).toFixed(1)}
      </span>
      {c.interval ? (
        <span className="change-detail">
          95% interval {c.interval.low.toFixed(1)} to {c.interval.high.toFixed(1)}
        </span>
      ) : null}
    </>
  );
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
  const { t, lang } = useT();
  return (
    <>
      <p>
        Compared with <strong>{previousName}</strong>. The two rounds asked different groups of people, so each change
        is tested as a difference between two independent groups (Welch's test): a change is <strong>clear</strong> when
        its 95% interval does not include zero. Otherwise it is <strong>no clear change</strong>, whatever its size:
        chance alone, in who happened to answer, could give it.
      </p>
      <p className="panel" data-testid="continuum-movement">
        <strong>Continuum:</strong> {movement.words}.
      </p>
      <div className="keep-together">
        <div tabIndex={0} role="region" aria-label={"Table: change in each component"} className="table-scroll">
          <table data-testid="comparison-table" className="comparison-table">
            <caption className="visually-hidden">Change in each component since {previousName}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <ReportText k="table.component" />
                </th>
                <th scope="col" className="num">
                  Before
                </th>
                <th scope="col" className="num">
                  Now
                </th>
                <th scope="col">{t("report:comparison.change")}</th>
                <th scope="col">Actions agreed last time, and their status</th>
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
                              <span className={`tag status-${a.status}`}>{ACTION_STATUS_NAMES[a.status]}</span>{" "}
                              {a.description} <span className="hint">({a.owner})</span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="hint">
                          –<span className="visually-hidden">none</span>
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
