import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allQuestions } from "../../app/domain/instrument";
import { validateAnswers } from "../../app/domain/questionnaire";
import { listAgencies } from "../../app/models/partnership.server";
import { questionnaireFor } from "../../app/models/questionnaire.server";
import { loadAnswers } from "../../app/models/response.server";
import { COMPONENT_KEYS } from "../../app/domain/framework";
import { createWorkshop, joinWorkshop, setVoting } from "../../app/models/workshop.server";
import { participantCookieName } from "../../app/access/workshop.server";
import { startApp, type RunningApp } from "./harness";
import { cookiePair } from "../support/cookies";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/**
 * Throws malformed submissions at the respondent endpoint: no 5xx, nothing invalid stored,
 * and the server still serves afterwards.
 */
describe("fuzzing the respondent endpoint", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it(`answers ${RUNS} malformed submissions with 4xx and stores nothing invalid`, async () => {
    const round = await app.db.selectFrom("rounds").selectAll().executeTakeFirstOrThrow();
    const invitation = await app.db
      .selectFrom("invitations")
      .selectAll()
      .where("round_id", "=", round.id)
      .where("kind", "=", "professional")
      .executeTakeFirstOrThrow();
    const agencies = await listAgencies(app.db, round.partnership_id);
    const survey = questionnaireFor(round, agencies, "professional");
    const names = allQuestions(survey).map((q) => q.name);
    const endpoint = `${app.url}/api/responses/${invitation.token}`;

    const anyValue = fc.oneof(
      fc.string(),
      fc.integer({ min: -10, max: 10 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer()),
      fc.object(),
    );
    const knownKey = fc.constantFrom(...names);
    const badAnswers = fc.oneof(
      fc.dictionary(fc.string(), anyValue),
      fc.dictionary(knownKey, anyValue, { minKeys: 1 }),
      fc.dictionary(
        fc.oneof(knownKey, fc.string()),
        fc.oneof(fc.integer({ min: 6, max: 1000 }), fc.constantFrom("DONT_KNOW", "yes ", "", "5")),
        { minKeys: 1 },
      ),
    );
    const body = fc.oneof(
      fc
        .record({
          intent: fc.constantFrom("save", "submit"),
          answers: badAnswers,
          currentPage: fc.integer({ min: 0, max: 5 }),
        })
        .map((b) => JSON.stringify(b)),
      fc
        .record(
          {
            intent: fc.oneof(fc.string(), fc.constantFrom("save", "submit", "delete")),
            answers: anyValue,
            currentPage: anyValue,
          },
          { requiredKeys: [] },
        )
        .map((b) => JSON.stringify(b)),
      fc.json(),
      fc.string(),
      fc.constantFrom(
        "",
        "{",
        "null",
        "[]",
        '{"intent":"submit","answers":{"__proto__":{"x":1}}}',
        '{"intent":"save","answers":{"constructor":1}}',
      ),
    );
    const statuses = new Map<number, number>();
    let count = 0;
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"),
        async (payload, contentType) => {
          const res = await fetch(endpoint, {
            method: "POST",
            headers: { "Content-Type": contentType },
            body: payload,
          });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          count++;
          await res.arrayBuffer();
          return res.status < 500;
        },
      ),
      { numRuns: RUNS },
    );

    // Nothing invalid stored: every stored response passes the questionnaire's own validation.
    const responses = await app.db.selectFrom("responses").selectAll().where("round_id", "=", round.id).execute();
    for (const response of responses) {
      const answers = await loadAnswers(app.db, response.id);
      expect(validateAnswers(survey, answers).ok, `response ${response.id} holds invalid answers`).toBe(true);
    }
    // An oversized body is refused before it is parsed.
    const huge = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "x".repeat(1024 * 1024),
    });
    expect(huge.status).toBe(413);
    // The server still serves.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/s/${invitation.token}`)).status).toBe(200);
    console.log(
      `fuzz: ${count} malformed submissions, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${responses.length} valid responses stored`,
    );
  }, 600_000);

  const WORKSHOP_RUNS = Number(process.env.FUZZ_WORKSHOP_RUNS ?? 3_000);
  it(`answers ${WORKSHOP_RUNS} malformed workshop joins and votes with 4xx and stores no invalid vote`, async () => {
    const round = await app.db.selectFrom("rounds").selectAll().executeTakeFirstOrThrow();
    const workshop = await createWorkshop(app.db, {
      partnershipId: round.partnership_id,
      roundId: round.id,
      name: "Fuzz",
      components: ["vision", "leadership"],
      createdBy: null,
    });
    await setVoting(app.db, { partnershipId: round.partnership_id, workshopId: workshop.id, open: true });
    // Enough phones that the per-participant vote limit does not hide the validation.
    const phones: string[] = [];
    for (let i = 0; i < 40; i++) {
      const joined = await joinWorkshop(app.db, { workshopId: workshop.id, level: "team", agencyType: "health" });
      phones.push(await cookiePair(participantCookieName(workshop.id), joined.token));
    }
    const field = fc.oneof(
      fc.string(),
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.constantFrom(...COMPONENT_KEYS, "0", "5", "6", "-1", "2.5", "NaN", ""),
    );
    const body = fc.oneof(
      fc
        .record(
          {
            intent: fc.constantFrom("vote", "join", "end", ""),
            component: field,
            rating: field,
            level: field,
            agencyType: field,
          },
          { requiredKeys: [] },
        )
        .map((r) => new URLSearchParams(r as Record<string, string>).toString()),
      fc.string(),
      fc.json(),
    );
    const statuses = new Map<number, number>();
    let i = 0;
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, asParticipant) => {
        const cookie = asParticipant ? phones[i++ % phones.length]! : "";
        const res = await fetch(`${app.url}/join/${workshop.joinCode}`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
          body: payload,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        await res.arrayBuffer();
        return res.status < 500;
      }),
      { numRuns: WORKSHOP_RUNS },
    );
    const votes = await app.db
      .selectFrom("workshop_votes")
      .selectAll()
      .where("workshop_id", "=", workshop.id)
      .execute();
    for (const vote of votes) {
      expect(["vision", "leadership"]).toContain(vote.component);
      expect(Number.isInteger(vote.rating) && vote.rating >= 0 && vote.rating <= 5).toBe(true);
    }
    expect((await fetch(`${app.url}/join/${workshop.joinCode}`)).status).toBe(200);
    console.log(
      `workshop fuzz: ${WORKSHOP_RUNS} malformed joins and votes, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${votes.length} valid votes stored`,
    );
  }, 600_000);
  const TRANSPORT_RUNS = Number(process.env.FUZZ_TRANSPORT_RUNS ?? 300);
  it(`answers ${TRANSPORT_RUNS} chunked, JSON-to-form, bad-cookie and multipart requests with 4xx`, async () => {
    const invitation = await app.db
      .selectFrom("invitations")
      .selectAll()
      .where("kind", "=", "professional")
      .executeTakeFirstOrThrow();
    const partnership = await app.db.selectFrom("partnerships").select("id").executeTakeFirstOrThrow();
    const paths = [
      "/sign-in",
      "/sign-up",
      "/join",
      `/api/responses/${invitation.token}`,
      `/partnerships/${partnership.id}`,
      "/partnerships/new",
      "/admin",
      "/sign-out",
    ];
    const cookieValue = fc.oneof(
      fc.string(),
      fc.constantFrom("%E0%A4%A", "%", "%%", "e30%3D", '"', "\\", "%00", "a".repeat(5000)),
    );
    const cookie = fc
      .oneof(
        fc.constant(""),
        cookieValue.map((v) => `__session=${v}`),
        cookieValue.map((v) => `resume_0123456789abcdef=${v}; __session=${v}`),
      )
      .map((c) => c.replace(/[\r\n]/g, ""));
    const multipart = fc.string().map((b) => `--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\n${b}`);
    const request = fc.record({
      path: fc.constantFrom(...paths),
      contentType: fc.constantFrom(
        "application/json",
        "multipart/form-data; boundary=xyz",
        "multipart/form-data",
        "application/x-www-form-urlencoded",
        "text/plain",
        "",
      ),
      body: fc.oneof(fc.json(), fc.string(), multipart),
      cookie,
      chunked: fc.boolean(),
    });
    // A chunked body over the limit is cut off with 413 on every route that reads it before
    // anything else (the rest refuse a stranger before reading). First, before the fuzzing's
    // sign-ups use up the address's sign-up limit (10 an hour), which /sign-up checks first.
    for (const path of paths.slice(0, 4)) {
      const big = new Uint8Array(512 * 1024).fill(97);
      const res = await fetch(`${app.url}${path}`, {
        method: "POST",
        headers: {
          "Content-Type": path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded",
        },
        body: new ReadableStream({ start: (c) => (c.enqueue(big), c.close()) }),
        duplex: "half",
      } as RequestInit).catch(() => null);
      expect(res?.status, path).toBe(413);
    }
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.contentType) headers["Content-Type"] = r.contentType;
        if (r.cookie) headers.Cookie = r.cookie;
        const encoded = new TextEncoder().encode(r.body);
        // A ReadableStream body has no length: fetch sends it chunked.
        const body = r.chunked ? new ReadableStream({ start: (c) => (c.enqueue(encoded), c.close()) }) : r.body;
        let res: Response;
        try {
          res = await fetch(`${app.url}${r.path}`, {
            method: "POST",
            redirect: "manual",
            headers,
            body,
            duplex: "half",
          } as RequestInit);
        } catch {
          return false;
        }
        const page = await fetch(`${app.url}/`, { headers: r.cookie ? { Cookie: r.cookie } : {} });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        await Promise.all([res.arrayBuffer(), page.arrayBuffer()]);
        return res.status < 500 && page.status === 200;
      }),
      { numRuns: TRANSPORT_RUNS },
    );
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    console.log(`transport fuzz: ${TRANSPORT_RUNS} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 600_000);
});
