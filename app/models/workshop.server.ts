/**
 * Facilitated workshop sessions: queries, one exported function per operation, each scoped by
 * the partnership (facilitator operations) or by the workshop (participant operations).
 *
 * Every write bumps `workshops.version` and then tells the listeners (the open event streams,
 * in every app process: PostgreSQL's LISTEN/NOTIFY, app/change-feed.server.ts). Notifications
 * only make updates immediate; the state itself lives in the database, and streams also poll
 * the version, so after a restart every client still converges on the stored state.
 */
import crypto from "node:crypto";
import { inTransaction, now, type Db } from "../db.server";
import { onChange, publishChange } from "../change-feed.server";
import { newId, randomToken, sha256 } from "../crypto.server";
import type { Workshop } from "../../db/schema";
import { COMPONENTS, component as componentOf, type ComponentKey } from "../domain/framework";
import {
  consensusTo100,
  makeJoinCode,
  summariseRatings,
  votingOpenRatings,
  type ComponentRatings,
  type WorkshopRating,
  type WorkshopSummary,
} from "../domain/workshop";

// ---------------------------------------------------------------------------------------------
// Change notifications (every process on PostgreSQL, this one on SQLite: app/change-feed.server.ts;
// the database version is the source of truth).

export type WorkshopChangeKind = "control" | "vote" | "join" | "record";
export interface WorkshopChange {
  workshopId: string;
  kind: WorkshopChangeKind;
  participantId?: string;
}

/** Calls `listener` after each change to the workshop, made by any app process. Returns the unsubscribe function. */
export function onWorkshopChange(workshopId: string, listener: (change: WorkshopChange) => void): () => void {
  return onChange<WorkshopChange>(`workshop:${workshopId}`, listener);
}

function publish(change: WorkshopChange) {
  publishChange(`workshop:${change.workshopId}`, change);
}

export const workshopComponents = (workshop: Pick<Workshop, "components">): ComponentKey[] =>
  JSON.parse(workshop.components) as ComponentKey[];

// ---------------------------------------------------------------------------------------------
// The facilitator's operations.

/**
 * Creates an active session with a fresh join code. Codes come from the OS's CSPRNG and are
 * unique among active sessions (a partial unique index guards the race between two creators).
 */
export async function createWorkshop(
  db: Db,
  input: { partnershipId: string; roundId: string; name: string; components: ComponentKey[]; createdBy: string | null },
): Promise<{ id: string; joinCode: string }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const joinCode = makeJoinCode((max) => crypto.randomInt(max));
    const taken = await db
      .selectFrom("workshops")
      .select("id")
      .where("join_code", "=", joinCode)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (taken) continue;
    const id = newId();
    try {
      await db
        .insertInto("workshops")
        .values({
          id,
          round_id: input.roundId,
          partnership_id: input.partnershipId,
          name: input.name,
          join_code: joinCode,
          components: JSON.stringify(input.components),
          status: "active",
          created_by: input.createdBy,
          created_at: now(),
          ended_at: null,
        })
        .execute();
      return { id, joinCode };
    } catch (error) {
      // Another session took the same code between the check and the insert: deal again.
      if (attempt === 9 || db.isTransaction) throw error;
    }
  }
  throw new Error("Could not find a free join code.");
}

export function listWorkshops(db: Db, input: { partnershipId: string; roundId: string }) {
  return db
    .selectFrom("workshops")
    .select(["id", "name", "status", "join_code", "created_at", "ended_at"])
    .where("partnership_id", "=", input.partnershipId)
    .where("round_id", "=", input.roundId)
    .orderBy("created_at", "desc")
    .execute();
}

export function getWorkshop(db: Db, input: { partnershipId: string; roundId: string; workshopId: string }) {
  return db
    .selectFrom("workshops")
    .selectAll()
    .where("id", "=", input.workshopId)
    .where("partnership_id", "=", input.partnershipId)
    .where("round_id", "=", input.roundId)
    .executeTakeFirst();
}

type Scope = { partnershipId: string; workshopId: string };

async function changeWorkshop(
  db: Db,
  scope: Scope,
  set: Partial<Pick<Workshop, "voting_open" | "revealed" | "current_index" | "status" | "ended_at">>,
  onlyWhileActive = true,
) {
  let query = db
    .updateTable("workshops")
    .set((eb) => ({ ...set, version: eb("version", "+", 1) }))
    .where("id", "=", scope.workshopId)
    .where("partnership_id", "=", scope.partnershipId);
  if (onlyWhileActive) query = query.where("status", "=", "active");
  const result = await query.executeTakeFirst();
  const changed = Number(result.numUpdatedRows) > 0;
  if (changed) publish({ workshopId: scope.workshopId, kind: "control" });
  return changed;
}

/**
 * Opens or closes voting on the current component. Opening starts a new vote: the component's
 * earlier ratings are deleted and the spread is hidden, so each revealed spread is of one vote
 * alone and frozen once that vote closes (issue 13: two spreads a few votes apart would give
 * away those voters' ratings). False when the session has ended or is not the partnership's.
 */
export async function setVoting(db: Db, input: Scope & { open: boolean }) {
  if (!input.open) return changeWorkshop(db, input, { voting_open: 0 });
  const changed = await inTransaction(db, async (trx) => {
    const workshop = await trx
      .selectFrom("workshops")
      .select(["components", "current_index"])
      .where("id", "=", input.workshopId)
      .where("partnership_id", "=", input.partnershipId)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (!workshop) return false;
    const key = workshopComponents(workshop)[workshop.current_index];
    if (key)
      await trx
        .deleteFrom("workshop_votes")
        .where("workshop_id", "=", input.workshopId)
        .where("component", "=", key)
        .execute();
    const result = await trx
      .updateTable("workshops")
      .set((eb) => ({ voting_open: 1, revealed: 0, version: eb("version", "+", 1) }))
      .where("id", "=", input.workshopId)
      .where("status", "=", "active")
      .where("current_index", "=", workshop.current_index)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  });
  if (changed) publish({ workshopId: input.workshopId, kind: "control" });
  return changed;
}

export type RevealOutcome = "changed" | "voting_open" | "not_found";

/**
 * Shows or hides the room's ratings of the current component on the projector. Ratings are
 * shown only once voting on the component is closed ("voting_open" otherwise), so no one sees
 * a spread move as people vote; "not_found" when the session has ended or is not the partnership's.
 */
export async function setRevealed(db: Db, input: Scope & { revealed: boolean }): Promise<RevealOutcome> {
  if (!input.revealed) return (await changeWorkshop(db, input, { revealed: 0 })) ? "changed" : "not_found";
  const result = await db
    .updateTable("workshops")
    .set((eb) => ({ revealed: 1, version: eb("version", "+", 1) }))
    .where("id", "=", input.workshopId)
    .where("partnership_id", "=", input.partnershipId)
    .where("status", "=", "active")
    .where("voting_open", "=", 0)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) {
    publish({ workshopId: input.workshopId, kind: "control" });
    return "changed";
  }
  const workshop = await db
    .selectFrom("workshops")
    .select("voting_open")
    .where("id", "=", input.workshopId)
    .where("partnership_id", "=", input.partnershipId)
    .where("status", "=", "active")
    .executeTakeFirst();
  return workshop?.voting_open === 1 ? "voting_open" : "not_found";
}

/**
 * Moves the session to another component. Voting starts closed and the results hidden, so
 * each component begins without anyone seeing the room's view (DESIGN: avoid group-think).
 */
export async function moveToComponent(db: Db, input: Scope & { index: number }) {
  const workshop = await db
    .selectFrom("workshops")
    .select("components")
    .where("id", "=", input.workshopId)
    .where("partnership_id", "=", input.partnershipId)
    .executeTakeFirst();
  if (!workshop) return false;
  const count = workshopComponents(workshop).length;
  if (!Number.isInteger(input.index) || input.index < 0 || input.index >= count) return false;
  return changeWorkshop(db, input, { current_index: input.index, voting_open: 0, revealed: 0 });
}

/** Ends the session: its join code stops working and no more votes are taken. */
export function endWorkshop(db: Db, input: Scope) {
  return changeWorkshop(db, input, { status: "ended", voting_open: 0, ended_at: now() });
}

async function bumpVersion(db: Db, workshopId: string) {
  await db
    .updateTable("workshops")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", workshopId)
    .execute();
}

async function ownedWorkshop(db: Db, scope: Scope) {
  return db
    .selectFrom("workshops")
    .select(["id", "components", "status"])
    .where("id", "=", scope.workshopId)
    .where("partnership_id", "=", scope.partnershipId)
    .executeTakeFirst();
}

/** Records the score the group agreed for a component (0-5) with notes. The latest one counts. */
export async function recordConsensus(
  db: Db,
  input: Scope & { component: ComponentKey; score: WorkshopRating; notes: string; recordedBy: string | null },
) {
  const workshop = await ownedWorkshop(db, input);
  if (!workshop || !workshopComponents(workshop).includes(input.component)) return false;
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("workshop_consensus")
      .values({
        id: newId(),
        workshop_id: input.workshopId,
        component: input.component,
        score: input.score,
        notes: input.notes,
        recorded_by: input.recordedBy,
        recorded_at: now(),
      })
      .execute();
    await bumpVersion(trx, input.workshopId);
  });
  publish({ workshopId: input.workshopId, kind: "record" });
  return true;
}

/** Adds an agreed action (what, who, by when) to a component. */
export async function addWorkshopAction(
  db: Db,
  input: Scope & { component: ComponentKey; description: string; owner: string; dueOn: string | null },
) {
  const workshop = await ownedWorkshop(db, input);
  if (!workshop || !workshopComponents(workshop).includes(input.component)) return null;
  const id = newId();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("workshop_actions")
      .values({
        id,
        workshop_id: input.workshopId,
        component: input.component,
        description: input.description,
        owner: input.owner,
        due_on: input.dueOn,
        status: "open",
        created_at: now(),
      })
      .execute();
    await bumpVersion(trx, input.workshopId);
  });
  publish({ workshopId: input.workshopId, kind: "record" });
  return id;
}

export async function removeWorkshopAction(db: Db, input: Scope & { actionId: string }) {
  const workshop = await ownedWorkshop(db, input);
  if (!workshop) return false;
  const removed = await inTransaction(db, async (trx) => {
    const result = await trx
      .deleteFrom("workshop_actions")
      .where("id", "=", input.actionId)
      .where("workshop_id", "=", input.workshopId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) > 0) await bumpVersion(trx, input.workshopId);
    return Number(result.numDeletedRows) > 0;
  });
  if (removed) publish({ workshopId: input.workshopId, kind: "record" });
  return removed;
}

// ---------------------------------------------------------------------------------------------
// The participants' operations (no account: a random token in a cookie, stored as a hash).

/** The session a join code opens: the active one, else the latest that used it (so late arrivals learn it has ended). */
export async function findWorkshopByCode(db: Db, joinCode: string) {
  const active = await db
    .selectFrom("workshops")
    .selectAll()
    .where("join_code", "=", joinCode)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (active) return active;
  return db
    .selectFrom("workshops")
    .selectAll()
    .where("join_code", "=", joinCode)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function joinWorkshop(db: Db, input: { workshopId: string; level: string; agencyType: string }) {
  const token = randomToken();
  const id = newId();
  const at = now();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("workshop_participants")
      .values({
        id,
        workshop_id: input.workshopId,
        token_hash: sha256(token),
        level: input.level,
        agency_type: input.agencyType,
        joined_at: at,
        last_seen_at: at,
      })
      .execute();
    await bumpVersion(trx, input.workshopId);
  });
  publish({ workshopId: input.workshopId, kind: "join", participantId: id });
  return { participantId: id, token };
}

export function findParticipant(db: Db, input: { workshopId: string; token: string }) {
  return db
    .selectFrom("workshop_participants")
    .select(["id", "level", "agency_type"])
    .where("token_hash", "=", sha256(input.token))
    .where("workshop_id", "=", input.workshopId)
    .executeTakeFirst();
}

export type VoteOutcome =
  | { status: "saved" }
  | { status: "not_found" }
  | { status: "ended" }
  | { status: "not_in_session" }
  | { status: "closed"; current: ComponentKey | null };

/**
 * Records (or replaces) a participant's rating of a component. Taken only while the session is
 * active, the component is the current one and voting on it is open; the check and the write
 * are one conditional update, so a vote racing the facilitator's "Close voting" cannot slip in.
 */
export async function castVote(
  db: Db,
  input: { workshopId: string; participantId: string; component: ComponentKey; rating: WorkshopRating },
): Promise<VoteOutcome> {
  const outcome = await inTransaction(db, async (trx): Promise<VoteOutcome> => {
    const workshop = await trx
      .selectFrom("workshops")
      .select(["status", "components", "current_index"])
      .where("id", "=", input.workshopId)
      .executeTakeFirst();
    if (!workshop) return { status: "not_found" };
    if (workshop.status !== "active") return { status: "ended" };
    const components = workshopComponents(workshop);
    const index = components.indexOf(input.component);
    if (index < 0) return { status: "not_in_session" };
    const taken = await trx
      .updateTable("workshops")
      .set((eb) => ({ version: eb("version", "+", 1) }))
      .where("id", "=", input.workshopId)
      .where("status", "=", "active")
      .where("voting_open", "=", 1)
      .where("revealed", "=", 0)
      .where("current_index", "=", index)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0)
      return { status: "closed", current: components[workshop.current_index] ?? null };
    const at = now();
    await trx
      .insertInto("workshop_votes")
      .values({
        workshop_id: input.workshopId,
        component: input.component,
        participant_id: input.participantId,
        rating: input.rating,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(["workshop_id", "component", "participant_id"])
          .doUpdateSet({ rating: input.rating, updated_at: at }),
      )
      .execute();
    await trx
      .updateTable("workshop_participants")
      .set({ last_seen_at: at })
      .where("id", "=", input.participantId)
      .execute();
    return { status: "saved" };
  });
  if (outcome.status === "saved")
    publish({ workshopId: input.workshopId, kind: "vote", participantId: input.participantId });
  return outcome;
}

export function touchParticipant(db: Db, participantId: string) {
  return db.updateTable("workshop_participants").set({ last_seen_at: now() }).where("id", "=", participantId).execute();
}

// ---------------------------------------------------------------------------------------------
// State for the projector, the phones and the summary.

export async function workshopVersion(db: Db, workshopId: string): Promise<number | null> {
  const row = await db.selectFrom("workshops").select("version").where("id", "=", workshopId).executeTakeFirst();
  return row ? Number(row.version) : null;
}

async function latestConsensus(db: Db, workshopId: string) {
  const rows = await db
    .selectFrom("workshop_consensus")
    .select(["component", "score", "notes", "recorded_at"])
    .where("workshop_id", "=", workshopId)
    .orderBy("recorded_at", "desc")
    .orderBy("id")
    .execute();
  const latest = new Map<string, { score: number; notes: string; recordedAt: string }>();
  for (const r of rows)
    if (!latest.has(r.component))
      latest.set(r.component, { score: Number(r.score), notes: r.notes, recordedAt: r.recorded_at });
  return latest;
}

function listActions(db: Db, workshopId: string) {
  return db
    .selectFrom("workshop_actions")
    .select(["id", "component", "description", "owner", "due_on", "status"])
    .where("workshop_id", "=", workshopId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

async function votesOf(db: Db, workshopId: string, component?: string) {
  let query = db
    .selectFrom("workshop_votes")
    .innerJoin("workshop_participants", "workshop_participants.id", "workshop_votes.participant_id")
    .select([
      "workshop_votes.component",
      "workshop_votes.rating",
      "workshop_participants.level",
      "workshop_participants.agency_type",
    ])
    .where("workshop_votes.workshop_id", "=", workshopId);
  if (component) query = query.where("workshop_votes.component", "=", component);
  const rows = await query.execute();
  return rows.map((r) => ({
    component: r.component,
    rating: Number(r.rating),
    level: r.level,
    agencyType: r.agency_type,
  }));
}

async function countParticipants(db: Db, workshopId: string) {
  const row = await db
    .selectFrom("workshop_participants")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("workshop_id", "=", workshopId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface ProjectorState {
  version: number;
  status: "active" | "ended";
  position: number;
  total: number;
  participants: number;
  threshold: number;
  components: { key: ComponentKey; consensus: number | null }[];
  current: {
    key: ComponentKey;
    votingOpen: boolean;
    revealed: boolean;
    votes: number;
    /** Present only once the facilitator reveals: never sent to a browser before that. */
    ratings: ComponentRatings | null;
    consensus: { score: number; notes: string; recordedAt: string } | null;
    actions: { id: string; description: string; owner: string; dueOn: string | null }[];
  } | null;
}

/** Everything the projector shows, built from the database alone. */
export async function loadProjectorState(db: Db, workshopId: string): Promise<ProjectorState | null> {
  const workshop = await db
    .selectFrom("workshops")
    .innerJoin("rounds", "rounds.id", "workshops.round_id")
    .selectAll("workshops")
    .select("rounds.suppression_threshold")
    .where("workshops.id", "=", workshopId)
    .executeTakeFirst();
  if (!workshop) return null;
  const components = workshopComponents(workshop);
  const key = components[workshop.current_index] ?? null;
  const [participants, consensus, actions, votes] = await Promise.all([
    countParticipants(db, workshopId),
    latestConsensus(db, workshopId),
    listActions(db, workshopId),
    key ? votesOf(db, workshopId, key) : Promise.resolve([]),
  ]);
  // Revealed only after voting closed (setRevealed), and re-opening hides them: checked again here.
  const revealed = workshop.revealed === 1 && workshop.voting_open === 0;
  const threshold = Number(workshop.suppression_threshold);
  return {
    version: Number(workshop.version),
    status: workshop.status,
    position: workshop.current_index,
    total: components.length,
    participants,
    threshold,
    components: components.map((c) => ({ key: c, consensus: consensus.get(c)?.score ?? null })),
    current: key
      ? {
          key,
          votingOpen: workshop.voting_open === 1 && workshop.status === "active",
          revealed,
          votes: votes.length,
          ratings: revealed ? summariseRatings(votes, threshold) : null,
          consensus: consensus.get(key) ?? null,
          actions: actions
            .filter((a) => a.component === key)
            .map((a) => ({ id: a.id, description: a.description, owner: a.owner, dueOn: a.due_on })),
        }
      : null,
  };
}

export interface ParticipantState {
  /** The workshop's version when this was read: lets a phone ignore an older copy. */
  version: number;
  status: "active" | "ended";
  name: string;
  position: number;
  total: number;
  current: { key: ComponentKey; votingOpen: boolean; revealed: boolean; myVote: number | null } | null;
}

/** What one phone shows: the current component, whether voting is open, and its own vote. Never anyone else's rating. */
export async function loadParticipantState(
  db: Db,
  input: { workshopId: string; participantId: string },
): Promise<ParticipantState | null> {
  const workshop = await db.selectFrom("workshops").selectAll().where("id", "=", input.workshopId).executeTakeFirst();
  if (!workshop) return null;
  const components = workshopComponents(workshop);
  const key = components[workshop.current_index] ?? null;
  const vote = key
    ? await db
        .selectFrom("workshop_votes")
        .select("rating")
        .where("workshop_id", "=", input.workshopId)
        .where("component", "=", key)
        .where("participant_id", "=", input.participantId)
        .executeTakeFirst()
    : undefined;
  return {
    version: Number(workshop.version),
    status: workshop.status,
    name: workshop.name,
    position: workshop.current_index,
    total: components.length,
    current: key
      ? {
          key,
          votingOpen: workshop.voting_open === 1 && workshop.status === "active",
          revealed: workshop.revealed === 1,
          myVote: vote ? Number(vote.rating) : null,
        }
      : null,
  };
}

/** What was rated, the spread (suppressed below the round's threshold), the consensus, notes and actions. */
export async function loadWorkshopSummary(
  db: Db,
  input: { partnershipId: string; roundId: string; workshopId: string },
): Promise<WorkshopSummary | null> {
  const row = await db
    .selectFrom("workshops")
    .innerJoin("rounds", "rounds.id", "workshops.round_id")
    .innerJoin("partnerships", "partnerships.id", "workshops.partnership_id")
    .selectAll("workshops")
    .select(["rounds.name as round_name", "rounds.suppression_threshold", "partnerships.name as partnership_name"])
    .where("workshops.id", "=", input.workshopId)
    .where("workshops.partnership_id", "=", input.partnershipId)
    .where("workshops.round_id", "=", input.roundId)
    .executeTakeFirst();
  if (!row) return null;
  const threshold = Number(row.suppression_threshold);
  const [participants, consensus, actions, votes] = await Promise.all([
    countParticipants(db, row.id),
    latestConsensus(db, row.id),
    listActions(db, row.id),
    votesOf(db, row.id),
  ]);
  return {
    workshop: {
      id: row.id,
      name: row.name,
      status: row.status,
      createdAt: row.created_at,
      endedAt: row.ended_at,
      participants,
    },
    round: { id: row.round_id, name: row.round_name, threshold },
    partnership: { id: row.partnership_id, name: row.partnership_name },
    components: workshopComponents(row).map((key, i) => {
      const agreed = consensus.get(key);
      const rated = votes.filter((v) => v.component === key);
      // The vote under way is not published until it closes, here as on the projector.
      const voting = row.status === "active" && row.voting_open === 1 && i === row.current_index;
      return {
        position: i + 1,
        key,
        name: componentOf(key).name,
        ratings: voting ? votingOpenRatings(rated.length) : summariseRatings(rated, threshold),
        consensus: agreed ? { ...agreed, score100: consensusTo100(agreed.score) } : null,
        actions: actions
          .filter((a) => a.component === key)
          .map((a) => ({ description: a.description, owner: a.owner, dueOn: a.due_on, status: a.status })),
      };
    }),
  };
}

export interface RoundConsensus {
  component: ComponentKey;
  /** The latest consensus score agreed in any of the round's workshops, 0-5. */
  score: number;
  /** The same on the 0-100 scale of the survey scores (score × 20), to set beside them. */
  score100: number;
  notes: string;
  recordedAt: string;
  workshopId: string;
  workshopName: string;
}

/**
 * The round's consensus per component: the latest score recorded in any of its workshops, in
 * framework order; components never discussed are absent. For the results report, to show
 * beside the survey score with the difference. The caller has already authorised the round.
 */
export async function consensusForRound(
  db: Db,
  roundId: string,
  options: { endedOnly?: boolean } = {},
): Promise<RoundConsensus[]> {
  let query = db
    .selectFrom("workshop_consensus")
    .innerJoin("workshops", "workshops.id", "workshop_consensus.workshop_id")
    .select([
      "workshop_consensus.component",
      "workshop_consensus.score",
      "workshop_consensus.notes",
      "workshop_consensus.recorded_at",
      "workshops.id as workshop_id",
      "workshops.name as workshop_name",
    ])
    .where("workshops.round_id", "=", roundId)
    .orderBy("workshop_consensus.recorded_at", "desc")
    .orderBy("workshop_consensus.id");
  if (options.endedOnly) query = query.where("workshops.status", "=", "ended");
  const rows = await query.execute();
  const latest = new Map<string, RoundConsensus>();
  for (const r of rows) {
    if (latest.has(r.component)) continue;
    const score = Number(r.score);
    latest.set(r.component, {
      component: r.component as ComponentKey,
      score,
      score100: consensusTo100(score),
      notes: r.notes,
      recordedAt: r.recorded_at,
      workshopId: r.workshop_id,
      workshopName: r.workshop_name,
    });
  }
  return COMPONENTS.flatMap((c) => (latest.has(c.key) ? [latest.get(c.key)!] : []));
}
