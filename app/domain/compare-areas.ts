/**
 * The commissioners' comparison, assembled from published snapshots only (issue 13): per area
 * the figures of its chosen round's latest snapshot, the trend over its rounds' snapshots, and
 * the benchmark across sharing areas. Nothing here computes a score: every figure is one the
 * snapshot already published under the round's joint suppression plan, reduced to what the
 * comparison shows ({@link compareExtract}), and then hidden further by the comparison's own
 * filter rule ({@link filterAvailability}, docs/scoring.md "Filters of the commissioner view")
 * and benchmark rule ({@link benchmarkAcross}). A commissioner therefore never sees more than
 * the partnership's lead sees on the results page.
 *
 * Plain TypeScript, no framework or database imports.
 */
import {
  AGENCY_TYPES,
  AGENCY_TYPE_KEYS,
  COMPONENT_KEYS,
  LEVELS,
  LEVEL_KEYS,
  type AgencyTypeKey,
  type ComponentKey,
  type LevelKey,
} from "./framework";
import { benchmarkOf, type Benchmark, type CompareFigure, type ContinuumSummary } from "./comparison";
import type { RoundResult, ScoreFigure } from "./scoring";
import { filterAllowed, noData, suppressedMarker, type CountFigure, type Suppressed } from "./suppression";

/** Which respondents a comparison counts: everyone, one level, or one agency type (never both: that would be a cross-tabulation). */
export type RespondentFilter =
  { kind: "all" } | { kind: "level"; key: LevelKey } | { kind: "agency"; key: AgencyTypeKey };

/** Every filter value the view knows of, in the order the page lists them. */
export const FILTER_VALUES: readonly Exclude<RespondentFilter, { kind: "all" }>[] = [
  ...LEVEL_KEYS.map((key) => ({ kind: "level" as const, key })),
  ...AGENCY_TYPE_KEYS.map((key) => ({ kind: "agency" as const, key })),
];

export const filterValue = (f: RespondentFilter): string => (f.kind === "all" ? "all" : `${f.kind}:${f.key}`);

export function filterName(f: RespondentFilter): string {
  if (f.kind === "level") return `${LEVELS.find((l) => l.key === f.key)!.name} staff only`;
  if (f.kind === "agency") return `${AGENCY_TYPES.find((a) => a.key === f.key)!.name} staff only`;
  return "all respondents";
}

// ---------------------------------------------------------------------------------------------
// What the comparison reads from one snapshot
// ---------------------------------------------------------------------------------------------

/** One component's figures as a snapshot published them, reduced to what the comparison shows. */
export interface ExtractComponent {
  overall: CompareFigure;
  byItemLevel: Record<LevelKey, CompareFigure>;
  byRespondentLevel: Record<LevelKey, CompareFigure>;
  byAgencyType: Record<AgencyTypeKey, CompareFigure>;
}

/**
 * The part of a published snapshot the comparison reads: small (a few kilobytes), so that 400
 * areas can be compared without parsing 400 full results. Every figure is copied from the
 * snapshot as it was published (`ok`, `suppressed` or `no_data`); nothing is recomputed.
 */
export interface CompareExtract {
  status: RoundResult["status"];
  reason: string | null;
  threshold: number;
  form: "full" | "short";
  respondents: {
    /** Staff (professional or short-form questionnaire) in the snapshot. */
    staff: CountFigure;
    byLevel: Record<LevelKey, CountFigure>;
    byAgencyType: Record<AgencyTypeKey, CountFigure>;
  };
  components: Record<ComponentKey, ExtractComponent>;
  continuum: ContinuumSummary;
}

const toCompareFigure = (f: ScoreFigure | undefined, missing: string): CompareFigure => {
  if (!f) return noData(missing);
  if (f.status !== "ok") return f;
  return { status: "ok", score: f.score, band: f.band, n: f.n, sd: f.sd, ci95: f.ci95 };
};

const everyKey = <K extends string, V>(keys: readonly K[], value: (k: K) => V) =>
  Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;

/**
 * Reduces a snapshot's result to the comparison's extract: the component scores (overall, by
 * the level the items are about, by respondent level, by agency type), the staff counts and
 * the continuum placement, each exactly as published.
 *
 * @example
 * const extract = compareExtract(snapshot.content.result, "full");
 * extract.components.vision.overall // { status: "ok", score: 62.5, band: "borderline", n: 40, ... }
 */
export function compareExtract(result: RoundResult, form: "full" | "short"): CompareExtract {
  const base = { threshold: result.threshold, form };
  if (result.status !== "ok") {
    const marker = result.status === "suppressed" ? suppressedMarker(result.threshold) : noData(result.reason);
    const count: CountFigure =
      result.status === "suppressed" ? suppressedMarker(result.threshold) : { status: "ok", n: 0 };
    return {
      ...base,
      status: result.status,
      reason: result.reason,
      respondents: {
        staff: count,
        byLevel: everyKey(LEVEL_KEYS, () => count),
        byAgencyType: everyKey(AGENCY_TYPE_KEYS, () => count),
      },
      components: everyKey(COMPONENT_KEYS, () => ({
        overall: marker,
        byItemLevel: everyKey(LEVEL_KEYS, () => marker),
        byRespondentLevel: everyKey(LEVEL_KEYS, () => marker),
        byAgencyType: everyKey(AGENCY_TYPE_KEYS, () => marker),
      })),
      continuum: { placement: marker, target: marker, gap: marker },
    };
  }
  const professional = result.professional.status === "ok" ? result.professional : null;
  const short = result.shortForm.status === "ok" ? result.shortForm : null;
  const sectionHidden =
    form === "short"
      ? result.shortForm.status !== "ok"
        ? result.shortForm
        : null
      : result.professional.status !== "ok"
        ? result.professional
        : null;
  const notByGroup = noData("The short form is not published by group");
  const components = everyKey(COMPONENT_KEYS, (key): ExtractComponent => {
    if (sectionHidden)
      return {
        overall: sectionHidden,
        byItemLevel: everyKey(LEVEL_KEYS, () => sectionHidden),
        byRespondentLevel: everyKey(LEVEL_KEYS, () => sectionHidden),
        byAgencyType: everyKey(AGENCY_TYPE_KEYS, () => sectionHidden),
      };
    const missing = "Not measured in this round";
    if (form === "short") {
      const c = short?.components.find((x) => x.component === key);
      return {
        overall: toCompareFigure(c?.overall, missing),
        byItemLevel: everyKey(LEVEL_KEYS, () => notByGroup),
        byRespondentLevel: everyKey(LEVEL_KEYS, () => notByGroup),
        byAgencyType: everyKey(AGENCY_TYPE_KEYS, () => notByGroup),
      };
    }
    const c = professional?.components.find((x) => x.component === key);
    return {
      overall: toCompareFigure(c?.overall, missing),
      byItemLevel: everyKey(LEVEL_KEYS, (l) => toCompareFigure(c?.byItemLevel[l], missing)),
      byRespondentLevel: everyKey(LEVEL_KEYS, (l) => toCompareFigure(c?.byRespondentLevel[l], missing)),
      byAgencyType: everyKey(AGENCY_TYPE_KEYS, (a) => toCompareFigure(c?.byAgencyType[a], missing)),
    };
  });
  const continuum: ContinuumSummary =
    result.continuum.status === "ok"
      ? {
          placement:
            result.continuum.placement.status === "ok"
              ? {
                  status: "ok",
                  current: result.continuum.placement.current,
                  upTo: result.continuum.placement.upTo ?? result.continuum.placement.current,
                  uncertain: result.continuum.placement.uncertain ?? false,
                  nonCumulative: result.continuum.placement.nonCumulative,
                  lowerBound: result.continuum.placement.lowerBound,
                }
              : result.continuum.placement,
          target:
            result.continuum.target.status === "ok"
              ? { status: "ok", median: result.continuum.target.median, n: result.continuum.target.n }
              : result.continuum.target,
          gap:
            result.continuum.gap.status === "ok"
              ? { status: "ok", gap: result.continuum.gap.gap }
              : result.continuum.gap,
        }
      : { placement: result.continuum, target: result.continuum, gap: result.continuum };
  return {
    ...base,
    status: "ok",
    reason: null,
    respondents: {
      staff: result.respondents.byQuestionnaire[form === "short" ? "short" : "professional"],
      byLevel: result.respondents.byLevel,
      byAgencyType: result.respondents.byAgencyType,
    },
    components,
    continuum,
  };
}

// ---------------------------------------------------------------------------------------------
// The filter rule
// ---------------------------------------------------------------------------------------------

/** Why a filter value is not offered for a round, as the page and the exports say it. */
export function filterHiddenMarker(threshold: number): Suppressed {
  return {
    status: "suppressed",
    reason: `Fewer than ${threshold} respondents in this group, or in the rest of the area: this filter is not offered here`,
  };
}

/**
 * Whether a filter value may be offered for one snapshot (docs/scoring.md, "Filters of the
 * commissioner view"): the filtered group and its complement (the area's other staff) must
 * both be published counts of at least the threshold.
 */
export function filterAvailability(extract: CompareExtract, filter: RespondentFilter): boolean {
  if (filter.kind === "all") return true;
  const staff = extract.respondents.staff;
  const group =
    filter.kind === "level" ? extract.respondents.byLevel[filter.key] : extract.respondents.byAgencyType[filter.key];
  if (staff.status !== "ok" || group.status !== "ok") return false;
  return filterAllowed(group.n, staff.n, extract.threshold);
}

/**
 * One component figure under a filter: the snapshot's figure for the group, shown only when
 * the value is offered for the round and, within the component, the group and the rest of the
 * respondents kept in it are both at least the threshold.
 */
function filteredFigure(
  c: ExtractComponent,
  filter: RespondentFilter,
  offered: boolean,
  threshold: number,
): CompareFigure {
  if (filter.kind === "all") return c.overall;
  if (!offered) return filterHiddenMarker(threshold);
  const f = filter.kind === "level" ? c.byRespondentLevel[filter.key] : c.byAgencyType[filter.key];
  if (f.status !== "ok") return f;
  if (c.overall.status !== "ok" || !filterAllowed(f.n, c.overall.n, threshold)) return filterHiddenMarker(threshold);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Assembling the comparison
// ---------------------------------------------------------------------------------------------

/** A round of a shared area as the comparison reads it, with the snapshot it shows (if any). */
export interface PublishedRound {
  id: string;
  partnership_id: string;
  name: string;
  form: "full" | "short";
  status: "open" | "closed";
  opens_on: string;
  closes_on: string;
  closed_at: string | null;
  suppression_threshold: number;
  /** The latest published snapshot of the round (by `asOf`), or null: "no published results yet". */
  snapshot: {
    id: string;
    kind: "interim" | "final" | "retention";
    takenAt: string;
    extract: CompareExtract;
  } | null;
}

/**
 * The date a round's figures belong to, for the trend and the tables: the day it closed, but
 * never after its own closing date (a round closed late, or by the demo set-up, took its
 * answers until `closes_on`); an interim snapshot of an open round is dated when it was taken.
 */
export function publishedOn(round: Pick<PublishedRound, "status" | "closes_on" | "closed_at" | "snapshot">): string {
  if (round.status === "closed" && round.closed_at) {
    const closed = round.closed_at.slice(0, 10);
    return closed < round.closes_on ? closed : round.closes_on;
  }
  if (round.snapshot) {
    const taken = round.snapshot.takenAt.slice(0, 10);
    return taken < round.closes_on ? taken : round.closes_on;
  }
  return round.closes_on;
}

export interface AreaRoundFigures {
  round: {
    id: string;
    name: string;
    /** The date the figures belong to (publishedOn). */
    closedOn: string;
    status: "open" | "closed";
    form: "full" | "short";
    threshold: number;
    /** "snapshot" (a published snapshot) or "retention" (the scores kept when the answers were deleted). */
    source: "snapshot" | "retention";
    snapshot: { kind: "interim" | "final" | "retention"; takenAt: string };
  };
  /** Whether the filter is offered for this round (always true with no filter). */
  filterOffered: boolean;
  /** Respondents in the group compared (after the filter). */
  respondents: CountFigure;
  components: Record<ComponentKey, { overall: CompareFigure; byItemLevel: Record<LevelKey, CompareFigure> }>;
  continuum: ContinuumSummary;
}

export interface ComparedArea {
  id: string;
  name: string;
  area: string;
  /** The round compared, or null when the area has no round with published results in the window. */
  current: AreaRoundFigures | null;
  /** An open round of the area with no published snapshot yet (shown as "no published results yet"). */
  unpublished: { id: string; name: string } | null;
  /** Every round with published results in the window, oldest first, with its component scores (trends). */
  trend: { roundId: string; name: string; closedOn: string; scores: Record<ComponentKey, CompareFigure> }[];
}

export interface Comparison {
  filter: RespondentFilter;
  asOf: string | null;
  areas: ComparedArea[];
  /** Filter values offered: those for which at least one compared area's round allows the filter. */
  filtersOffered: RespondentFilter[];
  /**
   * Median and IQR across areas sharing their results (latest published snapshot each), per
   * component; `hiddenReason` says in one line why they are hidden, when every one is.
   */
  benchmark: {
    sharingAreas: number;
    /** Sharing areas with a figure that the viewer cannot see individually (the most over the components). */
    unseenAreas: number;
    components: Record<ComponentKey, Benchmark>;
    hiddenReason: string | null;
  };
}

/** The benchmark needs at least this many contributing areas that the viewer cannot see individually. */
export const BENCHMARK_MIN_UNSEEN_AREAS = 5;

/**
 * The benchmark of one component (issue 13, point 5): the median and interquartile range of the
 * sharing areas' published figures, rounded to whole numbers, shown only when at least
 * {@link BENCHMARK_MIN_UNSEEN_AREAS} of the contributing areas are ones the viewer cannot see
 * individually (with fewer, the viewer could read an unseen area's score from the quartiles).
 *
 * @example
 * benchmarkAcross([{ score: 40, seen: false }, ...five more unseen]) // { status: "ok", median: 55, q1: 48, q3: 63, areas: 6 }
 */
export function benchmarkAcross(contributions: readonly { score: number; seen: boolean }[]): Benchmark {
  const unseen = contributions.filter((c) => !c.seen).length;
  if (contributions.length === 0) return noData("No sharing area has a figure to compare");
  if (unseen < BENCHMARK_MIN_UNSEEN_AREAS)
    return {
      status: "suppressed",
      reason: `Shown once at least ${BENCHMARK_MIN_UNSEEN_AREAS} sharing areas that you cannot see individually have a figure (${unseen} now)`,
    };
  const b = benchmarkOf(contributions.map((c) => c.score));
  if (b.status !== "ok") return b;
  return {
    status: "ok",
    median: Math.round(b.median),
    q1: Math.round(b.q1),
    q3: Math.round(b.q3),
    areas: b.areas,
  };
}

function figuresFor(round: PublishedRound, filter: RespondentFilter): AreaRoundFigures {
  const snap = round.snapshot!;
  const x = snap.extract;
  const threshold = x.threshold;
  const offered = x.status === "ok" && filterAvailability(x, filter);
  const respondents: CountFigure =
    filter.kind === "all"
      ? x.respondents.staff
      : !offered
        ? x.status === "ok"
          ? filterHiddenMarker(threshold)
          : x.respondents.staff
        : filter.kind === "level"
          ? x.respondents.byLevel[filter.key]
          : x.respondents.byAgencyType[filter.key];
  const notByGroup = noData("Not published by group");
  const components = {} as AreaRoundFigures["components"];
  for (const key of COMPONENT_KEYS) {
    const c = x.components[key];
    components[key] = {
      overall: x.status === "ok" ? filteredFigure(c, filter, offered, threshold) : c.overall,
      byItemLevel: filter.kind === "all" || x.status !== "ok" ? c.byItemLevel : everyKey(LEVEL_KEYS, () => notByGroup),
    };
  }
  return {
    round: {
      id: round.id,
      name: round.name,
      closedOn: publishedOn(round),
      status: round.status,
      form: round.form,
      threshold,
      source: snap.kind === "retention" ? "retention" : "snapshot",
      snapshot: { kind: snap.kind, takenAt: snap.takenAt },
    },
    filterOffered: offered || filter.kind === "all",
    respondents,
    components,
    continuum: x.continuum,
  };
}

/**
 * Compares areas from their rounds' published snapshots: for each area its chosen round (or
 * its latest round with published results), its rounds with published results oldest first
 * for the trend, and the benchmark over `benchmarkRounds` (one per sharing area).
 *
 * @example
 * const comparison = assembleComparison({ areas, filter: { kind: "all" }, asOf: null, rounds, chosen: new Map(),
 *   benchmarkRounds, sharingAreas: 12, visibleAreaIds: new Set(areas.map((a) => a.id)) });
 */
export function assembleComparison(input: {
  areas: readonly { id: string; name: string; area: string }[];
  filter: RespondentFilter;
  asOf: string | null;
  /** The areas' rounds in the window, latest first (with or without a snapshot). */
  rounds: readonly PublishedRound[];
  /** partnership id -> the round the viewer chose (it has a snapshot). */
  chosen: ReadonlyMap<string, PublishedRound>;
  /** The latest round with a snapshot of every area sharing its results. */
  benchmarkRounds: readonly PublishedRound[];
  sharingAreas: number;
  /** Every area the viewer may see individually (all shared with them, chosen or not). */
  visibleAreaIds: ReadonlySet<string>;
}): Comparison {
  const memo = new Map<string, AreaRoundFigures>();
  const figuresOf = (round: PublishedRound) => {
    let f = memo.get(round.id);
    if (!f) memo.set(round.id, (f = figuresFor(round, input.filter)));
    return f;
  };
  const areas: ComparedArea[] = input.areas.map((area) => {
    const own = input.rounds.filter((r) => r.partnership_id === area.id);
    const published = own.filter((r) => r.snapshot);
    const round = input.chosen.get(area.id) ?? published[0];
    const open = own.find((r) => r.status === "open" && !r.snapshot);
    return {
      id: area.id,
      name: area.name,
      area: area.area,
      current: round ? figuresOf(round) : null,
      unpublished: open ? { id: open.id, name: open.name } : null,
      trend: [...published]
        .sort((a, b) => (publishedOn(a) < publishedOn(b) ? -1 : publishedOn(a) > publishedOn(b) ? 1 : 0))
        .map((r) => {
          const f = figuresOf(r);
          return {
            roundId: r.id,
            name: r.name,
            closedOn: f.round.closedOn,
            scores: everyKey(COMPONENT_KEYS, (k) => f.components[k].overall),
          };
        }),
    };
  });

  const benchmark = {} as Record<ComponentKey, Benchmark>;
  let unseenAreas = 0;
  for (const key of COMPONENT_KEYS) {
    const contributions = input.benchmarkRounds.flatMap((r) => {
      const f = figuresOf(r).components[key].overall;
      return f.status === "ok" ? [{ score: f.score, seen: input.visibleAreaIds.has(r.partnership_id) }] : [];
    });
    unseenAreas = Math.max(unseenAreas, contributions.filter((c) => !c.seen).length);
    benchmark[key] = benchmarkAcross(contributions);
  }
  const anyShown = COMPONENT_KEYS.some((k) => benchmark[k].status === "ok");
  const hiddenReason = anyShown
    ? null
    : input.sharingAreas === 0
      ? "The benchmark is hidden: no area shares its results yet."
      : `The benchmark (median and interquartile range across sharing areas) is hidden: it needs at least ${BENCHMARK_MIN_UNSEEN_AREAS} sharing areas with a figure that you cannot see individually, and ${unseenAreas === 0 ? "there are none" : `there ${unseenAreas === 1 ? "is" : "are"} ${unseenAreas}`}${input.filter.kind === "all" ? "" : " for this filter"}.`;

  const filtersOffered: RespondentFilter[] = [
    { kind: "all" },
    ...FILTER_VALUES.filter((f) =>
      input.areas.some((a) => {
        const own = input.rounds.filter((r) => r.partnership_id === a.id && r.snapshot);
        const r = input.chosen.get(a.id) ?? own[0];
        return r?.snapshot?.extract.status === "ok" && filterAvailability(r.snapshot.extract, f);
      }),
    ),
  ];
  return {
    filter: input.filter,
    asOf: input.asOf ?? null,
    areas,
    filtersOffered,
    benchmark: { sharingAreas: input.sharingAreas, unseenAreas, components: benchmark, hiddenReason },
  };
}
