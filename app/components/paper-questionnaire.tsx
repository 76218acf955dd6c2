/**
 * A questionnaire laid out for paper (issue 24): tick boxes, ruled lines for comments, the
 * round's name and the reference on every printed page (a table header, which Chromium and
 * Firefox repeat on each page), large type for the family version, and no personal details.
 */
import type { PaperQuestion, PaperQuestionnaire } from "../domain/paper-questionnaire";

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
  return (
    <div className={`paper${family ? " large" : ""}`}>
      <div className="paper-tools">
        <p>
          This is the {family ? "family-voice" : form === "short" ? "short professional" : "professional"} questionnaire
          of {roundName}, ready to print on A4. Use your browser&apos;s Print, and choose &ldquo;Save as PDF&rdquo; as
          the printer to get a PDF file. Enter the completed forms with &ldquo;Enter a paper response&rdquo; on the
          round&apos;s page.
        </p>
        <button type="button" className="button" onClick={() => window.print()}>
          Print or save as PDF
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
                <span className="paper-reference">Reference {reference}</span>
              </div>
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <h1>{family ? "Did services work together for you?" : paper.title}</h1>
              <div className="paper-intro">
                <p>
                  {family
                    ? "Tell us what it was like for you and your family to get help from different services."
                    : (paper.description ?? "Tell us how the agencies in your partnership work together.")}
                </p>
                <p>
                  <strong>Do not write your name or any other personal details on this form.</strong> Tick one box for
                  each question, or leave it blank if you would rather not answer. Hand the form back as you were asked:
                  it is entered by staff and then counted with everyone else&apos;s, only for groups of several people.
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
                <strong>Thank you.</strong> Reference {reference}.
              </p>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function PaperQuestionBlock({ question }: { question: PaperQuestion }) {
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
          <p className="visually-hidden">Space to write your answer</p>
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="paper-lines" />
          ))}
        </div>
      )}
    </div>
  );
}
