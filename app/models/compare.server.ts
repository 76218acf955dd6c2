import crypto from "node:crypto";
import { sql } from "kysely";
import { inTransaction, type Db } from "../db.server";
import type { Round } from "../../db/schema";
import type { ComponentKey, LevelKey } from "../domain/framework";
import {
  assembleComparison,
  latestPerPartnership,
  type AggregateRow,
  type Comparison,
  type ContinuumCounts,
  type RespondentCounts,
  type RespondentFilter,
} from "../domain/compare-areas";
import { QUESTION } from "../domain/instrument";
import type { RoundResult } from "../domain/scoring";
import { catalogueFromSurveys, ensureItemCatalogue } from "./item-catalogue.server";
import { allMarkers } from "./questionnaire.server";

export interface SharedArea {
  id: string;
  name: string;
  area: string;
  local_authority: string;
}

/**
 * The areas a user may compare: those shared with them as a commissioner (commissioner_grants),
 * or every partnership for an administrator; with `ids`, only those of them.
 */
export function listSharedAreas(
  db: Db,
  user: { id: string; is_admin: number },
  input: { ids?: readonly string[] } = {},
): Promise<SharedArea[]> {
  let query = db
    .selectFrom("partnerships")
    .select(["partnerships.id", "partnerships.name", "partnerships.area", "partnerships.local_authority"]);
  if (input.ids) query = query.where("partnerships.id", "in", [...input.ids]);
  if (!user.is_admin) {
    query = query.where(
      "partnerships.id",
      "in",
      db.selectFrom("commissioner_grants").select("partnership_id").where("user_id", "=", user.id),
    );
  }
  return query.orderBy("partnerships.name").orderBy("partnerships.id").execute();
}

export type ClosedRound = Pick<
  Round,
  | "id"
  | "partnership_id"
  | "name"
  | "form"
  | "closed_at"
  | "closes_on"
  | "suppression_threshold"
  | "answers_purged_at"
  | "include_continuum"
>;

/** Closed rounds of these partnerships, latest first; with `asOf`, only those closed by that day. */
export function listClosedRounds(
  db: Db,
  input: { partnershipIds: readonly string[]; asOf?: string | null },
): Promise<ClosedRound[]> {
  if (input.partnershipIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom("rounds")
    .select([
      "id",
      "partnership_id",
      "name",
      "form",
      "closed_at",
      "closes_on",
      "suppression_threshold",
      "answers_purged_at",
      "include_continuum",
    ])
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

let fingerprint: string | undefined;
/** Identifies the questionnaire's tags: sums computed against other tags are stale. */
function catalogueFingerprint(): string {
  fingerprint ??= crypto
    .createHash("sha256")
    .update(JSON.stringify(catalogueFromSurveys().sort((a, b) => (a.item_key < b.item_key ? -1 : 1))))
    .digest("hex")
    .slice(0, 16);
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
export async function refreshRoundAggregates(
  db: Db,
  rounds: readonly Pick<Round, "id" | "closed_at">[],
): Promise<number> {
  if (rounds.length === 0) return 0;
  await ensureItemCatalogue(db);
  const catalogue = catalogueFingerprint();
  const fresh = new Set(
    (
      await db
        .selectFrom("round_aggregate_runs")
        .select(["round_id", "closed_at", "catalogue"])
        .where(
          "round_id",
          "in",
          rounds.map((r) => r.id),
        )
        .execute()
    )
      .filter(
        (run) =>
          run.catalogue === catalogue && rounds.some((r) => r.id === run.round_id && r.closed_at === run.closed_at),
      )
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
        .values(
          batch.map((r) => ({
            round_id: r.id,
            closed_at: r.closed_at!,
            catalogue,
            continuum_respondents: respondents.get(r.id) ?? 0,
            computed_at: at,
          })),
        )
        .execute();
    };
    await inTransaction(db, run);
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
export async function readComponentSums(
  db: Db,
  input: { roundIds: readonly string[]; groupBy: GroupKind },
): Promise<AggregateRow[]> {
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

/** Kept counts of continuum answers per round, for the placement rules (refreshRoundAggregates first). */
export async function continuumCounts(db: Db, roundIds: readonly string[]): Promise<Map<string, ContinuumCounts>> {
  const out = new Map<string, ContinuumCounts>();
  if (roundIds.length === 0) return out;
  const [counts, runs] = await Promise.all([
    db
      .selectFrom("round_answer_counts")
      .select(["round_id", "item_key", "value", "n"])
      .where("round_id", "in", [...roundIds])
      .execute(),
    db
      .selectFrom("round_aggregate_runs")
      .select(["round_id", "continuum_respondents"])
      .where("round_id", "in", [...roundIds])
      .execute(),
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
async function respondentCounts(
  db: Db,
  roundIds: readonly string[],
  filter: RespondentFilter,
): Promise<Map<string, RespondentCounts>> {
  const out = new Map<string, RespondentCounts>();
  if (roundIds.length === 0) return out;
  const column = filter.kind === "level" ? "respondent_level" : filter.kind === "agency" ? "agency_type" : null;
  const rows = await db
    .selectFrom("responses")
    .select((eb) => [
      "round_id",
      column ? eb.ref(column).as("grp") : sql<string | null>`cast(null as text)`.as("grp"),
      eb.fn.countAll<string | number>().as("n"),
    ])
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

let withItems: Set<string> | undefined;
/** "component|level" pairs that the professional questionnaire has items for. */
function levelsWithItems(): Set<string> {
  withItems ??= new Set(
    catalogueFromSurveys()
      .filter((r) => r.questionnaire === "professional")
      .map((r) => `${r.component}|${r.level}`),
  );
  return withItems;
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
    /** partnership id -> round id: a chosen closed round instead of the latest (the caller checks it is one of `closedRounds`). */
    chosenRounds?: Readonly<Record<string, string>>;
    /** The areas' closed rounds by `asOf`, when the caller has already read them (listClosedRounds). */
    closedRounds?: readonly ClosedRound[];
  },
): Promise<Comparison> {
  const areaIds = input.areas.map((a) => a.id);
  const closed = input.closedRounds ?? (await listClosedRounds(db, { partnershipIds: areaIds, asOf: input.asOf }));
  // Benchmark pool: every partnership that shares its results with at least one commissioner.
  const sharing = (await db.selectFrom("commissioner_grants").select("partnership_id").distinct().execute()).map(
    (r) => r.partnership_id,
  );
  const others = sharing.filter((id) => !areaIds.includes(id));
  const benchmarkRounds = latestPerPartnership(
    await listClosedRounds(db, { partnershipIds: others, asOf: input.asOf }),
  );

  const chosen = new Map<string, ClosedRound>();
  for (const area of input.areas) {
    const own = closed.filter((r) => r.partnership_id === area.id);
    const pick = input.chosenRounds?.[area.id];
    const round = pick ? own.find((r) => r.id === pick) : own[0];
    if (pick && !round)
      throw new Error(`Round ${pick} is not a closed round of ${area.id} by ${input.asOf ?? "today"}`);
    if (round) chosen.set(area.id, round);
  }
  const benchmarkSharing = sharing
    .filter((id) => areaIds.includes(id))
    .map((id) => chosen.get(id))
    .filter((r): r is ClosedRound => Boolean(r));

  const all = [...new Map([...closed, ...benchmarkRounds].map((r) => [r.id, r])).values()];
  const live = all.filter((r) => !r.answers_purged_at);
  await refreshRoundAggregates(db, live);
  const [aggregates, continuum, counts, snapshots] = await Promise.all([
    readComponentSums(db, {
      roundIds: live.map((r) => r.id),
      groupBy: input.filter.kind === "all" ? "none" : input.filter.kind,
    }),
    continuumCounts(
      db,
      [...chosen.values()].filter((r) => !r.answers_purged_at).map((r) => r.id),
    ),
    respondentCounts(
      db,
      live.map((r) => r.id),
      input.filter,
    ),
    loadSnapshots(
      db,
      all.filter((r) => r.answers_purged_at).map((r) => r.id),
    ),
  ]);
  return assembleComparison({
    areas: input.areas,
    filter: input.filter,
    asOf: input.asOf ?? null,
    closed,
    chosen,
    benchmarkRounds: [...benchmarkSharing, ...benchmarkRounds],
    sharingAreas: sharing.length,
    aggregates,
    continuum,
    counts,
    snapshots,
    markers: allMarkers(),
    levelsWithItems: levelsWithItems(),
  });
}

async function loadSnapshots(db: Db, roundIds: readonly string[]): Promise<Map<string, RoundResult>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("round_snapshots")
    .select(["round_id", "result_json"])
    .where("round_id", "in", [...roundIds])
    .execute();
  return new Map(rows.map((r) => [r.round_id, JSON.parse(r.result_json) as RoundResult]));
}
