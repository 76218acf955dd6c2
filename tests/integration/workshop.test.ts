import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../app/models/demo.server";
import {
  addWorkshopAction,
  castVote,
  consensusForRound,
  createWorkshop,
  endWorkshop,
  findParticipant,
  findWorkshopByCode,
  joinWorkshop,
  listWorkshops,
  loadParticipantState,
  loadProjectorState,
  loadWorkshopSummary,
  moveToComponent,
  onWorkshopChange,
  recordConsensus,
  removeWorkshopAction,
  setRevealed,
  setVoting,
  workshopVersion,
  type WorkshopChange,
} from "../../app/models/workshop.server";
import { JOIN_CODE_PATTERN } from "../../app/domain/workshop";
import { findDisclosure } from "../../app/domain/suppression";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

describe.each(DIALECTS)("workshops on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  async function makeWorkshop(components: ("vision" | "roles" | "culture")[] = ["roles", "vision"]) {
    const { partnershipId } = await seedDemo(t.db);
    const round = await t.db
      .selectFrom("rounds")
      .selectAll()
      .where("partnership_id", "=", partnershipId)
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    const created = await createWorkshop(t.db, {
      partnershipId,
      roundId: round.id,
      name: "Board away day",
      components,
      createdBy: null,
    });
    return { partnershipId, round, ...created, scope: { partnershipId, workshopId: created.id } };
  }

  async function makeParticipants(workshopId: string, n: number, level = "team", agencyType = "health") {
    const out = [];
    for (let i = 0; i < n; i++) out.push(await joinWorkshop(t.db, { workshopId, level, agencyType }));
    return out;
  }

  it("creates a session with a fresh code, in the chosen order, listed on its round", async () => {
    const w = await makeWorkshop(["roles", "vision"]);
    expect(w.joinCode).toMatch(JOIN_CODE_PATTERN);
    const listed = await listWorkshops(t.db, { partnershipId: w.partnershipId, roundId: w.round.id });
    expect(listed.map((l) => [l.id, l.status])).toEqual([[w.id, "active"]]);
    const found = await findWorkshopByCode(t.db, w.joinCode);
    expect(found?.id).toBe(w.id);
    const state = await loadProjectorState(t.db, w.id);
    expect(state).toMatchObject({ status: "active", position: 0, total: 2, participants: 0, threshold: 5 });
    expect(state?.current).toMatchObject({ key: "roles", votingOpen: false, revealed: false, votes: 0, ratings: null });
    expect(await listWorkshops(t.db, { partnershipId: "another", roundId: w.round.id })).toEqual([]);
  });

  it("keeps join codes unique among active sessions only", async () => {
    const w = await makeWorkshop();
    // Forge a second active session with the same code: the partial unique index refuses it.
    await expect(
      t.db
        .insertInto("workshops")
        .values({
          id: "dup",
          round_id: w.round.id,
          partnership_id: w.partnershipId,
          name: "x",
          join_code: w.joinCode,
          components: "[]",
          status: "active",
          created_by: null,
          created_at: new Date().toISOString(),
          ended_at: null,
        })
        .execute(),
    ).rejects.toThrow();
    await endWorkshop(t.db, w.scope);
    await t.db
      .insertInto("workshops")
      .values({
        id: "reuse",
        round_id: w.round.id,
        partnership_id: w.partnershipId,
        name: "x",
        join_code: w.joinCode,
        components: "[]",
        status: "active",
        created_by: null,
        created_at: new Date(Date.now() + 1000).toISOString(),
        ended_at: null,
      })
      .execute();
    expect((await findWorkshopByCode(t.db, w.joinCode))?.id).toBe("reuse");
  });

  it("identifies a participant by a token whose hash alone is stored", async () => {
    const w = await makeWorkshop();
    const [p] = await makeParticipants(w.id, 1);
    const row = await t.db.selectFrom("workshop_participants").selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).not.toBe(p!.token);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await findParticipant(t.db, { workshopId: w.id, token: p!.token }))?.id).toBe(p!.participantId);
    expect(await findParticipant(t.db, { workshopId: w.id, token: "wrong" })).toBeUndefined();
    expect(await findParticipant(t.db, { workshopId: "other", token: p!.token })).toBeUndefined();
  });

  it("takes votes only while voting on the current component is open, and a new vote replaces the old", async () => {
    const w = await makeWorkshop(["roles", "vision"]);
    const [p] = await makeParticipants(w.id, 1);
    const vote = (component: "roles" | "vision" | "culture", rating: 0 | 1 | 2 | 3 | 4 | 5) =>
      castVote(t.db, { workshopId: w.id, participantId: p!.participantId, component, rating });

    expect(await vote("roles", 3)).toEqual({ status: "closed", current: "roles" });
    await setVoting(t.db, { ...w.scope, open: true });
    expect(await vote("roles", 3)).toEqual({ status: "saved" });
    expect(await vote("roles", 4)).toEqual({ status: "saved" });
    expect(await vote("vision", 2)).toEqual({ status: "closed", current: "roles" });
    expect(await vote("culture", 2)).toEqual({ status: "not_in_session" });
    const votes = await t.db.selectFrom("workshop_votes").selectAll().execute();
    expect(votes.map((v) => [v.component, Number(v.rating)])).toEqual([["roles", 4]]);
    expect((await loadParticipantState(t.db, { workshopId: w.id, participantId: p!.participantId }))?.current).toEqual({
      key: "roles",
      votingOpen: true,
      revealed: false,
      myVote: 4,
    });

    await setVoting(t.db, { ...w.scope, open: false });
    expect((await vote("roles", 1)).status).toBe("closed");
    // Moving on closes voting and hides the results of the next component.
    await setRevealed(t.db, { ...w.scope, revealed: true });
    expect(await moveToComponent(t.db, { ...w.scope, index: 1 })).toBe(true);
    expect((await loadProjectorState(t.db, w.id))?.current).toMatchObject({
      key: "vision",
      votingOpen: false,
      revealed: false,
    });
    expect(await moveToComponent(t.db, { ...w.scope, index: 2 })).toBe(false);
    expect(await moveToComponent(t.db, { ...w.scope, index: -1 })).toBe(false);

    await endWorkshop(t.db, w.scope);
    expect((await vote("vision", 2)).status).toBe("ended");
    expect(await setVoting(t.db, { ...w.scope, open: true })).toBe(false);
  });

  it("keeps ratings out of the projector's state until voting closes and they are revealed, then suppresses small groups", async () => {
    const w = await makeWorkshop(["roles"]);
    await setVoting(t.db, { ...w.scope, open: true });
    const team = await makeParticipants(w.id, 5, "team", "health");
    const national = await makeParticipants(w.id, 2, "national", "police");
    for (const [i, p] of team.entries())
      await castVote(t.db, {
        workshopId: w.id,
        participantId: p.participantId,
        component: "roles",
        rating: ([4, 4, 5, 3, 4] as const)[i]!,
      });
    for (const p of national)
      await castVote(t.db, { workshopId: w.id, participantId: p.participantId, component: "roles", rating: 1 });

    const hidden = await loadProjectorState(t.db, w.id);
    expect(hidden?.participants).toBe(7);
    expect(hidden?.current).toMatchObject({ votes: 7, ratings: null });
    expect(JSON.stringify(hidden)).not.toContain("distribution");

    // Not while voting is open: the spread would move as each person votes.
    expect(await setRevealed(t.db, { ...w.scope, revealed: true })).toBe("voting_open");
    expect((await loadProjectorState(t.db, w.id))?.current).toMatchObject({ revealed: false, ratings: null });

    await setVoting(t.db, { ...w.scope, open: false });
    expect(await setRevealed(t.db, { ...w.scope, revealed: true })).toBe("changed");
    const state = (await loadProjectorState(t.db, w.id))!;
    const shown = state.current!.ratings!;
    expect(shown.spread).toMatchObject({ n: 7, distribution: [0, 2, 0, 1, 3, 1], median: 4 });
    // Team (5) reaches the threshold but the rest of the room (2) does not: no group is shown,
    // and how many were left out is said nowhere.
    expect(shown.byLevel).toEqual({ shown: [], differs: null });
    expect(shown.byAgencyType).toEqual({ shown: [], differs: null });
    expect(JSON.stringify(state)).not.toMatch(/hidden/i);
  });

  it("freezes a revealed spread: late votes are refused, and re-opening starts a new vote", async () => {
    const w = await makeWorkshop(["roles"]);
    const people = await makeParticipants(w.id, 6);
    const vote = (i: number, rating: 0 | 1 | 2 | 3 | 4 | 5) =>
      castVote(t.db, { workshopId: w.id, participantId: people[i]!.participantId, component: "roles", rating });
    await setVoting(t.db, { ...w.scope, open: true });
    for (let i = 0; i < 5; i++) await vote(i, 3);
    await setVoting(t.db, { ...w.scope, open: false });
    await setRevealed(t.db, { ...w.scope, revealed: true });
    const before = (await loadProjectorState(t.db, w.id))!.current!.ratings;
    expect(before?.spread).toMatchObject({ n: 5, distribution: [0, 0, 0, 5, 0, 0] });

    expect(await vote(5, 0)).toEqual({ status: "closed", current: "roles" });
    expect((await loadProjectorState(t.db, w.id))!.current!.ratings).toEqual(before);

    // Re-opening hides the spread and clears the ratings: the next spread is of the new vote alone.
    await setVoting(t.db, { ...w.scope, open: true });
    const reopened = (await loadProjectorState(t.db, w.id))!.current!;
    expect(reopened).toMatchObject({ votingOpen: true, revealed: false, votes: 0, ratings: null });
    expect(
      (await loadParticipantState(t.db, { workshopId: w.id, participantId: people[0]!.participantId }))?.current
        ?.myVote,
    ).toBeNull();
    // While it is open the summary (and so the exports) does not show it either.
    for (let i = 0; i < 6; i++) await vote(i, 2);
    const summary = await loadWorkshopSummary(t.db, {
      partnershipId: w.partnershipId,
      roundId: w.round.id,
      workshopId: w.id,
    });
    expect(summary?.components[0]?.ratings).toEqual({ spread: "voting_open", n: 6, byLevel: null, byAgencyType: null });
    await setVoting(t.db, { ...w.scope, open: false });
    await setRevealed(t.db, { ...w.scope, revealed: true });
    expect((await loadProjectorState(t.db, w.id))!.current!.ratings?.spread).toMatchObject({
      n: 6,
      distribution: [0, 0, 6, 0, 0, 0],
    });
  });

  it("gives an observer nothing to subtract: one vote shows one frozen spread, with no small group or remainder", async () => {
    // The reproduction of issue 13: ten team members rate, the one national participant rates
    // last, and a facilitator reads the projector and the summary after every step, trying to
    // reveal at each. Two spreads of the same vote a few people apart give those people's
    // ratings; so would a group shown beside a small remainder.
    const w = await makeWorkshop(["roles"]);
    const threshold = w.round.suppression_threshold;
    const team = await makeParticipants(w.id, 10, "team", "health");
    const [lone] = await makeParticipants(w.id, 1, "national", "police");
    const levels = [...team.map(() => "team"), "national"];
    const agencies = [...team.map(() => "health"), "police"];
    const seen: { vote: number; distribution: number[]; groups: { key: string; members: number[] }[] }[] = [];
    const observe = async (vote: number) => {
      await setRevealed(t.db, { ...w.scope, revealed: true });
      const state = await loadProjectorState(t.db, w.id);
      const summary = await loadWorkshopSummary(t.db, {
        partnershipId: w.partnershipId,
        roundId: w.round.id,
        workshopId: w.id,
      });
      expect(JSON.stringify([state, summary])).not.toMatch(/hidden/i);
      for (const ratings of [state?.current?.ratings, summary?.components[0]?.ratings]) {
        if (!ratings || typeof ratings.spread !== "object" || ratings.spread === null) continue;
        const groups = [
          ...(ratings.byLevel?.shown ?? []).map((g) => ({
            key: `level:${g.group}`,
            members: levels.flatMap((l, i) => (l === g.group ? [i] : [])),
          })),
          ...(ratings.byAgencyType?.shown ?? []).map((g) => ({
            key: `agency:${g.group}`,
            members: agencies.flatMap((a, i) => (a === g.group ? [i] : [])),
          })),
        ];
        seen.push({ vote, distribution: [...ratings.spread.distribution], groups });
      }
    };
    await setVoting(t.db, { ...w.scope, open: true });
    for (const [i, p] of team.entries()) {
      await castVote(t.db, {
        workshopId: w.id,
        participantId: p.participantId,
        component: "roles",
        rating: ((i % 3) + 2) as 2 | 3 | 4,
      });
    }
    await observe(1);
    await castVote(t.db, { workshopId: w.id, participantId: lone!.participantId, component: "roles", rating: 0 });
    await observe(1);
    await setVoting(t.db, { ...w.scope, open: false });
    await observe(1);
    // A vote arriving after the close, then a re-opened vote with the same people.
    await castVote(t.db, { workshopId: w.id, participantId: lone!.participantId, component: "roles", rating: 5 });
    await observe(1);
    await setVoting(t.db, { ...w.scope, open: true });
    await observe(2);
    for (const [i, p] of team.entries()) {
      await castVote(t.db, {
        workshopId: w.id,
        participantId: p.participantId,
        component: "roles",
        rating: ((i % 3) + 2) as 2 | 3 | 4,
      });
    }
    await setVoting(t.db, { ...w.scope, open: false });
    await observe(2);

    expect(seen.length).toBeGreaterThan(0);
    for (const a of seen) {
      // Within one look: no group or remainder of 1..threshold-1 people.
      // (The voters are the first n participants: the second vote is the ten team members alone.)
      const voters = a.distribution.reduce((x, y) => x + y, 0);
      expect(findDisclosure(voters, a.groups, threshold)).toBeNull();
      // Every look at the same vote shows the same spread: it cannot be read before and after someone votes.
      for (const b of seen) if (b.vote === a.vote) expect(b.distribution).toEqual(a.distribution);
    }
  });

  it("bumps the version on every change and tells this process's listeners", async () => {
    const w = await makeWorkshop();
    const seen: WorkshopChange[] = [];
    const stop = onWorkshopChange(w.id, (c) => seen.push(c));
    const v0 = await workshopVersion(t.db, w.id);
    const [p] = await makeParticipants(w.id, 1);
    await setVoting(t.db, { ...w.scope, open: true });
    await castVote(t.db, { workshopId: w.id, participantId: p!.participantId, component: "roles", rating: 2 });
    await recordConsensus(t.db, { ...w.scope, component: "roles", score: 2, notes: "", recordedBy: null });
    stop();
    await setVoting(t.db, { ...w.scope, open: false });
    expect(await workshopVersion(t.db, w.id)).toBe(v0! + 5);
    expect(seen.map((c) => c.kind)).toEqual(["join", "control", "vote", "record"]);
    expect(seen[2]?.participantId).toBe(p!.participantId);
  });

  it("scopes the facilitator's changes by partnership", async () => {
    const w = await makeWorkshop();
    const other = { partnershipId: "someone-else", workshopId: w.id };
    expect(await setVoting(t.db, { ...other, open: true })).toBe(false);
    expect(await moveToComponent(t.db, { ...other, index: 1 })).toBe(false);
    expect(await recordConsensus(t.db, { ...other, component: "roles", score: 3, notes: "", recordedBy: null })).toBe(
      false,
    );
    expect(
      await addWorkshopAction(t.db, { ...other, component: "roles", description: "x", owner: "y", dueOn: null }),
    ).toBeNull();
    expect(
      await loadWorkshopSummary(t.db, { partnershipId: "someone-else", roundId: w.round.id, workshopId: w.id }),
    ).toBeNull();
    expect((await loadProjectorState(t.db, w.id))?.current?.votingOpen).toBe(false);
  });

  it("records consensus and actions; the round's consensus is the latest score per component", async () => {
    const w = await makeWorkshop(["roles", "vision"]);
    await recordConsensus(t.db, { ...w.scope, component: "roles", score: 2, notes: "First go", recordedBy: null });
    await new Promise((r) => setTimeout(r, 5));
    await recordConsensus(t.db, {
      ...w.scope,
      component: "roles",
      score: 3,
      notes: "After discussion",
      recordedBy: null,
    });
    expect(
      await recordConsensus(t.db, { ...w.scope, component: "culture", score: 3, notes: "", recordedBy: null }),
    ).toBe(false);
    const actionId = await addWorkshopAction(t.db, {
      ...w.scope,
      component: "roles",
      description: "Map each agency's duties",
      owner: "Head of service",
      dueOn: "2027-06-30",
    });
    const spare = await addWorkshopAction(t.db, {
      ...w.scope,
      component: "roles",
      description: "Spare",
      owner: "x",
      dueOn: null,
    });
    expect(await removeWorkshopAction(t.db, { ...w.scope, actionId: spare! })).toBe(true);

    // A later workshop in the same round agrees a new score for vision.
    await new Promise((r) => setTimeout(r, 5));
    const later = await createWorkshop(t.db, {
      partnershipId: w.partnershipId,
      roundId: w.round.id,
      name: "Follow-up",
      components: ["vision"],
      createdBy: null,
    });
    await recordConsensus(t.db, {
      partnershipId: w.partnershipId,
      workshopId: later.id,
      component: "vision",
      score: 4,
      notes: "",
      recordedBy: null,
    });

    const consensus = await consensusForRound(t.db, w.round.id);
    expect(consensus.map((c) => [c.component, c.score, c.score100, c.workshopName])).toEqual([
      ["vision", 4, 80, "Follow-up"],
      ["roles", 3, 60, "Board away day"],
    ]);
    expect(await consensusForRound(t.db, "no-such-round")).toEqual([]);

    const summary = await loadWorkshopSummary(t.db, {
      partnershipId: w.partnershipId,
      roundId: w.round.id,
      workshopId: w.id,
    });
    expect(summary?.components.map((c) => c.key)).toEqual(["roles", "vision"]);
    expect(summary?.components[0]).toMatchObject({
      position: 1,
      consensus: { score: 3, score100: 60, notes: "After discussion" },
      actions: [
        { description: "Map each agency's duties", owner: "Head of service", dueOn: "2027-06-30", status: "open" },
      ],
      ratings: { spread: null, n: 0 },
    });
    expect(actionId).toBeTruthy();

    // Viewers see a workshop's consensus only once it has ended (as its summary): the active
    // follow-up is hidden from them until the facilitator ends it.
    const forViewers = async () =>
      (await consensusForRound(t.db, w.round.id, { endedOnly: true })).map((c) => c.workshopName);
    expect(await forViewers()).not.toContain("Follow-up");
    await endWorkshop(t.db, { partnershipId: w.partnershipId, workshopId: later.id });
    expect(await forViewers()).toContain("Follow-up");
  });

  it("summarises with the spread suppressed below the round's threshold", async () => {
    const w = await makeWorkshop(["roles", "vision"]);
    const people = await makeParticipants(w.id, 5);
    await setVoting(t.db, { ...w.scope, open: true });
    for (const p of people)
      await castVote(t.db, { workshopId: w.id, participantId: p.participantId, component: "roles", rating: 3 });
    await moveToComponent(t.db, { ...w.scope, index: 1 });
    await setVoting(t.db, { ...w.scope, open: true });
    for (const p of people.slice(0, 2))
      await castVote(t.db, { workshopId: w.id, participantId: p.participantId, component: "vision", rating: 1 });
    await endWorkshop(t.db, w.scope);
    const summary = (await loadWorkshopSummary(t.db, {
      partnershipId: w.partnershipId,
      roundId: w.round.id,
      workshopId: w.id,
    }))!;
    expect(summary.workshop).toMatchObject({ status: "ended", participants: 5 });
    expect(summary.workshop.endedAt).toBeTruthy();
    expect(summary.components[0]!.ratings.spread).toMatchObject({ n: 5, median: 3 });
    expect(summary.components[1]!.ratings).toEqual({ spread: "suppressed", n: 2, byLevel: null, byAgencyType: null });
  });

  it("takes 60 votes at once, each exactly once", async () => {
    const w = await makeWorkshop(["roles"]);
    await setVoting(t.db, { ...w.scope, open: true });
    const people = await makeParticipants(w.id, 60);
    const outcomes = await Promise.all(
      people.map((p, i) =>
        castVote(t.db, {
          workshopId: w.id,
          participantId: p.participantId,
          component: "roles",
          rating: (i % 6) as 0 | 1 | 2 | 3 | 4 | 5,
        }),
      ),
    );
    expect(outcomes.every((o) => o.status === "saved")).toBe(true);
    const state = await loadProjectorState(t.db, w.id);
    expect(state?.current?.votes).toBe(60);
  });
});
