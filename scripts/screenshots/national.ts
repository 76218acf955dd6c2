/**
 * Screenshots of the national view (issue 18), at desktop width and on a 375 px phone, signed in
 * as the demo national viewer over the demo areas: docs/screenshots/national-desktop.png and
 * national-phone.png. Called by scripts/screenshots.ts; alone (after `npm run build`):
 *
 *   npx tsx scripts/screenshots/national.ts
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { DEMO_NATIONAL_VIEWER, seedDemo, seedDemoAreas } from "../../app/models/demo.server";
import { ROOT, launchBrowser, newPage, startApp, type RunningApp } from "../../tests/support/app-server";

const OUT = path.join(ROOT, "docs/screenshots");

const VIEWS = [
  { file: "national-desktop.png", context: { viewport: { width: 1280, height: 900 } } },
  { file: "national-phone.png", context: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } },
] as const;

/** Seeds the demo areas (idempotent) and captures the national view in both sizes. */
export async function captureNationalScreenshots(browser: Browser, app: Pick<RunningApp, "db" | "url">) {
  await seedDemoAreas(app.db);
  fs.mkdirSync(OUT, { recursive: true });
  for (const view of VIEWS) {
    const context = await browser.newContext(view.context);
    try {
      const { page, errors } = await newPage(context);
      await page.goto(`${app.url}/sign-in?redirectTo=%2Fnational`);
      await page.getByLabel("Email address").fill(DEMO_NATIONAL_VIEWER.email);
      await page.getByLabel("Password").fill(DEMO_NATIONAL_VIEWER.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${app.url}/national`);
      for (const id of ["stage-chart", "strip-plot", "national-trend-chart"])
        await page.locator(`[data-testid="${id}"] svg`).first().waitFor();
      if (errors.length) throw new Error(`The national view logged errors:\n${errors.join("\n")}`);
      const file = path.join(OUT, view.file);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
    } finally {
      await context.close();
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, "scripts/screenshots/national.ts")) {
  void (async () => {
    const app = await startApp({ seed: false });
    let browser: Browser | null = null;
    try {
      await seedDemo(app.db, { responses: true });
      browser = await launchBrowser();
      await captureNationalScreenshots(browser, app);
    } finally {
      await browser?.close();
      await app.stop();
    }
  })();
}
