import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { QUESTION, readScoredItems } from "../../app/domain/instrument";
import { createActionItem } from "../../app/models/action-plan.server";
import { createPartnership, setMemberRole } from "../../app/models/partnership.server";
import { allMarkers, SURVEYS } from "../../app/models/questionnaire.server";
import { latestSnapshot, snapshotIds } from "../../app/models/snapshot.server";
import { loadSubmittedResponses } from "../../app/models/results.server";
import { setRoundStatus } from "../../app/models/round.server";
import { expectNoAxeViolations, launchBrowser, newPage, signIn, startApp, type RunningApp } from "./harness";
import { expectedResult, makeUser as makeUserIn, seedRound, TEST_PASSWORD } from "../support/seed-rounds";
import { parseCsv } from "../support/parse-csv";
import { codebookGaps, readCsv } from "../support/codebook-coverage";
import { unzipSync, strFromU8 } from "fflate";

/**
 * The results report as a partnership lead sees it: every chart with its table, figures equal
 * to the scoring module's, the comparison with last year, the action plan, the exports, print
 * to PDF, on a desktop and a phone. Data are seeded straight into the app's database through
 * the same model functions respondents' answers go through.
 */

const PASSWORD = TEST_PASSWORD;
const makeUser = (app: RunningApp, email: string, name: string) => makeUserIn(app.db, email, name);

async function signedInPage(context: BrowserContext, url: string, email: string) {
  const { page, errors } = await newPage(context);
  await signIn(page, url, { email, password: PASSWORD });
  return { page, errors };
}

async function downloadText(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent("download"), click()])) as [Download, void];
  const file = await download.path();
  const bytes = fs.readFileSync(file!);
  return { name: download.suggestedFilename(), text: bytes.toString("utf8"), bytes };
}

async function waitForCharts(page: Page) {
  for (const id of ["component-scores", "perception-gap", "family-scores"]) {
    await page.locator(`[data-testid="${id}-chart"] svg.recharts-surface`).first().waitFor();
  }
  await page.locator('[data-testid="component-scores-chart"] .recharts-bar-rectangle').first().waitFor();
}

describe("results report, action plan and exports", () => {
  let app: RunningApp;
  let browser: Browser;
  let partnershipId: string;
  let previousId: string;
  let roundId: string;
  let smallRoundId: string;
  const comments = ["We need a single front door, = not three.", "Information sharing with health is still slow."];

  beforeAll(async () => {
    app = await startApp({ seed: false });
    browser = await launchBrowser();
    const leadId = await makeUser(app, "lead@riverside.example", "Riley Lead");
    const viewerId = await makeUser(app, "viewer@riverside.example", "Vic Viewer");
    partnershipId = await createPartnership(app.db, {
      name: "Riverside Children's Partnership",
      area: "Riverside",
      localAuthority: "Riverside Borough Council",
      leadUserId: leadId,
      agencies: [
        { name: "Riverside Children's Social Care", type: "social_work" },
        { name: "Riverside Community Health", type: "health" },
        { name: "Riverside Schools", type: "education" },
        { name: "Riverside Police", type: "police" },
      ],
    });
    await setMemberRole(app.db, { partnershipId, userId: viewerId, role: "viewer" });
    previousId = await seedRound(app.db, partnershipId, {
      name: "Spring 2025",
      professional: 24,
      family: 7,
      seed: 11,
      lean: { resources: 0.15, information: 0.2 },
    });
    await setRoundStatus(app.db, { partnershipId, roundId: previousId, status: "closed" });
    await app.db
      .updateTable("rounds")
      .set({ created_at: "2025-01-01T00:00:00.000Z" })
      .where("id", "=", previousId)
      .execute();
    await createActionItem(app.db, {
      partnershipId,
      roundId: previousId,
      userId: leadId,
      action: {
        component: "information",
        description: "Agree one information-sharing protocol across all partners",
        evidenceKey: null,
        owner: "Head of early help",
        dueOn: "2025-12-31",
        status: "done",
      },
    });
    roundId = await seedRound(app.db, partnershipId, {
      name: "Spring 2026",
      professional: 36,
      family: 9,
      seed: 12,
      comments,
    });
    smallRoundId = await seedRound(app.db, partnershipId, { name: "Pilot", professional: 2, family: 0, seed: 13 });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("shows every chart with its table, the figures of the scoring module, and the comparison", async () => {
    const expected = await expectedResult(app.db, partnershipId, roundId);
    if (
      expected.status !== "ok" ||
      expected.professional.status !== "ok" ||
      expected.family.status !== "ok" ||
      expected.continuum.status !== "ok" ||
      expected.partners.status !== "ok"
    ) {
      throw new Error("the seeded round should have every section");
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { page, errors } = await signedInPage(context, app.url, "lead@riverside.example");
    const results = `${app.url}/partnerships/${partnershipId}/rounds/${roundId}/results`;
    await page.goto(results);
    await page.getByRole("heading", { level: 1, name: "Results: Spring 2026" }).waitFor();
    await waitForCharts(page);

    // Each chart, and its text alternative: a table, and an SVG title for assistive technology.
    for (const id of ["component-scores", "perception-gap", "family-scores"]) {
      expect(await page.locator(`[data-testid="${id}-table"] table`).count()).toBeGreaterThan(0);
      expect(
        await page
          .locator(`[data-testid="${id}-chart"] svg.recharts-surface[role="application"] > title`)
          .textContent(),
      ).not.toBe("");
    }
    expect(await page.getByTestId("continuum-scale").locator("li").count()).toBe(6);
    expect(await page.getByTestId("continuum-table").count()).toBe(1);
    expect(await page.getByTestId("heatmap-table").locator("tbody tr").count()).toBe(13);
    expect(await page.getByTestId("partner-matrix").locator("tbody tr").count()).toBe(4);
    expect(
      await page.locator('[data-testid="partner-network-chart"] svg[data-chart="network"] g[role="img"]').count(),
    ).toBeGreaterThan(4);

    // The figures in the tables are the scoring module's.
    for (const c of expected.professional.components) {
      const shown = (await page.getByTestId(`score-${c.component}`).textContent())!.trim();
      if (c.overall.status === "ok") expect(shown).toBe(c.overall.score.toFixed(1));
      else expect(shown.startsWith(c.overall.status === "suppressed" ? "c" : "x")).toBe(true);
    }
    for (const c of expected.family.components.filter((x) => x.itemCount > 0)) {
      const shown = (await page.getByTestId(`family-score-${c.component}`).textContent())!.trim();
      expect(shown.slice(0, c.overall.status === "ok" ? undefined : 1)).toBe(
        c.overall.status === "ok" ? c.overall.score.toFixed(1) : c.overall.status === "suppressed" ? "c" : "x",
      );
    }
    // 36 professionals and 9 families were seeded: every one is counted, and the page shows the count.
    expect(expected.respondents.total).toEqual({ status: "ok", n: 36 + 9 });
    expect(await page.getByTestId("respondents-total").textContent()).toBe(String(36 + 9));
    const placement = expected.continuum.placement;
    if (placement.status === "ok")
      expect(await page.getByTestId("continuum-summary").textContent()).toContain(
        `${placement.current.stage}. ${placement.current.name}`,
      );
    const heat = expected.professional.components[0]!.byItemLevel;
    const heatRow = page.getByTestId("heatmap-table").locator("tbody tr").first().locator("td");
    for (const [i, level] of (["national", "local_authority", "organisation", "team"] as const).entries()) {
      const f = heat[level];
      expect((await heatRow.nth(i).textContent())!.trim().slice(0, f.status === "ok" ? undefined : 1)).toBe(
        f.status === "ok" ? f.score.toFixed(1) : f.status === "suppressed" ? "c" : "x",
      );
    }
    // Top items link to the evidence behind them, cited by title and section.
    const firstFacilitator = expected.professional.strongestFacilitators[0]!;
    expect(
      await page.getByTestId("facilitators").getByRole("link", { name: firstFacilitator.title }).getAttribute("href"),
    ).toBe(`/framework#${firstFacilitator.key}`);
    expect(await page.getByTestId("facilitators").textContent()).toMatch(/Evidence: .+, '.+'/);

    // Figures on hover and on keyboard focus.
    await page.locator('[data-testid="component-scores-chart"] .recharts-bar-rectangle').first().hover();
    await expect
      .poll(() => page.locator('[data-testid="component-scores-chart"] .chart-tooltip').textContent())
      .toContain("95% CI");
    await page.mouse.move(0, 0);
    await page.locator('[data-testid="perception-gap-chart"] svg.recharts-surface[role="application"]').focus();
    await page.keyboard.press("ArrowRight");
    await expect
      .poll(() => page.locator('[data-testid="perception-gap-chart"] .chart-tooltip').textContent())
      .toContain("Team");
    await page.locator('[data-testid="partner-network-chart"] g.network-line').first().focus();
    expect(await page.locator(".network-readout").textContent()).toMatch(/rates working with|not shown/);

    // Comparison with the previous round, with the actions agreed then.
    const comparison = page.getByTestId("comparison-table");
    expect(await comparison.locator("tbody tr").count()).toBe(13);
    expect(await comparison.textContent()).toMatch(/Clear (rise|fall): (up|down) \d+\.\d|No clear change|No change/);
    expect(await comparison.textContent()).toContain("Agree one information-sharing protocol across all partners");
    expect(await page.getByTestId("continuum-movement").textContent()).toMatch(/Moved from|Still at|Not comparable/);

    // Comments, for the lead, never exported.
    // Comments of respondents in groups the results hide are left out (issue 13): the page shows
    // exactly the comments of the snapshot's exportable responses.
    const snapshot = (await latestSnapshot(app.db, roundId))!;
    const exportableIds = new Set((await snapshotIds(app.db, snapshot.id)).exportable ?? []);
    const responses = await loadSubmittedResponses(app.db, { roundId, form: "full" });
    const shownComments = comments.filter((c) =>
      responses.some((r) => r.answers[QUESTION.comments] === c && exportableIds.has(r.id)),
    );
    const hiddenComments = comments.filter((c) => !shownComments.includes(c));
    const commentText = (await page.getByTestId("comments").textContent()) ?? "";
    for (const comment of shownComments) expect(commentText).toContain(comment);
    for (const comment of hiddenComments) expect(commentText).not.toContain(comment);

    await expectNoAxeViolations(page, "results page");

    // Chart downloads: SVG and PNG made in the browser.
    const svg = await downloadText(page, () =>
      page
        .locator("#component-scores")
        .getByRole("button", { name: /Download SVG/ })
        .click(),
    );
    expect(svg.name).toBe("component-scores.svg");
    expect(svg.text).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const png = await downloadText(page, () =>
      page
        .locator("#partner-network")
        .getByRole("button", { name: /Download PNG/ })
        .click(),
    );
    expect(png.name).toBe("partner-network.png");
    expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");

    // Exports: the answers in long format.
    const answers = await downloadText(page, () =>
      page.getByRole("link", { name: "Anonymised answers (CSV)" }).click(),
    );
    const answerRows = parseCsv(answers.text);
    expect(answerRows[0]).toEqual([
      "round",
      "response_id",
      "respondent_level",
      "agency_type",
      "item_key",
      "question",
      "component",
      "level",
      "polarity",
      "value",
      "answer_label",
    ]);
    const exportable = new Set(
      [...readScoredItems(SURVEYS.professional), ...readScoredItems(SURVEYS.family)]
        .map((i) => i.key)
        .concat(
          allMarkers().map((m) => m.key),
          [QUESTION.targetStage, QUESTION.selfChosenStage],
        ),
    );
    const stored = await app.db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .select(["answers.item_key", "responses.id"])
      .where("responses.round_id", "=", roundId)
      .where("responses.status", "=", "submitted")
      .execute();
    // Only the snapshot's exportable responses: none of a group the results hide (issue 13).
    expect(exportableIds.size).toBeGreaterThan(0);
    expect(answerRows.length - 1).toBe(
      stored.filter((a) => exportable.has(a.item_key) && exportableIds.has(a.id)).length,
    );
    const exportedIds = new Set(answerRows.slice(1).map((r) => r[1]));
    expect(exportedIds.size).toBe(exportableIds.size);
    for (const id of new Set(stored.map((s) => s.id))) expect(exportedIds.has(id)).toBe(false);
    expect(answers.text).not.toContain("single front door");

    const scores = await downloadText(page, () => page.getByRole("link", { name: "Scores (CSV)" }).click());
    const scoreRows = parseCsv(scores.text);
    expect(scoreRows[0]).toEqual([
      "round",
      "section",
      "component",
      "component_name",
      "breakdown",
      "group",
      "group_label",
      "score",
      "band",
      "n",
      "ci95_low",
      "ci95_high",
      "sd",
      "consensus_within_one_point",
      "split",
      "dont_know",
      "alpha",
    ]);
    expect(scoreRows.length - 1).toBe(
      expected.professional.components.length * 18 + expected.family.components.length * 3,
    );
    const vision = expected.professional.components.find((c) => c.component === "vision")!;
    const visionRow = scoreRows.find((r) => r[2] === "vision" && r[4] === "overall")!;
    expect(visionRow[3]).toBe(vision.name);
    expect(visionRow[7]).toBe(vision.overall.status === "ok" ? String(vision.overall.score) : "c");
    for (const row of scoreRows.slice(1))
      expect(row[7] === "c" || row[7] === "x" || /^\d+(\.\d+)?$/.test(row[7]!)).toBe(true);

    // The data download: the same two files, their codebook and a README, in one zip; the
    // codebook describes every column and every code in them (read with csv-parse).
    for (const [link, excel] of [
      ["Data and codebook (ZIP)", false],
      ["Data and codebook for Excel (ZIP)", true],
    ] as const) {
      const zip = await downloadText(page, () => page.getByRole("link", { name: link, exact: true }).click());
      expect(zip.name).toBe(excel ? "spring-2026-data-excel.zip" : "spring-2026-data.zip");
      const unzipped = unzipSync(zip.bytes);
      // Bytes, not text: a TextDecoder drops the byte-order mark.
      expect(unzipped["answers.csv"]![0] === 0xef).toBe(excel);
      const files = Object.fromEntries(Object.entries(unzipped).map(([k, v]) => [k, strFromU8(v)]));
      expect(Object.keys(files).sort()).toEqual(["README.txt", "answers.csv", "codebook.csv", "scores.csv"]);
      expect(codebookGaps(files)).toEqual([]);
      const zipAnswers = readCsv(files["answers.csv"]!).rows;
      expect(zipAnswers.length).toBe(answerRows.length - 1);
      expect(readCsv(files["scores.csv"]!).rows.map((r) => Object.values(r))).toEqual(scoreRows.slice(1));
      for (const row of zipAnswers.filter((r) => /^\d$/.test(r.value!) && r.component !== ""))
        expect(row.answer_label, `${row.item_key} ${row.value}`).not.toBe("");
      expect(files["answers.csv"]).not.toContain("single front door");
    }

    const json = await downloadText(page, () => page.getByRole("link", { name: "Full results (JSON)" }).click());
    expect(JSON.parse(json.text).result).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(json.text).not.toContain("single front door");

    const audited = await app.db.selectFrom("audit_log").select("action").where("round_id", "=", roundId).execute();
    expect(audited.map((a) => a.action).sort()).toEqual([
      "export.answers_csv",
      "export.data_zip",
      "export.data_zip",
      "export.results_json",
      "export.scores_csv",
    ]);

    // Print to PDF (the README's screenshots come from `npm run screenshots`, not from this test).
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("works on a phone, and prints there too", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const { page, errors } = await signedInPage(context, app.url, "lead@riverside.example");
    await page.goto(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}/results`);
    await waitForCharts(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, "results page on a phone");
    const pdf = await page.pdf({ width: "375px", printBackground: true });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets the lead build the action plan from the evidence, with errors shown", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await signedInPage(context, app.url, "lead@riverside.example");
    await page.goto(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}/actions`);
    await page.getByRole("heading", { level: 1, name: "Action plan: Spring 2026" }).waitFor();
    await expectNoAxeViolations(page, "action plan");

    await page.getByRole("button", { name: "Save action" }).click();
    await page.getByRole("heading", { name: "There is a problem" }).waitFor();
    for (const message of [
      "Choose the component this action is for",
      "Describe the action",
      "Enter who owns this action",
      "Enter the date the action is due",
    ]) {
      expect(await page.locator(".error-summary").getByRole("link", { name: message }).count()).toBe(1);
    }
    // The status starts at "Not started": it is never an error on its own (issue 17).
    expect(await page.locator(".error-summary").getByRole("link", { name: "Choose the action's status" }).count()).toBe(
      0,
    );
    expect(await page.getByLabel("Not started").isChecked()).toBe(true);
    await expectNoAxeViolations(page, "action plan with errors");

    // Adopt from a fresh page (no error shown), as a lead would, by keyboard.
    await page.goto(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}/actions`);
    await page
      .getByRole("link", { name: /^Adopt/ })
      .first()
      .focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/adopt=/);
    await expect.poll(async () => (await page.getByLabel("What will be done").inputValue()).length).toBeGreaterThan(10);
    // Focus has moved to the form, not left on the page body or the link.
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest("#action-form")?.id ?? document.activeElement?.tagName),
      )
      .toBe("action-form");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Add an action");
    const description = await page.getByLabel("What will be done").inputValue();
    await page.getByLabel("Owner", { exact: true }).fill("Partnership board");
    await page.getByLabel("Due date").fill("2026-09-30");
    // No status chosen: it saves as "Not started".
    await page.getByRole("button", { name: "Save action" }).click();
    await page.getByTestId("action-plan").waitFor();
    expect(await page.getByTestId("action-plan").textContent()).toContain(description);
    expect(await page.getByTestId("action-plan").textContent()).toContain("Not started");
    const saved = await app.db
      .selectFrom("action_plan_items")
      .selectAll()
      .where("round_id", "=", roundId)
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({
      owner: "Partnership board",
      due_on: "2026-09-30",
      status: "not_started",
      description,
    });
    expect(saved.evidence_key).toMatch(/^[fb]_/);

    // The plan as CSV (read with csv-parse), with the saved action and its labels.
    const planCsv = await downloadText(page, () =>
      page.getByRole("link", { name: "The plan for Excel (CSV)", exact: true }).click(),
    );
    expect(planCsv.name).toBe("spring-2026-action-plan.csv");
    expect([...planCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plan = readCsv(planCsv.text).rows;
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      round: "Spring 2026",
      component: saved.component,
      action: description,
      owner: "Partnership board",
      due_on: "2026-09-30",
      status: "not_started",
      status_label: "Not started",
      evidence_key: saved.evidence_key,
    });
    expect(plan[0]!.component_name).not.toBe("");
    expect(plan[0]!.evidence).not.toBe("");

    // The printable plan: the table, without the form, the suggestions or the buttons.
    await page.getByRole("button", { name: "Print the plan" }).waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("action-plan").isVisible()).toBe(true);
    for (const hidden of ["#action-form", "#suggestions"])
      expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
    expect(await page.getByRole("button", { name: "Print the plan" }).isVisible()).toBe(false);
    const printed = await page.pdf({ format: "A4" });
    expect(printed.subarray(0, 4).toString("latin1")).toBe("%PDF");
    await page.emulateMedia({ media: "screen" });
    // The browser logs the refused form's 400 response; nothing else may be logged.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it("keeps comments and the answers export from viewers, and the answers of a small round from everyone", async () => {
    const context = await browser.newContext();
    const { page, errors } = await signedInPage(context, app.url, "viewer@riverside.example");
    await page.goto(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}/results`);
    await page.getByRole("heading", { level: 1, name: "Results: Spring 2026" }).waitFor();
    expect(await page.getByTestId("comments").count()).toBe(0);
    expect(await page.content()).not.toContain("single front door");
    expect(await page.getByRole("link", { name: "Anonymised answers (CSV)" }).count()).toBe(0);
    expect(
      (
        await page.request.get(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}/export/answers.csv`)
      ).status(),
    ).toBe(403);
    expect(
      (await page.request.get(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}/export/scores.csv`)).status(),
    ).toBe(200);
    // The viewer's data zip has the scores and their codebook, never the answers.
    const viewerZip = await page.request.get(
      `${app.url}/partnerships/${partnershipId}/rounds/${roundId}/export/data.zip`,
    );
    expect(viewerZip.status()).toBe(200);
    const viewerFiles = Object.fromEntries(
      Object.entries(unzipSync(await viewerZip.body())).map(([k, v]) => [k, strFromU8(v)]),
    );
    expect(Object.keys(viewerFiles).sort()).toEqual(["README.txt", "codebook.csv", "scores.csv"]);
    expect(viewerFiles["README.txt"]).toContain("answers.csv   not included");
    expect(codebookGaps(viewerFiles)).toEqual([]);
    // The viewer cannot change the plan.
    await page.goto(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}/actions`);
    expect(await page.getByRole("button", { name: "Save action" }).count()).toBe(0);
    await context.close();

    const leadContext = await browser.newContext();
    const lead = await signedInPage(leadContext, app.url, "lead@riverside.example");
    const small = await lead.page.request.get(
      `${app.url}/partnerships/${partnershipId}/rounds/${smallRoundId}/export/answers.csv`,
    );
    expect(small.status()).toBe(409);
    expect(await small.text()).toContain("at least 5 people");
    await lead.page.goto(`${app.url}/partnerships/${partnershipId}/rounds/${smallRoundId}/results`);
    await lead.page.getByTestId("no-results").waitFor();
    expect([...errors, ...lead.errors]).toEqual([]);
    await leadContext.close();
  });
});
