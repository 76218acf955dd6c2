/** Figure 8: the family-voice questionnaire's scores, by component and by family group. */
import { frameworkTerm } from "../../domain/glossary";
import { useT } from "../i18n";
import { familyGroupName, FAMILY_GROUPS } from "../../domain/instrument";
import type { FamilyResults } from "../../domain/scoring";
import { ComponentScoresChart } from "./charts.client";
import { scoreBarRows } from "./component-scores";
import { FigureValue, HiddenFootnote, ReportText, ScoreValue } from "./figures";
import { ChartFigure } from "./layout";

export function FamilyVoice({ family, threshold }: { family: FamilyResults; threshold: number }) {
  const { t, lang } = useT("report");
  const measured = family.components.filter((c) => c.itemCount > 0);
  return (
    <ChartFigure
      id="family-scores"
      filename="family-voice"
      caption={t("familyVoice.caption")}
      chart={() => (
        <ComponentScoresChart
          rows={scoreBarRows(measured).map((r) => ({ ...r, name: frameworkTerm("component", r.key, lang) }))}
          title={t("familyVoice.title")}
          description={t("familyVoice.description")}
        />
      )}
      table={
        <>
          <table>
            <caption className="visually-hidden">{t("familyVoice.tableCaption")}</caption>
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
                    {familyGroupName(g, lang)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("trust.dontKnow")}
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
