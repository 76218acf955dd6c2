/**
 * The national view (issue 18, DESIGN "National viewer"): pooled figures of the areas that
 * consent to national sharing, read from their published final snapshots only.
 *
 * Two rules hold every figure here:
 * - an area contributes only figures its own snapshot published (scoreRound already applied the
 *   round's threshold, so a hidden figure never enters a pool), and
 * - a pooled figure needs at least BENCHMARK_MIN_AREAS areas behind it (the commissioners'
 *   benchmark rule, benchmarkOf in ./comparison), else it is withheld with a one-line reason.
 *
 * Plain TypeScript, no framework or database imports.
 */
import { benchmarkOf, BENCHMARK_MIN_AREAS, type Benchmark } from "./comparison";
import { COMPONENT_KEYS, STAGES, type BandKey, type ComponentKey, type StageNumber } from "./framework";
import type { RoundResult } from "./scoring";
import { noData, type Figure } from "./suppression";

/** Bump when the digest's shape changes: older stored digests are then rebuilt from their snapshots. */
export const NATIONAL_DIGEST_VERSION = 1;

/** What the national view reads of one snapshot: only figures the snapshot itself published. */
export interface SnapshotDigest {
  /** The round as a whole: "ok", or hidden (below its threshold) / empty. */
  status: RoundResult["status"];
  threshold: number;
  /** Professional (full-form) respondents, when the snapshot publishes the count. */
  respondents: number | null;
  /** Component scores the snapshot published (full questionnaire); a component missing here is hidden or unmeasured. */
  components: Partial<Record<ComponentKey, { score: number; band: BandKey; n: number }>>;
  /** Components whose score the snapshot withheld (below the round's threshold). */
  hidden: ComponentKey[];
  /** The continuum placement (the stage the area is at, or the lowest of the stages it might be at). */
  placement: { current: StageNumber; upTo: StageNumber; uncertain: boolean } | null;
  /** Median stage the area's staff want. */
  target: number | null;
}

/**
 * Reduces a published (already suppressed) snapshot result to what the national view needs.
 *
 * @example
 * const digest = digestSnapshot(snapshot.content.result);
 * digest.components.leadership // { score: 62.5, band: "borderline", n: 31 } when published
 */
export function digestSnapshot(result: RoundResult): SnapshotDigest {
  const empty: SnapshotDigest = {
    status: result.status,
    threshold: result.threshold,
    respondents: null,
    components: {},
    hidden: [],
    placement: null,
    target: null,
  };
  if (result.status !== "ok") return { ...empty, hidden: result.status === "suppressed" ? [...COMPONENT_KEYS] : [] };
  const count = result.respondents.byQuestionnaire.professional;
  const digest: SnapshotDigest = { ...empty, respondents: count.status === "ok" ? count.n : null };
  if (result.professional.status === "ok") {
    for (const c of result.professional.components) {
      if (c.overall.status === "ok")
        digest.components[c.component] = { score: c.overall.score, band: c.overall.band, n: c.overall.n };
      else if (c.overall.status === "suppressed") digest.hidden.push(c.component);
    }
  } else if (result.professional.status === "suppressed") {
    digest.hidden = [...COMPONENT_KEYS];
  }
  if (result.continuum.status === "ok") {
    const { placement, target } = result.continuum;
    if (placement.status === "ok")
      digest.placement = {
        current: placement.current.stage,
        upTo: (placement.upTo ?? placement.current).stage,
        uncertain: placement.uncertain ?? false,
      };
    if (target.status === "ok") digest.target = target.median;
  }
  return digest;
}

/** One closed round of a sharing area, with its latest final snapshot digested. */
export interface NationalRound {
  roundId: string;
  name: string;
  /** The round's own closing date (YYYY-MM-DD): the year it counts in. */
  closesOn: string;
  digest: SnapshotDigest;
}

export interface NationalArea {
  id: string;
  name: string;
  area: string;
  localAuthority: string;
  /** Closed rounds with a final snapshot, oldest first. */
  rounds: NationalRound[];
}

export interface StageCount {
  stage: StageNumber;
  name: string;
  areas: number;
}

export interface ComponentSpread {
  component: ComponentKey;
  /** Areas with a published score for the component (latest round each). */
  areas: number;
  /** Median and interquartile range across areas (withheld below BENCHMARK_MIN_AREAS). */
  benchmark: Benchmark;
  /** The areas' scores, sorted, for the strip plot: only when the benchmark is shown. */
  scores: number[];
  /** Areas in each band, when the benchmark is shown. */
  bands: Record<BandKey, number> | null;
}

export interface ConcernRank {
  component: ComponentKey;
  /** Areas whose score is in "concern". */
  concern: number;
  /** Areas with a published score for the component. */
  areas: number;
  share: number;
}

export interface TrendPoint {
  year: string;
  benchmark: Benchmark;
}

export interface NationalView {
  /** Areas that consent to national sharing. */
  sharingAreas: number;
  /** Of them, areas with a closed round and a final snapshot. */
  areasWithRounds: number;
  /** How many areas sit at each continuum stage (latest round each). */
  stages: Figure<{ areas: number; uncertain: number; counts: StageCount[] }>;
  /** How many areas want each stage (the median target of their staff; a half-way median counts at the lower stage). */
  targets: Figure<{ areas: number; counts: StageCount[] }>;
  components: ComponentSpread[];
  /** Components most often in "concern", most first (each needs BENCHMARK_MIN_AREAS areas with a score). */
  concern: Figure<{ ranked: ConcernRank[] }>;
  trends: {
    years: string[];
    /** Every area with a score that year. */
    allAreas: Record<ComponentKey, TrendPoint[]>;
    /** Only the areas with a score in every year shown, so that a change is not a change of who answered. */
    sameAreas: Record<ComponentKey, TrendPoint[]>;
    /** How many areas have a score (any component) in every year shown. */
    sameAreaCount: number;
  };
}

const MIN = BENCHMARK_MIN_AREAS;
const tooFew = (what: string, n: number) => ({
  status: "suppressed" as const,
  reason: `Shown once at least ${MIN} areas ${what} (${n === 0 ? "none yet" : `${n} so far`})`,
});

/** The latest closed round of an area whose snapshot published figures ("ok"), or null. */
export function latestPublishedRound(area: Pick<NationalArea, "rounds">): NationalRound | null {
  for (let i = area.rounds.length - 1; i >= 0; i--) if (area.rounds[i]!.digest.status === "ok") return area.rounds[i]!;
  return null;
}

function stageCounts(values: readonly StageNumber[]): StageCount[] {
  return STAGES.map((s) => ({ stage: s.stage, name: s.name, areas: values.filter((v) => v === s.stage).length }));
}

/** Per area and year, the latest published round closing in that year. */
function byYear(areas: readonly NationalArea[]): Map<string, Map<string, NationalRound>> {
  const out = new Map<string, Map<string, NationalRound>>();
  for (const area of areas) {
    for (const round of area.rounds) {
      if (round.digest.status !== "ok") continue;
      const year = round.closesOn.slice(0, 4);
      let perArea = out.get(year);
      if (!perArea) out.set(year, (perArea = new Map()));
      const seen = perArea.get(area.id);
      if (!seen || seen.closesOn <= round.closesOn) perArea.set(area.id, round);
    }
  }
  return out;
}

/**
 * Assembles the national view from the sharing areas' digested final snapshots: the stage
 * distribution, each component's spread (median and IQR through benchmarkOf), the components
 * most often in concern, and the trend by year over all areas and over the same areas.
 *
 * @example
 * const view = assembleNationalView({ areas, years: 5 });
 * if (view.stages.status === "ok") view.stages.counts; // [{ stage: 0, name: "Co-existence", areas: 1 }, ...]
 */
export function assembleNationalView(input: { areas: readonly NationalArea[]; years?: number }): NationalView {
  const latest = input.areas.flatMap((a) => {
    const r = latestPublishedRound(a);
    return r ? [r.digest] : [];
  });
  const placed = latest.flatMap((d) => (d.placement ? [d.placement] : []));
  const stages: NationalView["stages"] =
    placed.length === 0
      ? noData("No sharing area has a published continuum placement")
      : placed.length < MIN
        ? tooFew("have a published continuum placement", placed.length)
        : {
            status: "ok",
            areas: placed.length,
            uncertain: placed.filter((p) => p.uncertain).length,
            counts: stageCounts(placed.map((p) => p.current)),
          };
  const wanted = latest.flatMap((d) => (d.target === null ? [] : [Math.floor(d.target) as StageNumber]));
  const targets: NationalView["targets"] =
    wanted.length === 0
      ? noData("No sharing area has a published target stage")
      : wanted.length < MIN
        ? tooFew("have a published target stage", wanted.length)
        : { status: "ok", areas: wanted.length, counts: stageCounts(wanted) };

  const components: ComponentSpread[] = COMPONENT_KEYS.map((key) => {
    const figures = latest.flatMap((d) => (d.components[key] ? [d.components[key]!] : []));
    const benchmark = benchmarkOf(figures.map((f) => f.score));
    const shown = benchmark.status === "ok";
    const bands = { strength: 0, borderline: 0, concern: 0 };
    for (const f of figures) bands[f.band]++;
    return {
      component: key,
      areas: figures.length,
      benchmark,
      scores: shown ? figures.map((f) => f.score).sort((a, b) => a - b) : [],
      bands: shown ? bands : null,
    };
  });

  const rankable = components.filter((c) => c.bands);
  const concern: NationalView["concern"] =
    rankable.length === 0
      ? tooFew("have a published score for a component", Math.max(0, ...components.map((c) => c.areas)))
      : {
          status: "ok",
          ranked: rankable
            .map((c) => {
              const areas = c.bands!.strength + c.bands!.borderline + c.bands!.concern;
              return { component: c.component, concern: c.bands!.concern, areas, share: c.bands!.concern / areas };
            })
            .sort((a, b) => b.share - a.share || b.concern - a.concern || a.component.localeCompare(b.component)),
        };

  const perYear = byYear(input.areas);
  const years = [...perYear.keys()].sort().slice(-(input.years ?? 5));
  const allAreas = {} as NationalView["trends"]["allAreas"];
  const sameAreas = {} as NationalView["trends"]["sameAreas"];
  const inEveryYear = (areaId: string) => years.every((y) => perYear.get(y)!.has(areaId));
  const panel = input.areas.filter((a) => years.length > 0 && inEveryYear(a.id)).map((a) => a.id);
  for (const key of COMPONENT_KEYS) {
    allAreas[key] = years.map((year) => ({
      year,
      benchmark: benchmarkOf(
        [...perYear.get(year)!.values()].flatMap((r) =>
          r.digest.components[key] ? [r.digest.components[key]!.score] : [],
        ),
      ),
    }));
    // The same areas: those with this component's score in every year shown.
    const same = panel.filter((id) => years.every((y) => perYear.get(y)!.get(id)!.digest.components[key]));
    sameAreas[key] = years.map((year) => ({
      year,
      benchmark: benchmarkOf(same.map((id) => perYear.get(year)!.get(id)!.digest.components[key]!.score)),
    }));
  }
  return {
    sharingAreas: input.areas.length,
    areasWithRounds: input.areas.filter((a) => a.rounds.length > 0).length,
    stages,
    targets,
    components,
    concern,
    trends: { years, allAreas, sameAreas, sameAreaCount: panel.length },
  };
}

/** Why a pooled figure is not shown, in one line (or null when it is). */
export function whyHidden(figure: { status: string; reason?: string }): string | null {
  return figure.status === "ok" ? null : (figure.reason ?? "Not available");
}
