/**
 * The sections of a round's results report. Each draws from the scoring module's published
 * figures only (small numbers already hidden there), renders its table on the server, and its
 * chart in the browser (ClientOnly) beside the table.
 */
import type { ReactNode } from "react";
import type { ActionPlanItem } from "../../db/schema";
import {
  AGENCY_TYPES,
  CONTINUUM_CAVEAT,
  LEVELS,
  STAGES,
  bandFor,
  component as componentInfo,
  type LevelKey,
} from "../domain/framework";
import { ACTION_STATUS_NAMES } from "../domain/action-plan";
import { FAMILY_GROUPS } from "../domain/instrument";
import { DIRECTION_ARROW, type ComponentChange, type ContinuumMovement } from "../domain/round-comparison";
import type {
  ComponentResult,
  ContinuumResults,
  CountFigure,
  FamilyResults,
  Figure,
  PartnerResults,
  ProfessionalResults,
  RankedItem,
  RespondentCounts,
  ScoreFigure,
  ShortFormResults,
  StageDistribution,
} from "../domain/scoring";
import { ChartDownloads } from "./chart-downloads";
import { ClientOnly } from "./client-only";
import { PartnerNetwork, STAGE_COLOURS, stageTextColour } from "./partner-network";
import { ComponentScoresChart, PerceptionGapChart, type ScoreBarRow } from "./report-charts.client";
import { BandTag, CountValue, FigureValue, HiddenFootnote, HiddenMark, ScoreValue } from "./report-figures";

const FAMILY_GROUP_NAMES: Record<(typeof FAMILY_GROUPS)[number], string> = { young_person: "Children and young people", parent_carer: "Parents and carers" };

/** A section with its heading; `id` is the anchor the contents list links to. */
export function ReportSection({ id, title, children, intro }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="report-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <div className="section-intro">{intro}</div> : null}
      {children}
    </section>
  );
}

/** A chart with its caption, download buttons and, below, the table holding its figures. */
export function ChartFigure({ id, caption, chart, table, filename }: { id: string; caption: string; chart: () => ReactNode; table: ReactNode; filename: string }) {
  return (
    <figure className="chart-block" id={id} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <div className="chart" data-testid={`${id}-chart`}>
        <ClientOnly fallback={<p className="hint">The chart appears once the page has loaded. The figures are in the table below.</p>}>{chart}</ClientOnly>
      </div>
      <ClientOnly>{() => <ChartDownloads figureId={id} filename={filename} label={caption} />}</ClientOnly>
      <div tabIndex={0} role="region" aria-label={`Table: ${caption}`} className="table-scroll chart-table" data-testid={`${id}-table`}>
        {table}
      </div>
    </figure>
  );
}

export function scoreBarRows(components: readonly { component: string; name: string; overall: ScoreFigure }[]): ScoreBarRow[] {
  return components.map((c) => {
    const f = c.overall;
    return f.status === "ok"
      ? { key: c.component, name: c.name, score: f.score, band: f.band, low: f.ci95.low, high: f.ci95.high, n: f.n, split: f.split, hidden: null, mark: null }
      : { key: c.component, name: c.name, score: null, band: null, low: null, high: null, n: null, split: false, hidden: f.reason, mark: f.status === "suppressed" ? "c" : "x" };
  });
}

// ---------------------------------------------------------------------------------------------

export function AtAGlance({ respondents, professional, continuum }: { respondents: RespondentCounts; professional: Figure<ProfessionalResults>; continuum: Figure<ContinuumResults> }) {
  const shown = professional.status === "ok" ? professional.components.filter((c) => c.overall.status === "ok") : [];
  const score = (c: ComponentResult) => (c.overall.status === "ok" ? c.overall.score : 0);
  const best = [...shown].sort((a, b) => score(b) - score(a))[0];
  const worst = [...shown].sort((a, b) => score(a) - score(b))[0];
  const counts = { strength: 0, borderline: 0, concern: 0 };
  for (const c of shown) if (c.overall.status === "ok") counts[c.overall.band]++;
  const placement = continuum.status === "ok" ? continuum.placement : null;
  return (
    <dl className="glance" data-testid="at-a-glance">
      <div>
        <dt>People who answered</dt>
        <dd className="glance-figure"><CountValue figure={respondents.total} /></dd>
      </div>
      <div>
        <dt>Where the partnership stands</dt>
        <dd className="glance-figure">
          {placement?.status === "ok" ? `${placement.current.stage}. ${placement.current.name}` : placement ? <HiddenMark figure={placement} /> : "Not asked"}
        </dd>
      </div>
      <div>
        <dt>Components by band</dt>
        <dd className="glance-bands">
          <span><strong>{counts.strength}</strong> strength</span> <span><strong>{counts.borderline}</strong> borderline</span> <span><strong>{counts.concern}</strong> concern</span>
        </dd>
      </div>
      <div>
        <dt>Highest and lowest scored</dt>
        <dd className="glance-text">
          {best && worst ? (
            <>
              {best.name} <span className="hint">({score(best).toFixed(1)})</span>
              <br />
              {worst.name} <span className="hint">({score(worst).toFixed(1)})</span>
            </>
          ) : (
            "No component can be shown"
          )}
        </dd>
      </div>
    </dl>
  );
}

export function WhoAnswered({ respondents, threshold, family }: { respondents: RespondentCounts; threshold: number; family: boolean }) {
  const staff = (() => {
    const p = respondents.byQuestionnaire.professional;
    const s = respondents.byQuestionnaire.short;
    return p.status === "ok" && s.status === "ok" ? p.n + s.n : null;
  })();
  const share = (f: CountFigure, total: number | null) => (f.status === "ok" && total ? `${Math.round((100 * f.n) / total)}%` : f.status === "ok" ? "–" : <HiddenMark figure={f} />);
  const rows = (title: string, caption: string, list: { key: string; name: string; figure: CountFigure }[], total: number | null) => (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col" className="num">Submitted</th>
          <th scope="col" className="num">Share</th>
        </tr>
      </thead>
      <tbody>
        {list.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name}</th>
            <td className="num"><CountValue figure={r.figure} /></td>
            <td className="num">{share(r.figure, total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      <dl className="summary-list">
        <dt>All responses</dt>
        <dd data-testid="respondents-total"><CountValue figure={respondents.total} /></dd>
        <dt>Professionals</dt>
        <dd><CountValue figure={respondents.byQuestionnaire.professional} /> full questionnaire, <CountValue figure={respondents.byQuestionnaire.short} /> short form</dd>
        {family ? (<><dt>Family voice</dt><dd><CountValue figure={respondents.byQuestionnaire.family} /></dd></>) : null}
        <dt>Smallest group shown</dt>
        <dd>{threshold} people</dd>
      </dl>
      <div className="table-grid">
        <div tabIndex={0} role="region" aria-label={"Table: professionals by level"} className="table-scroll">
          {rows("Level they work at", "Professionals by the level they work at", LEVELS.map((l) => ({ key: l.key, name: l.name, figure: respondents.byLevel[l.key] })), staff)}
        </div>
        <div tabIndex={0} role="region" aria-label={"Table: professionals by kind of agency"} className="table-scroll">
          {rows("Kind of agency", "Professionals by kind of agency", AGENCY_TYPES.map((a) => ({ key: a.key, name: a.name, figure: respondents.byAgencyType[a.key] })), staff)}
        </div>
      </div>
      <HiddenFootnote threshold={threshold} />
    </>
  );
}

export function ComponentScores({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  return (
    <ChartFigure
      id="component-scores"
      filename="component-scores"
      caption="Figure 1. Score for each of the 13 components, 0 to 100, with its 95% confidence interval"
      chart={() => (
        <ComponentScoresChart
          rows={scoreBarRows(components)}
          title="Component scores"
          description="Horizontal bars, one per component, on a scale of 0 to 100, over shaded bands: concern below 50, borderline 50 to 74.9, strength 75 and above. Whiskers show the 95% confidence interval. The same figures are in the table that follows."
        />
      )}
      table={
        <>
          <table>
            <caption className="visually-hidden">Component scores</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col" className="num">Score</th>
                <th scope="col">Band</th>
                <th scope="col" className="num">95% CI</th>
                <th scope="col" className="num">n</th>
                <th scope="col">Views</th>
              </tr>
            </thead>
            <tbody>
              {components.map((c) => (
                <tr key={c.component} data-component={c.component}>
                  <th scope="row">{c.name}</th>
                  <td className="num" data-testid={`score-${c.component}`}><ScoreValue figure={c.overall} /></td>
                  <td><FigureValue figure={c.overall}>{(f) => <BandTag band={f.band} />}</FigureValue></td>
                  <td className="num"><FigureValue figure={c.overall}>{(f) => `${f.ci95.low.toFixed(1)}–${f.ci95.high.toFixed(1)}`}</FigureValue></td>
                  <td className="num"><FigureValue figure={c.overall}>{(f) => f.n}</FigureValue></td>
                  <td>
                    <FigureValue figure={c.overall}>
                      {(f) => (f.split ? <span className="split-flag">Split: spread {f.ci95.low.toFixed(0)}–{f.ci95.high.toFixed(0)}, median {f.median.toFixed(1)}</span> : `${Math.round(f.agreement * 100)}% agree`)}
                    </FigureValue>
                  </td>
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
        Compared with <strong>{previousName}</strong>. A change is "more than the margin of error" when the two rounds' 95% confidence
        intervals do not overlap.
      </p>
      <p className="panel" data-testid="continuum-movement"><strong>Continuum:</strong> {movement.words}.</p>
      <div tabIndex={0} role="region" aria-label={"Table: change in each component"} className="table-scroll">
        <table data-testid="comparison-table">
          <caption className="visually-hidden">Change in each component since {previousName}</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col" className="num">Before</th>
              <th scope="col" className="num">Now</th>
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
                          {c.direction === "same" ? "No change" : `${c.direction === "up" ? "Up" : "Down"} ${Math.abs(c.change!).toFixed(1)}`}
                        </span>
                        {c.direction !== "same" ? (
                          c.beyondCi ? <span className="change-real">More than the margin of error</span> : <span className="change-within">Within the margin of error</span>
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
                            {a.description} <span className="hint">({a.owner}; {ACTION_STATUS_NAMES[a.status]})</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="hint">–<span className="visually-hidden">none</span></span>
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

function distributionText(d: Figure<StageDistribution>) {
  if (d.status !== "ok") return <HiddenMark figure={d} />;
  return <>median {d.median} ({STAGES[Math.round(d.median)]?.name}), {d.n} answers</>;
}

export function Continuum({ continuum, threshold }: { continuum: ContinuumResults; threshold: number }) {
  const placement = continuum.placement;
  const current = placement.status === "ok" ? placement.current.stage : null;
  const nonCumulative = placement.status === "ok" ? placement.nonCumulative.map((s) => s.stage) : [];
  const countOf = (d: Figure<StageDistribution>, stage: number) => (d.status === "ok" ? d.counts.find((c) => c.stage === stage)?.count ?? null : null);
  const pct = (d: Figure<StageDistribution>, c: CountFigure | null) => (d.status === "ok" && c?.status === "ok" && d.n ? (100 * c.n) / d.n : 0);
  return (
    <figure className="chart-block" id="continuum" aria-labelledby="continuum-caption">
      <figcaption id="continuum-caption">Figure 2. The continuum of integration: where the partnership stands, and where respondents want it to be</figcaption>
      <ol className="continuum" start={0} data-testid="continuum-scale">
        {STAGES.map((s) => {
          const target = countOf(continuum.target, s.stage);
          const self = countOf(continuum.selfChosen, s.stage);
          const status = continuum.stages.find((x) => x.stage === s.stage);
          const here = current === s.stage;
          return (
            <li key={s.key} className={`continuum-step${here ? " is-current" : ""}${current !== null && s.stage < current ? " is-passed" : ""}`}>
              <span className="step-number" aria-hidden="true">{s.stage}</span>
              <strong className="step-name">{s.name}</strong>
              {here ? <span className="step-flag current-flag">Computed stage: you are here</span> : null}
              {nonCumulative.includes(s.stage) ? <span className="step-flag noncumulative-flag">Markers met, though an earlier stage's are not</span> : null}
              <span className="step-description">{s.description}</span>
              {status ? <span className="step-markers">{status.markersMet} of {status.markers} markers met{status.status === "unknown" ? " (some too few to judge)" : ""}</span> : null}
              <span className="step-bars">
                <span className="step-bar-label">Target{target ? <>: <CountValue figure={target} /></> : null}</span>
                <span className="step-bar target-bar"><span style={{ width: `${pct(continuum.target, target)}%` }} /></span>
                <span className="step-bar-label">Self-chosen{self ? <>: <CountValue figure={self} /></> : null}</span>
                <span className="step-bar self-bar"><span style={{ width: `${pct(continuum.selfChosen, self)}%` }} /></span>
              </span>
            </li>
          );
        })}
      </ol>
      <dl className="summary-list" data-testid="continuum-summary">
        <dt>Computed stage</dt>
        <dd>
          {placement.status === "ok" ? (
            <>
              {placement.current.stage}. {placement.current.name}
              {placement.lowerBound ? " (or further: the next stage had too few answers to judge)" : ""}
            </>
          ) : (
            <HiddenMark figure={placement} />
          )}
        </dd>
        <dt>Target stage chosen</dt>
        <dd>{distributionText(continuum.target)}</dd>
        <dt>Self-chosen stage</dt>
        <dd>{distributionText(continuum.selfChosen)}</dd>
        <dt>Gap to the target</dt>
        <dd>
          <FigureValue figure={continuum.gap}>
            {(g) => (g.gap === 0 ? "None: where respondents want it to be" : `${g.gap > 0 ? "+" : ""}${g.gap} stage${Math.abs(g.gap) === 1 ? "" : "s"} ${g.gap > 0 ? "further along wanted" : "less integration wanted"}`)}
          </FigureValue>
        </dd>
        {nonCumulative.length ? (
          <>
            <dt>Not in order</dt>
            <dd>Markers of {placement.status === "ok" ? placement.nonCumulative.map((s) => s.name).join(", ") : ""} are met although an earlier stage's are not: worth talking through.</dd>
          </>
        ) : null}
      </dl>
      <div className="notice caveat"><p>{CONTINUUM_CAVEAT}</p></div>
      <p className="hint">
        The computed stage comes from the statements below, not from the stage people chose: computed stages track what is in place far
        better than self-chosen ones.
      </p>
      <div tabIndex={0} role="region" aria-label={"Table: stage distribution"} className="table-scroll chart-table">
        <table data-testid="continuum-table">
          <caption>Stage distribution: how many chose each stage</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Markers met</th>
              <th scope="col" className="num">Target</th>
              <th scope="col" className="num">Self-chosen</th>
            </tr>
          </thead>
          <tbody>
            {STAGES.map((s) => {
              const status = continuum.stages.find((x) => x.stage === s.stage);
              const t = countOf(continuum.target, s.stage);
              const c = countOf(continuum.selfChosen, s.stage);
              return (
                <tr key={s.key}>
                  <th scope="row">{s.stage}. {s.name}</th>
                  <td>{status ? `${status.markersMet} of ${status.markers}` : "–"}</td>
                  <td className="num">{t ? <CountValue figure={t} /> : continuum.target.status === "ok" ? "–" : <HiddenMark figure={continuum.target} />}</td>
                  <td className="num">{c ? <CountValue figure={c} /> : continuum.selfChosen.status === "ok" ? "–" : <HiddenMark figure={continuum.selfChosen} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <HiddenFootnote threshold={threshold} />
      </div>
    </figure>
  );
}

export function LevelHeatmap({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  return (
    <figure className="chart-block" id="heatmap" aria-labelledby="heatmap-caption">
      <figcaption id="heatmap-caption">Figure 3. Component by level: scores of the questions about each level</figcaption>
      <div tabIndex={0} role="region" aria-label={"Table: component by level"} className="table-scroll">
        <table className="heatmap" data-testid="heatmap-table">
          <caption className="visually-hidden">Component by level: score of the questions about each level, coloured by band</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              {LEVELS.map((l) => (
                <th key={l.key} scope="col" className="num">{l.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {components.map((c) => (
              <tr key={c.component}>
                <th scope="row">{c.name}</th>
                {LEVELS.map((l) => {
                  const f = c.byItemLevel[l.key];
                  return (
                    <td key={l.key} className={`num heat ${f.status === "ok" ? `heat-${f.band}` : "heat-none"}`} tabIndex={f.status === "ok" ? 0 : undefined} title={f.status === "ok" ? `${c.name}, ${l.name}: ${f.score.toFixed(1)} (${f.band}), n = ${f.n}` : f.reason}>
                      <ScoreValue figure={f} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="legend" aria-hidden="true">
        <span className="heat-key heat-strength">75+ strength</span>
        <span className="heat-key heat-borderline">50–74.9 borderline</span>
        <span className="heat-key heat-concern">below 50 concern</span>
      </p>
      <HiddenFootnote threshold={threshold} noData="no questions about this level, or no answers to them" />
    </figure>
  );
}

export function PerceptionGap({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  const rows = components.map((c) => ({
    key: c.component,
    name: c.name,
    scores: Object.fromEntries(LEVELS.map((l) => [l.key, c.byRespondentLevel[l.key].status === "ok" ? (c.byRespondentLevel[l.key] as { score: number }).score : null])) as Record<LevelKey, number | null>,
  }));
  return (
    <ChartFigure
      id="perception-gap"
      filename="perception-gap"
      caption="Figure 4. The perception gap: each component as scored by staff working at each level"
      chart={() => (
        <PerceptionGapChart
          rows={rows}
          title="Perception gap"
          description="For each component, one bar per level respondents work at: national, local authority, organisation and team. The same figures are in the table that follows."
        />
      )}
      table={
        <>
          <table>
            <caption className="visually-hidden">Component scores by the level respondents work at</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                {LEVELS.map((l) => (
                  <th key={l.key} scope="col" className="num">{l.name}</th>
                ))}
                <th scope="col">Gap</th>
              </tr>
            </thead>
            <tbody>
              {components.map((c) => (
                <tr key={c.component}>
                  <th scope="row">{c.name}</th>
                  {LEVELS.map((l) => (
                    <td key={l.key} className="num"><ScoreValue figure={c.byRespondentLevel[l.key]} /></td>
                  ))}
                  <td>
                    {c.perceptionGap.status === "ok" ? (
                      <>{c.perceptionGap.gap.toFixed(1)} <span className="hint">({levelName(c.perceptionGap.highest.level)} highest, {levelName(c.perceptionGap.lowest.level)} lowest)</span></>
                    ) : (
                      <span className="hint">–</span>
                    )}
                  </td>
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

const levelName = (key: LevelKey) => LEVELS.find((l) => l.key === key)?.name ?? key;

export interface EvidenceNoteView {
  key: string;
  statement: string;
  citations: string[];
}

/** The first two sources, cited by title and section; the framework page lists them all. */
function EvidenceCitations({ notes, itemKey }: { notes: EvidenceNoteView[]; itemKey: string }) {
  const all = [...new Set(notes.flatMap((n) => n.citations))];
  if (!all.length) return null;
  const shown = all.slice(0, 2);
  return (
    <p className="evidence-note">
      Evidence: {shown.join("; ")}
      {all.length > shown.length ? (
        <>
          {" "}and <a href={`/framework#${itemKey}`}>{all.length - shown.length} more source{all.length - shown.length === 1 ? "" : "s"}<span className="visually-hidden"> for this question</span></a>
        </>
      ) : null}
    </p>
  );
}

function RankedList({ items, evidence, testid }: { items: RankedItem[]; evidence: Record<string, EvidenceNoteView[]>; testid: string }) {
  if (!items.length) return <p className="hint">None can be shown.</p>;
  return (
    <ol className="ranked" data-testid={testid}>
      {items.map((item) => (
        <li key={item.key}>
          <span className={`ranked-score band-${bandFor(item.score)}`}>{item.score.toFixed(1)}</span>
          <div>
            <a href={`/framework#${item.key}`}>{item.title}</a>
            <span className="hint"> {componentInfo(item.component).name} · {levelName(item.level)} level · n = {item.n}</span>
            <EvidenceCitations notes={evidence[item.key] ?? []} itemKey={item.key} />
          </div>
        </li>
      ))}
    </ol>
  );
}

export function TopItems({ professional, evidence }: { professional: ProfessionalResults; evidence: Record<string, EvidenceNoteView[]> }) {
  return (
    <div className="two-columns">
      <div>
        <h3>Strongest facilitators</h3>
        <p className="hint">Things that help, rated highest (100 = everyone strongly agrees).</p>
        <RankedList items={professional.strongestFacilitators} evidence={evidence} testid="facilitators" />
      </div>
      <div>
        <h3>Most severe barriers</h3>
        <p className="hint">Things that get in the way, rated most severe (0 = a major barrier for everyone).</p>
        <RankedList items={professional.severestBarriers} evidence={evidence} testid="barriers" />
      </div>
    </div>
  );
}

export function Partners({ partners, threshold }: { partners: PartnerResults; threshold: number }) {
  const agencies = partners.agencies;
  const cell = (from: string, to: string) => partners.cells.find((c) => c.from === from && c.to === to);
  const pairOf = (a: string, b: string) => partners.pairs.find((p) => (p.agencies[0] === a && p.agencies[1] === b) || (p.agencies[0] === b && p.agencies[1] === a));
  const differently = partners.pairs.filter((p) => p.seeDifferently);
  const name = (id: string) => agencies.find((a) => a.id === id)?.name ?? id;
  return (
    <>
      <figure className="chart-block" id="partner-matrix" aria-labelledby="partner-matrix-caption">
        <figcaption id="partner-matrix-caption">Figure 5. Partner matrix: how each agency's staff rate working with each other agency now, and where they want it to be</figcaption>
        <div tabIndex={0} role="region" aria-label={"Table: partner matrix"} className="table-scroll">
          <table className="matrix" data-testid="partner-matrix">
            <caption className="visually-hidden">Median stage now and wanted, by rating agency (rows) and agency rated (columns)</caption>
            <thead>
              <tr>
                <th scope="col">Rated by ↓ / working with →</th>
                {agencies.map((a, i) => (
                  <th key={a.id} scope="col" className="matrix-col">
                    <span aria-hidden="true">{i + 1}</span>
                    <span className="visually-hidden">{a.name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {agencies.map((from, i) => (
                <tr key={from.id}>
                  <th scope="row">{i + 1}. {from.name}</th>
                  {agencies.map((to) => {
                    if (from.id === to.id) return <td key={to.id} className="matrix-self"><span className="visually-hidden">Same agency</span></td>;
                    const c = cell(from.id, to.id);
                    const pair = pairOf(from.id, to.id);
                    if (!c) return <td key={to.id}>x</td>;
                    const now = c.now;
                    const flagged = pair?.seeDifferently === true;
                    return (
                      <td
                        key={to.id}
                        className={`matrix-cell${flagged ? " matrix-flag" : ""}`}
                        style={now.status === "ok" ? { background: STAGE_COLOURS[Math.round(now.median)], color: stageTextColour(Math.round(now.median)) } : undefined}
                      >
                        <span className="matrix-now">
                          <FigureValue figure={now}>{(f) => String(f.median)}</FigureValue>
                        </span>
                        <span className="matrix-wanted">
                          {" "}→ <FigureValue figure={c.wanted}>{(f) => String(f.median)}</FigureValue>
                        </span>
                        {flagged ? <span className="flag-icon" aria-hidden="true"> ⚑</span> : null}
                        <span className="visually-hidden">
                          {" "}(now, then wanted){flagged ? "; the two agencies see this relationship differently" : ""}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="legend">
          Each cell: the median stage now → the median stage wanted (0 co-existence to 5 integration), shaded by the stage now.{" "}
          <span aria-hidden="true">⚑</span> marks pairs that see each other more than one stage apart.
        </p>
        <p className="legend stage-legend" aria-hidden="true">
          {STAGES.map((s) => (
            <span key={s.key} style={{ background: STAGE_COLOURS[s.stage], color: stageTextColour(s.stage) }}>{s.stage} {s.name}</span>
          ))}
        </p>
        <HiddenFootnote threshold={threshold} />
      </figure>

      <figure className="chart-block" id="partner-network" aria-labelledby="partner-network-caption">
        <figcaption id="partner-network-caption">Figure 6. Partner network: thicker, darker lines work more closely; dashed lines see each other differently</figcaption>
        <div className="chart" data-testid="partner-network-chart">
          <PartnerNetwork
            title="Network of member agencies; the figures are in the partner matrix above"
            agencies={agencies.map((a) => ({ id: a.id, name: a.name }))}
            pairs={partners.pairs.map((p) => ({ a: p.agencies[0], b: p.agencies[1], aRatesB: p.firstRatesSecond, bRatesA: p.secondRatesFirst, seeDifferently: p.seeDifferently }))}
          />
        </div>
        <ClientOnly>{() => <ChartDownloads figureId="partner-network" filename="partner-network" label="the partner network" />}</ClientOnly>
      </figure>
      <h3>Pairs that see each other differently</h3>
      {differently.length ? (
        <ul data-testid="see-differently">
          {differently.map((p) => (
            <li key={p.agencies.join("-")}>
              {name(p.agencies[0])} rates working with {name(p.agencies[1])} at stage {p.firstRatesSecond}; {name(p.agencies[1])} rates it at stage {p.secondRatesFirst}.
            </li>
          ))}
        </ul>
      ) : (
        <p>No pair's ratings of each other are more than one stage apart, among those that can be shown.</p>
      )}
    </>
  );
}

export function FamilyVoice({ family, threshold }: { family: FamilyResults; threshold: number }) {
  const measured = family.components.filter((c) => c.itemCount > 0);
  return (
    <ChartFigure
      id="family-scores"
      filename="family-voice"
      caption="Figure 7. Family voice: how joined up services felt to children, young people and families"
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
                <th scope="col">Component</th>
                <th scope="col" className="num">Score</th>
                <th scope="col" className="num">n</th>
                {FAMILY_GROUPS.map((g) => (
                  <th key={g} scope="col" className="num">{FAMILY_GROUP_NAMES[g]}</th>
                ))}
                <th scope="col" className="num">Don't know</th>
              </tr>
            </thead>
            <tbody>
              {measured.map((c) => (
                <tr key={c.component}>
                  <th scope="row">{c.name}</th>
                  <td className="num" data-testid={`family-score-${c.component}`}><ScoreValue figure={c.overall} /></td>
                  <td className="num"><FigureValue figure={c.overall}>{(f) => f.n}</FigureValue></td>
                  {FAMILY_GROUPS.map((g) => (
                    <td key={g} className="num"><ScoreValue figure={c.byFamilyGroup[g]} /></td>
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

export function ShortForm({ short, threshold }: { short: ShortFormResults; threshold: number }) {
  return (
    <>
      <p>{short.note}</p>
      <div tabIndex={0} role="region" aria-label={"Table: short form scores"} className="table-scroll">
        <table>
          <caption className="visually-hidden">Short form scores</caption>
          <thead><tr><th scope="col">Component</th><th scope="col" className="num">Score</th><th scope="col" className="num">n</th></tr></thead>
          <tbody>
            {short.components.map((c) => (
              <tr key={c.component}><th scope="row">{c.name}</th><td className="num"><ScoreValue figure={c.overall} /></td><td className="num"><FigureValue figure={c.overall}>{(f) => f.n}</FigureValue></td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <HiddenFootnote threshold={threshold} />
    </>
  );
}

export function Trust({ components, threshold }: { components: ComponentResult[]; threshold: number }) {
  return (
    <>
      <ul>
        <li><strong>n</strong>: how many people a score rests on. The fewer, the less certain.</li>
        <li><strong>95% CI</strong>: the range the score would probably fall in with other respondents. Wide intervals mean uncertain scores; components whose intervals overlap may not really differ.</li>
        <li><strong>Split</strong>: a third or more of people are more than one point from the middle view. One figure cannot speak for the group; read the spread and talk it through.</li>
        <li><strong>Alpha</strong> (Cronbach's): whether a component's questions measure one thing; 0.7 or more is usual.</li>
        <li><strong>Don't know</strong>: answers left out of the scores. Many of them suggest people lack the information, which is a finding in itself.</li>
      </ul>
      <div tabIndex={0} role="region" aria-label={"Table: how far to trust each score"} className="table-scroll">
        <table data-testid="trust-table">
          <caption className="visually-hidden">How far to trust each component's score</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col" className="num">n</th>
              <th scope="col" className="num">95% CI</th>
              <th scope="col" className="num">SD</th>
              <th scope="col">Split?</th>
              <th scope="col" className="num">Alpha</th>
              <th scope="col" className="num">Don't know</th>
              <th scope="col" className="num">Left out</th>
            </tr>
          </thead>
          <tbody>
            {components.map((c) => (
              <tr key={c.component}>
                <th scope="row">{c.name}</th>
                <td className="num"><FigureValue figure={c.overall}>{(f) => f.n}</FigureValue></td>
                <td className="num"><FigureValue figure={c.overall}>{(f) => `${f.ci95.low.toFixed(1)}–${f.ci95.high.toFixed(1)}`}</FigureValue></td>
                <td className="num"><FigureValue figure={c.overall}>{(f) => f.sd.toFixed(1)}</FigureValue></td>
                <td><FigureValue figure={c.overall}>{(f) => (f.split ? <span className="split-flag">Split</span> : "No")}</FigureValue></td>
                <td className="num">{c.alpha.status === "ok" ? c.alpha.value.toFixed(2) : <span className="hint" title={c.alpha.reason}>–<span className="visually-hidden"> ({c.alpha.reason})</span></span>}</td>
                <td className="num">{c.dontKnowAnswers}</td>
                <td className="num"><FigureValue figure={c.overall}>{(f) => f.leftOut}</FigureValue></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HiddenFootnote threshold={threshold} />
    </>
  );
}

export function Comments({ comments }: { comments: { questionnaire: "professional" | "family"; text: string }[] }) {
  return comments.length ? (
    <ul className="comments" data-testid="comments">
      {comments.map((c, i) => (
        <li key={i}>
          <blockquote>{c.text}</blockquote>
          <span className="hint">{c.questionnaire === "family" ? "Family voice" : "Professional"}</span>
        </li>
      ))}
    </ul>
  ) : (
    <p>No one left a comment.</p>
  );
}

