import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { quantileType7, round1 } from "../../app/domain/statistics";
import { STAGES } from "../../app/domain/framework";
import type { RoundResult } from "../../app/domain/scoring";
import {
  DEMO_AREAS,
  DEMO_COMMISSIONER,
  DEMO_NATIONAL_VIEWER,
  demoAreaName,
  seedDemoAreas,
} from "../../app/models/demo.server";
import { listSnapshots } from "../../app/models/snapshot.server";
import { expectNoAxeViolations, launchBrowser, newPage, startApp, type RunningApp } from "./harness";

/**
 * The national view, as the demo national viewer sees it: the stage distribution and a
 * component's median must be what the published snapshots say, worked out here from the
 * snapshots themselves (the scoring module's results), not from the national module.
 */
describe("the national view", () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startApp();
    await seedDemoAreas(app.db);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  /** Each sharing area's latest closed round whose latest final snapshot published figures. */
  async function expectedLatestResults(): Promise<Extract<RoundResult, { status: "ok" }>[]> {
    const rounds = await app.db
      .selectFrom("rounds")
      .innerJoin("national_sharing", "national_sharing.partnership_id", "rounds.partnership_id")
      .select(["rounds.id", "rounds.partnership_id", "rounds.closes_on"])
      .where("rounds.status", "=", "closed")
      .orderBy("rounds.closes_on", "desc")
      .execute();
    const out = new Map<string, Extract<RoundResult, { status: "ok" }>>();
    for (const round of rounds) {
      if (out.has(round.partnership_id)) continue;
      const final = (await listSnapshots(app.db, round.id)).filter((s) => s.kind === "final").at(-1);
      const result = final?.content.result;
      if (result?.status === "ok") out.set(round.partnership_id, result);
    }
    return [...out.values()];
  }

  async function signIn(email: string, password: string) {
    await context?.close();
    context = await browser.newContext();
    const { page, errors } = await newPage(context);
    // A demo install shows the demo accounts' sign-in on its home page.
    await page.goto(`${app.url}/`);
    await page.getByText(email).first().waitFor();
    await page.goto(`${app.url}/sign-in?redirectTo=%2Fnational`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    return { page, errors };
  }

  it("shows the stage distribution and each component's median from the published snapshots", async () => {
    const expected = await expectedLatestResults();
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const stageCounts = STAGES.map(
      (s) =>
        expected.filter(
          (r) =>
            r.continuum.status === "ok" &&
            r.continuum.placement.status === "ok" &&
            r.continuum.placement.current.stage === s.stage,
        ).length,
    );
    const leadership = expected
      .flatMap((r) => {
        if (r.professional.status !== "ok") return [];
        const c = r.professional.components.find((x) => x.component === "leadership");
        return c?.overall.status === "ok" ? [c.overall.score] : [];
      })
      .sort((a, b) => a - b);
    const median = round1(quantileType7(leadership, 0.5));

    const { page, errors } = await signIn(DEMO_NATIONAL_VIEWER.email, DEMO_NATIONAL_VIEWER.password);
    await page.waitForURL(`${app.url}/national`);
    await page.getByRole("heading", { name: "National view" }).waitFor();

    const stageTable = page.getByRole("table", { name: "Areas at each continuum stage" });
    for (const s of STAGES) {
      const row = stageTable.getByRole("row", { name: new RegExp(`^${s.stage}\\. ${s.name}`) });
      await expect(row.getByRole("cell").first().textContent()).resolves.toBe(String(stageCounts[s.stage]));
    }
    const componentRow = page
      .getByRole("table", { name: "Component scores across areas" })
      .getByRole("row", { name: /^Committed leadership/ });
    const cells = componentRow.getByRole("cell");
    await expect(cells.nth(0).textContent()).resolves.toBe(String(leadership.length));
    await expect(cells.nth(1).textContent()).resolves.toBe(median.toFixed(1));

    // The charts draw in the browser.
    await page.locator('[data-testid="strip-plot"] svg').first().waitFor();
    await page.locator('[data-testid="stage-chart"] svg.recharts-surface').first().waitFor();
    await expectNoAxeViolations(page, "/national");
    expect(errors).toEqual([]);
  }, 120_000);

  it("drills into a sharing area, keeps its hidden round hidden, and never offers an area that does not share", async () => {
    const { page, errors } = await signIn(DEMO_NATIONAL_VIEWER.email, DEMO_NATIONAL_VIEWER.password);
    await page.waitForURL(`${app.url}/national`);
    const choices = await page.getByLabel("Look into one area").locator("option").allTextContents();
    const notSharing = DEMO_AREAS.find((a) => !a.national)!;
    expect(choices).not.toContain(demoAreaName(notSharing.area));
    // Highcombe's first round had fewer respondents than its threshold of 10.
    const small = DEMO_AREAS.find((a) => a.sizes.some((n) => n < a.threshold))!;
    await page.getByLabel("Look into one area").selectOption({ label: demoAreaName(small.area) });
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByRole("heading", { name: demoAreaName(small.area) }).waitFor();
    const table = page.getByRole("table", { name: new RegExp(`${small.area}.*published figures by round`) });
    const respondents = table.getByRole("row", { name: /^Respondents/ }).getByRole("cell");
    await expect(respondents.first().textContent()).resolves.toMatch(/^c/);
    await expect(respondents.last().textContent()).resolves.toMatch(/^\d+$/);
    await expectNoAxeViolations(page, "/national?area=");

    // An area that does not share is not found, by address either.
    const hidden = await app.db
      .selectFrom("partnerships")
      .select("id")
      .where("name", "=", demoAreaName(notSharing.area))
      .executeTakeFirstOrThrow();
    const res = await page.goto(`${app.url}/national?area=${hidden.id}`);
    expect(res?.status()).toBe(404);
    expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
  }, 120_000);

  it("is not found for a commissioner", async () => {
    const { page } = await signIn(DEMO_COMMISSIONER.email, DEMO_COMMISSIONER.password);
    await page.waitForURL(/\/national/);
    const res = await page.goto(`${app.url}/national`);
    expect(res?.status()).toBe(404);
  }, 60_000);
});
