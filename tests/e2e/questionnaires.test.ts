import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createRound, listInvitations } from "../../app/models/round.server";
import { expectNoAxeViolations, launchBrowser, newPage, startApp, type RunningApp } from "./harness";

/**
 * Each questionnaire can be completed on a 375-pixel-wide screen with the keyboard alone:
 * Tab to a question, Space to choose, Enter on Next / Check your answers / Submit. axe runs
 * on the first page, a middle page and the check-your-answers page.
 */
async function completeWithKeyboard(page: Page, label: string) {
  let axeChecks = 0;
  let pagesSeen = 0;
  for (let step = 0; step < 4000; step++) {
    if (/\/done$/.test(page.url())) return { pagesSeen, axeChecks };
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { kind: "none" };
      if (el instanceof HTMLInputElement && el.type === "radio") {
        const question = el.closest(".sd-question");
        const answered = question?.querySelector("input[type=radio]:checked");
        return { kind: "radio", answered: Boolean(answered) };
      }
      if (el.matches(".sd-navigation__next-btn, .sd-navigation__preview-btn, .sd-navigation__complete-btn")) {
        return { kind: "nav", complete: el.matches(".sd-navigation__complete-btn"), preview: el.matches(".sd-navigation__preview-btn") };
      }
      return { kind: "other" };
    });
    if (focus.kind === "radio" && !focus.answered) await page.keyboard.press("Space");
    if (focus.kind === "nav") {
      if ((pagesSeen === 0 || pagesSeen === 2 || focus.complete) && axeChecks < 3) {
        await expectNoAxeViolations(page, `${label}, page ${pagesSeen + 1}`);
        axeChecks++;
      }
      await page.keyboard.press("Enter");
      pagesSeen++;
      await page.waitForTimeout(150);
      if (focus.complete) await page.waitForURL(/\/done$/, { timeout: 15_000 });
    }
  }
  throw new Error(`${label}: could not reach the end with the keyboard`);
}

describe("completing each questionnaire with the keyboard on a phone", () => {
  let app: RunningApp;
  let browser: Browser;
  const links: Record<string, string> = {};
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const demo = await app.db.selectFrom("rounds").selectAll().executeTakeFirstOrThrow();
    const shortRound = await createRound(app.db, { partnershipId: demo.partnership_id, name: "Short check", form: "short", includeContinuum: true, includeFamily: false, opensOn: "2026-01-01", closesOn: "2099-12-31", suppressionThreshold: 5 });
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
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
      const context = await browser.newContext({ viewport });
      const { page, errors } = await newPage(context);
      await page.goto(`${app.url}/`);
      await page.getByRole("heading", { name: /How well do your children's services work together/ }).waitFor();
      await expectNoAxeViolations(page, `home at ${viewport.width}px`);
      // The demo questionnaire is one click away.
      await page.getByRole("link", { name: /demo questionnaire for professionals/ }).click();
      await page.locator(".sd-question").first().waitFor();
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

  for (const form of ["short", "family", "full"] as const) {
    it(`completes the ${form} questionnaire`, async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
      const { page, errors } = await newPage(context);
      await page.goto(`${app.url}${links[form]}`);
      await page.locator(".sd-question").first().waitFor();
      // Nothing spills sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const { pagesSeen, axeChecks } = await completeWithKeyboard(page, form);
      expect(pagesSeen).toBeGreaterThan(1);
      expect(axeChecks).toBeGreaterThanOrEqual(2);
      await page.getByRole("heading", { name: "Answers submitted" }).waitFor();
      const submitted = await app.db.selectFrom("responses").select(["kind", "status"]).where("status", "=", "submitted").execute();
      expect(submitted.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
