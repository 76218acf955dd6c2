import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DEMO_LEAD, demoAccounts, seedDemo } from "../../app/models/demo.server";
import { englishIn, readerTexts } from "../support/welsh-check";
import { expectNoAxeViolations, launchBrowser, newPage, startApp, type RunningApp } from "./harness";

/**
 * Welsh for staff (issue 21): the demo lead, signed in with ?lang=cy, sees every staff page in
 * Welsh: lang="cy" on the page, and no English anywhere a reader would meet it (text, the
 * title, labels read by a screen reader, image descriptions). A word counts as English when its
 * text is one of the English messages (where the Welsh differs) or when it holds a common English
 * word, once the names people gave things (the partnership, its agencies, teams, rounds, people,
 * links: their own words, in their own language) and the glossary's allowed terms are taken out.
 */

interface Finding {
  page: string;
  text: string;
  why: string;
}

describe("Welsh for staff", () => {
  let app: RunningApp;
  let browser: Browser;
  let partnershipId: string;
  let roundId: string;
  let names: string[] = [];

  beforeAll(async () => {
    app = await startApp({ seed: false });
    browser = await launchBrowser();
    ({ partnershipId } = await seedDemo(app.db, { responses: true }));
    const round = await app.db
      .selectFrom("rounds")
      .select("id")
      .where("partnership_id", "=", partnershipId)
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    roundId = round.id;
    // The lead is made an administrator, so that the admin page is checked too.
    await app.db.updateTable("users").set({ is_admin: 1 }).where("email", "=", DEMO_LEAD.email).execute();
    // The names people gave things: theirs, shown as written.
    const [partnerships, agencies, teams, rounds, users, invitations, workshops] = await Promise.all([
      app.db.selectFrom("partnerships").select(["name", "area", "local_authority"]).execute(),
      app.db.selectFrom("agencies").select("name").execute(),
      app.db.selectFrom("teams").select("name").execute(),
      app.db.selectFrom("rounds").select("name").execute(),
      app.db.selectFrom("users").select("name").execute(),
      app.db.selectFrom("invitations").select("label").execute(),
      app.db.selectFrom("workshops").select("name").execute(),
    ]);
    names = [
      ...partnerships.flatMap((p) => [p.name, p.area, p.local_authority]),
      ...agencies.map((a) => a.name),
      ...teams.map((t) => t.name),
      ...rounds.map((r) => r.name),
      ...users.map((u) => u.name),
      ...invitations.map((i) => i.label),
      ...workshops.map((w) => w.name),
      // The demo accounts' passwords, shown on the home page.
      ...(await demoAccounts(app.db)).map((a) => a.password),
    ];
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("signs in in Welsh and shows every staff page in Welsh", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const { page, errors } = await newPage(context);
    const findings: Finding[] = [];
    // Console errors by page (a page whose server and browser render differ shows a hydration error).
    const pageErrors: string[] = [];
    let seen = 0;
    const check = async (label: string) => {
      await page.waitForLoadState("networkidle");
      for (const error of errors.slice(seen)) pageErrors.push(`${label}: ${error.split("\n")[0]}`);
      seen = errors.length;
      expect(await page.evaluate(() => document.documentElement.lang), `${label}: lang`).toBe("cy");
      for (const f of englishIn(await readerTexts(page), names)) findings.push({ page: label, ...f });
    };

    await page.goto(`${app.url}/?lang=cy`);
    await check("home");
    await page.goto(`${app.url}/sign-in`);
    await check("sign in");
    await page.goto(`${app.url}/sign-up`);
    await check("sign up");
    // A wrong password: the server's message, in Welsh.
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel("Cyfeiriad e-bost").fill(DEMO_LEAD.email);
    await page.getByLabel("Cyfrinair").fill("not the password");
    await page.getByRole("button", { name: "Mewngofnodi" }).click();
    await page.getByText("Nid yw'r cyfeiriad e-bost neu'r cyfrinair yn gywir").first().waitFor();
    await check("sign in, wrong password");
    await page.getByLabel("Cyfeiriad e-bost").fill(DEMO_LEAD.email);
    await page.getByLabel("Cyfrinair").fill(DEMO_LEAD.password);
    await page.getByRole("button", { name: "Mewngofnodi" }).click();
    await page.waitForURL(`${app.url}/partnerships`);

    const partnership = `/partnerships/${partnershipId}`;
    const round = `${partnership}/rounds/${roundId}`;
    const pages: [string, string][] = [
      ["partnerships", "/partnerships"],
      ["partnership", partnership],
      ["round", round],
      ["new round", `${partnership}/rounds/new`],
      ["sharing", `${partnership}/sharing`],
      ["admin", "/admin"],
      ["edit partnership", `${partnership}/edit`],
      ["new partnership", "/partnerships/new"],
      ["audit log", `${partnership}/audit`],
      ["reminder pack", `${round}/reminders`],
      ["paper questionnaire", `${round}/paper/professional`],
      ["new workshop", `${round}/workshops/new`],
    ];
    for (const [label, path] of pages) {
      const response = await page.goto(`${app.url}${path}`);
      expect(response?.status(), `${label}: status`).toBe(200);
      await check(label);
    }
    // A form sent empty: its validation messages, in Welsh.
    await page.goto(`${app.url}${partnership}/rounds/new`);
    await page.getByLabel("Enw'r cylch").fill("");
    await page.getByRole("button", { name: "Agor y cylch" }).click();
    await page.locator(".error-summary").waitFor();
    await check("new round, errors");
    await expectNoAxeViolations(page, "new round with errors, in Welsh");
    // A workshop, set up in Welsh: the console, the projector screen and the summary.
    await page.goto(`${app.url}${round}/workshops/new`);
    await page.getByLabel("Enw'r gweithdy").fill("Gweithdy prawf");
    names.push("Gweithdy prawf");
    await page.getByRole("button", { name: "Creu'r sesiwn" }).click();
    await page.getByRole("button", { name: "Agor y pleidleisio" }).waitFor();
    const workshop = new URL(page.url()).pathname;
    await check("facilitator console");
    await page.goto(`${app.url}${workshop}/screen`);
    await page.getByTestId("join-code").waitFor();
    await check("projector screen");
    await page.goto(`${app.url}${workshop}/summary`);
    await check("workshop summary");
    // A page that does not exist.
    await page.goto(`${app.url}${partnership}/rounds/no-such-round`);
    await check("round not found");

    expect(findings, "English on staff pages in Welsh").toEqual([]);
    // The refusals asked for (a wrong password, an empty form, a missing round) are the expected errors.
    const expected = ["sign in, wrong password", "new round, errors", "round not found"];
    expect(
      pageErrors.filter((e) => !expected.some((label) => e.startsWith(`${label}: Failed to load resource`))),
    ).toEqual([]);
    await context.close();
  }, 300_000);
});
