import crypto from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../db.server";
import type { Round } from "../../db/schema";
import {
  AGENCY_TYPE_KEYS,
  COMPONENT_KEYS,
  LEVEL_KEYS,
  type AgencyTypeKey,
  type ComponentKey,
  type LevelKey,
} from "../domain/framework";
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
} from "../domain/comparison";
import { QUESTION } from "../domain/instrument";
import type { RoundResult, ScoreFigure } from "../domain/scoring";
import { countFigure, noData, resolveThreshold, suppressedMarker, type CountFigure } from "../domain/suppression";
import { catalogueFromSurveys, ensureItemCatalogue } from "./item-catalogue.server";
import { allMarkers } from "./questionnaire.server";

/** Which respondents a comparison counts: everyone, one level, or one agency type (never both: that would be a cross-tabulation). */
export type RespondentFilter =
  | { kind: "all" }
  | { kind: "level"; key: LevelKey }
  | { kind: "agency"; key: AgencyTypeKey };

export interface SharedArea {
  id: string;
  name: string;
  area: string;
  local_authority: string;
}

/**
 * The areas a user may compare: those shared with them as a commissioner (commissioner_grants),
 * or every partnership for an administrator.
 */
export function listSharedAreas(db: Db, user: { id: string; is_admin: number }): Promise<SharedArea[]> {
  let query = db.selectFrom("partnerships").select(["partnerships.id", "partnerships.name", "partnerships.area", "partnerships.local_authority"]);
  if (!user.is_admin) {
    query = query.where("partnerships.id", "in", db.selectFrom("commissioner_grants").select("partnership_id").where("user_id", "=", user.id));
  }
  return query.orderBy("partnerships.name").orderBy("partnerships.id").execute();
}

type ClosedRound = Pick<Round, "id" | "partnership_id" | "name" | "form" | "closed_at" | "closes_on" | "suppression_threshold" | "answers_purged_at" | "include_continuum">;

/** Closed rounds of these partnerships, latest first; with `asOf`, only those closed by that day. */
export function listClosedRounds(db: Db, input: { partnershipIds: readonly string[]; asOf?: string | null }): Promise<ClosedRound[]> {
  if (input.partnershipIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom("rounds")
    .select(["id", "partnership_id", "name", "form", "closed_at", "closes_on", "suppression_threshold", "answers_purged_at", "include_continuum"])
    .where("status", "=", "closed")
    .where("partnership_id", "in", [...input.partnershipIds]);
  // ISO timestamps compare as text; the end of the day is the last instant of `asOf`.
  if (input.asOf) query = query.where("closed_at", "<=", `${input.asOf}T23:59:59.999Z`);
  return query.orderBy("closed_at", "desc").orderBy("id").execute();
}

// ---------------------------------------------------------------------------------------------
// The SQL aggregates
// ---------------------------------------------------------------------------------------------

export type GroupKind = "none" | "level" | "agency";

export interface AggregateRow {
  roundId: string;
  component: ComponentKey;
  /** null: the component as a whole; otherwise the items about this level (the component x level matrix). */
  itemLevel: LevelKey | null;
  /** The respondent group (level or agency type, by the grouping read), null when not stated or not grouped. */
  group: string | null;
  moments: Moments;
}

let fingerprint: string | undefined;
/** Identifies the questionnaire's tags: sums computed against other tags are stale. */
function catalogueFingerprint(): string {
  fingerprint ??= crypto.createHash("sha256").update(JSON.stringify(catalogueFromSurveys().sort((a, b) => (a.item_key < b.item_key ? -1 : 1)))).digest("hex").slice(0, 16);
  return fingerprint;
}

/** Rounds per statement when computing sums: bounds the statement's size and each transaction's length. */
const ROUNDS_PER_BATCH = 50;

/**
 * Computes and keeps the sums of closed rounds (those without fresh sums), in the database.
 *
 * For each submitted professional response: each answer becomes 0-100 by its item's tags in
 * item_catalogue (facilitator 1..5 -> 0..100, barrier 1..4 reversed -> 100..0; "don't know"
 * and out-of-scale values are null, so not counted), summed per response x component x item
 * level (`per_level`), then per response x component (`kept`: a respondent counts in a
 * component only when they answered at least half its items, the short form's items for a
 * short-form round). Then per round x component (x item level) x respondent group (none, each
 * level, each agency type): the number of respondents, the sum of their scores and of the
 * squares, from which the mean, SD and confidence interval follow (domain/comparison.ts).
 * Nothing per respondent leaves the database, and nothing is published from here: the
 * suppression rules apply when the sums are read.
 */
export async function refreshRoundAggregates(db: Db, rounds: readonly Pick<Round, "id" | "closed_at">[]): Promise<number> {
  if (rounds.length === 0) return 0;
  await ensureItemCatalogue(db);
  const catalogue = catalogueFingerprint();
  const fresh = new Set(
    (
      await db
        .selectFrom("round_aggregate_runs")
        .select(["round_id", "closed_at", "catalogue"])
        .where("round_id", "in", rounds.map((r) => r.id))
        .execute()
    )
      .filter((run) => run.catalogue === catalogue && rounds.some((r) => r.id === run.round_id && r.closed_at === run.closed_at))
      .map((run) => run.round_id),
  );
  const stale = rounds.filter((r) => !fresh.has(r.id) && r.closed_at);
  for (let i = 0; i < stale.length; i += ROUNDS_PER_BATCH) {
    const batch = stale.slice(i, i + ROUNDS_PER_BATCH);
    const run = async (trx: Db) => {
      const ids = batch.map((r) => r.id);
      await trx.deleteFrom("round_aggregates").where("round_id", "in", ids).execute();
      await trx.deleteFrom("round_answer_counts").where("round_id", "in", ids).execute();
      await trx.deleteFrom("round_aggregate_runs").where("round_id", "in", ids).execute();
      await insertComponentSums(trx, ids);
      const respondents = await insertContinuumCounts(trx, ids);
      const at = new Date().toISOString();
      await trx
        .insertInto("round_aggregate_runs")
        .values(batch.map((r) => ({ round_id: r.id, closed_at: r.closed_at!, catalogue, continuum_respondents: respondents.get(r.id) ?? 0, computed_at: at })))
        .execute();
    };
    if (db.isTransaction) await run(db);
    else await db.transaction().execute(run);
  }
  return stale.length;
}

async function insertComponentSums(db: Db, roundIds: readonly string[]): Promise<void> {
  const ids = sql.join(roundIds.map((id) => sql.val(id)));
  const value = sql`cast(a.numeric as double precision)`;
  // On both engines `numeric in (1, ..., 5)` also refuses fractions, as the scoring module does.
  const score = sql`case
      when c.polarity = 'facilitator' and a.numeric in (1, 2, 3, 4, 5) then (${value} - 1) * 25
      when c.polarity = 'barrier' and a.numeric in (1, 2, 3, 4) then (4 - ${value}) * 100 / 3
    end`;
  // PostgreSQL refuses a constant in GROUP BY, so "no grouping" leaves the column out.
  const groupings = [
    { kind: "none", column: sql`''`, by: sql`` },
    { kind: "level", column: sql`lvl`, by: sql`, lvl` },
    { kind: "agency", column: sql`agency`, by: sql`, agency` },
  ];
  const branches = groupings.flatMap(({ kind, column, by }) => [
    sql`select round_id, ${sql.lit(kind)} as grp_kind, component, '' as item_level, ${column} as grp,
           count(*) as n, sum(score) as total, sum(score * score) as total_sq
        from kept group by round_id, component${by}`,
    sql`select round_id, ${sql.lit(kind)} as grp_kind, component, level as item_level, ${column} as grp,
           count(*) as n, sum(score) as total, sum(score * score) as total_sq
        from kept_level group by round_id, component, level${by}`,
  ]);
  await sql`
    with resp as (
      select r.id, r.round_id, coalesce(r.respondent_level, '') as lvl, coalesce(r.agency_type, '') as agency,
             case when rd.form = 'short' then 1 else 0 end as short
      from responses r
      join rounds rd on rd.id = r.round_id
      where r.round_id in (${ids}) and r.kind = 'professional' and r.status = 'submitted'
    ),
    cat as (
      select item_key, component, level, polarity, short_form from item_catalogue where questionnaire = 'professional'
    ),
    k as (
      select component, count(*) as k_full, sum(short_form) as k_short from cat group by component
    ),
    kl as (
      select component, level, count(*) as k_full, sum(short_form) as k_short from cat group by component, level
    ),
    per_level as (
      select resp.id as response_id, resp.round_id, resp.lvl, resp.agency, resp.short, c.component, c.level,
             count(${score}) as answered, sum(${score}) as total
      from resp
      join answers a on a.response_id = resp.id
      join cat c on c.item_key = a.item_key
      where resp.short = 0 or c.short_form = 1
      group by resp.id, resp.round_id, resp.lvl, resp.agency, resp.short, c.component, c.level
    ),
    per_component as (
      select response_id, round_id, lvl, agency, short, component,
             cast(sum(answered) as integer) as answered, sum(total) as total
      from per_level
      group by response_id, round_id, lvl, agency, short, component
    ),
    kept as (
      select pc.response_id, pc.round_id, pc.lvl, pc.agency, pc.component, pc.total / pc.answered as score
      from per_component pc
      join k on k.component = pc.component
      where pc.answered > 0 and 2 * pc.answered >= case when pc.short = 1 then k.k_short else k.k_full end
    ),
    kept_level as (
      select pl.round_id, pl.lvl, pl.agency, pl.component, pl.level, pl.total / pl.answered as score
      from per_level pl
      join kept on kept.response_id = pl.response_id and kept.component = pl.component
      join kl on kl.component = pl.component and kl.level = pl.level
      where pl.answered > 0 and 2 * pl.answered >= case when pl.short = 1 then kl.k_short else kl.k_full end
    )
    insert into round_aggregates (round_id, grp_kind, component, item_level, grp, n, total, total_sq)
    select * from (${sql.join(branches, sql` union all `)}) sums
  `.execute(db);
}

/** Counts of continuum answers, kept; returns the number of staff who answered any continuum question, per round. */
async function insertContinuumCounts(db: Db, roundIds: readonly string[]): Promise<Map<string, number>> {
  const ids = sql.join(roundIds.map((id) => sql.val(id)));
  const markerKeys = sql.join(allMarkers().map((m) => sql.val(m.key)));
  const markerValues = sql.join(['"yes"', '"partly"', '"no"'].map((v) => sql.val(v)));
  const stageKeys = sql.join([QUESTION.targetStage, QUESTION.selfChosenStage].map((k) => sql.val(k)));
  const stageValue = sql`a.numeric in (0, 1, 2, 3, 4, 5)`;
  await sql`
    insert into round_answer_counts (round_id, item_key, value, n)
    select r.round_id, a.item_key, a.value, count(*)
    from responses r join answers a on a.response_id = r.id
    where r.round_id in (${ids}) and r.kind = 'professional' and r.status = 'submitted'
      and ((a.item_key in (${markerKeys}) and a.value in (${markerValues}))
        or (a.item_key = ${QUESTION.targetStage} and ${stageValue}))
    group by r.round_id, a.item_key, a.value
  `.execute(db);
  const people = await sql<{ round_id: string; n: number | string }>`
    select r.round_id, count(distinct r.id) as n
    from responses r join answers a on a.response_id = r.id
    where r.round_id in (${ids}) and r.kind = 'professional' and r.status = 'submitted'
      and ((a.item_key in (${markerKeys}) and a.value in (${markerValues}))
        or (a.item_key in (${stageKeys}) and ${stageValue}))
    group by r.round_id
  `.execute(db);
  return new Map(people.rows.map((r) => [r.round_id, Number(r.n)]));
}

/** The kept sums of these rounds for one grouping (refreshRoundAggregates first). */
export async function readComponentSums(db: Db, input: { roundIds: readonly string[]; groupBy: GroupKind }): Promise<AggregateRow[]> {
  if (input.roundIds.length === 0) return [];
  const rows = await db
    .selectFrom("round_aggregates")
    .select(["round_id", "component", "item_level", "grp", "n", "total", "total_sq"])
    .where("round_id", "in", [...input.roundIds])
    .where("grp_kind", "=", input.groupBy)
    .execute();
  return rows.map((r) => ({
    roundId: r.round_id,
    component: r.component as ComponentKey,
    itemLevel: r.item_level === "" ? null : (r.item_level as LevelKey),
    group: r.grp === "" ? null : r.grp,
    moments: { n: Number(r.n), sum: Number(r.total), sumSq: Number(r.total_sq) },
  }));
}

/**
 * Component sums of many closed rounds: computed in SQL the first time (refreshRoundAggregates)
 * and read back from the kept sums after that.
 */
export async function aggregateComponentScores(
  db: Db,
  input: { rounds: readonly Pick<Round, "id" | "closed_at">[]; groupBy: GroupKind },
): Promise<AggregateRow[]> {
  await refreshRoundAggregates(db, input.rounds);
  return readComponentSums(db, { roundIds: input.rounds.map((r) => r.id), groupBy: input.groupBy });
}

export interface ContinuumCounts {
  respondents: number;
  markers: Map<string, { yes: number; partly: number; no: number }>;
  target: number[];
}

/** Kept counts of continuum answers per round, for the placement rules (refreshRoundAggregates first). */
export async function continuumCounts(db: Db, roundIds: readonly string[]): Promise<Map<string, ContinuumCounts>> {
  const out = new Map<string, ContinuumCounts>();
  if (roundIds.length === 0) return out;
  const [counts, runs] = await Promise.all([
    db.selectFrom("round_answer_counts").select(["round_id", "item_key", "value", "n"]).where("round_id", "in", [...roundIds]).execute(),
    db.selectFrom("round_aggregate_runs").select(["round_id", "continuum_respondents"]).where("round_id", "in", [...roundIds]).execute(),
  ]);
  const entry = (roundId: string) => {
    let e = out.get(roundId);
    if (!e) out.set(roundId, (e = { respondents: 0, markers: new Map(), target: [0, 0, 0, 0, 0, 0] }));
    return e;
  };
  for (const run of runs) entry(run.round_id).respondents = Number(run.continuum_respondents);
  for (const row of counts) {
    const e = entry(row.round_id);
    const n = Number(row.n);
    if (row.item_key === QUESTION.targetStage) {
      const stage = Number(row.value);
      if (Number.isInteger(stage) && stage >= 0 && stage <= 5) e.target[stage]! += n;
      continue;
    }
    const c = e.markers.get(row.item_key) ?? { yes: 0, partly: 0, no: 0 };
    const v = JSON.parse(row.value) as "yes" | "partly" | "no";
    c[v] += n;
    e.markers.set(row.item_key, c);
  }
  return out;
}

/** Submitted professional responses per round: the size of each area's group. */
async function respondentCounts(db: Db, roundIds: readonly string[], filter: RespondentFilter): Promise<Map<string, { total: number; groups: Map<string | null, number> }>> {
  const out = new Map<string, { total: number; groups: Map<string | null, number> }>();
  if (roundIds.length === 0) return out;
  const column = filter.kind === "level" ? "respondent_level" : filter.kind === "agency" ? "agency_type" : null;
  const rows = await db
    .selectFrom("responses")
    .select((eb) => ["round_id", column ? eb.ref(column).as("grp") : sql<string | null>`cast(null as text)`.as("grp"), eb.fn.countAll<string | number>().as("n")])
    .where("round_id", "in", [...roundIds])
    .where("kind", "=", "professional")
    .where("status", "=", "submitted")
    .groupBy(column ? ["round_id", column] : ["round_id"])
    .execute();
  for (const row of rows) {
    const e = out.get(row.round_id) ?? { total: 0, groups: new Map() };
    e.total += Number(row.n);
    e.groups.set(row.grp as string | null, (e.groups.get(row.grp as string | null) ?? 0) + Number(row.n));
    out.set(row.round_id, e);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------

export interface AreaRoundFigures {
  round: { id: string; name: string; closedOn: string; form: "full" | "short"; threshold: number; source: "answers" | "snapshot" };
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
    if (level && !levelsWithItems().has(`${component}|${level}`)) return noData("No items about this level");
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

let withItems: Set<string> | undefined;
/** "component|level" pairs that the professional questionnaire has items for. */
function levelsWithItems(): Set<string> {
  withItems ??= new Set(catalogueFromSurveys().filter((r) => r.questionnaire === "professional").map((r) => `${r.component}|${r.level}`));
  return withItems;
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
function figuresFromSnapshot(result: RoundResult, filter: RespondentFilter): Pick<AreaRoundFigures, "components" | "continuum" | "respondents"> {
  const components = {} as AreaRoundFigures["components"];
  const professional = result.status === "ok" && result.professional.status === "ok" ? result.professional : null;
  const hidden = result.status === "suppressed" ? suppressedMarker(result.threshold) : null;
  for (const key of COMPONENT_KEYS) {
    const c = professional?.components.find((x) => x.component === key);
    const overall = hidden ?? (!c ? noData("Not measured in this round") : filter.kind === "all" ? fromScoreFigure(c.overall) : filter.kind === "level" ? fromScoreFigure(c.byRespondentLevel[filter.key]) : fromScoreFigure(c.byAgencyType[filter.key]));
    const byItemLevel = {} as Record<LevelKey, CompareFigure>;
    for (const level of LEVEL_KEYS) {
      byItemLevel[level] = hidden ?? (c && filter.kind === "all" ? fromScoreFigure(c.byItemLevel[level]) : noData(c ? "Not kept for groups when the answers were deleted" : "Not measured in this round"));
    }
    components[key] = { overall, byItemLevel };
  }
  const continuum = result.status === "ok" && result.continuum.status === "ok" ? result.continuum : null;
  const none = hidden ?? noData("No continuum results kept");
  const respondents: CountFigure =
    result.status !== "ok" ? (result.status === "suppressed" ? suppressedMarker(result.threshold) : { status: "ok", n: 0 })
    : filter.kind === "all" ? result.respondents.byQuestionnaire[professional ? "professional" : "short"]
    : filter.kind === "level" ? result.respondents.byLevel[filter.key]
    : result.respondents.byAgencyType[filter.key];
  return {
    components,
    respondents,
    continuum: continuum
      ? {
          placement: continuum.placement.status === "ok" ? { status: "ok", current: continuum.placement.current, upTo: continuum.placement.upTo ?? continuum.placement.current, uncertain: continuum.placement.uncertain ?? false, nonCumulative: continuum.placement.nonCumulative, lowerBound: continuum.placement.lowerBound } : continuum.placement,
          target: continuum.target.status === "ok" ? { status: "ok", median: continuum.target.median, n: continuum.target.n } : continuum.target,
          gap: continuum.gap.status === "ok" ? { status: "ok", gap: continuum.gap.gap } : continuum.gap,
        }
      : { placement: none, target: none, gap: none },
  };
}

/** The group's size: published like any count, and hidden with the breakdown's secondary rule. */
function groupCount(counts: { total: number; groups: Map<string | null, number> } | undefined, filter: RespondentFilter, threshold: number): CountFigure {
  if (!counts) return { status: "ok", n: 0 };
  if (filter.kind === "all") return countFigure(counts.total, threshold);
  const keys = keysOf(filter);
  const fig = breakdownFigure(keys, Object.fromEntries(keys.map((k) => [k, { n: counts.groups.get(k) ?? 0, sum: 0, sumSq: 0 }])), counts.total, filter.key, threshold);
  return fig.status === "ok" ? { status: "ok", n: fig.n } : fig.status === "suppressed" ? fig : { status: "ok", n: 0 };
}

/**
 * Compares areas: for each, the chosen round (or the latest closed one, by `asOf`), with its
 * component scores, component x level matrix and continuum stage, its earlier closed rounds
 * for the trend, and a benchmark across every sharing area. Every figure has passed the
 * round's suppression threshold; nothing about an individual response, and no free text, is
 * read. The caller authorises first (requireCommissionerAccess).
 *
 * @example
 * const comparison = await compareAreas(db, { areas, filter: { kind: "all" } });
 */
export async function compareAreas(
  db: Db,
  input: {
    areas: readonly SharedArea[];
    filter: RespondentFilter;
    asOf?: string | null;
    /** partnership id -> round id: a chosen closed round instead of the latest. */
    chosenRounds?: Readonly<Record<string, string>>;
  },
): Promise<Comparison> {
  const areaIds = input.areas.map((a) => a.id);
  const closed = await listClosedRounds(db, { partnershipIds: areaIds, asOf: input.asOf });
  // Benchmark pool: every partnership that shares its results with at least one commissioner.
  const sharing = (await db.selectFrom("commissioner_grants").select("partnership_id").distinct().execute()).map((r) => r.partnership_id);
  const others = sharing.filter((id) => !areaIds.includes(id));
  const benchmarkRounds = latestPerPartnership(await listClosedRounds(db, { partnershipIds: others, asOf: input.asOf }));

  const chosen = new Map<string, ClosedRound>();
  for (const area of input.areas) {
    const own = closed.filter((r) => r.partnership_id === area.id);
    const pick = input.chosenRounds?.[area.id];
    const round = pick ? own.find((r) => r.id === pick) : own[0];
    if (pick && !round) throw new Response("Round not found.", { status: 404 });
    if (round) chosen.set(area.id, round);
  }
  const benchmarkSharing = sharing.filter((id) => areaIds.includes(id)).map((id) => chosen.get(id)).filter((r): r is ClosedRound => Boolean(r));

  const all = [...new Map([...closed, ...benchmarkRounds].map((r) => [r.id, r])).values()];
  const live = all.filter((r) => !r.answers_purged_at);
  await refreshRoundAggregates(db, live);
  const [aggregates, continuum, counts, snapshots] = await Promise.all([
    readComponentSums(db, { roundIds: live.map((r) => r.id), groupBy: input.filter.kind === "all" ? "none" : input.filter.kind }),
    continuumCounts(db, [...chosen.values()].filter((r) => !r.answers_purged_at).map((r) => r.id)),
    respondentCounts(db, live.map((r) => r.id), input.filter),
    loadSnapshots(db, all.filter((r) => r.answers_purged_at).map((r) => r.id)),
  ]);
  const byRound = new Map<string, AggregateRow[]>();
  for (const row of aggregates) {
    const list = byRound.get(row.roundId);
    if (list) list.push(row);
    else byRound.set(row.roundId, [row]);
  }
  const markers = allMarkers();
  const figuresFor = (round: ClosedRound): AreaRoundFigures => {
    const threshold = resolveThreshold(round.suppression_threshold);
    const base = { id: round.id, name: round.name, closedOn: (round.closed_at ?? round.closes_on).slice(0, 10), form: round.form, threshold };
    const snapshot = snapshots.get(round.id);
    if (round.answers_purged_at && snapshot) return { round: { ...base, source: "snapshot" }, ...figuresFromSnapshot(snapshot, input.filter) };
    const count = counts.get(round.id);
    const total = count?.total ?? 0;
    const cont = continuum.get(round.id);
    const markerCounts: MarkerCounts[] = markers.map((m) => ({ key: m.key, stage: m.stage, ...(cont?.markers.get(m.key) ?? { yes: 0, partly: 0, no: 0 }) }));
    // A round below the threshold as a whole shows nothing at all, as the results page does.
    const wholeRoundHidden = total > 0 && total < threshold;
    const components = wholeRoundHidden ? hiddenComponents(threshold) : figuresFromAggregates(byRound.get(round.id) ?? [], input.filter, threshold);
    return {
      round: { ...base, source: "answers" },
      respondents: groupCount(count, input.filter, threshold),
      components,
      continuum: continuumFromCounts({ markers: markerCounts, respondents: cont?.respondents ?? 0, target: cont?.target ?? [0, 0, 0, 0, 0, 0], threshold }),
    };
  };

  const memo = new Map<string, AreaRoundFigures>();
  const figuresOf = (round: ClosedRound) => {
    let f = memo.get(round.id);
    if (!f) memo.set(round.id, (f = figuresFor(round)));
    return f;
  };
  const areas: ComparedArea[] = input.areas.map((area) => {
    const round = chosen.get(area.id);
    return {
      id: area.id,
      name: area.name,
      area: area.area,
      current: round ? figuresOf(round) : null,
      trend: closed
        .filter((r) => r.partnership_id === area.id)
        .reverse()
        .map((r) => {
          const f = figuresOf(r);
          return {
            roundId: r.id,
            name: r.name,
            closedOn: f.round.closedOn,
            scores: Object.fromEntries(COMPONENT_KEYS.map((k) => [k, f.components[k].overall])) as Record<ComponentKey, CompareFigure>,
          };
        }),
    };
  });

  const benchmarkFigures = [...benchmarkSharing, ...benchmarkRounds].map((r) => figuresOf(r).components);
  const benchmark = {} as Record<ComponentKey, Benchmark>;
  for (const key of COMPONENT_KEYS) {
    const scores = benchmarkFigures.flatMap((c) => (c[key].overall.status === "ok" ? [c[key].overall.score] : []));
    benchmark[key] = benchmarkOf(scores);
  }
  return { filter: input.filter, asOf: input.asOf ?? null, areas, benchmark: { sharingAreas: sharing.length, components: benchmark } };
}

function hiddenComponents(threshold: number): AreaRoundFigures["components"] {
  const hidden = suppressedMarker(threshold);
  return Object.fromEntries(
    COMPONENT_KEYS.map((k) => [k, { overall: hidden, byItemLevel: Object.fromEntries(LEVEL_KEYS.map((l) => [l, hidden])) }]),
  ) as AreaRoundFigures["components"];
}

function latestPerPartnership(rounds: readonly ClosedRound[]): ClosedRound[] {
  const seen = new Map<string, ClosedRound>();
  for (const r of rounds) if (!seen.has(r.partnership_id)) seen.set(r.partnership_id, r);
  return [...seen.values()];
}

async function loadSnapshots(db: Db, roundIds: readonly string[]): Promise<Map<string, RoundResult>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db.selectFrom("round_snapshots").select(["round_id", "result_json"]).where("round_id", "in", [...roundIds]).execute();
  return new Map(rows.map((r) => [r.round_id, JSON.parse(r.result_json) as RoundResult]));
}
