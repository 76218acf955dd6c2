/** Figure 8: the family-voice questionnaire's scores, by component and by family group. */
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { FAMILY_GROUPS } from "../../domain/instrument";
import type { FamilyResults } from "../../domain/scoring";
import { ComponentScoresChart } from "./charts.client";
import { scoreBarRows } from "./component-scores";
import { FigureValue, HiddenFootnote, ReportText, ScoreValue } from "./figures";
import { ChartFigure } from "./layout";

const FAMILY_GROUP_NAMES: Record<(typeof FAMILY_GROUPS)[number], string> = {
  young_person: "Children and young people",
  parent_carer: "Parents and carers",
};

export function FamilyVoice({ family, threshold }: { family: FamilyResults; threshold: number }) {
  const { lang } = useT();
  const measured = family.components.filter((c) => c.itemCount > 0);
  return (
    <ChartFigure
      id="family-scores"
      filename="family-voice"
      caption="Figure 8. Family voice: how joined up services felt to children, young people and families"
      chart={() => (
        <ComponentScoresChart
          rows={scoreBarRows(measured)}
          title="Family voice scores"
          description="Horizontal bars, one per component the family questionnaire asks about, on a scale of 0 to 100 over shaded bands, with 95% confidence intervals. The same figures are in the table that follows."
        />
      )}
      table={
        <>
          <table>
            <caption className="visually-hidden">Family voice scores by component and group</caption>
            <thead>
              <tr>
                <th scope="col">
                  <ReportText k="table.component" />
                </th>
                <th scope="col" className="num">
                  <ReportText k="table.score" />
                </th>
                <th scope="col" className="num">
                  n
                </th>
                {FAMILY_GROUPS.map((g) => (
                  <th key={g} scope="col" className="num">
                    {FAMILY_GROUP_NAMES[g]}
                  </th>
                ))}
                <th scope="col" className="num">
                  Don't know
                </th>
              </tr>
            </thead>
            <tbody>
              {measured.map((c) => (
                <tr key={c.component}>
                  <th scope="row">{frameworkTerm("component", c.component, lang)}</th>
                  <td className="num" data-testid={`family-score-${c.component}`}>
                    <ScoreValue figure={c.overall} />
                  </td>
                  <td className="num">
                    <FigureValue figure={c.overall}>{(f) => f.n}</FigureValue>
                  </td>
                  {FAMILY_GROUPS.map((g) => (
                    <td key={g} className="num">
                      <ScoreValue figure={c.byFamilyGroup[g]} />
                    </td>
                  ))}
                  <td className="num">{c.dontKnowAnswers}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <HiddenFootnote threshold={threshold} />
        </>
      }
    />
  );
}
