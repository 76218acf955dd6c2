import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import evidenceJson from "../../surveys/evidence.json";
import deepDiveJson from "../../surveys/deep-dive.json";
import { COMPONENTS, CONTINUUM_CAVEAT, LEVELS, STAGES, level } from "../domain/framework";
import { citation, entriesByKey, type EvidenceRegister } from "../domain/evidence";
import { SURVEYS } from "../models/questionnaire.server";
import { readMarkers, readScoredItems, type SurveyJson } from "../domain/instrument";

const register = evidenceJson as unknown as EvidenceRegister;
const deepDive = deepDiveJson as unknown as SurveyJson;
type Module = "core" | "deep_dive" | "family";

export async function loader() {
  const entries = entriesByKey(register);
  const items = [
    ...readScoredItems(SURVEYS.professional).map((i) => ({ ...i, module: "core" as Module })),
    ...readScoredItems(deepDive).map((i) => ({ ...i, module: "deep_dive" as Module })),
    ...readScoredItems(SURVEYS.family).map((i) => ({ ...i, module: "family" as Module })),
  ];
  return {
    components: COMPONENTS.map((c) => ({
      ...c,
      items: items
        .filter((i) => i.component === c.key)
        .map((i) => ({
          key: i.key,
          title: i.title,
          level: level(i.level).name,
          polarity: i.polarity,
          module: i.module,
          shortForm: i.shortForm,
          evidence: i.evidence.map((k) => {
            const e = entries.get(k);
            // the locator lets a reader find the passage: "Title, 'Section': "quoted words""
            const sources =
              e?.sources.map((s) => `${citation(register, s)}${s.locator ? `: "${s.locator}"` : ""}`) ?? [];
            return { key: k, statement: e?.statement ?? k, sources, indirect: (i.indirect ?? []).includes(k) };
          }),
        })),
    })),
    markers: readMarkers(SURVEYS.continuum),
    counts: {
      entries: register.entries.length,
      facilitators: register.entries.filter((e) => e.polarity === "facilitator").length,
      barriers: register.entries.filter((e) => e.polarity === "barrier").length,
      items: items.length,
      core: items.filter((i) => i.module === "core").length,
      deepDive: items.filter((i) => i.module === "deep_dive").length,
      family: items.filter((i) => i.module === "family").length,
    },
  };
}

export default function Framework() {
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>About the framework</h1>
      <p className="lead">
        Every question is there because the evidence says it matters. The framework comes from four pieces of research
        on how children's services work together; {data.counts.entries} factors named in them (
        {data.counts.facilitators} that help, {data.counts.barriers} that get in the way) are each covered by at least
        one of {data.counts.items} questions.
      </p>
      <nav aria-label="On this page" className="panel">
        <ul>
          <li>
            <a href="#components">The 13 components</a>
          </li>
          <li>
            <a href="#continuum">The continuum of integration</a>
          </li>
          <li>
            <a href="#levels">The four levels</a>
          </li>
          <li>
            <a href="#modules">Core questions and deep-dive modules</a>
          </li>
          <li>
            <a href="#questions">Every question and its evidence</a>
          </li>
        </ul>
      </nav>

      <h2 id="components">The 13 components</h2>
      <p>
        Integration is the outcome of many components. None is necessary or sufficient alone, and they have no fixed
        order or weight (CELCIS Rapid Evidence Review 2023, "Components of integration").
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: the 13 components">
        <table>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">What it covers</th>
              <th scope="col">Kind</th>
            </tr>
          </thead>
          <tbody>
            {data.components.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.name}</th>
                <td>{c.description}</td>
                <td>{c.group === "system" ? "System feature" : "Practice activity"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="continuum">The continuum of integration</h2>
      <p>How far services work together, after Horwath and Morrison (2007), Leutz (1999) and Morgan et al. (2019).</p>
      <ol start={0}>
        {STAGES.map((s) => (
          <li key={s.key}>
            <strong>{s.name}</strong>: {s.description}
          </li>
        ))}
      </ol>
      <div className="notice">
        <p>{CONTINUUM_CAVEAT}</p>
      </div>
      <p>
        A partnership is placed on the continuum from observable statements ({data.markers.length} in all), not from the
        stage people choose for themselves: in a study of 84 care networks, a stage computed from such statements
        matched what had been put in place far better than a self-chosen one.
      </p>

      <h2 id="levels">The four levels</h2>
      <dl className="summary-list">
        {LEVELS.map((l) => (
          <Fragment key={l.key}>
            <dt>{l.name}</dt>
            <dd>{l.description}</dd>
          </Fragment>
        ))}
      </dl>

      <h2 id="modules">Core questions and deep-dive modules</h2>
      <p>
        Every round asks the {data.counts.core} core questions (or the short form), and component scores come from them
        alone, so rounds can be compared over time. A lead can add optional deep-dive modules to a round, one per
        component, for a closer look where a first round shows concern: {data.counts.deepDive} further questions, each
        reported on its own beside its component. The family-voice questionnaire has {data.counts.family} questions.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: questions by component and module">
        <table>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Core</th>
              <th scope="col">Deep-dive module</th>
              <th scope="col">Family voice</th>
            </tr>
          </thead>
          <tbody>
            {data.components.map((c) => (
              <tr key={c.key}>
                <th scope="row">
                  <a href={`#q-${c.key}`}>{c.name}</a>
                </th>
                <td>{c.items.filter((i) => i.module === "core").length}</td>
                <td>{c.items.filter((i) => i.module === "deep_dive").length || "none"}</td>
                <td>{c.items.filter((i) => i.module === "family").length || ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="questions">Every question and its evidence</h2>
      {data.components.map((c) => (
        <section key={c.key} aria-labelledby={`q-${c.key}`}>
          <h3 id={`q-${c.key}`}>{c.name}</h3>
          <ul>
            {c.items.map((item) => (
              <li key={item.key} id={item.key} style={{ marginBottom: "0.75rem" }}>
                {item.title}{" "}
                <span className={`tag ${item.polarity === "facilitator" ? "green" : "red"}`}>{item.polarity}</span>{" "}
                <span className="tag grey">{item.level}</span>
                {item.module === "core" ? (
                  <>
                    {" "}
                    <span className="tag">core</span>
                  </>
                ) : null}
                {item.module === "deep_dive" ? (
                  <>
                    {" "}
                    <span className="tag blue">deep dive: {c.name}</span>
                  </>
                ) : null}
                {item.module === "family" ? (
                  <>
                    {" "}
                    <span className="tag yellow">family voice</span>
                  </>
                ) : null}
                {item.shortForm ? (
                  <>
                    {" "}
                    <span className="tag">short form</span>
                  </>
                ) : null}
                <details>
                  <summary>Why we ask this</summary>
                  <ul>
                    {item.evidence.map((e) => (
                      <li key={e.key}>
                        {e.statement}
                        {e.indirect ? " (asked in part)" : ""} <span className="hint">({e.sources.join("; ")})</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "About the framework" }];
