import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../app/models/demo.server";
import { listAgencies } from "../../app/models/partnership.server";
import {
  createRound,
  listInvitations,
  responseCounts,
  roundAcceptsAnswers,
  setRoundStatus,
} from "../../app/models/round.server";
import { loadSubmittedResponses } from "../../app/models/results.server";
import { findInvitation, findResponseByResumeToken, loadAnswers, saveResponse } from "../../app/models/response.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

describe.each(DIALECTS)("database layer on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("seeds one demo partnership with an open round, and seeding again changes nothing", async () => {
    const first = await seedDemo(t.db);
    const second = await seedDemo(t.db);
    expect(first.created).toBe(true);
    expect(second).toEqual({ created: false, partnershipId: first.partnershipId });
    const partnerships = await t.db.selectFrom("partnerships").selectAll().execute();
    expect(partnerships).toHaveLength(1);
    const rounds = await t.db.selectFrom("rounds").selectAll().execute();
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.status).toBe("open");
    expect(roundAcceptsAnswers(rounds[0]!).ok).toBe(true);
    expect(await listAgencies(t.db, first.partnershipId)).toHaveLength(6);
    const invitations = await listInvitations(t.db, rounds[0]!.id);
    expect(invitations.map((i) => i.kind).sort()).toEqual(["family", "professional"]);
    // 256-bit tokens, base64url: 43 characters.
    for (const invitation of invitations) expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  async function demoInvitation() {
    const { partnershipId } = await seedDemo(t.db);
    const round = await t.db
      .selectFrom("rounds")
      .selectAll()
      .where("partnership_id", "=", partnershipId)
      .executeTakeFirstOrThrow();
    const invitation = (await listInvitations(t.db, round.id)).find((i) => i.kind === "professional")!;
    return { round, invitation };
  }

  it("saves answers as they go, keeps raw values and types, and resumes from the token", async () => {
    const { invitation, round } = await demoInvitation();
    const first = await saveResponse(t.db, {
      invitation,
      existing: null,
      answers: {
        respondent_level: "team",
        respondent_agency_type: "health",
        vision__x: 4,
        relationships__y: "dont_know",
      },
      currentPage: 1,
      submit: false,
    });
    expect(first.status).toBe("saved");
    if (first.status !== "saved") return;
    expect(first.resumeToken).toBeTruthy();
    const found = await findResponseByResumeToken(t.db, first.resumeToken!);
    expect(found?.id).toBe(first.response.id);
    expect(found).toMatchObject({
      round_id: round.id,
      respondent_level: "team",
      agency_type: "health",
      status: "in_progress",
      current_page: 1,
    });
    // The token itself is never stored: only its hash.
    expect(found?.resume_hash).not.toBe(first.resumeToken);

    // A later save holds the full current set: a changed answer is updated, a cleared one removed.
    await saveResponse(t.db, {
      invitation,
      existing: found!,
      answers: { respondent_level: "team", respondent_agency_type: "health", vision__x: 5 },
      currentPage: 2,
      submit: false,
    });
    expect(await loadAnswers(t.db, first.response.id)).toEqual({
      respondent_level: "team",
      respondent_agency_type: "health",
      vision__x: 5,
    });
    const numeric = await t.db
      .selectFrom("answers")
      .select(["item_key", "numeric"])
      .where("response_id", "=", first.response.id)
      .where("item_key", "=", "vision__x")
      .executeTakeFirstOrThrow();
    expect(numeric.numeric).toBe(5);
  });

  it("stores one response when a submission is repeated, and refuses changes after submission", async () => {
    const { invitation, round } = await demoInvitation();
    const answers = { respondent_level: "organisation", respondent_agency_type: "education", vision__x: 3 };
    const saved = await saveResponse(t.db, { invitation, existing: null, answers, currentPage: 0, submit: true });
    if (saved.status !== "saved") throw new Error("expected a save");
    const again = await saveResponse(t.db, {
      invitation,
      existing: saved.response,
      answers: { ...answers, vision__x: 1 },
      currentPage: 0,
      submit: true,
    });
    expect(again.status).toBe("already_submitted");
    const rows = await t.db.selectFrom("responses").selectAll().where("round_id", "=", round.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("submitted");
    expect(await loadAnswers(t.db, rows[0]!.id)).toEqual(answers);
    const counts = await responseCounts(t.db, round.id);
    expect(counts).toEqual([
      {
        kind: "professional",
        status: "submitted",
        respondent_level: "organisation",
        agency_type: "education",
        family_group: null,
        entry_mode: null,
        n: 1,
      },
    ]);
  });

  it("loads submitted responses with every answer exactly as saved", async () => {
    const { invitation, round } = await demoInvitation();
    const sets: Record<string, string | number>[] = [
      {
        respondent_level: "team",
        respondent_agency_type: "health",
        vision__x: 4,
        marker_s1_a: "yes",
        comments: 'Quote " and comma, and \\ backslash\nnew line',
      },
      { respondent_level: "national", respondent_agency_type: "police", vision__x: "dont_know", target_stage: 0 },
    ];
    for (const answers of sets)
      await saveResponse(t.db, { invitation, existing: null, answers, currentPage: 0, submit: true });
    await saveResponse(t.db, { invitation, existing: null, answers: { vision__x: 1 }, currentPage: 0, submit: false });
    const loaded = await loadSubmittedResponses(t.db, { roundId: round.id, form: "full" });
    expect(loaded).toHaveLength(2);
    expect(
      loaded.map((r) => r.answers).sort((a, b) => String(a.respondent_level).localeCompare(String(b.respondent_level))),
    ).toEqual([sets[1], sets[0]]);
    expect(loaded.find((r) => r.respondentLevel === "team")).toMatchObject({
      questionnaire: "professional",
      agencyType: "health",
    });
  });

  it("finds an invitation with its round, and a closed round takes no more answers", async () => {
    const { invitation, round } = await demoInvitation();
    const found = await findInvitation(t.db, invitation.token);
    expect(found).toMatchObject({ roundId: round.id, kind: "professional", status: "open" });
    // The partnership's organisations come with it, as listAgencies lists them.
    const agencies = await listAgencies(t.db, round.partnership_id);
    expect(agencies.length).toBeGreaterThan(1);
    expect(found!.agencies).toEqual(agencies);
    expect(await findInvitation(t.db, "not-a-token")).toBeUndefined();
    await setRoundStatus(t.db, { partnershipId: round.partnership_id, roundId: round.id, status: "closed" });
    const closed = await findInvitation(t.db, invitation.token);
    expect(roundAcceptsAnswers(closed!).ok).toBe(false);
  });

  it("enforces foreign keys: an answer must belong to a response", async () => {
    await expect(
      t.db
        .insertInto("answers")
        .values({ response_id: "missing", item_key: "x", value: "1", numeric: 1, updated_at: new Date().toISOString() })
        .execute(),
    ).rejects.toThrow();
  });

  it("opens further rounds with their own links", async () => {
    const { partnershipId } = await seedDemo(t.db);
    const id = await createRound(t.db, {
      partnershipId,
      name: "Short check",
      form: "short",
      includeContinuum: false,
      includeFamily: false,
      opensOn: "2026-01-01",
      closesOn: "2026-12-31",
      suppressionThreshold: 3,
    });
    const invitations = await listInvitations(t.db, id);
    expect(invitations.map((i) => i.kind)).toEqual(["professional"]);
  });
});
