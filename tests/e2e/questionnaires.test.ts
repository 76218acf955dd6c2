import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createRound, listInvitations } from "../../app/models/round.server";
import { expectNoAxeViolations, launchBrowser, newPage, startApp, type RunningApp } from "./harness";
import { startQuestionnaire } from "./survey-helpers";

/**
 * Each questionnaire can be completed on a phone with the keyboard alone: Tab to a question,
 * Space to choose, Enter on Start / Next / Check your answers / Submit. After each Next, focus is
 * on the new section's heading and its top is within the viewport; nothing spills sideways
 * (WCAG 1.4.10 at 320 px); axe runs on every page when `axeEveryPage`, else on the first, a
 * middle and the check-your-answers page.
 */
async function completeWithKeyboard(page: Page, label: string, { axeEveryPage }: { axeEveryPage: boolean }) {
  const width = page.viewportSize()!.width;
  const checkPage = async (name: string, always = false) => {
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} fits ${width}px`,
    ).toBeLessThanOrEqual(width);
    if (axeEveryPage || always) await expectNoAxeViolations(page, name);
  };
  // The start page: Tab to "Start now", Enter.
  await page.getByRole("button", { name: "Start now" }).waitFor();
  await checkPage(`${label}, start page`, true);
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.textContent === "Start now")); i++)
    await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.locator(".sd-question").first().waitFor();

  let pagesSeen = 1;
  let headingsChecked = 0;
  await checkPage(`${label}, section 1`, true);
  for (let step = 0; step < 4000; step++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { kind: "none" };
      if (el instanceof HTMLInputElement && el.type === "radio") {
        const question = el.closest(".sd-question");
        const answered = question?.querySelector("input[type=radio]:checked");
        return { kind: "radio", answered: Boolean(answered) };
      }
      if (el.matches(".sd-navigation__next-btn")) return { kind: "next" };
      if (el.matches(".sd-navigation__complete-btn")) return { kind: "check" };
      return { kind: "other" };
    });
    if (focus.kind === "radio" && !focus.answered) await page.keyboard.press("Space");
    if (focus.kind === "next") {
      const before = await page.locator(".section-progress-label").textContent();
      await page.keyboard.press("Enter");
      // Seen rarely under load: SurveyJS ignores an Enter that lands while it re-renders its
      // navigation after an autosave; a person would press again, so the walk does too, once.
      const moved = () =>
        page
          .locator(".section-progress-label")
          .textContent()
          .then((t) => t !== before);
      await expect
        .poll(moved, { timeout: 5_000 })
        .toBe(true)
        .catch(async () => {
          if (await page.evaluate(() => document.activeElement?.matches(".sd-navigation__next-btn")))
            await page.keyboard.press("Enter");
        });
      await expect.poll(moved, { message: `${label}: Next from ${before}` }).toBe(true);
      // Focus on the new section's heading, whose top is on screen.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.tagName), { message: `${label}: focus after Next` })
        .toBe("H1");
      const heading = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const rect = el.getBoundingClientRect();
        return {
          tag: el.tagName,
          text: el.textContent,
          top: rect.top,
          viewport: window.innerHeight,
          section: document.querySelector(".section-progress-label")?.textContent,
        };
      });
      expect(heading.tag, `${label}: focus after Next`).toBe("H1");
      expect(heading.section).toContain(`: ${heading.text}`);
      expect(heading.top).toBeGreaterThanOrEqual(0);
      expect(heading.top).toBeLessThan(heading.viewport);
      headingsChecked++;
      pagesSeen++;
      await checkPage(`${label}, section ${pagesSeen}`, pagesSeen === 3);
    }
    if (focus.kind === "check") {
      await page.keyboard.press("Enter");
      // The same rare ignored Enter as on Next (seen once in CI at 320 px): press once more.
      const checkHeading = page.getByRole("heading", { name: "Check your answers" });
      await checkHeading.waitFor({ timeout: 5_000 }).catch(async () => {
        if (await page.evaluate(() => document.activeElement?.matches(".sd-navigation__complete-btn")))
          await page.keyboard.press("Enter");
      });
      await checkHeading.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Check your answers");
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, `${label}: check-your-answers height`).toBeLessThan(6000);
      await checkPage(`${label}, check your answers`, true);
      // Submit is near the top: the first Tab stops after the heading reach it.
      for (
        let i = 0;
        i < 5 && !(await page.evaluate(() => document.activeElement?.textContent === "Submit answers"));
        i++
      )
        await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Submit answers");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/done$/, { timeout: 15_000 });
      await page.getByRole("heading", { name: "Answers submitted" }).waitFor();
      await checkPage(`${label}, done`, true);
      return { pagesSeen, headingsChecked, height };
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
      await expect.poll(() => page.locator(".site-header a").count()).toBe(0);
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
