import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, newId } from "../../app/crypto.server";
import { setMemberRole } from "../../app/models/partnership.server";
import { issuePasswordReset } from "../../app/models/user.server";
import { createWorkshop, joinWorkshop } from "../../app/models/workshop.server";
import { participantCookieName } from "../../app/access/workshop.server";
import { cookiePair } from "../support/cookies";
import { startApp, type RunningApp } from "./harness";

/**
 * What an attacker on the open internet tries first (issue 14): each attack ends with a clear
 * 4xx and changes nothing. The app runs with TRUST_PROXY=1, so each test speaks from its own
 * address (X-Forwarded-For) and the rate limits of one test do not spill into another.
 */
describe("hardening against outside attacks", () => {
  let app: RunningApp;
  let addressCounter = 0;
  /** A fresh client address for one test. */
  const address = () => `203.0.113.${++addressCounter}`;
  const form = (body: Record<string, string>) => new URLSearchParams(body).toString();
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body,
    });

  async function signInAsDemoLead(from: string): Promise<string> {
    const res = await post("/sign-in", form({ email: LEAD.email, password: LEAD.password }), {
      "X-Forwarded-For": from,
    });
    expect(res.status).toBe(302);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .find((c) => c.startsWith("__session="))!;
  }

  /** Streams `totalBytes` with chunked encoding (no Content-Length) and reports what the server did. */
  function chunkedPost(
    path: string,
    contentType: string,
    totalBytes: number,
  ): Promise<{ status: number | null; sentBytes: number }> {
    return new Promise((resolve) => {
      const url = new URL(path, app.url);
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "Content-Type": contentType, "Transfer-Encoding": "chunked" },
      });
      let sent = 0;
      let status: number | null = null;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        resolve({ status, sentBytes: sent });
      };
      req.on("response", (res) => {
        status = res.statusCode ?? null;
        res.resume();
        res.on("end", finish);
        res.on("error", finish);
      });
      req.on("error", finish);
      req.on("close", finish);
      const chunk = Buffer.alloc(64 * 1024, "a");
      const pump = () => {
        while (!done && status === null && sent < totalBytes) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!done && status === null) req.end();
      };
      pump();
    });
  }

  const LEAD = { email: "lead@example.org", password: "orbit lantern meadow copper" };

  beforeAll(async () => {
    app = await startApp({ env: { TRUST_PROXY: "1" } });
    const partnership = await app.db.selectFrom("partnerships").select("id").executeTakeFirstOrThrow();
    const id = newId();
    await app.db
      .insertInto("users")
      .values({
        id,
        email: LEAD.email,
        name: "Lee Lead",
        password_hash: await hashPassword(LEAD.password),
        is_admin: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    await setMemberRole(app.db, { partnershipId: partnership.id, userId: id, role: "lead" });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("stops reading a chunked body at 256 KB (sign-in and the respondent API) with 413", async () => {
    const invitation = await app.db
      .selectFrom("invitations")
      .select("token")
      .where("kind", "=", "professional")
      .executeTakeFirstOrThrow();
    const total = 64 * 1024 * 1024;
    for (const [path, type] of [
      ["/sign-in", "application/x-www-form-urlencoded"],
      [`/api/responses/${invitation.token}`, "application/json"],
    ] as const) {
      const result = await chunkedPost(path, type, total);
      expect(result.status, path).toBe(413);
      // Cut off long before the end: the server stopped reading (socket buffers hold a few MB).
      expect(result.sentBytes, path).toBeLessThan(total / 2);
    }
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it("redirects after sign-in only to same-origin paths", async () => {
    for (const redirectTo of [
      "/\t/evil.example/phish",
      "//evil.example/phish",
      "/\\evil.example/phish",
      "https://evil.example/",
      "/\n/evil.example",
    ]) {
      const res = await post("/sign-in", form({ email: LEAD.email, password: LEAD.password, redirectTo }), {
        "X-Forwarded-For": address(),
      });
      expect(res.status, JSON.stringify(redirectTo)).toBe(302);
      expect(res.headers.get("Location"), JSON.stringify(redirectTo)).toBe("/partnerships");
    }
    const ok = await post(
      "/sign-in",
      form({ email: LEAD.email, password: LEAD.password, redirectTo: "/compare?area=x" }),
      { "X-Forwarded-For": address() },
    );
    expect(ok.headers.get("Location")).toBe("/compare?area=x");
  });

  it("answers a malformed session cookie, a JSON or multipart form post with 4xx, never 500", async () => {
    for (const cookie of ["__session=%E0%A4%A", "__session=%", "__session=e30%3D", '__session="unterminated']) {
      expect((await fetch(`${app.url}/`, { headers: { Cookie: cookie } })).status, cookie).toBe(200);
      expect(
        (await fetch(`${app.url}/partnerships`, { headers: { Cookie: cookie }, redirect: "manual" })).status,
        cookie,
      ).toBe(302);
    }
    const json = await fetch(`${app.url}/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "a@b.c", password: "x" }),
    });
    expect(json.status).toBe(415);
    const multipart = await fetch(`${app.url}/sign-up`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
      body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
    });
    expect(multipart.status).toBe(415);
    const none = await fetch(`${app.url}/sign-in`, { method: "POST" });
    expect(none.status).toBe(415);
  });

  it("uses a reset link once, even when two requests race, and kills older links", async () => {
    const demo = await app.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", LEAD.email)
      .executeTakeFirstOrThrow();
    const older = (await issuePasswordReset(app.db, { userId: demo.id, issuedBy: demo.id, hours: 24 }))!.token;
    const newer = (await issuePasswordReset(app.db, { userId: demo.id, issuedBy: demo.id, hours: 24 }))!.token;
    const before = await app.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", demo.id)
      .executeTakeFirstOrThrow();
    const from = address();
    const [a, b] = await Promise.all([
      post(`/reset-password/${newer}`, form({ password: "violet harbour kettle 1" }), { "X-Forwarded-For": from }),
      post(`/reset-password/${newer}`, form({ password: "amber tractor puzzle 2" }), { "X-Forwarded-For": from }),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 410]);
    expect((await fetch(`${app.url}/reset-password/${older}`, { headers: { "X-Forwarded-For": from } })).status).toBe(
      410,
    );
    const older2 = await post(`/reset-password/${older}`, form({ password: "granite whistle comet 3" }), {
      "X-Forwarded-For": from,
    });
    expect(older2.status).toBe(410);
    const after = await app.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", demo.id)
      .executeTakeFirstOrThrow();
    expect(after.password_hash).not.toBe(before.password_hash);
    // Put the demo password back for the other tests.
    await app.db.updateTable("users").set({ password_hash: before.password_hash }).where("id", "=", demo.id).execute();
  });

  it("gives the same sign-up answer whether or not the email has an account, and leaves the account alone", async () => {
    const before = await app.db
      .selectFrom("users")
      .select(["password_hash", "name"])
      .where("email", "=", LEAD.email)
      .executeTakeFirstOrThrow();
    const taken = await post(
      "/sign-up",
      form({ name: "Mallory", email: LEAD.email, password: "orbit lantern meadow copper" }),
      { "X-Forwarded-For": address() },
    );
    const fresh = await post(
      "/sign-up",
      form({ name: "Newcomer", email: "newcomer@example.org", password: "orbit lantern meadow copper" }),
      { "X-Forwarded-For": address() },
    );
    expect(taken.status).toBe(fresh.status);
    expect(taken.headers.get("Location")).toBe(fresh.headers.get("Location"));
    expect(await taken.text()).toBe(await fresh.text());
    expect(taken.headers.getSetCookie()).toEqual([]);
    const after = await app.db
      .selectFrom("users")
      .select(["password_hash", "name"])
      .where("email", "=", LEAD.email)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it("takes about as long to refuse an unknown email as a known one at sign-in", async () => {
    const from = address();
    const time = async (email: string) => {
      const start = performance.now();
      const res = await post("/sign-in", form({ email, password: "not-the-password" }), { "X-Forwarded-For": from });
      expect(res.status).toBe(400);
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(LEAD.email));
      unknown.push(await time(`nobody-${i}@example.org`));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    // Both run one scrypt (~100 ms); before the fix an unknown email answered in a tenth of the time.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it("refuses guessable passwords with a helpful message and creates no account", async () => {
    for (const password of ["aaaaaaaaaaaa", "123456789012", "            ", "password1234", "qwertyuiop12"]) {
      const email = `weak-${addressCounter}@example.org`;
      const res = await post("/sign-up?_data=routes%2Fsign-up", form({ name: "Wendy Weak", email, password }), {
        "X-Forwarded-For": address(),
      });
      expect(res.status, JSON.stringify(password)).toBe(400);
      const body = (await res.json()) as { errors: Record<string, string> };
      expect(body.errors.password, JSON.stringify(password)).toMatch(/guess/i);
      expect(
        await app.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst(),
      ).toBeUndefined();
    }
  });

  it("rate-limits sign-up from one address", async () => {
    const from = address();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const res = await post("/sign-up", form({ name: "Bot", email: `bot-${i}@example.org`, password: "" }), {
        "X-Forwarded-For": from,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429, 429]);
    // Another address is not affected.
    expect(
      (await post("/sign-up", form({ name: "", email: "", password: "" }), { "X-Forwarded-For": address() })).status,
    ).toBe(400);
  });

  it("marks signed-in pages and data requests private, no-store", async () => {
    const cookie = await signInAsDemoLead(address());
    const partnership = await app.db.selectFrom("partnerships").select("id").executeTakeFirstOrThrow();
    for (const path of [
      "/partnerships",
      `/partnerships/${partnership.id}`,
      `/partnerships/${partnership.id}?_data=routes%2Fpartnerships.%24pid._index`,
    ]) {
      const res = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Cache-Control"), path).toMatch(/private/);
      expect(res.headers.get("Cache-Control"), path).toMatch(/no-store/);
    }
  });

  it("refuses a round opening on a day that does not exist", async () => {
    const cookie = await signInAsDemoLead(address());
    const partnership = await app.db.selectFrom("partnerships").select("id").executeTakeFirstOrThrow();
    const count = async () => (await app.db.selectFrom("rounds").select("id").execute()).length;
    const before = await count();
    const res = await post(
      `/partnerships/${partnership.id}/rounds/new`,
      form({
        name: "Impossible",
        form: "short",
        opensOn: "2027-02-30",
        closesOn: "2027-03-31",
        suppressionThreshold: "5",
      }),
      { Cookie: cookie },
    );
    expect(res.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("never blocks a valid invitation link or autosave for an address that guessed wrong links", async () => {
    const invitation = await app.db
      .selectFrom("invitations")
      .select("token")
      .where("kind", "=", "professional")
      .executeTakeFirstOrThrow();
    const from = address();
    for (let i = 0; i < 35; i++)
      await fetch(`${app.url}/s/not-a-real-token-${i}`, { headers: { "X-Forwarded-For": from } });
    expect((await fetch(`${app.url}/s/not-a-real-token-x`, { headers: { "X-Forwarded-For": from } })).status).toBe(429);
    expect((await fetch(`${app.url}/s/${invitation.token}`, { headers: { "X-Forwarded-For": from } })).status).toBe(
      200,
    );
    const save = await fetch(`${app.url}/api/responses/${invitation.token}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": from },
      body: JSON.stringify({ intent: "save", answers: {}, currentPage: 0 }),
    });
    expect(save.status).not.toBe(429);
    expect(save.status).toBeLessThan(500);
    // The header counts only because TRUST_PROXY is set: another address is not affected.
    expect((await fetch(`${app.url}/s/not-a-real-token-y`, { headers: { "X-Forwarded-For": address() } })).status).toBe(
      404,
    );
  });

  it("never blocks a joined workshop participant or a right code for an address that guessed wrong codes", async () => {
    const round = await app.db.selectFrom("rounds").selectAll().where("status", "=", "open").executeTakeFirstOrThrow();
    const workshop = await createWorkshop(app.db, {
      partnershipId: round.partnership_id,
      roundId: round.id,
      name: "Shared Wi-Fi",
      components: ["vision"],
      createdBy: null,
    });
    const joined = await joinWorkshop(app.db, { workshopId: workshop.id, level: "team", agencyType: "health" });
    const phone = await cookiePair(participantCookieName(workshop.id), joined.token);
    const from = address();
    for (let i = 0; i < 25; i++) await post("/join", form({ code: "ZZZZZZ" }), { "X-Forwarded-For": from });
    expect((await post("/join", form({ code: "ZZZZZZ" }), { "X-Forwarded-For": from })).status).toBe(429);
    expect(
      (await fetch(`${app.url}/join/${workshop.joinCode}`, { headers: { Cookie: phone, "X-Forwarded-For": from } }))
        .status,
    ).toBe(200);
    expect((await post("/join", form({ code: workshop.joinCode }), { "X-Forwarded-For": from })).status).toBe(302);
    const events = await fetch(`${app.url}/join/${workshop.joinCode}/events`, {
      headers: { Cookie: phone, "X-Forwarded-For": from },
    });
    expect(events.status).toBe(200);
    await events.body?.cancel();
  });
});
