/**
 * The national view's queries (issue 18): which partnerships consent to national sharing,
 * who is a national viewer, and the sharing areas' closed rounds with their latest final
 * snapshot, digested (app/domain/national.ts). Only published snapshots are read, never
 * answers, so every figure has already passed its round's threshold.
 */
import { inTransaction, now, type Db } from "../db.server";
import {
  digestSnapshot,
  NATIONAL_DIGEST_VERSION,
  type NationalArea,
  type NationalRound,
  type SnapshotDigest,
} from "../domain/national";
import type { SnapshotContent } from "./snapshot.server";
import { audit } from "./partnership.server";

/** Whether the partnership's lead has consented to national sharing. */
export async function nationalSharingOf(db: Db, partnershipId: string): Promise<{ since: string } | null> {
  const row = await db
    .selectFrom("national_sharing")
    .select("consented_at")
    .where("partnership_id", "=", partnershipId)
    .executeTakeFirst();
  return row ? { since: row.consented_at } : null;
}

/** Starts or stops national sharing for a partnership (audited). Returns false when nothing changed. */
export async function setNationalSharing(
  db: Db,
  input: { partnershipId: string; share: boolean; userId: string },
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const current = await nationalSharingOf(trx, input.partnershipId);
    if (Boolean(current) === input.share) return false;
    if (input.share) {
      await trx
        .insertInto("national_sharing")
        .values({ partnership_id: input.partnershipId, consented_by: input.userId, consented_at: now() })
        .execute();
    } else {
      await trx.deleteFrom("national_sharing").where("partnership_id", "=", input.partnershipId).execute();
    }
    await audit(trx, {
      userId: input.userId,
      partnershipId: input.partnershipId,
      action: input.share ? "national.shared" : "national.stopped",
      detail: null,
    });
    return true;
  });
}

export async function isNationalViewer(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("national_viewers")
    .select("user_id")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Boolean(row);
}

export function listNationalViewers(db: Db) {
  return db
    .selectFrom("national_viewers")
    .innerJoin("users", "users.id", "national_viewers.user_id")
    .select(["users.id", "users.email", "users.name", "national_viewers.created_at as since"])
    .orderBy("users.email")
    .execute();
}

/** Makes an account a national viewer; a second grant changes nothing. Returns false when it already was one. */
export async function grantNationalViewer(
  db: Db,
  input: { userId: string; grantedBy: string | null },
): Promise<boolean> {
  if (await isNationalViewer(db, input.userId)) return false;
  await db
    .insertInto("national_viewers")
    .values({ user_id: input.userId, granted_by: input.grantedBy, created_at: now() })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .execute();
  return true;
}

export async function revokeNationalViewer(db: Db, input: { userId: string }): Promise<boolean> {
  const result = await db.deleteFrom("national_viewers").where("user_id", "=", input.userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Snapshots digested per statement when filling missing digests: bounds memory (each result is ~100 KB). */
const DIGEST_BATCH = 50;

/**
 * Every area that consents to national sharing, with its closed rounds (oldest first) that have
 * a final snapshot, each read from its latest final snapshot's digest. Digests missing or of an
 * older shape are made from the snapshot and kept (snapshots never change, so neither do they).
 *
 * @example
 * const areas = await loadNationalAreas(db);
 * const view = assembleNationalView({ areas });
 */
export async function loadNationalAreas(db: Db): Promise<NationalArea[]> {
  const [partnerships, rows] = await Promise.all([
    db
      .selectFrom("partnerships")
      .innerJoin("national_sharing", "national_sharing.partnership_id", "partnerships.id")
      .select(["partnerships.id", "partnerships.name", "partnerships.area", "partnerships.local_authority"])
      .orderBy("partnerships.name")
      .orderBy("partnerships.id")
      .execute(),
    db
      .selectFrom("result_snapshots as s")
      .innerJoin("rounds as r", "r.id", "s.round_id")
      .innerJoin("national_sharing as ns", "ns.partnership_id", "r.partnership_id")
      .leftJoin("national_snapshot_digests as d", "d.snapshot_id", "s.id")
      .select([
        "s.id as snapshotId",
        "s.taken_at as takenAt",
        "r.id as roundId",
        "r.partnership_id as partnershipId",
        "r.name",
        "r.closes_on as closesOn",
        "r.closed_at as closedAt",
        "d.digest_version as digestVersion",
        "d.digest_json as digestJson",
      ])
      .where("s.kind", "=", "final")
      .where("r.status", "=", "closed")
      .execute(),
  ]);
  // The latest final snapshot of each round.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = latest.get(row.roundId);
    if (!seen || seen.takenAt < row.takenAt || (seen.takenAt === row.takenAt && seen.snapshotId < row.snapshotId))
      latest.set(row.roundId, row);
  }
  const digests = new Map<string, SnapshotDigest>();
  const missing: string[] = [];
  for (const row of latest.values()) {
    if (row.digestJson && row.digestVersion === NATIONAL_DIGEST_VERSION)
      digests.set(row.snapshotId, JSON.parse(row.digestJson) as SnapshotDigest);
    else missing.push(row.snapshotId);
  }
  for (let i = 0; i < missing.length; i += DIGEST_BATCH) {
    const batch = missing.slice(i, i + DIGEST_BATCH);
    const snapshots = await db
      .selectFrom("result_snapshots")
      .select(["id", "result_json"])
      .where("id", "in", batch)
      .execute();
    const made = snapshots.map((s) => {
      const digest = digestSnapshot((JSON.parse(s.result_json) as SnapshotContent).result);
      digests.set(s.id, digest);
      return { snapshot_id: s.id, digest_version: NATIONAL_DIGEST_VERSION, digest_json: JSON.stringify(digest) };
    });
    if (made.length)
      await db
        .insertInto("national_snapshot_digests")
        .values(made)
        .onConflict((oc) =>
          oc.column("snapshot_id").doUpdateSet((eb) => ({
            digest_version: eb.ref("excluded.digest_version"),
            digest_json: eb.ref("excluded.digest_json"),
          })),
        )
        .execute();
  }
  const rounds = new Map<string, NationalRound[]>();
  for (const row of latest.values()) {
    const digest = digests.get(row.snapshotId);
    if (!digest) continue;
    // A round closed before its planned date counts on the day it closed.
    const closedOn = row.closedAt?.slice(0, 10);
    const list = rounds.get(row.partnershipId) ?? [];
    list.push({
      roundId: row.roundId,
      name: row.name,
      closesOn: closedOn && closedOn < row.closesOn ? closedOn : row.closesOn,
      digest,
    });
    rounds.set(row.partnershipId, list);
  }
  return partnerships.map((p) => ({
    id: p.id,
    name: p.name,
    area: p.area,
    localAuthority: p.local_authority,
    rounds: (rounds.get(p.id) ?? []).sort((a, b) =>
      a.closesOn < b.closesOn ? -1 : a.closesOn > b.closesOn ? 1 : a.roundId < b.roundId ? -1 : 1,
    ),
  }));
}
