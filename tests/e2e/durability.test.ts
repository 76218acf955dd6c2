import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/db.server";
import { demoAnswers, seededRandom } from "../../app/domain/demo-answers";
import { listAgencies } from "../../app/models/partnership.server";
import { questionnaireFor } from "../../app/models/questionnaire.server";
import { loadAnswers } from "../../app/models/response.server";
import { sha256 } from "../../app/crypto.server";
import { DIALECTS, testDatabaseUrl } from "../setup/databases";
import { startApp, type RunningApp } from "./harness";
import { tokenOf } from "../support/cookies";

/**
 * The fault test: 200 respondents autosave and submit at once; the server is killed with
 * SIGKILL mid-load and restarted. Every answer set the server acknowledged must be in the
 * database, and no response may be half-written (its answers are exactly one set that was sent).
 */
describe.each(DIALECTS)("durability under SIGKILL on %s", (dialect) => {
  let app: RunningApp;
  let dropSchema: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    if (dialect === "postgres") {
      // A schema of its own on the test server, named in the URL so the app process uses it too.
      const base = testDatabaseUrl();
      const schema = `fault_${crypto.randomBytes(5).toString("hex")}`;
      const admin = openDatabase(base);
      await sql`create schema ${sql.id(schema)}`.execute(admin);
      dropSchema = async () => {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
        await admin.destroy();
      };
      const url = `${base}${base.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      app = await startApp({ databaseUrl: url });
    } else {
      app = await startApp();
    }
  });
  afterAll(async () => {
    await app?.stop();
    await dropSchema?.();
  });

  it("keeps every acknowledged answer when the server is killed mid-load", async () => {
    const round = await app.db.selectFrom("rounds").selectAll().executeTakeFirstOrThrow();
    const invitation = await app.db
      .selectFrom("invitations")
      .selectAll()
      .where("round_id", "=", round.id)
      .where("kind", "=", "professional")
      .executeTakeFirstOrThrow();
    const agencies = await listAgencies(app.db, round.partnership_id);
    const survey = questionnaireFor(round, agencies, "professional");
    const endpoint = `${app.url}/api/responses/${invitation.token}`;

    type Ack = { cookie: string; answers: Record<string, string | number>; submitted: boolean };
    const acks: Ack[] = [];
    let sent = 0;
    const canonical = (answers: Record<string, unknown>) =>
      JSON.stringify(
        Object.keys(answers)
          .sort()
          .map((k) => [k, answers[k]]),
      );
    const sentSets = new Set<string>();
    const RESPONDENTS = 200;

    async function respondent(i: number) {
      const full = demoAnswers(survey, seededRandom(i + 1), { agencies });
      const keys = Object.keys(full);
      // Autosaves as the respondent moves through the pages, then the submission.
      const steps = [1, 2, 3, 4, 5].map((s) =>
        Object.fromEntries(keys.slice(0, Math.ceil((keys.length * s) / 5)).map((k) => [k, full[k]!])),
      );
      for (const step of steps) sentSets.add(canonical(step));
      let cookie = "";
      const requests = [...steps.map((a) => ["save", a] as const), ["submit", full] as const];
      for (const [intent, answers] of requests) {
        sent++;
        try {
          const res = await fetch(endpoint, {
            method: "POST",
            headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
            body: JSON.stringify({ intent, answers, currentPage: 1 }),
          });
          if (res.status !== 200) return;
          const setCookie = res.headers.get("set-cookie");
          if (setCookie) cookie = setCookie.split(";")[0]!;
          // Acknowledged only once the whole answer has arrived.
          const body = (await res.json()) as { ok?: boolean };
          if (!body.ok) return;
          acks.push({ cookie, answers, submitted: intent === "submit" });
        } catch {
          return; // the server died before answering in full: nothing was acknowledged
        }
      }
    }

    const load = Promise.all(Array.from({ length: RESPONDENTS }, (_, i) => respondent(i)));
    // Kill once a good share of the requests have been acknowledged, while others are in flight.
    while (acks.length < 700) await new Promise((r) => setTimeout(r, 5));
    await app.kill("SIGKILL");
    await load;
    const acknowledged = acks.length;
    expect(acknowledged).toBeGreaterThanOrEqual(700);
    expect(acknowledged).toBeLessThan(sent);

    await app.start();
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

    // Every acknowledged set is stored: the last acknowledged set per respondent wins.
    const lastByCookie = new Map<string, Ack>();
    for (const ack of acks) lastByCookie.set(ack.cookie, ack);
    const responses = await app.db.selectFrom("responses").selectAll().where("round_id", "=", round.id).execute();
    let found = 0;
    for (const ack of lastByCookie.values()) {
      const token = (await tokenOf(ack.cookie))!;
      const row = responses.find((r) => r.resume_hash === sha256(token));
      expect(row, "an acknowledged response is missing").toBeDefined();
      if (ack.submitted) expect(row!.status).toBe("submitted");
      const stored = await loadAnswers(app.db, row!.id);
      if (ack.submitted) expect(stored).toEqual(ack.answers);
      else expect(Object.keys(stored).length).toBeGreaterThanOrEqual(Object.keys(ack.answers).length);
      found++;
    }
    // No response is half-written: each holds exactly one of the sets that was sent.
    for (const row of responses) {
      const stored = await loadAnswers(app.db, row.id);
      expect(sentSets.has(canonical(stored)), `response ${row.id} holds a mix of answer sets`).toBe(true);
      if (row.status === "submitted") expect(row.submitted_at).not.toBeNull();
    }
    console.log(
      `durability (${dialect}): ${sent} requests sent, ${acknowledged} acknowledged before SIGKILL, ${found} respondents' acknowledged answers found after restart, ${responses.length} responses in the database`,
    );
  });
});
