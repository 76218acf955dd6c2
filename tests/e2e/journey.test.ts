import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newPage, startApp, type RunningApp } from "./harness";
import {
  answerPage,
  checkAndSubmit,
  nextPage,
  sectionCount,
  startQuestionnaire,
  visibleQuestionNames,
  waitForSaved,
} from "./survey-helpers";

/**
 * The whole journey as a new user would take it: sign up, create a partnership, open a round,
 * answer half the questionnaire in another browser, close it, come back and find the answers,
 * finish and submit; the lead's round page shows the response.
 */
describe("lead and respondent journey", () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp({ seed: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("goes from sign-up to a submitted response shown on the lead's page", async () => {
    const leadContext = await browser.newContext();
    const { page: lead, errors: leadErrors } = await newPage(leadContext);

    // Sign up: the form refuses bad input with an error summary first.
    await lead.goto(`${app.url}/sign-up`);
    await expectNoAxeViolations(lead, "sign-up");
    await lead.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => lead.getByRole("heading", { name: "There is a problem" }).isVisible()).toBe(true);
    await expect.poll(() => lead.getByRole("link", { name: "Enter your name" }).isVisible()).toBe(true);
    await expectNoAxeViolations(lead, "sign-up with errors");
    await lead.getByLabel("Your name").fill("Priya Shah");
    await lead.getByLabel("Email address").fill("priya@northshire.example");
    await lead.getByLabel("Create a password").fill("correct horse battery staple");
    await lead.getByRole("button", { name: "Create account" }).click();
    // The same answer whether or not the address had an account: sign in next.
    await lead.waitForURL(`${app.url}/sign-in?created=1`);
    await lead.getByLabel("Email address").fill("priya@northshire.example");
    await lead.getByLabel("Password").fill("correct horse battery staple");
    await lead.getByRole("button", { name: "Sign in" }).click();
    await lead.waitForURL(`${app.url}/partnerships`);
    // Not even the first account of a fresh install is an administrator (npm run admin makes one).
    const user = await app.db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(user.is_admin).toBe(0);
    expect(user.password_hash).toMatch(/^scrypt\$/);

    // Create a partnership.
    await lead.getByRole("link", { name: "Create a partnership" }).click();
    await expectNoAxeViolations(lead, "new partnership");
    await lead.getByLabel("Partnership name").fill("Riverside Children's Partnership");
    await lead.getByLabel("Area", { exact: true }).fill("Riverside");
    await lead.getByLabel("Local authority").fill("Riverside Borough Council");
    await lead.getByLabel("Agency 1 name").fill("Riverside Children's Social Care");
    await lead.getByLabel("Agency 1 kind").selectOption("social_work");
    await lead.getByLabel("Agency 2 name").fill("Riverside Health Visiting");
    await lead.getByLabel("Agency 2 kind").selectOption("health");
    await lead.getByLabel("Agency 3 name").fill("Riverside Primary Schools");
    await lead.getByLabel("Agency 3 kind").selectOption("education");
    await lead.getByRole("button", { name: "Create partnership" }).click();
    await lead.getByRole("heading", { name: "Riverside Children's Partnership" }).waitFor();

    // Open a round.
    await lead.getByRole("link", { name: "Open a new round" }).click();
    await expectNoAxeViolations(lead, "new round");
    await lead.getByLabel("Name of the round").fill("Spring 2027");
    await lead.getByRole("radio", { name: /Full questionnaire/ }).check();
    await lead.getByRole("button", { name: "Open round" }).click();
    await lead.getByRole("heading", { name: "Spring 2027" }).waitFor();
    await expectNoAxeViolations(lead, "round page");
    const link = await lead.locator('input[data-kind="professional"]').inputValue();
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    await expect
      .poll(() =>
        lead
          .getByRole("img", { name: /QR code/ })
          .first()
          .isVisible(),
      )
      .toBe(true);

    // A respondent on a phone answers half the questionnaire, then closes the browser.
    const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
    const firstVisit = await browser.newContext(phone);
    const { page: respondent, errors: respondentErrors } = await newPage(firstVisit);
    await respondent.goto(link);
    await respondent.getByRole("button", { name: "Start now" }).waitFor();
    await expectNoAxeViolations(respondent, "questionnaire, start page");
    await startQuestionnaire(respondent);
    await expectNoAxeViolations(respondent, "questionnaire, first page");
    const pageCount = await sectionCount(respondent);
    expect(pageCount).toBeGreaterThan(4);
    const half = Math.floor(pageCount / 2);
    const answeredBefore: Record<string, string> = {};
    for (let p = 0; p < half; p++) {
      Object.assign(answeredBefore, await answerPage(respondent));
      await nextPage(respondent);
    }
    await waitForSaved(respondent);
    const questionsWhereWeStopped = await visibleQuestionNames(respondent);
    const storage = await firstVisit.storageState();
    await firstVisit.close();

    // Coming back on the same device resumes where they left off, with the answers there.
    const secondVisit = await browser.newContext({ ...phone, storageState: storage });
    const { page: back, errors: backErrors } = await newPage(secondVisit);
    await back.goto(link);
    await startQuestionnaire(back);
    expect(await visibleQuestionNames(back)).toEqual(questionsWhereWeStopped);
    const saved = await app.db.selectFrom("answers").select(["item_key", "value"]).execute();
    for (const key of Object.keys(answeredBefore)) expect(saved.map((s) => s.item_key)).toContain(key);

    // Finish and submit.
    for (;;) {
      await answerPage(back);
      if (!(await nextPage(back))) break;
    }
    await checkAndSubmit(back);
    await back.waitForURL(/\/done$/);
    await back.getByRole("heading", { name: "Answers submitted" }).waitFor();
    await expectNoAxeViolations(back, "confirmation");
    const responses = await app.db.selectFrom("responses").selectAll().execute();
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ status: "submitted" });

    // A submitted response can no longer be changed: the link says so.
    await back.goto(link);
    await back.getByRole("heading", { name: "You have already submitted your answers" }).waitFor();

    // The lead's round page shows it, as a small number.
    await lead.reload();
    expect(await lead.getByTestId("submitted-count").textContent()).toBe("fewer than 5");
    // The only failed request on the lead's side is the deliberately empty sign-up form (400).
    expect(leadErrors.filter((e) => !e.includes("400 (Bad Request)"))).toEqual([]);
    expect([...respondentErrors, ...backErrors]).toEqual([]);
    await secondVisit.close();
    await leadContext.close();
  });
});
