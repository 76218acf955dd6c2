import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newPage, startApp, type RunningApp } from "./harness";
import { waitForSaved } from "./survey-helpers";
import type { SurveyJson } from "../../app/domain/instrument";
import { localText } from "../../app/domain/localised-text";

/**
 * On a slow phone SurveyJS is still arriving when "Start now" is pressed. The first section is
 * then drawn in plain HTML and can be answered at once; SurveyJS takes over when it arrives, at
 * the first section if nothing was answered yet, else at the second one with the answers given.
 * The SurveyJS code is held back here (as a slow connection would) until the test releases it.
 */
describe("the first section before SurveyJS arrives", () => {
  let app: RunningApp;
  let browser: Browser;
  let link: string;
  let invitationId: string;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const round = await app.db.selectFrom("rounds").selectAll().where("status", "=", "open").executeTakeFirstOrThrow();
    const invitation = await app.db
      .selectFrom("invitations")
      .selectAll()
      .where("round_id", "=", round.id)
      .where("kind", "=", "professional")
      .executeTakeFirstOrThrow();
    link = `${app.url}/s/${invitation.token}`;
    invitationId = invitation.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** Holds back the questionnaire's SurveyJS code until `release()` is called. */
  async function holdRunner(page: Page) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/survey-runner\.client-[^/]*\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    return release;
  }

  const responseIds = async () =>
    (await app.db.selectFrom("responses").select("id").where("invitation_id", "=", invitationId).execute()).map(
      (r) => r.id,
    );

  async function openPhone() {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const { page, errors } = await newPage(context);
    return { context, page, errors };
  }

  it("is answered before SurveyJS arrives, which then carries on at the second section", async () => {
    const { context, page, errors } = await openPhone();
    const before = await responseIds();
    try {
      const release = await holdRunner(page);
      await page.goto(link);
      await page.getByRole("button", { name: "Start now" }).click();
      const heading = page.getByRole("heading", { level: 1, name: "About you" });
      await heading.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("About you");
      expect(await page.locator(".section-progress-label").textContent()).toMatch(/^Section 1 of \d+: About you$/);
      expect(await page.locator(".sd-question").count()).toBe(0);
      await expectNoAxeViolations(page, "first section without SurveyJS");

      // Next with nothing answered: an error summary naming each required question, and nothing handed over.
      await page.getByRole("button", { name: "Next" }).click();
      const summary = page.getByRole("alert");
      await summary.getByText("Select the kind of agency you work for").waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain("error-summary");

      // Answer every question of the section by keyboard: Tab into each group, then an arrow key.
      const groups = await page.locator(".first-question").count();
      const chosen: Record<string, string> = {};
      for (let g = 0; g < groups; g++) {
        const first = page.locator(".first-question").nth(g).locator("input[type=radio]").first();
        await first.focus();
        await page.keyboard.press("ArrowDown");
        const picked = page.locator(".first-question").nth(g).locator("input[type=radio]:checked");
        chosen[(await picked.getAttribute("name"))!] = (await picked.getAttribute("value"))!;
      }
      expect(Object.keys(chosen)).toEqual(expect.arrayContaining(["respondent_level", "respondent_agency_type"]));
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByRole("status").filter({ hasText: "Loading the next section" }).waitFor();

      release();
      await page.locator(".sd-question").first().waitFor();
      expect(await page.locator(".section-progress-label").textContent()).toMatch(/^Section 2 of \d+/);
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      await waitForSaved(page);
      // This respondent's one new response holds the answers given before SurveyJS arrived.
      const mine = (await responseIds()).filter((id) => !before.includes(id));
      expect(mine).toHaveLength(1);
      const stored = await app.db
        .selectFrom("answers")
        .select(["item_key", "value"])
        .where("response_id", "=", mine[0]!)
        .where("item_key", "in", Object.keys(chosen))
        .execute();
      const byKey = Object.fromEntries(stored.map((a) => [a.item_key, a.value]));
      for (const [key, value] of Object.entries(chosen)) expect(byKey[key], key).toContain(value);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("gives way to SurveyJS at the first section when nothing was answered yet", async () => {
    const { context, page, errors } = await openPhone();
    try {
      const release = await holdRunner(page);
      await page.goto(link);
      await page.getByRole("button", { name: "Start now" }).click();
      await page.locator(".first-section").waitFor();
      release();
      await page.locator(".sd-question").first().waitFor();
      expect(await page.locator(".first-section").count()).toBe(0);
      expect(await page.locator(".section-progress-label").textContent()).toMatch(/^Section 1 of \d+: About you$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it("is shown by Start now before the page's JavaScript runs, and the page carries only the first section", async () => {
    // The rest of the questionnaire comes with SurveyJS, not with the page.
    const questionnaire = (await (await fetch(`${link}/questionnaire`)).json()) as SurveyJson;
    const later = questionnaire.pages[3]!.elements.map((e) => localText(e.title) ?? "").find(
      (title) => title.length > 40,
    )!;
    const html = await (await fetch(link)).text();
    expect(html).toContain("About you");
    expect(html).not.toContain(later);

    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(link);
      const heading = page.getByRole("heading", { level: 1, name: "About you" });
      expect(await heading.isVisible()).toBe(false);
      await page.getByRole("button", { name: "Start now" }).click();
      await heading.waitFor();
      expect(await page.locator(".start-page").isVisible()).toBe(false);
      expect(await page.locator(".first-question input[type=radio]").first().isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("keeps an answer given before the page's code has run, and sends it once it has", async () => {
    // The page's code runs only after the page is shown (components/deferred-scripts.tsx): on a
    // slow phone the first question is answered before then. Here the code is held back.
    const { context, page, errors } = await openPhone();
    const before = await responseIds();
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/build\/.*\.js$/, async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(link);
      await page.getByRole("button", { name: "Start now" }).click();
      await page.getByRole("heading", { level: 1, name: "About you" }).waitFor();
      const firstGroup = page.locator(".first-question").first().locator("input[type=radio]");
      await firstGroup.nth(1).check();
      const name = (await firstGroup.nth(1).getAttribute("name"))!;
      const value = (await firstGroup.nth(1).getAttribute("value"))!;
      expect(await page.evaluate(() => "__remixRouteModules" in window)).toBe(false);
      // Kept on the device at once, as the runner keeps its unsent answers.
      const token = link.split("/").pop()!;
      const kept = await page.evaluate((key) => localStorage.getItem(key), `unsent-answers:${token}`);
      expect(JSON.parse(kept!)).toMatchObject({ currentPage: 0 });
      expect(String(JSON.parse(kept!).answers[name])).toBe(value);

      // The code arrives: the page is hydrated with the answer still checked and the section still on screen.
      const questionnaire = page.waitForRequest(/\/questionnaire$/);
      release();
      await questionnaire;
      expect(await firstGroup.nth(1).isChecked()).toBe(true);
      expect(await page.locator(".first-section").isVisible()).toBe(true);
      // Hydrated: Next with a question unanswered gives the error summary (no page load).
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByRole("alert").waitFor();
      const groups = await page.locator(".first-question").count();
      for (let g = 1; g < groups; g++)
        await page.locator(".first-question").nth(g).locator("input[type=radio]").first().check();
      await page.getByRole("button", { name: "Next" }).click();
      await page.locator(".sd-question").first().waitFor();
      await waitForSaved(page);
      const mine = (await responseIds()).filter((id) => !before.includes(id));
      expect(mine).toHaveLength(1);
      const stored = await app.db
        .selectFrom("answers")
        .select("value")
        .where("response_id", "=", mine[0]!)
        .where("item_key", "=", name)
        .executeTakeFirst();
      expect(stored?.value).toContain(value);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("takes Next pressed by keyboard before the page's code has run on to the second section, focus on its heading", async () => {
    // Before the page is hydrated, Next would send the plain form and load the page afresh (focus
    // at the top, the first section again). The inline script holds it instead: the answers are
    // kept, the wait is announced, the code is fetched, and the runner goes on from there.
    const { context, page, errors } = await openPhone();
    const before = await responseIds();
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/build\/.*\.js$/, async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(link);
      const start = page.getByRole("button", { name: "Start now" });
      await start.waitFor();
      for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.textContent === "Start now")); i++)
        await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: "About you" }).waitFor();
      // Each question by keyboard: Tab into its group, Space on its first choice.
      const groups = await page.locator(".first-question").count();
      const given: Record<string, string> = {};
      for (let step = 0; step < 200 && Object.keys(given).length < groups; step++) {
        await page.keyboard.press("Tab");
        const radio = await page.evaluate(() => {
          const el = document.activeElement;
          return el instanceof HTMLInputElement && el.type === "radio" ? { name: el.name, value: el.value } : null;
        });
        if (radio && !given[radio.name]) {
          await page.keyboard.press("Space");
          given[radio.name] = radio.value;
        }
      }
      expect(Object.keys(given)).toHaveLength(groups);
      for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.textContent === "Next")); i++)
        await page.keyboard.press("Tab");
      expect(await page.evaluate(() => "__remixRouteModules" in window)).toBe(false);
      const url = page.url();
      await page.keyboard.press("Enter");
      // No page load: the wait is said, the answers are on the device.
      await expect.poll(() => page.getByRole("status").filter({ hasText: "Loading the next section" }).count()).toBe(1);
      expect(page.url()).toBe(url);
      const token = link.split("/").pop()!;
      const kept = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), `unsent-answers:${token}`))!);
      for (const [name, value] of Object.entries(given)) expect(String(kept.answers[name])).toBe(value);

      release();
      await expect
        .poll(() => page.locator(".section-progress-label").textContent(), { timeout: 30_000 })
        .toMatch(/^Section 2 of \d+: /);
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      const heading = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { text: el.textContent, top: el.getBoundingClientRect().top, viewport: window.innerHeight };
      });
      expect(await page.locator(".section-progress-label").textContent()).toContain(`: ${heading.text}`);
      expect(heading.top).toBeGreaterThanOrEqual(0);
      expect(heading.top).toBeLessThan(heading.viewport);
      expect(page.url()).toBe(url);
      await expectNoAxeViolations(page, "second section after an early Next");
      // The answers given before the code ran reach the server.
      await waitForSaved(page);
      const mine = (await responseIds()).filter((id) => !before.includes(id));
      expect(mine).toHaveLength(1);
      const stored = await app.db
        .selectFrom("answers")
        .select(["item_key", "value"])
        .where("response_id", "=", mine[0]!)
        .execute();
      for (const [name, value] of Object.entries(given))
        expect(stored.find((a) => a.item_key === name)?.value, name).toContain(value);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
