/**
 * The commissioners' comparison, assembled from the database's sums (models/compare.server.ts
 * reads them in SQL): per area the chosen round's figures, the trend over its closed rounds,
 * and the benchmark across sharing areas. Every figure passes the round's suppression
 * threshold here; nothing about an individual response is ever an input.
 */
import {
  AGENCY_TYPE_KEYS,
  COMPONENT_KEYS,
  LEVEL_KEYS,
  type AgencyTypeKey,
  type ComponentKey,
  type LevelKey,
} from "./framework";
import {
  addMoments,
  benchmarkOf,
  breakdownFigure,
  continuumFromCounts,
  NO_MOMENTS,
  scoreFromMoments,
  type Benchmark,
  type CompareFigure,
  type ContinuumSummary,
  type MarkerCounts,
  type Moments,
} from "./comparison";
import type { RoundResult, ScoreFigure } from "./scoring";
import { countFigure, noData, resolveThreshold, suppressedMarker, type CountFigure } from "./suppression";

/** Which respondents a comparison counts: everyone, one level, or one agency type (never both: that would be a cross-tabulation). */
export type RespondentFilter =
  { kind: "all" } | { kind: "level"; key: LevelKey } | { kind: "agency"; key: AgencyTypeKey };

export interface AggregateRow {
  roundId: string;
  component: ComponentKey;
  /** null: the component as a whole; otherwise the items about this level (the component x level matrix). */
  itemLevel: LevelKey | null;
  /** The respondent group (level or agency type, by the grouping read), null when not stated or not grouped. */
  group: string | null;
  moments: Moments;
}
export interface ContinuumCounts {
  respondents: number;
  markers: Map<string, { yes: number; partly: number; no: number }>;
  target: number[];
}

/** A closed round as the comparison reads it. */
export interface ComparedRound {
  id: string;
  partnership_id: string;
  name: string;
  form: "full" | "short";
  closed_at: string | null;
  closes_on: string;
  suppression_threshold: number;
  answers_purged_at: string | null;
}

/** Submitted professional responses of a round: in all, and per group of the filter. */
export interface RespondentCounts {
  total: number;
  groups: Map<string | null, number>;
}

export interface AreaRoundFigures {
  round: {
    id: string;
    name: string;
    closedOn: string;
    form: "full" | "short";
    threshold: number;
    source: "answers" | "snapshot";
  };
  /** Respondents in the group compared (after the filter). */
  respondents: CountFigure;
  components: Record<ComponentKey, { overall: CompareFigure; byItemLevel: Record<LevelKey, CompareFigure> }>;
  continuum: ContinuumSummary;
}

export interface ComparedArea {
  id: string;
  name: string;
  area: string;
  /** The round compared, or null when the area has no closed round in the window. */
  current: AreaRoundFigures | null;
  /** Every closed round in the window, oldest first, with its component scores (trends). */
  trend: { roundId: string; name: string; closedOn: string; scores: Record<ComponentKey, CompareFigure> }[];
}

export interface Comparison {
  filter: RespondentFilter;
  asOf: string | null;
  areas: ComparedArea[];
  /** Median and IQR across every area sharing its results (latest closed round each), per component. */
  benchmark: { sharingAreas: number; components: Record<ComponentKey, Benchmark> };
}

const keysOf = (filter: RespondentFilter): readonly string[] =>
  filter.kind === "level" ? LEVEL_KEYS : filter.kind === "agency" ? AGENCY_TYPE_KEYS : [];

/**
 * Figures for one round from the database's sums, under the round's threshold: the group the
 * filter picks, published only when the whole breakdown it belongs to allows (see
 * breakdownFigure); the component x level matrix under the same rule, cell by cell.
 */
function figuresFromAggregates(
  rows: readonly AggregateRow[],
  filter: RespondentFilter,
  threshold: number,
  /** "component|level" pairs the professional questionnaire has items for. */
  levelsWithItems: ReadonlySet<string>,
): AreaRoundFigures["components"] {
  const keys = keysOf(filter);
  // cell -> group -> moments
  const cells = new Map<string, Map<string | null, Moments>>();
  for (const row of rows) {
    const cell = `${row.component}|${row.itemLevel ?? ""}`;
    let groups = cells.get(cell);
    if (!groups) cells.set(cell, (groups = new Map()));
    groups.set(row.group, addMoments(groups.get(row.group) ?? NO_MOMENTS, row.moments));
  }
  const figure = (component: ComponentKey, level: LevelKey | null): CompareFigure => {
    if (level && !levelsWithItems.has(`${component}|${level}`)) return noData("No items about this level");
    const groups = cells.get(`${component}|${level ?? ""}`);
    if (!groups) return noData("No answers");
    let total = NO_MOMENTS;
    for (const m of groups.values()) total = addMoments(total, m);
    if (filter.kind === "all") return scoreFromMoments(total, threshold);
    // Values outside the framework's keys count as "not stated", as in scoreRound.
    const known = Object.fromEntries(keys.map((k) => [k, groups.get(k) ?? NO_MOMENTS]));
    return breakdownFigure(keys, known, total.n, filter.key, threshold);
  };
  const out = {} as AreaRoundFigures["components"];
  for (const component of COMPONENT_KEYS) {
    const byItemLevel = {} as Record<LevelKey, CompareFigure>;
    for (const level of LEVEL_KEYS) byItemLevel[level] = figure(component, level);
    out[component] = { overall: figure(component, null), byItemLevel };
  }
  return out;
}

/** A scoring-module figure (from a kept snapshot) reduced to what the comparison shows. */
function fromScoreFigure(f: ScoreFigure | undefined): CompareFigure {
  if (!f) return noData("Not measured in this round");
  if (f.status !== "ok") return f;
  return { status: "ok", score: f.score, band: f.band, n: f.n, sd: f.sd, ci95: f.ci95 };
}

/**
 * A round whose raw answers were deleted under the retention setting: its kept snapshot
 * (scoreRound's result, already suppressed) supplies the figures.
 */
function figuresFromSnapshot(
  result: RoundResult,
  filter: RespondentFilter,
): Pick<AreaRoundFigures, "components" | "continuum" | "respondents"> {
  const components = {} as AreaRoundFigures["components"];
  const professional = result.status === "ok" && result.professional.status === "ok" ? result.professional : null;
  const hidden = result.status === "suppressed" ? suppressedMarker(result.threshold) : null;
  for (const key of COMPONENT_KEYS) {
    const c = professional?.components.find((x) => x.component === key);
    const overall =
      hidden ??
      (!c
        ? noData("Not measured in this round")
        : filter.kind === "all"
          ? fromScoreFigure(c.overall)
          : filter.kind === "level"
            ? fromScoreFigure(c.byRespondentLevel[filter.key])
            : fromScoreFigure(c.byAgencyType[filter.key]));
    const byItemLevel = {} as Record<LevelKey, CompareFigure>;
    for (const level of LEVEL_KEYS) {
      byItemLevel[level] =
        hidden ??
        (c && filter.kind === "all"
          ? fromScoreFigure(c.byItemLevel[level])
          : noData(c ? "Not kept for groups when the answers were deleted" : "Not measured in this round"));
    }
    components[key] = { overall, byItemLevel };
  }
  const continuum = result.status === "ok" && result.continuum.status === "ok" ? result.continuum : null;
  const none = hidden ?? noData("No continuum results kept");
  const respondents: CountFigure =
    result.status !== "ok"
      ? result.status === "suppressed"
        ? suppressedMarker(result.threshold)
        : { status: "ok", n: 0 }
      : filter.kind === "all"
        ? result.respondents.byQuestionnaire[professional ? "professional" : "short"]
        : filter.kind === "level"
          ? result.respondents.byLevel[filter.key]
          : result.respondents.byAgencyType[filter.key];
  return {
    components,
    respondents,
    continuum: continuum
      ? {
          placement:
            continuum.placement.status === "ok"
              ? {
                  status: "ok",
                  current: continuum.placement.current,
                  upTo: continuum.placement.upTo ?? continuum.placement.current,
                  uncertain: continuum.placement.uncertain ?? false,
                  nonCumulative: continuum.placement.nonCumulative,
                  lowerBound: continuum.placement.lowerBound,
                }
              : continuum.placement,
          target:
            continuum.target.status === "ok"
              ? { status: "ok", median: continuum.target.median, n: continuum.target.n }
              : continuum.target,
          gap: continuum.gap.status === "ok" ? { status: "ok", gap: continuum.gap.gap } : continuum.gap,
        }
      : { placement: none, target: none, gap: none },
  };
}

/** The group's size: published like any count, and hidden with the breakdown's secondary rule. */
function groupCount(counts: RespondentCounts | undefined, filter: RespondentFilter, threshold: number): CountFigure {
  if (!counts) return { status: "ok", n: 0 };
  if (filter.kind === "all") return countFigure(counts.total, threshold);
  const keys = keysOf(filter);
  const fig = breakdownFigure(
    keys,
    Object.fromEntries(keys.map((k) => [k, { n: counts.groups.get(k) ?? 0, sum: 0, sumSq: 0 }])),
    counts.total,
    filter.key,
    threshold,
  );
  return fig.status === "ok" ? { status: "ok", n: fig.n } : fig.status === "suppressed" ? fig : { status: "ok", n: 0 };
}

function hiddenComponents(threshold: number): AreaRoundFigures["components"] {
  const hidden = suppressedMarker(threshold);
  return Object.fromEntries(
    COMPONENT_KEYS.map((k) => [
      k,
      { overall: hidden, byItemLevel: Object.fromEntries(LEVEL_KEYS.map((l) => [l, hidden])) },
    ]),
  ) as AreaRoundFigures["components"];
}

export function latestPerPartnership(rounds: readonly ComparedRound[]): ComparedRound[] {
  const seen = new Map<string, ComparedRound>();
  for (const r of rounds) if (!seen.has(r.partnership_id)) seen.set(r.partnership_id, r);
  return [...seen.values()];
}

/**
 * Compares areas from what the model read: for each area its chosen round (or none), with
 * component scores, the component x level matrix and the continuum stage, its closed rounds
 * oldest first for the trend, and the benchmark (median and IQR) over `benchmarkRounds`.
 *
 * @example
 * const comparison = assembleComparison({ areas, filter: { kind: "all" }, asOf: null, closed, chosen, benchmarkRounds: [], sharingAreas: 0,
 *   aggregates, continuum, counts, snapshots: new Map(), markers, levelsWithItems });
 */
export function assembleComparison(input: {
  areas: readonly { id: string; name: string; area: string }[];
  filter: RespondentFilter;
  asOf: string | null;
  /** The areas' closed rounds, latest first. */
  closed: readonly ComparedRound[];
  /** partnership id -> the round compared. */
  chosen: ReadonlyMap<string, ComparedRound>;
  /** The rounds the benchmark is taken over (one per sharing area). */
  benchmarkRounds: readonly ComparedRound[];
  /** How many areas share their results. */
  sharingAreas: number;
  aggregates: readonly AggregateRow[];
  continuum: ReadonlyMap<string, ContinuumCounts>;
  counts: ReadonlyMap<string, RespondentCounts>;
  /** Kept results of rounds whose answers were deleted under retention. */
  snapshots: ReadonlyMap<string, RoundResult>;
  markers: readonly Pick<MarkerCounts, "key" | "stage">[];
  /** "component|level" pairs the professional questionnaire has items for. */
  levelsWithItems: ReadonlySet<string>;
}): Comparison {
  const byRound = new Map<string, AggregateRow[]>();
  for (const row of input.aggregates) {
    const list = byRound.get(row.roundId);
    if (list) list.push(row);
    else byRound.set(row.roundId, [row]);
  }
  const markers = input.markers;
  const figuresFor = (round: ComparedRound): AreaRoundFigures => {
    const threshold = resolveThreshold(round.suppression_threshold);
    const base = {
      id: round.id,
      name: round.name,
      closedOn: (round.closed_at ?? round.closes_on).slice(0, 10),
      form: round.form,
      threshold,
    };
    const snapshot = input.snapshots.get(round.id);
    if (round.answers_purged_at && snapshot)
      return { round: { ...base, source: "snapshot" }, ...figuresFromSnapshot(snapshot, input.filter) };
    const count = input.counts.get(round.id);
    const total = count?.total ?? 0;
    const cont = input.continuum.get(round.id);
    const markerCounts: MarkerCounts[] = markers.map((m) => ({
      key: m.key,
      stage: m.stage,
      ...(cont?.markers.get(m.key) ?? { yes: 0, partly: 0, no: 0 }),
    }));
    // A round below the threshold as a whole shows nothing at all, as the results page does.
    const wholeRoundHidden = total > 0 && total < threshold;
    const components = wholeRoundHidden
      ? hiddenComponents(threshold)
      : figuresFromAggregates(byRound.get(round.id) ?? [], input.filter, threshold, input.levelsWithItems);
    return {
      round: { ...base, source: "answers" },
      respondents: groupCount(count, input.filter, threshold),
      components,
      continuum: continuumFromCounts({
        markers: markerCounts,
        respondents: cont?.respondents ?? 0,
        target: cont?.target ?? [0, 0, 0, 0, 0, 0],
        threshold,
      }),
    };
  };

  const memo = new Map<string, AreaRoundFigures>();
  const figuresOf = (round: ComparedRound) => {
    let f = memo.get(round.id);
    if (!f) memo.set(round.id, (f = figuresFor(round)));
    return f;
  };
  const areas: ComparedArea[] = input.areas.map((area) => {
    const round = input.chosen.get(area.id);
    return {
      id: area.id,
      name: area.name,
      area: area.area,
      current: round ? figuresOf(round) : null,
      trend: input.closed
        .filter((r) => r.partnership_id === area.id)
        .reverse()
        .map((r) => {
          const f = figuresOf(r);
          return {
            roundId: r.id,
            name: r.name,
            closedOn: f.round.closedOn,
            scores: Object.fromEntries(COMPONENT_KEYS.map((k) => [k, f.components[k].overall])) as Record<
              ComponentKey,
              CompareFigure
            >,
          };
        }),
    };
  });

  const benchmarkFigures = input.benchmarkRounds.map((r) => figuresOf(r).components);
  const benchmark = {} as Record<ComponentKey, Benchmark>;
  for (const key of COMPONENT_KEYS) {
    const scores = benchmarkFigures.flatMap((c) => (c[key].overall.status === "ok" ? [c[key].overall.score] : []));
    benchmark[key] = benchmarkOf(scores);
  }
  return {
    filter: input.filter,
    asOf: input.asOf ?? null,
    areas,
    benchmark: { sharingAreas: input.sharingAreas, components: benchmark },
  };
}
