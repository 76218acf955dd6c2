/** The change in each component since the previous round, beside the actions agreed then. */
import type { ActionPlanItem } from "../../../db/schema";
import { ACTION_STATUS_NAMES } from "../../domain/action-plan";
import { DIRECTION_ARROW, type ComponentChange, type ContinuumMovement } from "../../domain/round-comparison";

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
  return (
    <>
      <p>
        Compared with <strong>{previousName}</strong>. A change is "more than the margin of error" when the two rounds'
        95% confidence intervals do not overlap.
      </p>
      <p className="panel" data-testid="continuum-movement">
        <strong>Continuum:</strong> {movement.words}.
      </p>
      <div tabIndex={0} role="region" aria-label={"Table: change in each component"} className="table-scroll">
        <table data-testid="comparison-table">
          <caption className="visually-hidden">Change in each component since {previousName}</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col" className="num">
                Before
              </th>
              <th scope="col" className="num">
                Now
              </th>
              <th scope="col">Change</th>
              <th scope="col">Actions agreed last time</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => {
              const own = actions.filter((a) => a.component === c.component);
              return (
                <tr key={c.component}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{c.previous?.toFixed(1) ?? "–"}</td>
                  <td className="num">{c.current?.toFixed(1) ?? "–"}</td>
                  <td>
                    {c.direction ? (
                      <>
                        <span className={`change change-${c.direction}`}>
                          <span aria-hidden="true">{DIRECTION_ARROW[c.direction]} </span>
                          {c.direction === "same"
                            ? "No change"
                            : `${c.direction === "up" ? "Up" : "Down"} ${Math.abs(c.change!).toFixed(1)}`}
                        </span>
                        {c.direction !== "same" ? (
                          c.beyondCi ? (
                            <span className="change-real">More than the margin of error</span>
                          ) : (
                            <span className="change-within">Within the margin of error</span>
                          )
                        ) : null}
                      </>
                    ) : (
                      <span className="hint">{c.words}</span>
                    )}
                  </td>
                  <td>
                    {own.length ? (
                      <ul className="plain-list">
                        {own.map((a) => (
                          <li key={a.id}>
                            {a.description}{" "}
                            <span className="hint">
                              ({a.owner}; {ACTION_STATUS_NAMES[a.status]})
                            </span>
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
    </>
  );
}
