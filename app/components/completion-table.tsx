import type { Completion } from "../domain/completion";
import type { CountFigure } from "../domain/suppression";

const shown = (count: CountFigure, threshold: number) =>
  count.status === "ok" ? String(count.n) : `fewer than ${threshold} or hidden`;

/** Where the questionnaire loses people (professional responses), within the suppression rules. */
export function CompletionTable({ completion, threshold }: { completion: Completion; threshold: number }) {
  return (
    <section aria-labelledby="completion-heading">
      <h2 id="completion-heading">Where people stop</h2>
      <p>
        Started: {shown(completion.started, threshold)} · finished: {shown(completion.finished, threshold)}. Counts
        below {threshold}, and any that would reveal one, are hidden.
      </p>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Table: unfinished responses by the section where they stopped"
      >
        <table>
          <caption className="visually-hidden">Unfinished responses by the section where they stopped</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col" className="num">
                Stopped here
              </th>
            </tr>
          </thead>
          <tbody>
            {completion.stopped.map((row) => (
              <tr key={row.section}>
                <th scope="row">{row.section}</th>
                <td className="num">{shown(row.count, threshold)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
