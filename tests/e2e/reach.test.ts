import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { Model } from "survey-core";
import { makeUser } from "../support/seed-rounds";
import { demoAnswers, seededRandom } from "../../app/domain/demo-answers";
import { registerSurveyProperties } from "../../app/domain/survey-properties";
import { paperReference } from "../../app/domain/paper-questionnaire";
import { createPartnership, listAgencies } from "../../app/models/partnership.server";
import { questionnaireFor } from "../../app/models/questionnaire.server";
import { saveEnteredResponse } from "../../app/models/reach.server";
import { saveResponse } from "../../app/models/response.server";
import { loadSubmittedResponses } from "../../app/models/results.server";
import { latestSnapshot, snapshotIds } from "../../app/models/snapshot.server";
import { createRound, listInvitations } from "../../app/models/round.server";
import { expectNoAxeViolations, launchBrowser, newPage, signIn, startApp, type RunningApp } from "./harness";
import { answerPage, defaultChoice } from "./survey-helpers";

/**
 * Reaching everyone (issue 24), as a partnership lead does it: print the family questionnaire
 * to PDF and find every question and answer choice in it; enter a paper response and find it
 * in the counts by mode and the scores, and nowhere linked to the lead; record invited numbers
 * and read the response rates, with a low one flagged, in the report.
 */

const PASSWORD = "a long enough test password";
const LEAD = { email: "lead@harbour.example", name: "Harriet Lead-Person" };

async function pdfText(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages;
}
/** Text compared without its whitespace: a PDF breaks lines (and spaces) where the page does. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("paper, assisted and response rates", () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let leadId: string;
  let partnershipId: string;
  let roundId: string;
  const ONLINE_PRO = 12;
  const ONLINE_FAMILY = 6;
  const SEEDED_PAPER_FAMILY = 4;

  beforeAll(async () => {
    app = await startApp({ seed: false });
    browser = await launchBrowser();
    leadId = await makeUser(app.db, LEAD.email, LEAD.name, { password: PASSWORD });
    partnershipId = await createPartnership(app.db, {
      name: "Harbour Children's Partnership",
      area: "Harbour",
      localAuthority: "Harbour City Council",
      leadUserId: leadId,
      agencies: [
        { name: "Harbour Social Care", type: "social_work" },
        { name: "Harbour Health", type: "health" },
        { name: "Harbour Schools", type: "education" },
      ],
    });
    roundId = await createRound(app.db, {
      partnershipId,
      name: "Winter 2026",
      form: "full",
      includeContinuum: true,
      includeFamily: true,
      opensOn: "2026-01-05",
      closesOn: "2030-12-31",
      suppressionThreshold: 5,
    });
    const round = await app.db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
    const agencies = await listAgencies(app.db, partnershipId);
    const invitations = await listInvitations(app.db, roundId);
    const random = seededRandom(24);
    const health = agencies.find((a) => a.agency_type === "health")!;
    const oneGroup = (kind: "professional" | "family"): Record<string, string> =>
      kind === "family"
        ? { respondent_group: "parent_carer" }
        : { respondent_level: "team", respondent_agency_type: "health", respondent_agency: health.id };
    for (const [kind, n] of [
      ["professional", ONLINE_PRO],
      ["family", ONLINE_FAMILY],
    ] as const) {
      const invitation = invitations.find((i) => i.kind === kind)!;
      const survey = questionnaireFor(round, agencies, kind);
      for (let i = 0; i < n; i++) {
        // One group each (team, health; parents and carers), so that no group is hidden and the
        // answers export is available to search.
        const answers = { ...demoAnswers(survey, random, { agencies }), ...oneGroup(kind) };
        await saveResponse(app.db, { invitation, existing: null, answers, currentPage: 0, submit: true });
      }
    }
    // Paper forms entered earlier (by the same model function the entry route uses), so that
    // with the one entered in the browser below the paper group reaches the threshold.
    const family = questionnaireFor(round, agencies, "family");
    for (let i = 0; i < SEEDED_PAPER_FAMILY; i++) {
      await saveEnteredResponse(app.db, {
        round,
        kind: "family",
        mode: "paper",
        answers: { ...demoAnswers(family, random, { agencies }), ...oneGroup("family") },
      });
    }
    await app.start();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    const { page } = await newPage(context);
    await signIn(page, app.url, { email: LEAD.email, password: PASSWORD });
    await page.close();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it("prints the family questionnaire to PDF with every question and answer choice, and the reference on each page", async () => {
    const { page, errors } = await newPage(context);
    await page.goto(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}`);
    await page.getByRole("link", { name: "Print the family-voice questionnaire (large type)" }).click();
    await page.getByRole("button", { name: "Print or save as PDF" }).waitFor();
    await expectNoAxeViolations(page, "paper questionnaire");
    await page.emulateMedia({ media: "print" });
    const pages = await pdfText(await page.pdf({ format: "A4", preferCSSPageSize: true }));
    const all = squeeze(pages.join(" "));

    // The oracle is survey-core's own model of the round's family questionnaire, not the
    // printing code: every question and every choice a respondent online can see.
    registerSurveyProperties();
    const round = await app.db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
    const model = new Model(questionnaireFor(round, await listAgencies(app.db, partnershipId), "family"));
    const questions = model.getAllQuestions();
    expect(questions.length).toBeGreaterThan(5);
    for (const q of questions) {
      expect(all, `question "${q.title}"`).toContain(squeeze(q.title));
      for (const choice of (q as unknown as { choices?: { text: string }[] }).choices ?? []) {
        expect(all, `choice "${choice.text}" of "${q.title}"`).toContain(squeeze(choice.text));
      }
    }
    // The round's name and the reference on every page; no personal details asked.
    const reference = paperReference(roundId, "family");
    expect(pages.length).toBeGreaterThan(1);
    for (const text of pages) {
      expect(squeeze(text)).toContain(squeeze(`Reference ${reference}`));
      expect(squeeze(text)).toContain(squeeze("Winter 2026"));
    }
    expect(all.toLowerCase()).not.toMatch(/yourname:|email:|dateofbirth/);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("enters a paper response as the lead: counted by mode, scored, and linked to the lead nowhere", async () => {
    const before = new Set((await loadSubmittedResponses(app.db, { roundId, form: "full" })).map((r) => r.id));
    const { page, errors } = await newPage(context);
    const roundUrl = `${app.url}/partnerships/${partnershipId}/rounds/${roundId}`;
    await page.goto(roundUrl);
    await page.getByRole("link", { name: "Enter a paper or assisted response" }).click();
    await page.getByRole("radio", { name: "Family voice" }).check();
    await page.getByRole("radio", { name: /On paper/ }).check();
    await expectNoAxeViolations(page, "entry chooser");
    await page.getByRole("button", { name: "Start entering" }).click();
    await page.locator(".sd-question").first().waitFor();
    // Copy the "form" page by page, as the lead would from the paper.
    for (let guard = 0; guard < 10; guard++) {
      await answerPage(page, (name, options) =>
        name === "respondent_group" ? options.findIndex((o) => /parent/i.test(o)) : defaultChoice(name, options),
      );
      const next = page.getByRole("button", { name: "Next" });
      if (await next.isVisible()) {
        await next.click();
        continue;
      }
      await page.getByRole("button", { name: "Check your answers" }).click();
      break;
    }
    await page.getByRole("button", { name: "Submit answers" }).first().click();
    await page.getByText("The response was entered (on paper, entered by staff)").waitFor();

    // One new submitted family response, marked paper, with answers, and no trace of the lead.
    const after = await loadSubmittedResponses(app.db, { roundId, form: "full" });
    const added = after.filter((r) => !before.has(r.id));
    expect(added).toHaveLength(1);
    expect(added[0]!.questionnaire).toBe("family");
    expect(added[0]!.entryMode).toBe("paper");
    expect(Object.keys(added[0]!.answers).length).toBeGreaterThan(3);
    const row = await app.db
      .selectFrom("responses")
      .selectAll()
      .where("id", "=", added[0]!.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(leadId);
    const auditRows = await app.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "response.entered_by_staff")
      .execute();
    expect(auditRows).toHaveLength(1);
    expect(auditRows[0]!.user_id).toBeNull();
    expect(JSON.stringify(auditRows[0])).not.toContain(added[0]!.id);

    // The round page counts it apart: 5 on paper (4 entered earlier and this one).
    await page.goto(roundUrl);
    await expect(page.locator('[data-testid="mode-paper"] td').textContent()).resolves.toBe(
      String(SEEDED_PAPER_FAMILY + 1),
    );
    await expect(page.locator('[data-testid="mode-online"] td').textContent()).resolves.toBe(
      String(ONLINE_PRO + ONLINE_FAMILY),
    );
    await expectNoAxeViolations(page, "round page");

    // Published: the scores are made from it, and the report says how many came in each way.
    await page.getByRole("button", { name: "Publish interim results now" }).click();
    await page.getByTestId("snapshot-status").waitFor();
    const snapshot = await latestSnapshot(app.db, roundId);
    expect((await snapshotIds(app.db, snapshot!.id)).responseIds).toContain(added[0]!.id);
    const result = snapshot!.content.result;
    if (result.status !== "ok" || result.family.status !== "ok") throw new Error("family scores expected");
    expect(result.respondents.byQuestionnaire.family).toEqual({
      status: "ok",
      n: ONLINE_FAMILY + SEEDED_PAPER_FAMILY + 1,
    });
    await page.goto(`${roundUrl}/results`);
    await expect(
      page.locator('[data-testid="responses-by-mode"] tr[data-mode="paper"] td').textContent(),
    ).resolves.toBe(String(SEEDED_PAPER_FAMILY + 1));

    // No export carries anything of the person who entered it.
    for (const file of ["answers.csv", "scores.csv", "results.json"]) {
      const res = await context.request.get(`${roundUrl}/export/${file}`);
      expect(res.status(), file).toBe(200);
      const text = await res.text();
      for (const trace of [leadId, LEAD.email, LEAD.name])
        expect(text, `${file} mentions ${trace}`).not.toContain(trace);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it("refuses an invited number that is not a whole number, then shows rates and flags the low one in the report", async () => {
    const { page, errors } = await newPage(context);
    const roundUrl = `${app.url}/partnerships/${partnershipId}/rounds/${roundId}`;
    await page.goto(roundUrl);
    await page.getByLabel("All professionals").fill("forty");
    await page.getByRole("button", { name: "Save invited numbers" }).click();
    await page.getByRole("alert").getByText("Enter a whole number of people").waitFor();
    expect(await app.db.selectFrom("round_invited_counts").selectAll().execute()).toEqual([]);

    // 12 of 40 professionals (30%); 11 of 110 families (10%: low).
    await page.getByLabel("All professionals").fill("40");
    await page.getByLabel("Family voice", { exact: true }).fill("110");
    await page.getByRole("button", { name: "Save invited numbers" }).click();
    await page.locator('[data-testid="response-rates"] tr[data-group="staff"]').waitFor();
    await page.goto(`${roundUrl}/results`);
    const rates = page.locator('[data-testid="response-rates"]');
    const staff = rates.locator('tr[data-group="staff"]');
    const family = rates.locator('tr[data-group="family"]');
    const staffPercent = Math.round((100 * ONLINE_PRO) / 40);
    const familyPercent = Math.round((100 * (ONLINE_FAMILY + SEEDED_PAPER_FAMILY + 1)) / 110);
    await expect(staff.locator("td").nth(2).textContent()).resolves.toBe(`${staffPercent}%`);
    expect(await staff.getByTestId("low-rate").count()).toBe(0);
    await expect(family.locator("td").nth(2).textContent()).resolves.toContain(`${familyPercent}%`);
    expect(await family.getByTestId("low-rate").count()).toBe(1);
    await expectNoAxeViolations(page, "report with rates");
    // The refused number's 400 is the one expected error.
    expect(errors.filter((e) => !e.includes("400 (Bad Request)"))).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows a commissioner each area's response rate beside it", async () => {
    // The lead closes the round and shares the partnership's results with a commissioner.
    const { page: leadPage } = await newPage(context);
    await leadPage.goto(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}`);
    await leadPage.getByRole("button", { name: "Close round" }).click();
    await leadPage.getByRole("button", { name: "Reopen round" }).waitFor();
    await leadPage.close();
    const commissionerId = await makeUser(app.db, "commissioner@region.example", "Cass Commissioner", {
      password: PASSWORD,
    });
    await app.db
      .insertInto("commissioner_grants")
      .values({
        user_id: commissionerId,
        partnership_id: partnershipId,
        granted_by: leadId,
        created_at: new Date().toISOString(),
      })
      .execute();

    const commissioner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await newPage(commissioner);
    await signIn(page, app.url, { email: "commissioner@region.example", password: PASSWORD });
    await page.goto(`${app.url}/compare?area=all`);
    const row = page.locator("tr", { has: page.getByRole("rowheader", { name: "Harbour Children's Partnership" }) });
    const cell = row.getByTestId("area-response-rate");
    await expect(cell.textContent()).resolves.toBe(`${Math.round((100 * ONLINE_PRO) / 40)}% of 40`);
    expect(errors).toEqual([]);
    await commissioner.close();
  }, 120_000);
});
