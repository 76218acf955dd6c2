import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { loadComparison } from "../access/commissioner.server";
import { AreasTable } from "../components/compare/areas-table";
import { againstBenchmark, benchmarkText } from "../components/compare/benchmark-text";
import { Heatmap, Later, RankedChart, TrendChart } from "../components/compare/charts.client";
import { CompareSection } from "../components/compare/compare-section";
import { SelectField } from "../components/forms";
import { FigureRows } from "../components/compare/figure-rows";
import { pack, unpack, type Packed } from "../components/compare/packed";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { overlapGroups, type CompareFigure } from "../domain/comparison";
import {
  AGENCY_TYPES,
  COMPONENTS,
  CONTINUUM_CAVEAT,
  LEVELS,
  component as componentInfo,
  type ComponentKey,
} from "../domain/framework";
import compareCss from "../styles/compare.css";
import { getDb } from "../db.server";
import { responseRate } from "../domain/response-rates";
import { invitedCountsOfRounds } from "../models/reach.server";
import type { CountFigure } from "../domain/suppression";
import type { RespondentFilter } from "../domain/compare-areas";
import reportCss from "../styles/report.css";
import { formatDate } from "../domain/dates";
import { filterName as describeFilter, filterValue, publishedOn } from "../domain/compare-areas";
import { PrintButton } from "../components/compare/print-button";
import { ServerHtml } from "../components/server-html";

/** The trend chart draws at most this many areas (more lines cannot be read); the table has them all. Matches the chart's palette. */
const TREND_CHART_MAX_AREAS = 10;
// Above this many areas each table shows its first rows and links to all of them (the charts
// and the downloads always have every area): 400 areas' tables were 1.5 MB of page to parse.
const TABLE_MAX_AREAS = 25;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: reportCss },
  { rel: "stylesheet", href: compareCss },
];

// Response rates beside each area (issue 24): the compared group's count over the invited
// number the lead recorded for it, shown only where the count itself is.
async function areaRates(
  areas: { round: { id: string } | null; respondents: CountFigure | null }[],
  filter: RespondentFilter,
) {
  const ids = areas.flatMap((a) => (a.round ? [a.round.id] : []));
  const invited = await invitedCountsOfRounds(await getDb(), ids);
  const key = filter.kind === "all" ? "staff" : `${filter.kind}:${filter.key}`;
  return areas.map((a) =>
    a.round && a.respondents
      ? responseRate(a.respondents, invited.get(a.round.id)?.[key])
      : ({ status: "unknown" } as const),
  );
}

const NO_ROUND: CompareFigure = { status: "no_data", reason: "No published results in the time window" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { query, shared, comparison, rounds } = await loadComparison(request);
  const focus = query.component;
  const selected = new Set(comparison?.areas.map((a) => a.id) ?? []);
  const url = new URL(request.url);
  const search = url.search;
  return {
    query,
    search,
    // "Every area" is ticked only when asked for; on a first visit each shared area is ticked instead.
    everyArea: url.searchParams.getAll("area").includes("all"),
    everyRow: url.searchParams.get("rows") === "all",
    shared: shared.map((a) => ({ id: a.id, name: a.name, checked: selected.has(a.id) })),
    roundChoices: (comparison?.areas ?? []).flatMap((a) => {
      const own = rounds.filter((r) => r.partnership_id === a.id && r.snapshot);
      return own.length > 1
        ? [
            {
              id: a.id,
              name: a.name,
              rounds: own.map((r) => ({
                id: r.id,
                name: `${r.name} (${r.status === "open" ? "interim results of" : "closed"} ${formatDate(publishedOn(r))})`,
              })),
            },
          ]
        : [];
    }),
    filtersOffered: (comparison?.filtersOffered ?? [{ kind: "all" as const }]).map(filterValue),
    benchmark: comparison ? comparison.benchmark : null,
    rates: await areaRates(
      (comparison?.areas ?? []).map((a) => ({
        round: a.current?.round ?? null,
        respondents: a.current?.respondents ?? null,
      })),
      query.filter,
    ),
    areas: (comparison?.areas ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      round: a.current?.round ?? null,
      unpublished: a.unpublished,
      respondents: a.current?.respondents ?? null,
      continuum: a.current?.continuum ?? null,
      scores: COMPONENTS.map((c) => pack(a.current?.components[c.key].overall ?? NO_ROUND)),
      levels: LEVELS.map((l) => pack(a.current?.components[focus].byItemLevel[l.key] ?? NO_ROUND)),
      trend: a.trend.map((t) => ({
        roundId: t.roundId,
        name: t.name,
        date: t.closedOn,
        figure: pack(t.scores[focus]),
      })),
    })),
  };
}

export default function ComparePage() {
  const data = useLoaderData<typeof loader>();
  const { query, areas, benchmark } = data;
  const focus = componentInfo(query.component);
  const focusIndex = COMPONENTS.findIndex((c) => c.key === query.component);
  const filterName = describeFilter(query.filter);
  const currentFilter = filterValue(query.filter);
  const offered = new Set([...data.filtersOffered, currentFilter]);
  const compared = areas.filter((a) => a.round);
  const withTrend = compared.filter((a) => a.trend.length > 1);
  const singleRound = compared.filter((a) => a.trend.length === 1);
  const benchmarkFor = (key: ComponentKey) => benchmark?.components[key];

  const ranked = compared.flatMap((a) => {
    const f = unpack(a.scores[focusIndex]! as Packed);
    return f.status === "ok"
      ? [{ id: a.id, name: a.name, score: f.score, low: f.ci95.low, high: f.ci95.high, n: f.n }]
      : [];
  });
  const groups = overlapGroups(ranked);
  const rankedRows = groups.flatMap((g, i) => g.map((r) => ({ ...r, group: i + 1 })));
  const notRanked = compared.filter((a) => typeof a.scores[focusIndex]![0] !== "number");
  const focusBenchmark = benchmarkFor(query.component);
  const exportQuery = data.search;
  // The tables' rows: every area when asked for (or few enough), else the first TABLE_MAX_AREAS.
  const cut = !data.everyRow && compared.length > TABLE_MAX_AREAS;
  const tabled = cut ? compared.slice(0, TABLE_MAX_AREAS) : compared;
  const tableNote = (id: string, total = compared.length) =>
    !data.everyRow && total > TABLE_MAX_AREAS ? (
      <p className="hint" data-testid={`${id}-table-cut`}>
        The table shows the first {TABLE_MAX_AREAS} of {total} areas; the chart and the downloads have every area.{" "}
        <a href={`${data.search ? `${data.search}&` : "?"}rows=all#${id}`}>Show every area in the tables</a>
      </p>
    ) : null;

  return (
    <div className="compare">
      <h1>Compare areas</h1>
      <p>
        Areas that have shared their results with you, side by side. You see figures for groups only: never a person's
        answers, never comments, and no figure for a group smaller than the area's threshold (shown as{" "}
        <strong>c</strong>). Scores are how staff see the way services work together: perceptions, not outcomes.
      </p>

      <Form method="get" className="compare-form" aria-label="Choose what to compare">
        <input type="hidden" name="chosen" value="1" />
        <fieldset>
          <legend>Areas</legend>
          <ServerHtml id="compare-areas" version={data.search} className="checkboxes compare-areas">
            <div className="checkbox">
              <input type="checkbox" id="area-all" name="area" value="all" defaultChecked={data.everyArea} />
              <label htmlFor="area-all">Every area shared with me ({data.shared.length})</label>
            </div>
            {data.shared.map((a) => (
              <div className="checkbox" key={a.id}>
                <input
                  type="checkbox"
                  id={`area-${a.id}`}
                  name="area"
                  value={a.id}
                  defaultChecked={!data.everyArea && a.checked}
                />
                <label htmlFor={`area-${a.id}`}>{a.name}</label>
              </div>
            ))}
          </ServerHtml>
        </fieldset>
        <div className="compare-options">
          <div className="field">
            <label htmlFor="asOf">Results published by</label>
            <p className="hint" id="asOf-hint">
              Each area's latest published results up to this date. Leave empty for the latest.
            </p>
            <input type="date" id="asOf" name="asOf" defaultValue={query.asOf ?? ""} aria-describedby="asOf-hint" />
          </div>
          <div className="field">
            <label htmlFor="filter">Respondents</label>
            <p className="hint" id="filter-hint">
              One level or one agency type at a time, offered only where that group and the rest of an area's staff both
              reach the area's threshold: otherwise one could be worked out from the other.
            </p>
            <select
              id="filter"
              name="filter"
              defaultValue={query.filter.kind === "all" ? "all" : `${query.filter.kind}:${query.filter.key}`}
              aria-describedby="filter-hint"
            >
              <option value="all">All respondents</option>
              <optgroup label="By the level they work at">
                {LEVELS.filter((l) => offered.has(`level:${l.key}`)).map((l) => (
                  <option key={l.key} value={`level:${l.key}`}>
                    {l.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="By agency type">
                {AGENCY_TYPES.filter((a) => offered.has(`agency:${a.key}`)).map((a) => (
                  <option key={a.key} value={`agency:${a.key}`}>
                    {a.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <SelectField
            name="component"
            label="Component for the ranking, levels and trends"
            options={COMPONENTS.map((c) => ({ value: c.key, label: c.name }))}
            defaultValue={query.component}
          />
        </div>
        {data.roundChoices.length ? (
          <details className="compare-rounds">
            <summary>Choose a different round for an area</summary>
            {data.roundChoices.map((a) => (
              <div className="field" key={a.id}>
                <label htmlFor={`round-${a.id}`}>{a.name}</label>
                <select
                  id={`round-${a.id}`}
                  name="round"
                  defaultValue={query.rounds[a.id] ? `${a.id}:${query.rounds[a.id]}` : ""}
                >
                  <option value="">Latest published results</option>
                  {a.rounds.map((r) => (
                    <option key={r.id} value={`${a.id}:${r.id}`}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </details>
        ) : null}
        <button type="submit" className="button">
          Compare
        </button>
      </Form>

      {areas.length === 0 ? (
        <p className="notice">Choose at least one area to compare.</p>
      ) : (
        <>
          <p className="compare-meta" data-testid="compare-meta">
            {areas.length} area{areas.length === 1 ? "" : "s"} · {filterName} ·{" "}
            {query.asOf ? `results published by ${formatDate(query.asOf)}` : "latest published results"}
            {" · "}
            <a href={`/compare/export/csv${exportQuery}`} download>
              Download (CSV)
            </a>
            {" · "}
            <a href={`/compare/export/json${exportQuery}`} download>
              Download (JSON)
            </a>
            {" · "}
            <PrintButton />
          </p>
          {benchmark?.hiddenReason ? (
            <p className="hint" data-testid="benchmark-hidden">
              {benchmark.hiddenReason}
            </p>
          ) : null}

          <CompareSection
            version={data.search}
            id="areas"
            title="Areas and the continuum"
            tableLabel="areas, rounds and continuum stages"
            intro={
              <p className="hint">
                {CONTINUUM_CAVEAT} The stage is computed from all staff who answered, whatever the filter.
              </p>
            }
            table={
              <AreasTable
                areas={data.everyRow ? areas : areas.slice(0, TABLE_MAX_AREAS)}
                rates={data.everyRow ? data.rates : data.rates.slice(0, TABLE_MAX_AREAS)}
              />
            }
            tableNote={tableNote("areas", areas.length)}
          />

          <CompareSection
            version={data.search}
            id="heatmap"
            title="Component scores by area"
            tableLabel="component scores by area"
            intro={
              <p>
                Each cell: the score (0 to 100), its band, the number of respondents (n) and the 95% confidence interval
                (CI). Bands: strength 75 or more, borderline 50 to 74.9, concern below 50.
              </p>
            }
            chart={() => (
              <Heatmap
                testId="heatmap-chart"
                label={`Heatmap of the 13 component scores for ${compared.length} areas, ${filterName}`}
                rows={compared.map((a) => ({ id: a.id, name: a.name }))}
                columns={COMPONENTS.map((c) => ({ key: c.key, name: c.name }))}
                cells={compared.map((a) => (a.scores as Packed[]).map(unpack))}
                columnNote={(c) => {
                  const b = benchmarkFor(COMPONENTS[c]!.key);
                  return b?.status === "ok" ? `Benchmark ${benchmarkText(b)}` : null;
                }}
              />
            )}
            tableNote={tableNote("heatmap")}
            table={
              <table className="compare-table heatmap-table">
                <thead>
                  <tr>
                    <th scope="col">Area</th>
                    {COMPONENTS.map((c) => (
                      <th scope="col" key={c.key}>
                        {c.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <FigureRows rows={tabled.map((a) => ({ key: a.id, head: [a.name], cells: a.scores as Packed[] }))} />
                {benchmark && !benchmark.hiddenReason ? (
                  <tfoot>
                    <tr>
                      <th scope="row">Benchmark: median (IQR) of sharing areas</th>
                      {COMPONENTS.map((c) => {
                        const b = benchmarkFor(c.key);
                        return (
                          <td key={c.key}>
                            {b?.status === "ok" ? (
                              <>
                                {b.median}
                                <br />
                                <span className="hint">
                                  {b.q1}–{b.q3}
                                </span>
                              </>
                            ) : b ? (
                              <span title={b.reason}>–</span>
                            ) : null}
                          </td>
                        );
                      })}
                    </tr>
                  </tfoot>
                ) : null}
              </table>
            }
          />

          <CompareSection
            version={data.search}
            id="ranked"
            title={`Ranking: ${focus.name}`}
            tableLabel={`areas ranked on ${focus.name}`}
            intro={
              <>
                <p>
                  Dots are scores, whiskers 95% confidence intervals. Areas are grouped while their intervals overlap
                  the group's highest area: areas in the same group are <strong>not shown as different</strong>,
                  whatever their order.
                  {focusBenchmark?.status === "ok"
                    ? ` The shaded band is the benchmark's middle half (${benchmarkText(focusBenchmark)}).`
                    : ""}
                </p>
                <ul className="compare-groups" data-testid="ranked-groups">
                  {groups.map((g, i) => (
                    <li key={g[0]!.id}>
                      <strong>Group {i + 1}</strong>: {g.map((r) => r.name).join(", ")}
                      {g.length > 1 ? " (their intervals overlap: they cannot be told apart)" : ""}
                    </li>
                  ))}
                </ul>
                {notRanked.length ? (
                  <p className="hint">
                    Not ranked (no figure can be shown): {notRanked.map((a) => a.name).join(", ")}.
                  </p>
                ) : null}
              </>
            }
            chart={
              rankedRows.length
                ? () => (
                    <Later>
                      {() => (
                        <RankedChart
                          rows={rankedRows}
                          label={`${focus.name}: areas ranked with 95% confidence intervals, ${filterName}`}
                          benchmark={focusBenchmark?.status === "ok" ? focusBenchmark : null}
                        />
                      )}
                    </Later>
                  )
                : undefined
            }
            tableNote={tableNote("ranked", rankedRows.length)}
            table={
              <table className="compare-table">
                <thead>
                  <tr>
                    <th scope="col">Group</th>
                    <th scope="col">Area</th>
                    <th scope="col">Score</th>
                    <th scope="col">95% CI</th>
                    <th scope="col">n</th>
                    <th scope="col">Against the benchmark</th>
                  </tr>
                </thead>
                <tbody>
                  {(data.everyRow ? rankedRows : rankedRows.slice(0, TABLE_MAX_AREAS)).map((r) => {
                    const f = unpack(compared.find((a) => a.id === r.id)!.scores[focusIndex] as Packed);
                    return (
                      <tr key={r.id}>
                        <td>{r.group}</td>
                        <th scope="row">{r.name}</th>
                        <td>{r.score.toFixed(1)}</td>
                        <td>
                          {r.low.toFixed(1)}–{r.high.toFixed(1)}
                        </td>
                        <td>{r.n}</td>
                        <td>{againstBenchmark(f, focusBenchmark) || "–"}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            }
          />

          <CompareSection
            version={data.search}
            id="levels"
            title={`${focus.name} by level`}
            tableLabel={`${focus.name} by the level the questions are about, by area`}
            intro={
              <p>
                Each question is about one level (national, local authority, organisation, team): how integrated each
                level looks in each area, side by side.
              </p>
            }
            chart={() => (
              <Later>
                {() => (
                  <Heatmap
                    testId="levels-chart"
                    label={`${focus.name} by level for ${compared.length} areas`}
                    rows={compared.map((a) => ({ id: a.id, name: a.name }))}
                    columns={LEVELS.map((l) => ({ key: l.key, name: l.name }))}
                    cells={compared.map((a) => (a.levels as Packed[]).map(unpack))}
                  />
                )}
              </Later>
            )}
            tableNote={tableNote("levels")}
            table={
              <table className="compare-table">
                <thead>
                  <tr>
                    <th scope="col">Area</th>
                    {LEVELS.map((l) => (
                      <th scope="col" key={l.key}>
                        {l.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <FigureRows rows={tabled.map((a) => ({ key: a.id, head: [a.name], cells: a.levels as Packed[] }))} />
              </table>
            }
          />

          <CompareSection
            version={data.search}
            id="trends"
            title={`${focus.name} over time`}
            tableLabel={`${focus.name} in each area's closed rounds`}
            intro={
              <>
                <p>
                  Each round is plotted at the date its results belong to: the day it closed (or, for interim results,
                  the day they were published).
                </p>
                {singleRound.length ? (
                  <p className="notice" data-testid="single-round">
                    {singleRound.length === compared.length && compared.length === 1
                      ? `${singleRound[0]!.name} has published results for one round only, so there is no trend to show yet: it appears once a second round has published results.`
                      : `One round only, so no trend yet: ${singleRound.map((a) => a.name).join(", ")}. A trend appears once an area has published results for a second round.`}
                  </p>
                ) : null}
                {withTrend.length > TREND_CHART_MAX_AREAS ? (
                  <p className="hint">
                    The chart shows the first {TREND_CHART_MAX_AREAS} areas with more than one round (more lines cannot
                    be read); the table has every area.
                  </p>
                ) : null}
              </>
            }
            chart={
              withTrend.length
                ? () => (
                    <Later>
                      {() => (
                        <TrendChart
                          label={`${focus.name} across rounds`}
                          series={withTrend.map((a) => ({
                            id: a.id,
                            name: a.name,
                            points: a.trend.map((t) => ({
                              date: t.date,
                              round: t.name,
                              score: typeof t.figure[0] === "number" ? t.figure[0] : null,
                            })),
                          }))}
                        />
                      )}
                    </Later>
                  )
                : undefined
            }
            tableNote={tableNote("trends")}
            table={
              <table className="compare-table">
                <thead>
                  <tr>
                    <th scope="col">Area</th>
                    <th scope="col">Round</th>
                    <th scope="col">Results of</th>
                    <th scope="col">Score</th>
                  </tr>
                </thead>
                <FigureRows
                  rows={tabled.flatMap((a) =>
                    a.trend.map((t) => ({
                      key: t.roundId,
                      head: [a.name, t.name, formatDate(t.date)],
                      cells: [t.figure as Packed],
                    })),
                  )}
                />
              </table>
            }
          />
          <p className="footnote">
            <strong>c</strong> = hidden: fewer respondents than the area's threshold, or the figure would let a hidden
            one be worked out from a total. <strong>x</strong> = no data. CI = 95% confidence interval. IQR =
            interquartile range.
          </p>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Compare areas" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
