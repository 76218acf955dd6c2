/**
 * A questionnaire laid out for paper (issue 24): tick boxes, ruled lines for comments, the
 * round's name and the reference on every printed page (a table header, which Chromium and
 * Firefox repeat on each page), large type for the family version, and no personal details.
 */
import type { PaperQuestion, PaperQuestionnaire } from "../domain/paper-questionnaire";
import { useT } from "./i18n";

export function PaperQuestionnaireView({
  partnershipName,
  roundName,
  kind,
  form,
  reference,
  paper,
}: {
  partnershipName: string;
  roundName: string;
  kind: "professional" | "family";
  form: "full" | "short";
  reference: string;
  paper: PaperQuestionnaire;
}) {
  const family = kind === "family";
  const { t } = useT("respondent");
  return (
    <div className={`paper${family ? " large" : ""}`}>
      <div className="paper-tools">
        <p>
          {t(`paper.tools.${family ? "family" : form === "short" ? "short" : "professional"}`, { round: roundName })}
        </p>
        <button type="button" className="button" onClick={() => window.print()}>
          {t("paper.print")}
        </button>
      </div>
      <table className="paper-sheet">
        <thead>
          <tr>
            <td>
              <div className="paper-running-header">
                <span>
                  {partnershipName}: {roundName}
                </span>
                <span className="paper-reference">{t("paper.reference", { reference })}</span>
              </div>
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <h1>{family ? t("start.title.family") : paper.title}</h1>
              <div className="paper-intro">
                <p>{family ? t("start.intro.family") : (paper.description ?? t("paper.intro.staff"))}</p>
                <p>
                  <strong>{t("paper.noName")}</strong> {t("paper.howTo")}
                </p>
              </div>
              {paper.sections.map((section) => (
                <section key={section.name} className="paper-section" aria-labelledby={`paper-${section.name}`}>
                  <h2 id={`paper-${section.name}`}>{section.title}</h2>
                  {section.description ? <p>{section.description}</p> : null}
                  {section.stageScale ? (
                    <dl className="paper-stage-scale">
                      {section.stageScale.map((s) => (
                        <div key={s.name}>
                          <dt>{s.name}</dt>
                          <dd>{s.description}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                  {section.groups.map((group, g) => (
                    <div key={g}>
                      {group.heading ? <h3>{group.heading}</h3> : null}
                      {group.questions.map((q) => (
                        <PaperQuestionBlock key={q.name} question={q} />
                      ))}
                    </div>
                  ))}
                </section>
              ))}
              <p>
                <strong>{t("paper.thanks")}</strong> {t("paper.reference", { reference })}.
              </p>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function PaperQuestionBlock({ question }: { question: PaperQuestion }) {
  const { t } = useT("respondent");
  return (
    <div className="paper-question" data-question={question.name}>
      <p className="paper-question-title">{question.title}</p>
      {question.description ? <p className="paper-question-description">{question.description}</p> : null}
      {question.condition ? <p className="paper-condition">{question.condition}</p> : null}
      {question.kind === "choice" ? (
        <ul className="paper-choices">
          {question.choices.map((c) => (
            <li key={String(c.value)}>
              <span className="tick-box" aria-hidden="true" />
              <span>{c.text}</span>
            </li>
          ))}
        </ul>
      ) : (
        <div>
          <p className="visually-hidden">{t("paper.writeHere")}</p>
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="paper-lines" />
          ))}
        </div>
      )}
    </div>
  );
}
