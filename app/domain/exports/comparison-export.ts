/**
 * The comparison as files (CSV and JSON) for commissioners: the page's figures, no more. Every
 * figure has already passed suppression (domain/compare-areas.ts); hidden figures are written
 * "c" and missing ones "x" (DfE statistics convention), with the reason in the JSON. One
 * respondent filter at a time, never a cross-tabulation (docs/scoring.md, "Limits of the rule").
 * Plain TypeScript, no framework imports.
 */
import { COMPONENTS, LEVELS, STAGES, type ComponentKey, type LevelKey } from "../framework";
import type { Benchmark, CompareFigure, ContinuumSummary } from "../comparison";
import type { CsvCell } from "./csv";
import type { CountFigure } from "../suppression";

/** The structural shape the export needs (compare-areas.ts's Comparison satisfies it). */
export interface ComparisonForExport {
  filter: { kind: "all" } | { kind: "level" | "agency"; key: string };
  asOf: string | null;
  areas: {
    id: string;
    name: string;
    current: {
      round: { id: string; name: string; closedOn: string; form: string; threshold: number; source: string };
      respondents: CountFigure;
      components: Record<ComponentKey, { overall: CompareFigure; byItemLevel: Record<LevelKey, CompareFigure> }>;
      continuum: ContinuumSummary;
    } | null;
    trend: { roundId: string; name: string; closedOn: string; scores: Record<ComponentKey, CompareFigure> }[];
  }[];
  benchmark: { sharingAreas: number; components: Record<ComponentKey, Benchmark> };
}

export const COMPARISON_EXPORT_COLUMNS = [
  "area_id",
  "area",
  "round",
  "closed_on",
  "respondents",
  "filter",
  "component",
  "component_name",
  "score",
  "band",
  "n",
  "ci_low",
  "ci_high",
  ...LEVELS.map((l) => `level_${l.key}`),
  "benchmark_median",
  "benchmark_q1",
  "benchmark_q3",
  "continuum_stage",
  "continuum_stage_name",
  "target_stage",
] as const;

const cell = (f: CompareFigure, read: (ok: Extract<CompareFigure, { status: "ok" }>) => CsvCell): CsvCell =>
  f.status === "ok" ? read(f) : f.status === "suppressed" ? "c" : "x";

/** One row per area and component of the round compared. */
export function comparisonExportRows(c: ComparisonForExport): CsvCell[][] {
  const filter = c.filter.kind === "all" ? "all" : `${c.filter.kind}:${c.filter.key}`;
  const rows: CsvCell[][] = [];
  for (const area of c.areas) {
    const cur = area.current;
    if (!cur) continue;
    const respondents = cur.respondents.status === "ok" ? cur.respondents.n : "c";
    const stage =
      cur.continuum.placement.status === "ok"
        ? cur.continuum.placement.current.stage
        : cur.continuum.placement.status === "suppressed"
          ? "c"
          : "x";
    const target =
      cur.continuum.target.status === "ok"
        ? cur.continuum.target.median
        : cur.continuum.target.status === "suppressed"
          ? "c"
          : "x";
    for (const comp of COMPONENTS) {
      const f = cur.components[comp.key].overall;
      const b = c.benchmark.components[comp.key];
      rows.push([
        area.id,
        area.name,
        cur.round.name,
        cur.round.closedOn,
        respondents,
        filter,
        comp.key,
        comp.name,
        cell(f, (ok) => ok.score),
        cell(f, (ok) => ok.band),
        cell(f, (ok) => ok.n),
        cell(f, (ok) => ok.ci95.low),
        cell(f, (ok) => ok.ci95.high),
        ...LEVELS.map((l) => cell(cur.components[comp.key].byItemLevel[l.key], (ok) => ok.score)),
        b.status === "ok" ? b.median : "c",
        b.status === "ok" ? b.q1 : "c",
        b.status === "ok" ? b.q3 : "c",
        stage,
        typeof stage === "number" ? STAGES[stage]?.name : stage,
        target,
      ]);
    }
  }
  return rows;
}

/** The comparison as JSON: figures with their status and reasons, trends, benchmark. */
export function comparisonJson(c: ComparisonForExport) {
  return {
    generatedOn: new Date().toISOString(),
    filter: c.filter,
    asOf: c.asOf,
    note: "Aggregates only. 'suppressed' figures are for groups below the area's threshold (or would let one be worked out); scores are 0-100 perceptions, not outcomes.",
    benchmark: c.benchmark,
    areas: c.areas.map((a) => ({
      id: a.id,
      name: a.name,
      round: a.current?.round ?? null,
      respondents: a.current?.respondents ?? null,
      continuum: a.current?.continuum ?? null,
      components: a.current
        ? Object.fromEntries(COMPONENTS.map((comp) => [comp.key, a.current!.components[comp.key]]))
        : null,
      trend: a.trend,
    })),
  };
}
