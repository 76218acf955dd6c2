import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, sha256 } from "../../app/crypto.server";
import { createAccessInvitation } from "../../app/models/access-invitation.server";
import { demoAnswers, seededRandom } from "../../app/domain/demo-answers";
import { createPartnership, listAgencies, setMemberRole } from "../../app/models/partnership.server";
import { questionnaireFor } from "../../app/models/questionnaire.server";
import { createRound, listInvitations } from "../../app/models/round.server";
import { saveResponse } from "../../app/models/response.server";
import { agencyInputs } from "../../app/models/report.server";
import { takeSnapshot } from "../../app/models/snapshot.server";
import { createWorkshop } from "../../app/models/workshop.server";
import { ROOT, startApp, type RunningApp } from "./harness";
import { cookiePair } from "../support/cookies";
import { sessionCookie } from "../support/seed-rounds";

/**
 * The access-control matrix: every route (pages, actions, resource routes, exports, live
 * streams) x every role, with the expected outcome. The route list is read from app/routes,
 * so a new route without an entry here fails the first test.
 */
const ROLES = [
  "anonymous",
  "respondent",
  "viewer",
  "facilitator",
  "lead",
  "commissioner",
  "admin",
  "outsider",
] as const;
type RoleName = (typeof ROLES)[number];
/** ok: 2xx; signin: sent to sign in; deny: 403 or 404; redirect: another 3xx; bad: refused input (400/405/409/422); gone: 410. */
type Outcome = "ok" | "signin" | "deny" | "redirect" | "bad" | "gone";

interface Ids {
  pid: string;
  rid: string;
  wid: string;
  code: string;
  token: string;
  otherPid: string;
  /** An open invitation link's token (never accepted here). */
  invite: string;
}
interface Check {
  method: "GET" | "POST";
  path: (ids: Ids) => string;
  body?: string;
  contentType?: string;
  expect: Record<RoleName, Outcome>;
}

const all = (outcome: Outcome): Record<RoleName, Outcome> =>
  Object.fromEntries(ROLES.map((r) => [r, outcome])) as Record<RoleName, Outcome>;
const signedIn = (outcome: Outcome, anonymous: Outcome = "signin") => ({
  ...all(outcome),
  anonymous,
  respondent: anonymous,
});
/** Partnership pages: members from `minimum` up and the administrator pass; others never see the partnership. */
function partnership(
  minimum: "viewer" | "facilitator" | "lead",
  pass: Outcome = "ok",
  below: Outcome = "deny",
): Record<RoleName, Outcome> {
  const rank = { viewer: 1, facilitator: 2, lead: 3 };
  const member = (role: "viewer" | "facilitator" | "lead") => (rank[role] >= rank[minimum] ? pass : below);
  return {
    anonymous: "signin",
    respondent: "signin",
    viewer: member("viewer"),
    facilitator: member("facilitator"),
    lead: member("lead"),
    commissioner: "deny",
    admin: pass,
    outsider: "deny",
  };
}
const FORM = "application/x-www-form-urlencoded";
const post = (p: Check["path"], expectation: Record<RoleName, Outcome>, body = "intent=__unknown"): Check => ({
  method: "POST",
  path: p,
  body,
  contentType: FORM,
  expect: expectation,
});
const get = (p: Check["path"], expectation: Record<RoleName, Outcome>): Check => ({
  method: "GET",
  path: p,
  expect: expectation,
});
const round = (ids: Ids) => `/partnerships/${ids.pid}/rounds/${ids.rid}`;
const workshop = (ids: Ids) => `${round(ids)}/workshops/${ids.wid}`;

const MATRIX: Record<string, Check[]> = {
  "_index.tsx": [get(() => "/", all("ok"))],
  "accessibility.tsx": [get(() => "/accessibility", all("ok"))],
  "privacy.tsx": [get(() => "/privacy", all("ok"))],
  "framework.tsx": [get(() => "/framework", all("ok"))],
  "healthz.ts": [get(() => "/healthz", all("ok"))],
  // Signed-in people are sent on from the sign-in and sign-up pages, whatever they post.
  "sign-in.tsx": [
    get(() => "/sign-in", signedIn("redirect", "ok")),
    post(() => "/sign-in", signedIn("redirect", "bad"), "email=&password="),
  ],
  "sign-up.tsx": [
    get(() => "/sign-up", signedIn("redirect", "ok")),
    post(() => "/sign-up", signedIn("redirect", "bad"), "name=&email=&password="),
  ],
  "reset-password.$token.tsx": [
    get(() => "/reset-password/not-a-real-token", all("gone")),
    post(() => "/reset-password/not-a-real-token", all("gone"), "password=long-enough-password"),
  ],
  "admin.tsx": [
    get(() => "/admin", { ...all("deny"), anonymous: "signin", respondent: "signin", admin: "ok" }),
    post(() => "/admin", { ...all("deny"), anonymous: "signin", respondent: "signin", admin: "bad" }),
  ],
  "partnerships._index.tsx": [get(() => "/partnerships", signedIn("ok"))],
  "partnerships.new.tsx": [
    get(() => "/partnerships/new", signedIn("ok")),
    post(() => "/partnerships/new", signedIn("bad"), "name="),
  ],
  "partnerships.$pid._index.tsx": [
    get((i) => `/partnerships/${i.pid}`, partnership("viewer")),
    get((i) => `/partnerships/${i.otherPid}`, {
      ...partnership("viewer"),
      viewer: "deny",
      facilitator: "deny",
      lead: "deny",
      outsider: "ok",
    }),
    post((i) => `/partnerships/${i.pid}`, partnership("lead", "bad"), "intent=invite&role="),
  ],
  "partnerships.$pid.edit.tsx": [
    get((i) => `/partnerships/${i.pid}/edit`, partnership("lead")),
    post((i) => `/partnerships/${i.pid}/edit`, partnership("lead", "bad"), "name="),
  ],
  "partnerships.$pid.audit.tsx": [get((i) => `/partnerships/${i.pid}/audit`, partnership("lead"))],
  "partnerships.$pid.rounds.new.tsx": [
    get((i) => `/partnerships/${i.pid}/rounds/new`, partnership("lead")),
    post((i) => `/partnerships/${i.pid}/rounds/new`, partnership("lead", "bad"), "name="),
  ],
  "partnerships.$pid.rounds.$rid._index.tsx": [
    get(round, partnership("viewer")),
    post(round, partnership("lead", "bad")),
  ],
  "partnerships.$pid.rounds.$rid.results.tsx": [get((i) => `${round(i)}/results`, partnership("viewer"))],
  "partnerships.$pid.rounds.$rid.actions.tsx": [
    get((i) => `${round(i)}/actions`, partnership("viewer")),
    post((i) => `${round(i)}/actions`, partnership("lead", "bad")),
  ],
  "partnerships.$pid.rounds.$rid.actions[.]csv.ts": [get((i) => `${round(i)}/actions.csv`, partnership("viewer"))],
  "partnerships.$pid.rounds.$rid.export.answers[.]csv.ts": [
    get((i) => `${round(i)}/export/answers.csv`, partnership("lead")),
  ],
  "partnerships.$pid.rounds.$rid.export.scores[.]csv.ts": [
    get((i) => `${round(i)}/export/scores.csv`, partnership("viewer")),
  ],
  "partnerships.$pid.rounds.$rid.export.data[.]zip.ts": [
    get((i) => `${round(i)}/export/data.zip`, partnership("viewer")),
  ],
  "partnerships.$pid.rounds.$rid.export.results[.]json.ts": [
    get((i) => `${round(i)}/export/results.json`, partnership("viewer")),
  ],
  "partnerships.$pid.rounds.$rid.paper.$kind.tsx": [
    get((i) => `${round(i)}/paper/professional`, partnership("viewer")),
  ],
  "partnerships.$pid.rounds.$rid.entry.tsx": [get((i) => `${round(i)}/entry`, partnership("facilitator"))],
  "partnerships.$pid.rounds.$rid.reminders.tsx": [get((i) => `${round(i)}/reminders`, partnership("lead"))],
  "api.partnerships.$pid.rounds.$rid.entries.ts": [
    {
      method: "POST",
      path: (i) => `/api/partnerships/${i.pid}/rounds/${i.rid}/entries?kind=professional&mode=paper`,
      body: "{}",
      contentType: "application/json",
      expect: partnership("facilitator", "bad"),
    },
  ],
  "partnerships.$pid.rounds.$rid.workshops.new.tsx": [
    get((i) => `${round(i)}/workshops/new`, partnership("facilitator")),
    post((i) => `${round(i)}/workshops/new`, partnership("facilitator", "bad"), "name="),
  ],
  "partnerships.$pid.rounds.$rid.workshops.$wid._index.tsx": [
    get(workshop, partnership("facilitator")),
    post(workshop, partnership("facilitator", "bad")),
  ],
  "partnerships.$pid.rounds.$rid.workshops.$wid.screen.tsx": [
    get((i) => `${workshop(i)}/screen`, partnership("facilitator")),
  ],
  "partnerships.$pid.rounds.$rid.workshops.$wid.summary.tsx": [
    get((i) => `${workshop(i)}/summary`, partnership("facilitator")),
  ],
  "partnerships.$pid.rounds.$rid.workshops.$wid.export[.]csv.ts": [
    get((i) => `${workshop(i)}/export.csv`, partnership("facilitator")),
  ],
  "partnerships.$pid.rounds.$rid.workshops.$wid.export[.]json.ts": [
    get((i) => `${workshop(i)}/export.json`, partnership("facilitator")),
  ],
  "partnerships.$pid.rounds.$rid.workshops.$wid.events.ts": [
    get((i) => `${workshop(i)}/events`, partnership("facilitator")),
  ],
  "s.$token._index.tsx": [get((i) => `/s/${i.token}`, all("ok")), get(() => "/s/not-a-real-token", all("deny"))],
  "s.$token.done.tsx": [get((i) => `/s/${i.token}/done`, all("ok"))],
  // An unknown token goes through the same invitation check as s.$token._index.tsx above (one
  // more round of wrong links here would reach the wrong-link rate limit for the routes after it).
  "s.$token.questionnaire.ts": [get((i) => `/s/${i.token}/questionnaire`, all("ok"))],
  "resume.$resume.tsx": [get(() => "/resume/not-a-real-token", all("deny"))],
  "api.responses.$token.ts": [
    {
      method: "POST",
      path: (i) => `/api/responses/${i.token}`,
      body: "{}",
      contentType: "application/json",
      expect: all("bad"),
    },
    {
      method: "POST",
      path: () => "/api/responses/not-a-real-token",
      body: "{}",
      contentType: "application/json",
      expect: all("deny"),
    },
    get((i) => `/api/responses/${i.token}`, all("bad")),
  ],
  "join._index.tsx": [get(() => "/join", all("ok"))],
  "join.$code.tsx": [
    get((i) => `/join/${i.code}`, all("ok")),
    post((i) => `/join/${i.code}`, all("bad"), "intent=join&level=&agencyType="),
  ],
  "join.$code.events.ts": [get((i) => `/join/${i.code}/events`, all("deny"))],
  // Commissioners see the areas shared with them, aggregates only; nobody else has a comparison.
  "compare.tsx": [
    get((i) => `/compare?area=${i.pid}`, {
      ...all("deny"),
      anonymous: "signin",
      respondent: "signin",
      commissioner: "ok",
      admin: "ok",
    }),
    get((i) => `/compare?area=${i.otherPid}`, {
      ...all("deny"),
      anonymous: "signin",
      respondent: "signin",
      admin: "ok",
    }),
  ],
  "compare.export.$format.ts": [
    get((i) => `/compare/export/csv?area=${i.pid}`, {
      ...all("deny"),
      anonymous: "signin",
      respondent: "signin",
      commissioner: "ok",
      admin: "ok",
    }),
    get((i) => `/compare/export/json?area=${i.otherPid}`, {
      ...all("deny"),
      anonymous: "signin",
      respondent: "signin",
      admin: "ok",
    }),
  ],
  // National viewers (and the administrator) see pooled figures of areas that share nationally; a non-sharing area is not found.
  "national.tsx": [
    get(() => "/national", { ...all("deny"), anonymous: "signin", respondent: "signin", admin: "ok" }),
    get((i) => `/national?area=${i.otherPid}`, { ...all("deny"), anonymous: "signin", respondent: "signin" }),
  ],
  "partnerships.$pid.sharing.tsx": [
    get((i) => `/partnerships/${i.pid}/sharing`, partnership("lead")),
    post((i) => `/partnerships/${i.pid}/sharing`, partnership("lead", "bad"), "intent=revoke_invitation&invitationId="),
  ],
  // An invitation link shows its offer to anyone holding it; accepting needs an account. Unknown links are gone.
  "invite.$token.tsx": [
    get((i) => `/invite/${i.invite}`, all("ok")),
    get(() => `/invite/${"x".repeat(43)}`, all("gone")),
    post(() => `/invite/${"x".repeat(43)}`, signedIn("gone"), "intent=accept"),
  ],
  // Last: signing out ends each role's session.
  "sign-out.tsx": [get(() => "/sign-out", all("redirect")), post(() => "/sign-out", all("redirect"), "")],
};

function outcomeOf(res: Response): Outcome {
  if (res.status >= 200 && res.status < 300) return "ok";
  if (res.status >= 300 && res.status < 400)
    return /\/sign-in/.test(res.headers.get("location") ?? "") ? "signin" : "redirect";
  if (res.status === 403 || res.status === 404) return "deny";
  if (res.status === 410) return "gone";
  if ([400, 405, 409, 413, 422, 429].includes(res.status)) return "bad";
  return "ok" as never;
}

describe("access-control matrix", () => {
  let app: RunningApp;
  const cookies = {} as Record<RoleName, string>;
  let ids: Ids;

  beforeAll(async () => {
    app = await startApp();
    const db = app.db;
    const makeUser = async (role: RoleName, admin = false) => {
      const id = newId();
      await db
        .insertInto("users")
        .values({
          id,
          email: `${role}@example.org`,
          name: role,
          password_hash: "scrypt$x",
          is_admin: admin ? 1 : 0,
          created_at: new Date().toISOString(),
        })
        .execute();
      cookies[role] = await sessionCookie(db, id);
      return id;
    };
    const partnershipRow = await db.selectFrom("partnerships").selectAll().executeTakeFirstOrThrow();
    const roundRow = await db
      .selectFrom("rounds")
      .selectAll()
      .where("partnership_id", "=", partnershipRow.id)
      .executeTakeFirstOrThrow();
    await makeUser("admin", true);
    for (const role of ["viewer", "facilitator", "lead"] as const) {
      await setMemberRole(db, { partnershipId: partnershipRow.id, userId: await makeUser(role), role });
    }
    const commissioner = await makeUser("commissioner");
    await db
      .insertInto("commissioner_grants")
      .values({
        user_id: commissioner,
        partnership_id: partnershipRow.id,
        granted_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const outsider = await makeUser("outsider");
    const otherPid = await createPartnership(db, {
      name: "Elsewhere",
      area: "Elsewhere",
      localAuthority: "Elsewhere Council",
      agencies: [
        { name: "A", type: "health" },
        { name: "B", type: "police" },
      ],
      leadUserId: outsider,
    });
    await createRound(db, {
      partnershipId: otherPid,
      name: "Other round",
      form: "full",
      includeContinuum: true,
      includeFamily: false,
      opensOn: "2026-01-01",
      closesOn: "2099-01-01",
      suppressionThreshold: 5,
    });

    // Enough responses for results and exports to exist.
    const invitation = (await listInvitations(db, roundRow.id)).find((i) => i.kind === "professional")!;
    const agencies = await listAgencies(db, partnershipRow.id);
    const survey = questionnaireFor(roundRow, agencies, "professional");
    const random = seededRandom(5);
    let respondentCookie = "";
    // Enough that the answers export survives the joint rule (issue 13) with random levels.
    for (let i = 0; i < 41; i++) {
      const saved = await saveResponse(db, {
        invitation,
        existing: null,
        answers: demoAnswers(survey, random, { agencies }),
        currentPage: 0,
        submit: i < 40,
      });
      if (saved.status === "saved" && i === 40)
        respondentCookie = await cookiePair(`resume_${sha256(invitation.token).slice(0, 16)}`, saved.resumeToken!);
    }
    // Figures are read from published snapshots only (issue 13).
    await takeSnapshot(db, { round: roundRow, kind: "interim", agencies: await agencyInputs(db, partnershipRow.id) });
    cookies.respondent = respondentCookie;
    cookies.anonymous = "";
    const workshopRow = await createWorkshop(db, {
      partnershipId: partnershipRow.id,
      roundId: roundRow.id,
      name: "Board workshop",
      components: ["vision", "leadership"],
      createdBy: null,
    });
    const { token: invite } = await createAccessInvitation(db, {
      partnershipId: partnershipRow.id,
      kind: "member",
      role: "viewer",
      note: "",
      createdBy: null,
    });
    ids = {
      pid: partnershipRow.id,
      rid: roundRow.id,
      wid: workshopRow.id,
      code: workshopRow.joinCode,
      token: invitation.token,
      otherPid,
      invite,
    };
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("has an entry for every route in app/routes", () => {
    const routes = fs
      .readdirSync(path.join(ROOT, "app/routes"))
      .filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f));
    const missing = routes.filter((r) => !MATRIX[r]);
    expect(missing, "routes with no access-control entry").toEqual([]);
    expect(
      Object.keys(MATRIX).filter((r) => !routes.includes(r)),
      "entries for routes that no longer exist",
    ).toEqual([]);
  });

  it("gives every role exactly the expected outcome on every route", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [route, checks] of Object.entries(MATRIX)) {
      for (const check of checks) {
        for (const role of ROLES) {
          const controller = new AbortController();
          const res = await fetch(`${app.url}${check.path(ids)}`, {
            method: check.method,
            redirect: "manual",
            signal: controller.signal,
            headers: {
              ...(cookies[role] ? { Cookie: cookies[role] } : {}),
              ...(check.contentType ? { "Content-Type": check.contentType } : {}),
            },
            body: check.method === "POST" ? check.body : undefined,
          });
          // Live streams never end: read the status, then hang up.
          controller.abort();
          const got = outcomeOf(res);
          checked++;
          if (got !== check.expect[role])
            failures.push(
              `${check.method} ${route} as ${role}: expected ${check.expect[role]}, got ${got} (${res.status})`,
            );
        }
      }
    }
    console.log(`access-control matrix: ${checked} route x role checks`);
    expect(failures).toEqual([]);
  });
});
