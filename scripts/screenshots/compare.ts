/**
 * Screenshots of the commissioner comparison (issue 18), at 1280 px and on a 375 px phone,
 * written to docs/screenshots/compare-desktop.png and compare-phone.png. Builds its own
 * fixture in the running app's database: the demo partnership (last year's closed round and
 * this year's interim results) and two more areas with one closed round each, all shared with
 * a commissioner, who arrives on /compare with nothing chosen (every shared area pre-selected).
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { grantCommissioner } from "../../app/models/commissioner.server";
import { seedDemo } from "../../app/models/demo.server";
import { agencyInputs } from "../../app/models/report.server";
import { takeSnapshot } from "../../app/models/snapshot.server";
import { ROOT, newPage, type RunningApp } from "../../tests/support/app-server";
import { makeUser, seedArea } from "../../tests/support/seed-rounds";

const OUT = path.join(ROOT, "docs/screenshots");
const EMAIL = "screenshot-commissioner@example.org";
const PASSWORD = "screenshot-commissioner-1";

/** An area with one closed round and its final snapshot. */
async function makeArea(app: RunningApp, name: string, respondents: number, seed: number) {
  const { pid, round } = await seedArea(app.db, { name, respondents, seed });
  await takeSnapshot(app.db, { round, kind: "final", agencies: await agencyInputs(app.db, pid) });
  return pid;
}

/** Captures the comparison at desktop and phone widths; returns the files written. */
export async function captureCompare(browser: Browser, app: RunningApp): Promise<string[]> {
  const { partnershipId } = await seedDemo(app.db, { responses: true });
  const shared = [partnershipId, await makeArea(app, "Eastmere", 28, 21), await makeArea(app, "Westbrook", 19, 22)];
  const userId = await makeUser(app.db, EMAIL, "Screenshot commissioner", { password: PASSWORD });
  for (const pid of shared) await grantCommissioner(app.db, { partnershipId: pid, userId, grantedBy: userId });

  const views = [
    { file: "compare-desktop.png", context: { viewport: { width: 1280, height: 900 } } },
    {
      file: "compare-phone.png",
      context: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
    },
  ];
  const written: string[] = [];
  fs.mkdirSync(OUT, { recursive: true });
  for (const view of views) {
    const context = await browser.newContext(view.context);
    try {
      const { page, errors } = await newPage(context);
      await page.goto(`${app.url}/sign-in?redirectTo=${encodeURIComponent("/compare")}`);
      await page.getByLabel("Email address").fill(EMAIL);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/compare/);
      await page.locator('[data-testid="heatmap-chart"] svg').first().waitFor();
      await page.locator('[data-testid="trend-chart"] svg.recharts-surface').first().waitFor();
      if (errors.length) throw new Error(`The comparison logged errors:\n${errors.join("\n")}`);
      const file = path.join(OUT, view.file);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
      written.push(file);
    } finally {
      await context.close();
    }
  }
  return written;
}
