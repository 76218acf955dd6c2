import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, newId } from "../../app/crypto.server";
import { openDatabase } from "../../app/db.server";
import { setMemberRole } from "../../app/models/partnership.server";
import { createWorkshop, joinWorkshop, setVoting } from "../../app/models/workshop.server";
import { participantCookieName } from "../../app/access/workshop.server";
import { cookiePair } from "../support/cookies";
import { newPostgresSchema, startAppProcesses } from "../support/app-server";
import { testDatabaseUrl } from "../setup/databases";
import { ROOT, startApp, type RunningApp } from "./harness";

type Event = { at: number; data: Record<string, unknown> };

/** Reads a Server-Sent Events stream as it arrives: every `event: state`, with when it came. */
async function openStream(url: string, cookie: string) {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { Cookie: cookie, Accept: "text/event-stream" }, signal: abort.signal });
  expect(res.status, url).toBe(200);
  const states: Event[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const lines = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        const data = lines.find((l) => l.startsWith("data: "));
        if (lines.includes("event: state") && data) states.push({ at: Date.now(), data: JSON.parse(data.slice(6)) });
      }
    }
  })().catch(() => undefined);
  return {
    /** The first state (already received or still to come) for which `test` holds. */
    async waitFor(test: (state: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<Event> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = states.find((s) => test(s.data));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No such state within ${timeoutMs} ms: ${JSON.stringify(states)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => abort.abort(),
  };
}

const form = (body: Record<string, string>) => new URLSearchParams(body).toString();
const post = (url: string, body: string, cookie?: string) =>
  fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body,
  });

/**
 * Two app processes on one PostgreSQL schema (issue 19): what one process writes, the other's
 * live pages show at once, and a rate limit counts the requests of both.
 */
describe("two app processes on one PostgreSQL", () => {
  let a: RunningApp;
  let b: RunningApp;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    // Streams poll only every minute: an update that arrives within a second came through
    // PostgreSQL's LISTEN/NOTIFY, not the poll.
    const started = await startAppProcesses(2, { postgresUrl: testDatabaseUrl(), env: { LIVE_POLL_MS: "60000" } });
    [a, b] = started.apps as [RunningApp, RunningApp];
    stop = started.stop;
  });
  afterAll(async () => {
    await stop?.();
  });

  it("shows a vote posted to one process on the projector and the phone streamed from the other within a second", async () => {
    const db = a.db;
    const round = await db.selectFrom("rounds").selectAll().where("status", "=", "open").executeTakeFirstOrThrow();
    const userId = newId();
    await db
      .insertInto("users")
      .values({
        id: userId,
        email: "fran@northshire.example",
        name: "Fran Facilitator",
        password_hash: await hashPassword("facilitate-well-2027"),
        is_admin: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    await setMemberRole(db, { partnershipId: round.partnership_id, userId, role: "facilitator" });
    // Signed in on one process, the session works on the other (sessions are in the database).
    const signIn = await post(
      `${a.url}/sign-in`,
      form({ email: "fran@northshire.example", password: "facilitate-well-2027" }),
    );
    expect(signIn.status).toBe(302);
    const session = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .find((c) => c.startsWith("__session="))!;

    const workshop = await createWorkshop(db, {
      partnershipId: round.partnership_id,
      roundId: round.id,
      name: "Two processes",
      components: ["vision", "leadership"],
      createdBy: userId,
    });
    await setVoting(db, { partnershipId: round.partnership_id, workshopId: workshop.id, open: true });
    const phones = [];
    for (let i = 0; i < 2; i++) {
      const joined = await joinWorkshop(db, { workshopId: workshop.id, level: "team", agencyType: "health" });
      phones.push(await cookiePair(participantCookieName(workshop.id), joined.token));
    }
    const events = `/partnerships/${round.partnership_id}/rounds/${round.id}/workshops/${workshop.id}/events`;
    const projectorOnA = await openStream(`${a.url}${events}`, session);
    const projectorOnB = await openStream(`${b.url}${events}`, session);
    const phoneOnB = await openStream(`${b.url}/join/${workshop.joinCode}/events`, phones[0]!);
    const votes = (s: Record<string, unknown>) => (s.current as { votes: number }).votes;
    try {
      await projectorOnA.waitFor((s) => votes(s) === 0);
      await projectorOnB.waitFor((s) => votes(s) === 0);
      await phoneOnB.waitFor((s) => (s.current as { myVote: number | null }).myVote === null);

      // Phone 1 votes through process A: B's projector and phone 1's own stream on B see it.
      const first = await post(
        `${a.url}/join/${workshop.joinCode}`,
        form({ intent: "vote", component: "vision", rating: "4" }),
        phones[0],
      );
      expect(first.status).toBe(200);
      const firstAcknowledged = Date.now();
      const onB = await projectorOnB.waitFor((s) => votes(s) === 1);
      const mine = await phoneOnB.waitFor((s) => (s.current as { myVote: number | null }).myVote === 4);
      expect(onB.at - firstAcknowledged).toBeLessThan(1000);
      expect(mine.at - firstAcknowledged).toBeLessThan(1000);

      // Phone 2 votes through process B: A's projector sees it.
      const second = await post(
        `${b.url}/join/${workshop.joinCode}`,
        form({ intent: "vote", component: "vision", rating: "2" }),
        phones[1],
      );
      expect(second.status).toBe(200);
      const secondAcknowledged = Date.now();
      const onA = await projectorOnA.waitFor((s) => votes(s) === 2);
      expect(onA.at - secondAcknowledged).toBeLessThan(1000);
    } finally {
      projectorOnA.close();
      projectorOnB.close();
      phoneOnB.close();
    }
  });

  it("counts wrong invitation links sent to both processes against one limit", async () => {
    // 30 wrong links per address per 15 minutes: 40 at once, half to each process.
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).url}/s/${crypto.randomBytes(32).toString("base64url")}`).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 404)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it("counts sign-ups on both processes against one limit", async () => {
    // 10 accounts per address per hour, whichever process is asked.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await post(
        `${(i % 2 ? a : b).url}/sign-up`,
        form({ name: `Person ${i}`, email: `person${i}@example.org`, password: "orbit lantern meadow copper" }),
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 302)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const accounts = await a.db.selectFrom("users").select("email").where("email", "like", "person%").execute();
    expect(accounts).toHaveLength(10);
  });
});

describe("WEB_CONCURRENCY", () => {
  it("runs that many processes on PostgreSQL, each listening for the others' changes", async () => {
    const schema = await newPostgresSchema(testDatabaseUrl(), "cluster");
    let app: RunningApp | undefined;
    try {
      app = await startApp({ databaseUrl: schema.url, env: { WEB_CONCURRENCY: "2" } });
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      const schemaName = (await sql<{ s: string }>`select current_schema() as s`.execute(app.db)).rows[0]!.s;
      const admin = openDatabase(testDatabaseUrl());
      try {
        // Each worker opens its listening connection at start-up; give both a moment.
        const deadline = Date.now() + 20_000;
        let listening = 0;
        while (Date.now() < deadline) {
          const rows = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
            where query = ${`LISTEN "wt_changes:${schemaName}"`}`.execute(admin);
          listening = Number(rows.rows[0]!.n);
          if (listening >= 2) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        expect(listening).toBe(2);
      } finally {
        await admin.destroy();
      }
    } finally {
      await app?.stop();
      await schema.drop();
    }
  });

  it("is refused on SQLite with a message saying why", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wt-concurrency-"));
    try {
      const child = spawn(process.execPath, ["server.mjs"], {
        cwd: ROOT,
        env: { ...process.env, WEB_CONCURRENCY: "2", DATABASE_URL: `file:${path.join(dir, "app.db")}`, PORT: "0" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += String(d)));
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code).toBe(1);
      expect(stderr).toContain("WEB_CONCURRENCY=2 needs PostgreSQL");
      expect(fs.existsSync(path.join(dir, "app.db"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
