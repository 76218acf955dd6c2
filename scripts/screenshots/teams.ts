/**
 * Screenshots of a partnership's report filtered to one team (issue 18), at 1280 px and on a
 * 375 px phone, written to docs/screenshots/team-report-desktop.png and team-report-phone.png,
 * and of the small team's page, which says it is hidden and why (team-hidden-desktop.png).
 * Builds its own fixture: two organisations with teams, one team below the threshold.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { createPartnership, listAgencies } from "../../app/models/partnership.server";
import { ROOT, newPage, type RunningApp } from "../../tests/support/app-server";
import { seedGroupRound } from "../../tests/support/report-builders";
import { makeUser } from "../../tests/support/seed-rounds";

const OUT = path.join(ROOT, "docs/screenshots");
const EMAIL = "screenshot-teams-lead@example.org";
const PASSWORD = "screenshot-teams-lead-1";

export async function captureTeams(browser: Browser, app: RunningApp): Promise<string[]> {
  const leadId = await makeUser(app.db, EMAIL, "Screenshot lead", { password: PASSWORD });
  const partnershipId = await createPartnership(app.db, {
    name: "Harbourside Children's Partnership",
    area: "Harbourside",
    localAuthority: "Harbourside Council",
    leadUserId: leadId,
    agencies: [
      { name: "Harbourside Community Health", type: "health" },
      { name: "Harbourside Children's Social Care", type: "social_work" },
    ],
  });
  const agencies = await listAgencies(app.db, partnershipId);
  const health = agencies.find((a) => a.agency_type === "health")!.id;
  const social = agencies.find((a) => a.agency_type === "social_work")!.id;
  const { roundId, teams } = await seedGroupRound(app.db, {
    partnershipId,
    name: "Autumn 2026",
    seed: 181,
    groups: [
      { agencyId: health, team: "Health visiting", respondents: 8 },
      { agencyId: health, team: "School nursing", respondents: 3 },
      { agencyId: health, team: null, respondents: 6 },
      { agencyId: social, team: "Front door", respondents: 7 },
      { agencyId: social, team: "Assessment", respondents: 6 },
    ],
  });
  const results = `/partnerships/${partnershipId}/rounds/${roundId}/results`;
  const shots = [
    { file: "team-report-desktop.png", url: `${results}?team=${teams["Health visiting"]}`, width: 1280, phone: false },
    { file: "team-report-phone.png", url: `${results}?team=${teams["Health visiting"]}`, width: 375, phone: true },
    { file: "team-hidden-desktop.png", url: `${results}?team=${teams["School nursing"]}`, width: 1280, phone: false },
  ];
  const written: string[] = [];
  fs.mkdirSync(OUT, { recursive: true });
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.phone ? 740 : 900 },
      isMobile: shot.phone,
      hasTouch: shot.phone,
    });
    try {
      const { page, errors } = await newPage(context);
      await page.goto(`${app.url}/sign-in`);
      await page.getByLabel("Email address").fill(EMAIL);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${app.url}/partnerships`);
      await page.goto(`${app.url}${shot.url}`);
      await page.locator('[data-testid="group-scores"], [data-testid="group-hidden"]').first().waitFor();
      if (errors.length) throw new Error(`The filtered report logged errors:\n${errors.join("\n")}`);
      const file = path.join(OUT, shot.file);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
      written.push(file);
    } finally {
      await context.close();
    }
  }
  return written;
}
