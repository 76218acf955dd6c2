import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireNationalViewer } from "../access/national.server";
import { Later } from "../components/compare/charts.client";
import { CompareSection } from "../components/compare/compare-section";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { SelectField } from "../components/forms";
import { NationalTrendChart, StageChart, StripPlot } from "../components/national/charts.client";
import { BandTag, HiddenMark } from "../components/report/figures";
import { BENCHMARK_MIN_AREAS, type Benchmark } from "../domain/comparison";
import { formatDate } from "../domain/dates";
import {
  COMPONENTS,
  COMPONENT_KEYS,
  CONTINUUM_CAVEAT,
  STAGES,
  component as componentInfo,
  stage as stageInfo,
} from "../domain/framework";
import { assembleNationalView } from "../domain/national";
import { loadNationalAreas } from "../models/national.server";
import compareCss from "../styles/compare.css";
import reportCss from "../styles/report.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: reportCss },
  { rel: "stylesheet", href: compareCss },
];

/** The page's query: the component the trend chart follows, and an area to look into. Unknown values fall back. */
const QuerySchema = z.object({
  component: z.enum(COMPONENT_KEYS).catch(COMPONENT_KEYS[0]),
  area: z.string().max(64).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireNationalViewer(request);
  const url = new URL(request.url);
  const query = QuerySchema.parse({
    component: url.searchParams.get("component") ?? undefined,
    area: url.searchParams.get("area") || undefined,
  });
  const areas = await loadNationalAreas(db);
  const view = assembleNationalView({ areas });
  const chosen = query.area ? areas.find((a) => a.id === query.area) : undefined;
  // An area that does not share (or does not exist) is not revealed.
  if (query.area && !chosen) throw new Response("Area not found.", { status: 404 });
  return {
    query,
    view,
    areas: areas.filter((a) => a.rounds.length > 0).map((a) => ({ id: a.id, name: a.name })),
    detail: chosen
      ? {
          id: chosen.id,
          name: chosen.name,
          localAuthority: chosen.localAuthority,
          rounds: chosen.rounds.slice(-5),
        }
      : null,
  };
}

function BenchmarkCells({ b }: { b: Benchmark }) {
  if (b.status !== "ok")
    return (
      <td colSpan={2} className="hint">
        {b.reason}
      </td>
    );
  return (
    <>
      <td className="num">{b.median.toFixed(1)}</td>
      <td className="num">
        {b.q1.toFixed(1)} to {b.q3.toFixed(1)}
      </td>
    </>
  );
}

const medianText = (b: Benchmark) => (b.status === "ok" ? `${b.median.toFixed(1)} (${b.areas} areas)` : "–");

export default function NationalPage() {
  const { query, view, areas, detail } = useLoaderData<typeof loader>();
  const focus = componentInfo(query.component);
  const stageRows = STAGES.map((s) => ({
    name: s.name,
    current: view.stages.status === "ok" ? view.stages.counts[s.stage]!.areas : null,
    target: view.targets.status === "ok" ? view.targets.counts[s.stage]!.areas : null,
  }));
  const stripRows = view.components.map((c) => ({
    name: componentInfo(c.component).name,
    scores: c.scores,
    median: c.benchmark.status === "ok" ? c.benchmark.median : null,
    q1: c.benchmark.status === "ok" ? c.benchmark.q1 : null,
    q3: c.benchmark.status === "ok" ? c.benchmark.q3 : null,
  }));
  const trendPoints = view.trends.years.map((year, i) => {
    const all = view.trends.allAreas[query.component][i]!.benchmark;
    const same = view.trends.sameAreas[query.component][i]!.benchmark;
    return { year, all: all.status === "ok" ? all.median : null, same: same.status === "ok" ? same.median : null };
  });
  const anyStrip = stripRows.some((r) => r.median !== null);
  const anyTrend = trendPoints.some((p) => p.all !== null || p.same !== null);

  return (
    <div className="compare national">
      <h1>National view</h1>
      <p>
        Pooled figures of the {view.sharingAreas} {view.sharingAreas === 1 ? "area" : "areas"} that share their results
        nationally ({view.areasWithRounds} with a closed round), each read from its latest closed round's published
        results. A pooled figure is shown once at least {BENCHMARK_MIN_AREAS} areas are behind it, and an area's figure
        hidden by its own threshold never enters a pool. Scores are how staff see the way services work together:
        perceptions, not outcomes.
      </p>

      <Form method="get" className="compare-form" aria-label="Choose what to show">
        <div className="compare-options">
          <SelectField
            name="component"
            label="Component for the trend"
            options={COMPONENTS.map((c) => ({ value: c.key, label: c.name }))}
            defaultValue={query.component}
          />
          <SelectField
            name="area"
            label="Look into one area"
            placeholder="None"
            options={areas.map((a) => ({ value: a.id, label: a.name }))}
            defaultValue={detail?.id ?? ""}
          />
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </Form>

      <CompareSection
        id="stages"
        title="Where areas are on the continuum"
        intro={
          <>
            <p>
              Each area at the stage its latest round placed it (where the answers could not tell between stages, at the
              lower one) and at the stage its staff want (their median; half-way between two stages counts at the
              lower).{" "}
              {view.stages.status === "ok" && view.stages.uncertain > 0
                ? `${view.stages.uncertain} of the ${view.stages.areas} areas may be further along than shown.`
                : null}
            </p>
            <p className="hint">{CONTINUUM_CAVEAT}</p>
            {view.stages.status !== "ok" ? <p className="hint">Stages now: {view.stages.reason}.</p> : null}
            {view.targets.status !== "ok" ? <p className="hint">Stages wanted: {view.targets.reason}.</p> : null}
          </>
        }
        chart={
          view.stages.status === "ok" || view.targets.status === "ok"
            ? () => <StageChart rows={stageRows} label="Areas at each continuum stage, now and wanted" />
            : undefined
        }
        tableLabel="areas at each continuum stage"
        table={
          <table>
            <caption className="visually-hidden">Areas at each continuum stage</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Areas at this stage</th>
                <th scope="col">Areas wanting this stage</th>
              </tr>
            </thead>
            <tbody>
              {stageRows.map((r, i) => (
                <tr key={r.name}>
                  <th scope="row">
                    {i}. {r.name}
                  </th>
                  <td className="num">{r.current ?? "–"}</td>
                  <td className="num">{r.target ?? "–"}</td>
                </tr>
              ))}
            </tbody>
            {view.stages.status === "ok" || view.targets.status === "ok" ? (
              <tfoot>
                <tr>
                  <th scope="row">Areas</th>
                  <td className="num">{view.stages.status === "ok" ? view.stages.areas : "–"}</td>
                  <td className="num">{view.targets.status === "ok" ? view.targets.areas : "–"}</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
        }
      />

      <CompareSection
        id="components"
        title="Each component across areas"
        intro={
          <p>
            The median area and the interquartile range (the middle half of areas), from each area's latest published
            score; the chart shows every area as a dot.
          </p>
        }
        chart={anyStrip ? () => <StripPlot rows={stripRows} label="Component scores across areas" /> : undefined}
        tableLabel="component scores across areas"
        table={
          <table>
            <caption className="visually-hidden">Component scores across areas</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col">Areas with a score</th>
                <th scope="col">Median</th>
                <th scope="col">Interquartile range</th>
                <th scope="col">Strength</th>
                <th scope="col">Borderline</th>
                <th scope="col">Concern</th>
              </tr>
            </thead>
            <tbody>
              {view.components.map((c) => (
                <tr key={c.component}>
                  <th scope="row">{componentInfo(c.component).name}</th>
                  <td className="num">{c.areas}</td>
                  <BenchmarkCells b={c.benchmark} />
                  <td className="num">{c.bands?.strength ?? "–"}</td>
                  <td className="num">{c.bands?.borderline ?? "–"}</td>
                  <td className="num">{c.bands?.concern ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      <section id="concern" aria-labelledby="concern-title" className="compare-section">
        <h2 id="concern-title">Components most often in concern</h2>
        {view.concern.status === "ok" ? (
          <ol className="national-concern">
            {view.concern.ranked.slice(0, 5).map((r) => (
              <li key={r.component}>
                <strong>{componentInfo(r.component).name}</strong>: {r.concern} of {r.areas} areas (
                {Math.round(r.share * 100)}%) <BandTag band="concern" />
              </li>
            ))}
          </ol>
        ) : (
          <p className="hint">{view.concern.reason}.</p>
        )}
      </section>

      <CompareSection
        id="trends"
        title="Change across years"
        intro={
          <>
            <p>
              The median area each year (each area's latest round closing that year): over every area with a score, and
              over only the {view.trends.sameAreaCount} areas with a round in every year shown, so that a change is not
              just a change in who took part.
            </p>
            {view.trends.years.length < 2 ? <p className="hint">A trend needs rounds in at least two years.</p> : null}
          </>
        }
        chart={
          anyTrend
            ? () => (
                <Later>
                  {() => <NationalTrendChart points={trendPoints} label={`${focus.name}: median area by year`} />}
                </Later>
              )
            : undefined
        }
        tableLabel="median area by year"
        table={
          <table>
            <caption className="visually-hidden">Median area by year, every area and the same areas</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  Component
                </th>
                {view.trends.years.map((y) => (
                  <th scope="colgroup" colSpan={2} key={y}>
                    {y}
                  </th>
                ))}
              </tr>
              <tr>
                {view.trends.years.map((y) => (
                  <FragmentHeaders key={y} />
                ))}
              </tr>
            </thead>
            <tbody>
              {COMPONENT_KEYS.map((key, r) => (
                <tr key={key} aria-current={key === query.component ? "true" : undefined}>
                  <th scope="row">{COMPONENTS[r]!.name}</th>
                  {view.trends.years.map((y, i) => (
                    <TrendCells
                      key={y}
                      all={view.trends.allAreas[key][i]!.benchmark}
                      same={view.trends.sameAreas[key][i]!.benchmark}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      {view.trends.years.length ? (
        <p className="hint">
          "–": fewer than {BENCHMARK_MIN_AREAS} areas have a score that year (a median of fewer would nearly identify
          each area).
        </p>
      ) : null}

      {detail ? <AreaDetail detail={detail} /> : null}
    </div>
  );
}

function FragmentHeaders() {
  return (
    <>
      <th scope="col">All areas</th>
      <th scope="col">Same areas</th>
    </>
  );
}

function TrendCells({ all, same }: { all: Benchmark; same: Benchmark }) {
  return (
    <>
      <td className="num" title={all.status === "ok" ? undefined : all.reason}>
        {medianText(all)}
      </td>
      <td className="num" title={same.status === "ok" ? undefined : same.reason}>
        {medianText(same)}
      </td>
    </>
  );
}

type Detail = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["detail"]>;

/** One sharing area's own published figures, round by round (figures its threshold hid stay hidden). */
function AreaDetail({ detail }: { detail: Detail }) {
  const rounds = detail.rounds;
  return (
    <section id="area" aria-labelledby="area-title" className="compare-section">
      <h2 id="area-title">{detail.name}</h2>
      <p>
        {detail.localAuthority}. Its published results, round by round: the same figures its partnership's report shows,
        with <strong>c</strong> where a group was smaller than the round's threshold.{" "}
        <Link to="?">Back to all areas</Link>
      </p>
      {rounds.length === 0 ? (
        <p className="hint">This area has no closed round with published results yet.</p>
      ) : (
        <div tabIndex={0} role="region" aria-label="Table: the area's figures by round" className="table-scroll">
          <table>
            <caption className="visually-hidden">{detail.name}: published figures by round</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                {rounds.map((r) => (
                  <th scope="col" key={r.roundId}>
                    {r.name}
                    <br />
                    <span className="hint">closed {formatDate(r.closesOn)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {/* Issue 24 (response rates) can add a row here: invited and the rate, beside the respondents. */}
              <tr>
                <th scope="row">Respondents (professional questionnaire)</th>
                {rounds.map((r) => (
                  <td className="num" key={r.roundId}>
                    {r.digest.respondents ?? (
                      <HiddenMark
                        figure={{ status: "suppressed", reason: `Fewer than ${r.digest.threshold} respondents` }}
                      />
                    )}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Continuum stage</th>
                {rounds.map((r) => (
                  <td key={r.roundId}>
                    {r.digest.placement
                      ? r.digest.placement.uncertain
                        ? `${stageInfo(r.digest.placement.current).name} to ${stageInfo(r.digest.placement.upTo).name}`
                        : stageInfo(r.digest.placement.current).name
                      : "–"}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Stage wanted (median)</th>
                {rounds.map((r) => (
                  <td className="num" key={r.roundId}>
                    {r.digest.target ?? "–"}
                  </td>
                ))}
              </tr>
              {COMPONENTS.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.name}</th>
                  {rounds.map((r) => {
                    const f = r.digest.components[c.key];
                    return (
                      <td key={r.roundId} className="num">
                        {f ? (
                          <>
                            {f.score.toFixed(1)} <BandTag band={f.band} />
                          </>
                        ) : r.digest.hidden.includes(c.key) ? (
                          <HiddenMark
                            figure={{ status: "suppressed", reason: `Fewer than ${r.digest.threshold} respondents` }}
                          />
                        ) : (
                          "–"
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "National view" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
