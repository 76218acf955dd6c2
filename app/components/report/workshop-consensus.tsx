/** The scores workshops agreed together, beside the survey's score for the same component. */
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
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
  const { t, lang } = useT("report");
  return (
    <ReportSection id="consensus" title={t("section.consensus")} intro={<p>{t("consensus.intro")}</p>}>
      <div tabIndex={0} role="region" aria-label={t("consensus.tableLabel")} className="table-scroll">
        <table data-testid="consensus-table">
          <thead>
            <tr>
              <th scope="col">
                <ReportText k="table.component" />
              </th>
              <th scope="col" className="num">
                {t("consensus.workshop5")}
              </th>
              <th scope="col" className="num">
                {t("consensus.workshop100")}
              </th>
              <th scope="col" className="num">
                {t("consensus.survey100")}
              </th>
              <th scope="col" className="num">
                {t("experience.difference")}
              </th>
              <th scope="col">{t("consensus.notes")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.component}>
                <th scope="row">{frameworkTerm("component", c.component, lang)}</th>
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
      <p className="hint">{t("consensus.footnote")}</p>
    </ReportSection>
  );
}
