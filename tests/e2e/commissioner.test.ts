import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { hashPassword, newId } from "../../app/crypto.server";
import { COMPONENTS } from "../../app/domain/framework";
import { readScoredItems } from "../../app/domain/instrument";
import { scoreRound, type RoundResult } from "../../app/domain/scoring";
import { grantCommissioner } from "../../app/models/commissioner.server";
import { setMemberRole } from "../../app/models/partnership.server";
import { allMarkers, SURVEYS } from "../../app/models/questionnaire.server";
import { loadSubmittedResponses } from "../../app/models/results.server";
import { expectNoAxeViolations, launchBrowser, newPage, startApp, type RunningApp } from "./harness";
import { seedArea, sessionCookie } from "../support/seed-rounds";

/** A comment no commissioner may ever read, anywhere. */
const SECRET = "SECRET-COMMENT-7f3a";
const PASSWORD = "commissioner-password-1";

interface Area {
  pid: string;
  rid: string;
  name: string;
  result: RoundResult;
  responseIds: string[];
}

describe("the commissioner view", () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let commissionerId: string;
  let cookie = "";
  const leadCookie = { value: "" };
  const adminCookie = { value: "" };
  const areas: Area[] = [];
  let unshared: Area;

  async function makeArea(name: string, respondents: number, seed: number): Promise<Area> {
    const db = app.db;
    const { pid, rid, responseIds } = await seedArea(db, {
      name,
      respondents,
      seed,
      edit: (answers, i) => {
        answers.comments = `${SECRET} from respondent ${i}`;
      },
    });
    const result = scoreRound({
      responses: await loadSubmittedResponses(db, { roundId: rid, form: "full" }),
      items: readScoredItems(SURVEYS.professional),
      markers: allMarkers(),
      agencies: [],
      threshold: 5,
    });
    return { pid, rid, name, result, responseIds };
  }

  async function session(email: string, admin = false) {
    const id = newId();
    await app.db
      .insertInto("users")
      .values({
        id,
        email,
        name: email,
        password_hash: "scrypt$x",
        is_admin: admin ? 1 : 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    return { id, cookie: await sessionCookie(app.db, id) };
  }

  const get = (path: string, as = cookie) =>
    fetch(`${app.url}${path}`, { headers: as ? { Cookie: as } : {}, redirect: "manual" });
  const post = (path: string, body: Record<string, string>, as: string) =>
    fetch(`${app.url}${path}`, {
      method: "POST",
      body: new URLSearchParams(body),
      headers: { Cookie: as, "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });

  beforeAll(async () => {
    app = await startApp();
    areas.push(
      await makeArea("Avonford", 30, 11),
      await makeArea("Brightwater", 22, 12),
      await makeArea("Cobham", 12, 13),
    );
    unshared = await makeArea("Dunmore", 15, 14);

    commissionerId = newId();
    await app.db
      .insertInto("users")
      .values({
        id: commissionerId,
        email: "commissioner@example.org",
        name: "Casey Commissioner",
        password_hash: await hashPassword(PASSWORD),
        is_admin: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    const lead = await session("lead@example.org");
    leadCookie.value = lead.cookie;
    await setMemberRole(app.db, { partnershipId: areas[0]!.pid, userId: lead.id, role: "lead" });
    await setMemberRole(app.db, { partnershipId: unshared.pid, userId: lead.id, role: "lead" });
    const admin = await session("admin@example.org", true);
    adminCookie.value = admin.cookie;
    await grantCommissioner(app.db, { partnershipId: areas[2]!.pid, userId: commissionerId, grantedBy: admin.id });

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it("lets a lead share an area by an invitation link the commissioner accepts once, an administrator grant, and audits both", async () => {
    // The lead creates a link on Avonford's sharing page: no email, so no account is looked up or revealed.
    const sharing = `/partnerships/${areas[0]!.pid}/sharing`;
    expect((await get(sharing, leadCookie.value)).status).toBe(200);
    const created = await post(sharing, { intent: "invite", note: "Casey at the ICB" }, leadCookie.value);
    expect(created.status).toBe(200);
    const link = /\/invite\/[A-Za-z0-9_-]{43}/.exec(await created.text())?.[0];
    expect(link).toBeDefined();
    expect(await (await get(sharing, leadCookie.value)).text()).toContain("Casey at the ICB");
    const sharedWith = () =>
      app.db.selectFrom("commissioner_grants").select("user_id").where("partnership_id", "=", areas[0]!.pid).execute();
    expect(await sharedWith()).toEqual([]);
    expect((await post(sharing, { intent: "invite", note: "x".repeat(101) }, leadCookie.value)).status).toBe(400);

    // Signed out, the link shows the offer, and accepting sends one to sign in and back.
    const offer = await get(link!, "");
    expect(offer.status).toBe(200);
    expect(await offer.text()).toContain("Avonford");
    const signedOut = await post(link!, { intent: "accept" }, "");
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(link!)}`);

    // The commissioner, signed in, accepts; the link then works for nobody.
    const commissionerCookie = await sessionCookie(app.db, commissionerId);
    const accepted = await post(link!, { intent: "accept" }, commissionerCookie);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/compare");
    expect(await sharedWith()).toEqual([{ user_id: commissionerId }]);
    const latecomer = await session("latecomer@example.org");
    expect((await post(link!, { intent: "accept" }, latecomer.cookie)).status).toBe(410);
    expect((await get(link!, latecomer.cookie)).status).toBe(410);

    // A revoked link grants nothing.
    const second = /\/invite\/[A-Za-z0-9_-]{43}/.exec(
      await (await post(sharing, { intent: "invite" }, leadCookie.value)).text(),
    )![0];
    const open = await app.db
      .selectFrom("access_invitations")
      .select("id")
      .where("partnership_id", "=", areas[0]!.pid)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow();
    expect((await post(sharing, { intent: "revoke_invitation", invitationId: open.id }, leadCookie.value)).status).toBe(
      200,
    );
    expect((await post(second, { intent: "accept" }, latecomer.cookie)).status).toBe(410);
    expect(await sharedWith()).toEqual([{ user_id: commissionerId }]);
    const invitationAudit = await app.db
      .selectFrom("audit_log")
      .select("action")
      .where("partnership_id", "=", areas[0]!.pid)
      .where("action", "like", "invitation.%")
      .execute();
    expect(invitationAudit.map((a) => a.action).sort()).toEqual([
      "invitation.accepted",
      "invitation.created",
      "invitation.created",
      "invitation.revoked",
    ]);

    // The administrator creates a link for Brightwater; the commissioner accepts it.
    const adminLink = /\/invite\/[A-Za-z0-9_-]{43}/.exec(
      await (
        await post("/admin", { intent: "commissioner_invite", partnershipId: areas[1]!.pid }, adminCookie.value)
      ).text(),
    )![0];
    expect((await post(adminLink, { intent: "accept" }, commissionerCookie)).status).toBe(302);
    const grants = await app.db
      .selectFrom("commissioner_grants")
      .select("partnership_id")
      .where("user_id", "=", commissionerId)
      .execute();
    expect(grants.map((g) => g.partnership_id).sort()).toEqual(areas.map((a) => a.pid).sort());
    const audit = await app.db
      .selectFrom("audit_log")
      .select(["action", "partnership_id"])
      .where("action", "like", "commissioner.%")
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "commissioner.granted", partnership_id: areas[0]!.pid },
        { action: "commissioner.granted", partnership_id: areas[1]!.pid },
      ]),
    );
    // A lead cannot share a partnership they do not lead; the commissioner cannot reach the sharing page.
    expect((await get(`/partnerships/${areas[1]!.pid}/sharing`, leadCookie.value)).status).toBe(404);
  });

  it("signs in, compares three areas, shows scoreRound's figures, and passes axe", async () => {
    const { page, errors } = await newPage(context);
    await page.goto(`${app.url}/sign-in?redirectTo=${encodeURIComponent("/compare")}`);
    await page.getByLabel("Email address").fill("commissioner@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/compare/);
    cookie = (await context.cookies()).filter((c) => c.name === "__session").map((c) => `__session=${c.value}`)[0]!;
    // The unshared area is not offered.
    expect(await page.getByLabel("Dunmore").count()).toBe(0);
    for (const a of areas) await page.getByLabel(a.name, { exact: true }).check();
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/area=/);
    await page.locator('[data-testid="heatmap-chart"] svg').waitFor({ state: "visible" });

    // The heatmap's table against scoreRound.
    const table = page.getByTestId("heatmap-table");
    for (const a of areas) {
      if (a.result.status !== "ok" || a.result.professional.status !== "ok") throw new Error("expected results");
      const row = table.getByRole("row", { name: new RegExp(`^${a.name}`) });
      const cells = await row.getByRole("cell").allInnerTexts();
      expect(cells).toHaveLength(COMPONENTS.length);
      COMPONENTS.forEach((c, i) => {
        const js =
          a.result.status === "ok" && a.result.professional.status === "ok"
            ? a.result.professional.components.find((x) => x.component === c.key)!.overall
            : null;
        if (js?.status === "ok") {
          const shown = Number(/^[\d.]+/.exec(cells[i]!)?.[0]);
          expect(Math.abs(shown - js.score), `${a.name} ${c.key}`).toBeLessThanOrEqual(0.1);
          expect(cells[i]).toContain(`n ${js.n}`);
        } else {
          expect(cells[i]!.trim().startsWith("c") || cells[i]!.trim().startsWith("x")).toBe(true);
        }
      });
    }
    // Figures on hover/focus: focusing the heatmap reads out its first cell.
    await page.locator('[data-testid="heatmap-chart"] [role="group"]').focus();
    await expect
      .poll(() => page.locator('[data-testid="heatmap-chart"] .chart-readout').innerText())
      .toContain("Avonford");
    await expectNoAxeViolations(page, "compare");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("pre-selects the shared areas on arrival, says in one line why the benchmark is hidden, and explains a single round", async () => {
    const { page, errors } = await newPage(context);
    await page.goto(`${app.url}/compare`);
    // Every shared area is ticked and compared at once: no "Choose at least one area".
    for (const a of areas) expect(await page.getByLabel(a.name, { exact: true }).isChecked()).toBe(true);
    expect(await page.getByText("Choose at least one area").count()).toBe(0);
    const rows = await page.getByTestId("heatmap-table").locator("tbody tr").count();
    expect(rows).toBe(areas.length);
    // The label sits beside its box, not under it.
    const box = await page.getByLabel(areas[0]!.name, { exact: true }).boundingBox();
    const label = await page.locator(`label[for="area-${areas[0]!.pid}"]`).boundingBox();
    expect(label!.x).toBeGreaterThan(box!.x + box!.width - 1);
    expect(Math.abs(label!.y + label!.height / 2 - (box!.y + box!.height / 2))).toBeLessThan(12);
    // Three sharing areas, all of which this commissioner sees: one line, no row of hidden cells.
    const hidden = page.getByTestId("benchmark-hidden");
    expect(await hidden.count()).toBe(1);
    expect(await hidden.innerText()).toMatch(/benchmark .* is hidden: it needs at least 5 sharing areas/i);
    expect(await page.getByTestId("heatmap-table").locator("tfoot").count()).toBe(0);
    // One round each: a clear message and no one-point trend chart; the table dates each round by its closing date.
    expect(await page.getByTestId("single-round").innerText()).toMatch(/One round only, so no trend yet/);
    expect(await page.getByTestId("trends-chart-slot").count()).toBe(0);
    const trendCells = await page.getByTestId("trends-table").locator("tbody tr").first().locator("td").allInnerTexts();
    expect(trendCells).toContain("1 February 2026");
    // The print stylesheet hides the form and keeps the figures.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".compare-form").isVisible()).toBe(false);
    expect(await page.getByTestId("heatmap-table").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    // Unticking every area is a choice, not "all".
    await page.goto(`${app.url}/compare?chosen=1`);
    expect(await page.getByText("Choose at least one area").count()).toBe(1);
    await expectNoAxeViolations(page, "compare, on arrival");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("hides a filtered group below the threshold with 'c' and its reason", async () => {
    const { page, errors } = await newPage(context);
    await page.goto(`${app.url}/compare?area=${areas[2]!.pid}&filter=level:national`);
    const cells = await page.getByTestId("heatmap-table").locator("tbody td").allInnerTexts();
    expect(cells.length).toBe(COMPONENTS.length);
    for (const text of cells) expect(text.trim()).toMatch(/^c/);
    await expect
      .poll(() => page.getByTestId("heatmap-table").locator(".mark").first().getAttribute("title"))
      .toMatch(/Fewer than 5 respondents|Hidden so that/);
    await expectNoAxeViolations(page, "compare, filtered");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("never serves a response, a comment or a small figure, on the page or in the exports", async () => {
    const q = `?${areas.map((a) => `area=${a.pid}`).join("&")}`;
    const bodies: string[] = [];
    for (const path of [
      `/compare${q}`,
      `/compare/export/csv${q}`,
      `/compare/export/json${q}`,
      `/compare/export/json${q}&filter=level:team`,
      `/compare/export/csv${q}&filter=agency:health`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      bodies.push(await res.text());
    }
    for (const body of bodies) {
      expect(body).not.toContain(SECRET);
      for (const a of [...areas, unshared]) for (const id of a.responseIds) expect(body).not.toContain(id);
      expect(body).not.toContain(unshared.pid);
      expect(body).not.toContain("Dunmore");
    }
    // Every figure in the JSON rests on at least the threshold.
    const json = JSON.parse(bodies[3]!) as {
      areas: {
        components: Record<
          string,
          { overall: { status: string; n?: number }; byItemLevel: Record<string, { status: string; n?: number }> }
        >;
      }[];
    };
    for (const area of json.areas) {
      for (const comp of Object.values(area.components)) {
        for (const f of [comp.overall, ...Object.values(comp.byItemLevel)])
          if (f.status === "ok") expect(f.n).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it("answers 404 for anything not shared, and keeps the partnerships' own pages closed", async () => {
    const a = areas[0]!;
    const denied = [
      `/compare?area=${unshared.pid}`,
      `/compare?area=${a.pid}&area=${unshared.pid}`,
      `/compare?area=${a.pid}&round=${a.pid}:${unshared.rid}`,
      `/compare/export/csv?area=${unshared.pid}`,
      `/compare/export/json?area=${unshared.pid}`,
      `/compare/export/xml?area=${a.pid}`,
      `/partnerships/${a.pid}`,
      `/partnerships/${a.pid}/sharing`,
      `/partnerships/${a.pid}/rounds/${a.rid}`,
      `/partnerships/${a.pid}/rounds/${a.rid}/results`,
      `/partnerships/${a.pid}/rounds/${a.rid}/export/answers.csv`,
      `/partnerships/${a.pid}/rounds/${a.rid}/export/scores.csv`,
      `/partnerships/${a.pid}/rounds/${a.rid}/export/results.json`,
      `/partnerships/${unshared.pid}/rounds/${unshared.rid}/results`,
    ];
    for (const path of denied) {
      const res = await get(path);
      expect([403, 404], `${path} gave ${res.status}`).toContain(res.status);
      expect(await res.text()).not.toContain(SECRET);
    }
    // Someone with no grants has nothing to compare; signed out, one is sent to sign in.
    const outsider = await session("outsider@example.org");
    expect((await get(`/compare`, outsider.cookie)).status).toBe(404);
    expect((await get(`/compare?area=${a.pid}`, outsider.cookie)).status).toBe(404);
    expect((await get(`/compare/export/json?area=${a.pid}`, outsider.cookie)).status).toBe(404);
    expect((await get(`/compare`, "")).status).toBe(302);
  });

  it("stops showing an area once its lead stops sharing", async () => {
    const a = areas[0]!;
    const revoked = await post(
      `/partnerships/${a.pid}/sharing`,
      { intent: "revoke", userId: commissionerId },
      leadCookie.value,
    );
    expect(revoked.status).toBe(200);
    expect((await get(`/compare?area=${a.pid}`)).status).toBe(404);
    const audit = await app.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "commissioner.revoked")
      .where("partnership_id", "=", a.pid)
      .execute();
    expect(audit).toHaveLength(1);
  });
});
