import type { DeepDiveReport } from "../domain/deep-dive";

/**
 * The deep-dive questions of a round, one table per module, each question on its own line. They
 * never enter the component scores; a question answered by too few people shows no figure.
 */
export function DeepDiveItems({ modules }: { modules: DeepDiveReport[] }) {
  return (
    <>
      {modules.map((m) => (
        <div key={m.component} data-testid={`deep-dive-${m.component}`}>
          <h3>{m.name}</h3>
          <div
            tabIndex={0}
            role="region"
            aria-label={`Table: deep-dive questions on ${m.name}`}
            className="table-scroll"
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Answered
                  </th>
                  <th scope="col" className="num">
                    Score (0-100)
                  </th>
                </tr>
              </thead>
              <tbody>
                {m.items.map((item) => (
                  <tr key={item.key}>
                    <th scope="row">
                      <a href={`/framework#${item.key}`}>{item.title}</a>
                    </th>
                    <td>{item.polarity === "facilitator" ? "What helps" : "What gets in the way"}</td>
                    {item.figure.status === "ok" ? (
                      <>
                        <td className="num">{item.figure.n}</td>
                        <td className="num">{item.figure.score}</td>
                      </>
                    ) : (
                      <td colSpan={2}>{item.figure.reason}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </>
  );
}
