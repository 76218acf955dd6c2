import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../app/models/demo.server";
import { listInvitations } from "../../app/models/round.server";
import { loadAnswers, saveResponse, type AnswerChanges, type AnswerValue } from "../../app/models/response.server";
import type { ResponseRow } from "../../db/schema";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

/**
 * Lean autosaves (issue 19): a save of changes is applied only at the version it was based on,
 * so a retried or out-of-order save can neither lose nor resurrect an answer.
 */
describe.each(DIALECTS)("lean saves on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const first = { respondent_level: "team", respondent_agency_type: "health", q1: 1, q2: 2, q3: "text", q4: 4 };

  async function started() {
    const { partnershipId } = await seedDemo(t.db);
    const round = await t.db
      .selectFrom("rounds")
      .selectAll()
      .where("partnership_id", "=", partnershipId)
      .executeTakeFirstOrThrow();
    const invitation = (await listInvitations(t.db, round.id)).find((i) => i.kind === "professional")!;
    const saved = await saveResponse(t.db, {
      invitation,
      existing: null,
      answers: first,
      currentPage: 1,
      submit: false,
    });
    if (saved.status !== "saved") throw new Error("expected a save");
    const change = (existing: ResponseRow, changes: AnswerChanges, baseVersion: number, submit = false) =>
      saveResponse(t.db, { invitation, existing, changes, baseVersion, currentPage: 2, submit });
    return { invitation, response: saved.response, change };
  }

  async function rowsOf(responseId: string) {
    return t.db.selectFrom("answers").selectAll().where("response_id", "=", responseId).orderBy("item_key").execute();
  }

  it("writes only the answers changed or cleared, and raises the version", async () => {
    const { response, change } = await started();
    expect(response.version).toBe(1);
    const before = await rowsOf(response.id);
    await new Promise((r) => setTimeout(r, 5));
    const out = await change(response, { q1: 5, q3: null, q9: "new" }, 1);
    expect(out).toMatchObject({ status: "saved", written: 3 });
    if (out.status !== "saved") return;
    expect(out.response.version).toBe(2);
    expect(await loadAnswers(t.db, response.id)).toEqual({ ...first, q1: 5, q3: undefined, q9: "new" } as never);
    expect(Object.keys(await loadAnswers(t.db, response.id))).not.toContain("q3");
    // The rows not in the changes were not rewritten.
    const after = await rowsOf(response.id);
    for (const key of ["q2", "q4", "respondent_level"]) {
      expect(after.find((r) => r.item_key === key)).toEqual(before.find((r) => r.item_key === key));
    }
    const stored = await t.db
      .selectFrom("responses")
      .select(["version", "current_page"])
      .where("id", "=", response.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ version: 2, current_page: 2 });
  });

  it("refuses a retried save that already arrived, and changes nothing", async () => {
    const { response, change } = await started();
    expect((await change(response, { q1: 5 }, 1)).status).toBe("saved");
    const afterFirst = await loadAnswers(t.db, response.id);
    // The acknowledgement was lost; the browser sends the same changes again.
    expect(await change(response, { q1: 5 }, 1)).toEqual({ status: "conflict", version: 2 });
    expect(await loadAnswers(t.db, response.id)).toEqual(afterFirst);
  });

  it("never resurrects a cleared answer from a save that arrives late", async () => {
    const { response, change } = await started();
    // Save A sets q2 = 3 (from version 1); save B, made after A was acknowledged, clears it.
    expect((await change(response, { q2: 3 }, 1)).status).toBe("saved");
    expect((await change(response, { q2: null }, 2)).status).toBe("saved");
    // A copy of A delayed in the network arrives last.
    expect((await change(response, { q2: 3 }, 1)).status).toBe("conflict");
    expect(await loadAnswers(t.db, response.id)).not.toHaveProperty("q2");
  });

  it("never loses an answer to a save based on an older copy", async () => {
    const { response, change } = await started();
    expect((await change(response, { q4: 1 }, 1)).status).toBe("saved");
    // Another tab still at version 1 clears q4 and sets q1: refused, q4 keeps its newer value.
    expect((await change(response, { q4: null, q1: 2 }, 1)).status).toBe("conflict");
    expect(await loadAnswers(t.db, response.id)).toMatchObject({ q4: 1, q1: 1 });
  });

  it("lets only one of two concurrent saves from the same version through", async () => {
    const { response, change } = await started();
    const outcomes = await Promise.all([change(response, { q1: 3 }, 1), change(response, { q1: 4 }, 1)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["conflict", "saved"]);
    const winner = outcomes.find((o) => o.status === "saved")!;
    const stored = await t.db
      .selectFrom("responses")
      .select("version")
      .where("id", "=", response.id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(2);
    const value = (await loadAnswers(t.db, response.id)).q1;
    expect(winner.status === "saved" && (value === 3 || value === 4)).toBe(true);
  });

  it("takes the full set after a conflict as the truth, with answers missing from it cleared", async () => {
    const { invitation, response, change } = await started();
    expect((await change(response, { q1: 2 }, 1)).status).toBe("saved");
    const full: Record<string, AnswerValue> = {
      respondent_level: "team",
      respondent_agency_type: "health",
      q1: 2,
      q2: 5,
    };
    const out = await saveResponse(t.db, {
      invitation,
      existing: response,
      answers: full,
      currentPage: 3,
      submit: false,
    });
    expect(out.status).toBe("saved");
    if (out.status === "saved") expect(out.response.version).toBe(3);
    expect(await loadAnswers(t.db, response.id)).toEqual(full);
  });

  it("checks the whole set after the changes, and writes nothing when it is refused", async () => {
    const { invitation, response } = await started();
    // A check like the questionnaire's: q5 is shown only when q1 is 5, and "bad" is not an answer.
    const check = (answers: Record<string, AnswerValue>) => {
      if (Object.values(answers).includes("bad")) return { ok: false as const, errors: ["bad"] };
      const kept = { ...answers };
      if (kept.q1 !== 5) delete kept.q5;
      return { ok: true as const, answers: kept };
    };
    const save = (changes: AnswerChanges, baseVersion: number) =>
      saveResponse(t.db, {
        invitation,
        existing: response,
        changes,
        baseVersion,
        currentPage: 1,
        submit: false,
        check,
      });
    expect(await save({ q2: "bad", q1: 3 }, 1)).toEqual({ status: "invalid", errors: ["bad"] });
    expect(await loadAnswers(t.db, response.id)).toEqual(first);
    const hidden = await save({ q5: "x" }, 1);
    expect(hidden).toMatchObject({ status: "saved", dropped: ["q5"], written: 0 });
    expect(await loadAnswers(t.db, response.id)).not.toHaveProperty("q5");
    // Shown by q1 = 5 and sent again (the client resends what the server dropped): stored.
    expect(await save({ q1: 5, q5: "x" }, 2)).toMatchObject({ status: "saved", dropped: [] });
    expect(await loadAnswers(t.db, response.id)).toMatchObject({ q1: 5, q5: "x" });
    // q1 changed again: q5 is hidden and its stored row goes.
    expect(await save({ q1: 2 }, 3)).toMatchObject({ status: "saved", dropped: ["q5"] });
    expect(await loadAnswers(t.db, response.id)).not.toHaveProperty("q5");
  });

  it("submits with the last changes, once; changes after that are refused", async () => {
    const { response, change } = await started();
    const submitted = await change(response, { q2: 1 }, 1, true);
    expect(submitted.status).toBe("saved");
    if (submitted.status === "saved") expect(submitted.response.status).toBe("submitted");
    expect((await change(response, { q2: 5 }, 2)).status).toBe("already_submitted");
    expect(await loadAnswers(t.db, response.id)).toMatchObject({ q2: 1 });
  });
});
