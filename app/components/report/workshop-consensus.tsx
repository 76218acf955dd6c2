/** The scores workshops agreed together, beside the survey's score for the same component. */
import { ReportText } from "./figures";
import { ReportSection } from "./layout";

export interface ConsensusRow {
  component: string;
  name: string;
  /** The workshop's agreed score, 0 to 5. */
  consensus: number;
  /** The same on the survey's 0-100 scale. */
  consensus100: number;
  /** The survey's score, or null when it is hidden (too few answered). */
  survey: number | null;
  /** consensus100 - survey, or null when the survey's score is hidden. */
  difference: number | null;
  workshop: string;
  notes: string | null;
}

export function WorkshopConsensus({ rows }: { rows: ConsensusRow[] }) {
  return (
    <ReportSection
      id="consensus"
      title="Workshop consensus beside the survey"
      intro={
        <p>
          Scores a workshop agreed together (0 to 5, shown here as 0 to 100), beside the survey score for the same
          component. A large difference is worth talking about: the room and the survey may be seeing different things.
        </p>
      }
    >
      <div tabIndex={0} role="region" aria-label="Table: workshop consensus beside the survey" className="table-scroll">
        <table data-testid="consensus-table">
          <thead>
            <tr>
              <th scope="col">
                <ReportText k="table.component" />
              </th>
              <th scope="col" className="num">
                Workshop (0-5)
              </th>
              <th scope="col" className="num">
                Workshop (0-100)
              </th>
              <th scope="col" className="num">
                Survey (0-100)
              </th>
              <th scope="col" className="num">
                Difference
              </th>
              <th scope="col">Workshop and notes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.component}>
                <th scope="row">{c.name}</th>
                <td className="num">{c.consensus}</td>
                <td className="num">{c.consensus100}</td>
                <td className="num">{c.survey ?? "c"}</td>
                <td className="num">{c.difference === null ? "z" : `${c.difference > 0 ? "+" : ""}${c.difference}`}</td>
                <td>
                  {c.workshop}
                  {c.notes ? `: ${c.notes}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">c: the survey figure is hidden because too few people answered; z: not applicable.</p>
    </ReportSection>
  );
}
