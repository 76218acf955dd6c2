/**
 * The README's screenshots of a round's results report, at desktop width and on a 375 px phone,
 * written to docs/screenshots/. Starts the built app (run `npm run build` first) on a temporary
 * SQLite database with the demo partnership and its answers, signs in as the demo lead and
 * captures the demo round's report once its charts have drawn.
 *
 *   npm run build && npm run screenshots
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { DEMO_LEAD, seedDemo } from "../app/models/demo.server";
import { ROOT, launchBrowser, newPage, startApp } from "../tests/support/app-server";
import { captureWorkshop } from "./screenshots/workshop";
import { captureReportPdf } from "./screenshots/report-pdf";
import { captureCompare } from "./screenshots/compare";
import { captureNationalScreenshots } from "./screenshots/national";
import { captureTeams } from "./screenshots/teams";

const OUT = path.join(ROOT, "docs/screenshots");

const VIEWS = [
  { file: "results-desktop.png", context: { viewport: { width: 1280, height: 900 } } },
  { file: "results-phone.png", context: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } },
] as const;

async function waitForCharts(page: Page) {
  for (const id of ["component-scores", "perception-gap", "family-scores"]) {
    await page.locator(`[data-testid="${id}-chart"] svg.recharts-surface`).first().waitFor();
  }
  await page.locator('[data-testid="component-scores-chart"] .recharts-bar-rectangle').first().waitFor();
}

async function capture(browser: Browser, appUrl: string, resultsPath: string, view: (typeof VIEWS)[number]) {
  const context = await browser.newContext(view.context);
  try {
    const { page, errors } = await newPage(context);
    await page.goto(`${appUrl}/sign-in`);
    await page.getByLabel("Email address").fill(DEMO_LEAD.email);
    await page.getByLabel("Password").fill(DEMO_LEAD.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${appUrl}/partnerships`);
    await page.goto(`${appUrl}${resultsPath}`);
    await waitForCharts(page);
    if (errors.length) throw new Error(`The results page logged errors:\n${errors.join("\n")}`);
    const file = path.join(OUT, view.file);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
  } finally {
    await context.close();
  }
}

const app = await startApp({ seed: false });
let browser: Browser | null = null;
try {
  const { partnershipId } = await seedDemo(app.db, { responses: true });
  const round = await app.db
    .selectFrom("rounds")
    .select("id")
    .where("partnership_id", "=", partnershipId)
    .where("status", "=", "open")
    .executeTakeFirstOrThrow();
  browser = await launchBrowser();
  fs.mkdirSync(OUT, { recursive: true });
  for (const view of VIEWS) {
    await capture(browser, app.url, `/partnerships/${partnershipId}/rounds/${round.id}/results`, view);
  }
  await captureWorkshop(browser, app, partnershipId, round.id);
  await captureReportPdf(browser, app.url, `/partnerships/${partnershipId}/rounds/${round.id}/results`);
  await captureCompare(browser, app);
  await captureNationalScreenshots(browser, app);
  await captureTeams(browser, app);
} finally {
  await browser?.close();
  await app.stop();
}
