import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, startApp, type RunningApp } from "./harness";
import { answerPage, startQuestionnaire, waitForSaved } from "./survey-helpers";

/**
 * A respondent on a phone loses the connection mid-questionnaire: the answers they give are
 * kept on the device with a visible "not saved yet" status, survive the tab being closed while
 * offline, and reach the server when the questionnaire is opened again online.
 */
describe("answering offline", () => {
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

  it("keeps answers given offline and sends them when the page is reopened online", async () => {
    const round = await app.db.selectFrom("rounds").selectAll().where("status", "=", "open").executeTakeFirstOrThrow();
    const invitation = await app.db
      .selectFrom("invitations")
      .selectAll()
      .where("round_id", "=", round.id)
      .where("kind", "=", "professional")
      .executeTakeFirstOrThrow();
    const link = `${app.url}/s/${invitation.token}`;
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const { page } = await newPage(context);
    await page.goto(link);
    await startQuestionnaire(page);

    await context.setOffline(true);
    const answered = await answerPage(page);
    expect(Object.keys(answered).length).toBeGreaterThanOrEqual(3);
    await page.getByText(/Not saved yet/).waitFor({ timeout: 15_000 });
    // Nothing has reached the server.
    const before = await app.db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .select("answers.item_key")
      .where("responses.invitation_id", "=", invitation.id)
      .where("responses.status", "=", "in_progress")
      .execute();
    for (const key of Object.keys(answered)) expect(before.map((a) => a.item_key)).not.toContain(key);
    await page.close();

    await context.setOffline(false);
    const { page: again, errors } = await newPage(context);
    await again.goto(link);
    // Straight back to the questions (no start page), with the answers kept on the device.
    await again.locator(".sd-question").first().waitFor();
    await waitForSaved(again);
    const after = await app.db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .select(["answers.item_key", "answers.value"])
      .where("responses.invitation_id", "=", invitation.id)
      .where("responses.status", "=", "in_progress")
      .execute();
    for (const key of Object.keys(answered)) expect(after.map((a) => a.item_key)).toContain(key);
    for (const key of Object.keys(answered)) {
      expect(await again.locator(`.sd-question[data-name="${key}"] input[type=radio]:checked`).count(), key).toBe(1);
    }
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
    await context.close();
  }, 180_000);
});
