import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createRound, listInvitations } from "../../app/models/round.server";
import { expectNoAxeViolations, launchBrowser, newPage, startApp, type RunningApp } from "./harness";
import {
  answerPage,
  completeWithKeyboard,
  sectionNumber,
  startQuestionnaire,
  visibleQuestionNames,
  waitForSaved,
} from "./survey-helpers";

describe("completing each questionnaire with the keyboard on a phone", () => {
  let app: RunningApp;
  let browser: Browser;
  const links: Record<string, string> = {};
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const demo = await app.db.selectFrom("rounds").selectAll().executeTakeFirstOrThrow();
    const shortRound = await createRound(app.db, {
      partnershipId: demo.partnership_id,
      name: "Short check",
      form: "short",
      includeContinuum: true,
      includeFamily: false,
      opensOn: "2026-01-01",
      closesOn: "2099-12-31",
      suppressionThreshold: 5,
    });
    const full = await listInvitations(app.db, demo.id);
    links.full = `/s/${full.find((i) => i.kind === "professional")!.token}`;
    links.family = `/s/${full.find((i) => i.kind === "family")!.token}`;
    links.short = `/s/${(await listInvitations(app.db, shortRound))[0]!.token}`;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("serves the home page, the framework and the accessibility statement with zero axe violations, on a phone too", async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 375, height: 740 },
    ]) {
      const context = await browser.newContext({ viewport });
      const { page, errors } = await newPage(context);
      await page.goto(`${app.url}/`);
      await page.getByRole("heading", { name: /How well do your children's services work together/ }).waitFor();
      await expectNoAxeViolations(page, `home at ${viewport.width}px`);
      // The demo questionnaire is one click away.
      await page.getByRole("link", { name: /demo questionnaire for professionals/ }).click();
      await startQuestionnaire(page);
      await expectNoAxeViolations(page, `demo questionnaire at ${viewport.width}px`);
      await page.goto(`${app.url}/framework`);
      await expect.poll(() => page.locator("li[id] details").count()).toBeGreaterThan(90);
      await expectNoAxeViolations(page, `framework at ${viewport.width}px`);
      await page.goto(`${app.url}/accessibility`);
      await page.getByRole("heading", { name: "Enforcement procedure" }).waitFor();
      await expectNoAxeViolations(page, `accessibility statement at ${viewport.width}px`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("goes on to the next section when Enter on Next spans an autosave", async () => {
    // SurveyJS acts on Enter when the key comes up, and only if the same rendering of the button
    // saw it go down. A person's key press lasts a tenth of a second or so; when an autosave
    // finishes within it (as the save of the section's last answer often does), the save status
    // changes on screen. That must not redraw the button and lose the press. Here the save's
    // reply is held until Enter is down, so the press spans it every time.
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const { page, errors } = await newPage(context);
    try {
      await page.goto(`${app.url}${links.full}`);
      await startQuestionnaire(page);
      await answerPage(page);
      await waitForSaved(page);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/api\/responses\//, async (route) => {
        await released;
        await route.continue();
      });
      const [first] = await visibleQuestionNames(page);
      await answerPage(page, (name) => (name === first ? 1 : null));
      await page.getByText("Saving…").waitFor();
      await page.locator(".sd-navigation__next-btn").focus();
      await page.keyboard.down("Enter");
      release();
      await waitForSaved(page);
      await page.keyboard.up("Enter");
      await expect.poll(() => sectionNumber(page)).toBe(2);
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      // Enter pressed twice in quick succession goes on one section: the first press moves focus
      // to the new heading before the second lands.
      await page.unroute(/\/api\/responses\//);
      await answerPage(page);
      await page.locator(".sd-navigation__next-btn").focus();
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await expect.poll(() => sectionNumber(page)).toBe(3);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  const runs = [
    { form: "short", width: 375 },
    { form: "family", width: 375 },
    { form: "full", width: 375 },
    { form: "full", width: 320 },
  ] as const;
  for (const { form, width } of runs) {
    it(`completes the ${form} questionnaire at ${width}px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 740 }, isMobile: true, hasTouch: true });
      const { page, errors } = await newPage(context);
      await page.goto(`${app.url}${links[form]}`);
      // The start page's header has no sign-in or framework links for a respondent.
      // (The language switcher is the one link there.)
      await expect.poll(() => page.locator(".site-header a:not([hreflang])").count()).toBe(0);
      const { pagesSeen, headingsChecked } = await completeWithKeyboard(page, `${form} at ${width}px`, {
        axeEveryPage: form === "full",
      });
      expect(pagesSeen).toBeGreaterThan(1);
      expect(headingsChecked).toBe(pagesSeen - 1);
      const submitted = await app.db
        .selectFrom("responses")
        .select(["kind", "status"])
        .where("status", "=", "submitted")
        .execute();
      expect(submitted.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await context.close();
    }, 300_000);
  }
});
