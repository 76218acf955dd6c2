import type { Db } from "../db.server";
import type { Round } from "../../db/schema";
import {
  assembleComparison,
  compareExtract,
  type CompareExtract,
  type Comparison,
  type PublishedRound,
  type RespondentFilter,
} from "../domain/compare-areas";
import type { RoundResult } from "../domain/scoring";
import { agencyInputs } from "./report.server";
import { takeSnapshot, type SnapshotContent } from "./snapshot.server";

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

type RoundRow = Pick<
  Round,
  | "id"
  | "partnership_id"
  | "name"
  | "form"
  | "status"
  | "opens_on"
  | "closes_on"
  | "closed_at"
  | "suppression_threshold"
  | "answers_purged_at"
>;

/** The last instant of day `asOf` (ISO timestamps compare as text). */
const endOf = (asOf: string) => `${asOf}T23:59:59.999Z`;

/**
 * Extracts of snapshots already read, by snapshot id: a snapshot never changes once written
 * (issue 13), so its extract never goes stale. Bounded, oldest dropped first.
 */
const EXTRACTS = new Map<string, CompareExtract>();
const EXTRACTS_MAX = 20_000;
function remember(id: string, extract: CompareExtract) {
  if (EXTRACTS.size >= EXTRACTS_MAX) EXTRACTS.delete(EXTRACTS.keys().next().value!);
  EXTRACTS.set(id, extract);
}

/** Rounds per statement when reading snapshots: bounds each statement's size. */
const BATCH = 200;
const batches = <T>(list: readonly T[]) =>
  Array.from({ length: Math.ceil(list.length / BATCH) }, (_, i) => list.slice(i * BATCH, (i + 1) * BATCH));

/**
 * The rounds of these partnerships that the comparison can show, latest first, each with its
 * latest published snapshot (taken by `asOf`, when given) reduced to the comparison's extract,
 * or none: an open round without a snapshot shows "no published results yet". Closed rounds
 * closed after `asOf`, and open rounds opened after it, are left out.
 *
 * A round closed before snapshots existed gets its final snapshot here on first reading, as
 * the results page does (report.server.ts); a round whose answers were deleted under retention
 * before that shows the scores kept then.
 */
export async function listPublishedRounds(
  db: Db,
  input: { partnershipIds: readonly string[]; asOf?: string | null },
): Promise<PublishedRound[]> {
  if (input.partnershipIds.length === 0) return [];
  const rows: RoundRow[] = [];
  for (const ids of batches(input.partnershipIds)) {
    let query = db
      .selectFrom("rounds")
      .select([
        "id",
        "partnership_id",
        "name",
        "form",
        "status",
        "opens_on",
        "closes_on",
        "closed_at",
        "suppression_threshold",
        "answers_purged_at",
      ])
      .where("partnership_id", "in", ids);
    if (input.asOf) query = query.where("opens_on", "<=", input.asOf);
    rows.push(...(await query.execute()));
  }
  const rounds = rows.filter(
    (r) => !input.asOf || r.status === "open" || !r.closed_at || r.closed_at <= endOf(input.asOf),
  );

  // Closed rounds from before snapshots: their final snapshot, once (as the close would have made).
  const snapshotsOf = async (ids: readonly string[]) => {
    const out: { id: string; round_id: string; kind: "interim" | "final"; taken_at: string }[] = [];
    for (const batch of batches(ids)) {
      let query = db
        .selectFrom("result_snapshots")
        .select(["id", "round_id", "kind", "taken_at"])
        .where("round_id", "in", batch);
      if (input.asOf) query = query.where("taken_at", "<=", endOf(input.asOf));
      out.push(...(await query.execute()));
    }
    return out;
  };
  const closed = rounds.filter((r) => r.status === "closed" && !r.answers_purged_at).map((r) => r.id);
  const withSnapshot = new Set<string>();
  for (const batch of batches(closed)) {
    const any = await db
      .selectFrom("result_snapshots")
      .select("round_id")
      .distinct()
      .where("round_id", "in", batch)
      .execute();
    for (const s of any) withSnapshot.add(s.round_id);
  }
  const legacy = rounds.filter((r) => r.status === "closed" && !r.answers_purged_at && !withSnapshot.has(r.id));
  if (legacy.length) {
    for (const round of legacy) {
      const agencies = await agencyInputs(db, round.partnership_id);
      await takeSnapshot(db, { round, kind: "final", agencies, at: round.closed_at ?? undefined });
    }
  }
  const snapshots = await snapshotsOf(rounds.map((r) => r.id));
  const latest = new Map<string, (typeof snapshots)[number]>();
  for (const s of snapshots) {
    const seen = latest.get(s.round_id);
    if (!seen || s.taken_at > seen.taken_at || (s.taken_at === seen.taken_at && s.id > seen.id))
      latest.set(s.round_id, s);
  }
  const formOf = new Map(rounds.map((r) => [r.id, r.form]));
  const missing = [...latest.values()].filter((s) => !EXTRACTS.has(s.id));
  for (const batch of batches(missing)) {
    const ids = batch.map((s) => s.id);
    const stored = await db
      .selectFrom("result_snapshots")
      .select(["id", "compare_json"])
      .where("id", "in", ids)
      .execute();
    for (const s of stored) if (s.compare_json) remember(s.id, JSON.parse(s.compare_json) as CompareExtract);
    // Snapshots from before the extract was kept: derive it once from the whole result and keep it.
    const older = stored.filter((s) => !s.compare_json).map((s) => s.id);
    if (older.length === 0) continue;
    const full = await db
      .selectFrom("result_snapshots")
      .select(["id", "round_id", "result_json"])
      .where("id", "in", older)
      .execute();
    for (const s of full) {
      const content = JSON.parse(s.result_json) as SnapshotContent;
      const extract = compareExtract(content.result, formOf.get(s.round_id) ?? "full");
      remember(s.id, extract);
      await db
        .updateTable("result_snapshots")
        .set({ compare_json: JSON.stringify(extract) })
        .where("id", "=", s.id)
        .execute();
    }
  }
  // Rounds whose answers were deleted before they had a snapshot: the scores kept then.
  const retained = new Map<string, { extract: CompareExtract; at: string }>();
  const purged = rounds.filter((r) => r.answers_purged_at && !latest.has(r.id)).map((r) => r.id);
  for (const batch of batches(purged)) {
    const kept = await db
      .selectFrom("round_snapshots")
      .select(["round_id", "result_json", "created_at"])
      .where("round_id", "in", batch)
      .execute();
    for (const k of kept)
      retained.set(k.round_id, {
        extract: compareExtract(JSON.parse(k.result_json) as RoundResult, formOf.get(k.round_id) ?? "full"),
        at: k.created_at,
      });
  }

  const out: PublishedRound[] = rounds.map((r) => {
    const s = latest.get(r.id);
    const kept = retained.get(r.id);
    return {
      id: r.id,
      partnership_id: r.partnership_id,
      name: r.name,
      form: r.form,
      status: r.status,
      opens_on: r.opens_on,
      closes_on: r.closes_on,
      closed_at: r.closed_at,
      suppression_threshold: r.suppression_threshold,
      snapshot: s
        ? { id: s.id, kind: s.kind, takenAt: s.taken_at, extract: EXTRACTS.get(s.id)! }
        : kept
          ? { id: `retention-${r.id}`, kind: "retention", takenAt: kept.at, extract: kept.extract }
          : null,
    };
  });
  // Latest first: open rounds, then by closing.
  const key = (r: PublishedRound) => (r.status === "open" ? "9" : (r.closed_at ?? r.closes_on));
  return out.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : a.id < b.id ? -1 : 1));
}

/**
 * Compares areas from published snapshots only: for each, the chosen round (or its latest with
 * published results, by `asOf`), its rounds with published results for the trend, and a
 * benchmark across every sharing area. Every figure is one the round's snapshot published,
 * hidden further by the comparison's filter and benchmark rules (domain/compare-areas.ts).
 * Nothing about an individual response, and no free text, is read. The caller authorises
 * first (requireCommissionerAccess or loadComparison).
 *
 * @example
 * const comparison = await compareAreas(db, { areas, filter: { kind: "all" }, visibleAreaIds: new Set(areas.map((a) => a.id)) });
 */
export async function compareAreas(
  db: Db,
  input: {
    areas: readonly SharedArea[];
    filter: RespondentFilter;
    asOf?: string | null;
    /** partnership id -> round id: a chosen round instead of the latest (the caller checks it is one of `rounds` with a snapshot). */
    chosenRounds?: Readonly<Record<string, string>>;
    /** The areas' rounds by `asOf`, when the caller has already read them (listPublishedRounds). */
    rounds?: readonly PublishedRound[];
    /** Every area the viewer may see individually; by default the areas compared. */
    visibleAreaIds?: ReadonlySet<string>;
  },
): Promise<Comparison> {
  const areaIds = input.areas.map((a) => a.id);
  const rounds = input.rounds ?? (await listPublishedRounds(db, { partnershipIds: areaIds, asOf: input.asOf }));
  // Benchmark pool: every partnership that shares its results with at least one commissioner.
  const sharing = (await db.selectFrom("commissioner_grants").select("partnership_id").distinct().execute()).map(
    (r) => r.partnership_id,
  );
  const others = sharing.filter((id) => !areaIds.includes(id));
  const otherRounds = await listPublishedRounds(db, { partnershipIds: others, asOf: input.asOf });

  const chosen = new Map<string, PublishedRound>();
  for (const area of input.areas) {
    const pick = input.chosenRounds?.[area.id];
    if (!pick) continue;
    const round = rounds.find((r) => r.id === pick && r.partnership_id === area.id && r.snapshot);
    if (!round) throw new Error(`Round ${pick} has no published results in ${area.id} by ${input.asOf ?? "today"}`);
    chosen.set(area.id, round);
  }
  const latestPublished = (list: readonly PublishedRound[], pid: string) =>
    chosen.get(pid) ?? list.find((r) => r.partnership_id === pid && r.snapshot);
  const benchmarkRounds = sharing.flatMap((pid) => {
    const r = latestPublished(areaIds.includes(pid) ? rounds : otherRounds, pid);
    return r ? [r] : [];
  });
  return assembleComparison({
    areas: input.areas,
    filter: input.filter,
    asOf: input.asOf ?? null,
    rounds,
    chosen,
    benchmarkRounds,
    sharingAreas: sharing.length,
    visibleAreaIds: input.visibleAreaIds ?? new Set(areaIds),
  });
}
