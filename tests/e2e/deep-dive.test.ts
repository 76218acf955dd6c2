import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { makeUser } from "../support/seed-rounds";
import { COMPONENTS } from "../../app/domain/framework";
import { createPartnership } from "../../app/models/partnership.server";
import { listInvitations } from "../../app/models/round.server";
import deepDiveJson from "../../surveys/deep-dive.json";
import { expectNoAxeViolations, launchBrowser, newPage, signIn, startApp, type RunningApp } from "./harness";
import { answerPage, checkAndSubmit, nextPage, startQuestionnaire } from "./survey-helpers";
import { localText } from "../../app/domain/localised-text";

/**
 * Issue 15: a lead adds two deep-dive modules to a round; respondents complete it on a phone
 * (375 px) with zero axe violations; the round's report shows the deep-dive questions item by item.
 */
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
const MODULES = ["vision", "information"] as const;
const moduleName = (key: string) => COMPONENTS.find((c) => c.key === key)!.name;
const deepItems = deepDiveJson.pages
  .filter((p) => (MODULES as readonly string[]).includes(p.name))
  .flatMap((p) => p.elements);

const EMAIL = "deep-dive-lead@example.org";
const PASSWORD = "a long enough test password";

async function signedInPage(context: BrowserContext, url: string) {
  const { page, errors } = await newPage(context);
  await signIn(page, url, { email: EMAIL, password: PASSWORD });
  return { page, errors };
}

/** Answers every page, checking each with axe when asked, and submits. Returns the page names seen. */
async function complete(page: Page, checkAxe: boolean): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    const names = await page
      .locator(".sd-question[data-name]:visible")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-name")!));
    seen.push(...names);
    await answerPage(page);
    if (checkAxe) await expectNoAxeViolations(page, `deep-dive round, page ${i + 1}`);
    if (!(await nextPage(page))) break;
  }
  await checkAndSubmit(page);
  await page.waitForURL(/\/done$/, { timeout: 15_000 });
  return seen;
}

describe("a round with two deep-dive modules", () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("is opened by the lead, completed on a phone, and reported item by item", async () => {
    const userId = await makeUser(app.db, EMAIL, "Deep-dive lead", { password: PASSWORD });
    const demo = {
      id: await createPartnership(app.db, {
        name: "Deep-dive test partnership",
        area: "Testshire",
        localAuthority: "Testshire Council",
        agencies: [
          { name: "Testshire Council", type: "social_work" },
          { name: "Testshire NHS", type: "health" },
        ],
        leadUserId: userId,
      }),
    };
    const lead = await browser.newContext(PHONE);
    const { page, errors } = await signedInPage(lead, app.url);
    await page.goto(`${app.url}/partnerships/${demo.id}/rounds/new`);
    await page.getByRole("group", { name: "Deep-dive modules (optional)" }).waitFor();
    await expectNoAxeViolations(page, "new round form at 375px");
    await page.getByLabel("Name of the round").fill("Deep dive on vision and information sharing");
    await page.getByRole("radio", { name: /Short form/ }).check();
    await page.getByRole("checkbox", { name: /Continuum of integration/ }).uncheck();
    for (const m of MODULES)
      await page
        .getByRole("group", { name: "Deep-dive modules (optional)" })
        .getByRole("checkbox", { name: moduleName(m), exact: true })
        .check();
    await page.getByLabel("Smallest group size to show results for").fill("3");
    await page.getByRole("button", { name: "Open round" }).click();
    await page.waitForURL(/\/rounds\/(?!new$)[^/]+$/);
    const round = await app.db
      .selectFrom("rounds")
      .selectAll()
      .where("name", "=", "Deep dive on vision and information sharing")
      .executeTakeFirstOrThrow();
    expect(round.deep_dive_modules).toBe(MODULES.join(","));
    const link = `/s/${(await listInvitations(app.db, round.id)).find((i) => i.kind === "professional")!.token}`;

    // Three respondents on phones; axe on every page of the first.
    for (let n = 0; n < 3; n++) {
      const context = await browser.newContext(PHONE);
      const respondent = await newPage(context);
      await respondent.page.goto(`${app.url}${link}`);
      await startQuestionnaire(respondent.page);
      expect(await respondent.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const seen = await complete(respondent.page, n === 0);
      for (const item of deepItems) expect(seen, item.name).toContain(item.name);
      expect(respondent.errors).toEqual([]);
      await context.close();
    }

    // The lead publishes interim results (figures come only from published snapshots).
    await page.goto(`${app.url}/partnerships/${demo.id}/rounds/${round.id}`);
    await page.getByRole("button", { name: "Publish interim results now" }).click();
    await page.getByText(/The results show the interim snapshot/).waitFor();
    await page.goto(`${app.url}/partnerships/${demo.id}/rounds/${round.id}/results`);
    const section = page.locator("#deep-dive");
    await section.getByRole("heading", { name: "Deep-dive questions" }).waitFor();
    for (const m of MODULES) await section.getByRole("heading", { name: moduleName(m) }).waitFor();
    for (const item of deepItems) await section.getByRole("rowheader", { name: localText(item.title) }).waitFor();
    // Three people answered every deep-dive question: each shows 3 answers and a score.
    const answered = await section.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(answered.length).toBe(deepItems.length);
    expect(answered.every((t) => t.trim() === "3")).toBe(true);
    await expectNoAxeViolations(page, "results with deep-dive questions at 375px");
    expect(errors).toEqual([]);
    await lead.close();
  }, 300_000); // three respondents on phones plus axe on every page: slow on a shared machine
});
