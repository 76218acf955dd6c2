/**
 * The workshop room's screenshots (issue 18): the projector screen at 1366 x 768 with a
 * revealed spread (docs/screenshots/workshop-projector.png: what fits above the fold), and the
 * facilitator's console on a 375 px phone (docs/screenshots/workshop-console-phone.png).
 * Called by scripts/screenshots.ts with the running app, signed in as the demo lead.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { DEMO_LEAD } from "../../app/models/demo.server";
import {
  castVote,
  createWorkshop,
  joinWorkshop,
  recordConsensus,
  setRevealed,
  setVoting,
} from "../../app/models/workshop.server";
import { ROOT, newPage, type RunningApp } from "../../tests/support/app-server";

const OUT = path.join(ROOT, "docs/screenshots");

/** A room of ten (threshold 5 on the demo round) has rated the first component, and the ratings are revealed. */
export async function captureWorkshop(browser: Browser, app: RunningApp, partnershipId: string, roundId: string) {
  const { id } = await createWorkshop(app.db, {
    partnershipId,
    roundId,
    name: "Partnership board away day",
    components: ["information", "roles", "vision"],
    createdBy: null,
  });
  const scope = { partnershipId, workshopId: id };
  const room = [
    ["team", "health", 3],
    ["team", "social_work", 2],
    ["team", "education", 3],
    ["team", "health", 4],
    ["team", "police", 2],
    ["local_authority", "social_work", 1],
    ["local_authority", "health", 2],
    ["local_authority", "education", 2],
    ["local_authority", "social_work", 1],
    ["local_authority", "police", 1],
  ] as const;
  await setVoting(app.db, { ...scope, open: true });
  for (const [level, agencyType, rating] of room) {
    const { participantId } = await joinWorkshop(app.db, { workshopId: id, level, agencyType });
    await castVote(app.db, { workshopId: id, participantId, component: "information", rating });
  }
  await setVoting(app.db, { ...scope, open: false });
  await setRevealed(app.db, { ...scope, revealed: true });
  await recordConsensus(app.db, { ...scope, component: "information", score: 2, notes: "", recordedBy: null });
  const base = `/partnerships/${partnershipId}/rounds/${roundId}/workshops/${id}`;

  const views = [
    { file: "workshop-projector.png", path: `${base}/screen`, viewport: { width: 1366, height: 768 }, fullPage: false },
    { file: "workshop-console-phone.png", path: base, viewport: { width: 375, height: 740 }, fullPage: true },
  ];
  for (const view of views) {
    const context = await browser.newContext({
      viewport: view.viewport,
      ...(view.viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
    });
    try {
      const { page, errors } = await newPage(context);
      await page.goto(`${app.url}/sign-in`);
      await page.getByLabel("Email address").fill(DEMO_LEAD.email);
      await page.getByLabel("Password").fill(DEMO_LEAD.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${app.url}/partnerships`);
      await page.goto(`${app.url}${view.path}`);
      await page.locator("svg.rating-chart").first().waitFor();
      await page.getByRole("status").filter({ hasText: "Live" }).first().waitFor();
      if (errors.length) throw new Error(`${view.path} logged errors:\n${errors.join("\n")}`);
      const file = path.join(OUT, view.file);
      await page.screenshot({ path: file, fullPage: view.fullPage });
      console.log(`${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
    } finally {
      await context.close();
    }
  }
}
