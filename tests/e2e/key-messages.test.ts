import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { AGENCY_TYPES, COMPONENTS } from "../../app/domain/framework";
import { type ScoreFigure } from "../../app/domain/scoring";
import { welchInterval } from "../../app/domain/statistics";
import { createPartnership } from "../../app/models/partnership.server";
import { setRoundStatus } from "../../app/models/round.server";
import { expectNoAxeViolations, launchBrowser, newPage, signIn, startApp, type RunningApp } from "./harness";
import { expectedResult, makeUser, seedRound, TEST_PASSWORD } from "../support/seed-rounds";

/**
 * The key messages at the top of the report, read as a board member would and checked one by
 * one against the scoring module's result: every difference a message claims is supported by
 * Welch's interval computed here from the published figures, and a difference the figures do
 * not support (a change since last year within what chance could give) is never claimed.
 */

type Ok = Extract<ScoreFigure, { status: "ok" }>;
const isOk = (f: ScoreFigure): f is Ok => f.status === "ok";

/** Welch's interval of a - b excludes 0, at the given confidence, with at least 5 people each. */
function clearlyDifferent(a: Ok, b: Ok, confidence = 0.95): boolean {
  if (a.n < 5 || b.n < 5) return false;
  const w = welchInterval({ n: a.n, mean: a.score, sd: a.sd }, { n: b.n, mean: b.score, sd: b.sd }, confidence);
  return w.low > 0 || w.high < 0;
}

describe("key messages", () => {
  let app: RunningApp;
  let browser: Browser;
  let partnershipId: string;
  let previousId: string;
  let roundId: string;

  beforeAll(async () => {
    app = await startApp({ seed: false });
    browser = await launchBrowser();
    const leadId = await makeUser(app.db, "lead@eastbrook.example", "Eli Lead");
    partnershipId = await createPartnership(app.db, {
      name: "Eastbrook Children's Partnership",
      area: "Eastbrook",
      localAuthority: "Eastbrook Council",
      leadUserId: leadId,
      agencies: [
        { name: "Eastbrook Social Care", type: "social_work" },
        { name: "Eastbrook Health", type: "health" },
        { name: "Eastbrook Schools", type: "education" },
      ],
    });
    previousId = await seedRound(app.db, partnershipId, {
      name: "Spring 2025",
      professional: 30,
      family: 8,
      seed: 21,
      lean: { information: 0.15, resources: 0.2 },
    });
    await setRoundStatus(app.db, { partnershipId, roundId: previousId, status: "closed" });
    await app.db
      .updateTable("rounds")
      .set({ created_at: "2025-01-01T00:00:00.000Z" })
      .where("id", "=", previousId)
      .execute();
    roundId = await seedRound(app.db, partnershipId, { name: "Spring 2026", professional: 40, family: 12, seed: 22 });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("states only what the figures support, each message linking to its figure", async () => {
    const current = await expectedResult(app.db, partnershipId, roundId);
    const previous = await expectedResult(app.db, partnershipId, previousId);
    if (current.status !== "ok" || current.professional.status !== "ok" || previous.status !== "ok")
      throw new Error("both rounds should have results");
    if (previous.professional.status !== "ok") throw new Error("the previous round should have results");
    const components = current.professional.components;
    const before = previous.professional.components;

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await newPage(context);
    await signIn(page, app.url, { email: "lead@eastbrook.example", password: TEST_PASSWORD });
    await page.goto(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}/results`);
    await page.getByRole("heading", { level: 2, name: "Key messages" }).waitFor();

    const items = page.getByTestId("key-messages").locator("li");
    const count = await items.count();
    expect(count).toBeGreaterThanOrEqual(5);
    expect(count).toBeLessThanOrEqual(8);
    const messages: Record<string, string> = {};
    for (let i = 0; i < count; i++) {
      const item = items.nth(i);
      const kind = (await item.getAttribute("data-kind"))!;
      messages[kind] = (await item.locator(".key-message-text").textContent())!;
      // Each links to a figure or table that is on the page.
      const href = (await item.getByRole("link").getAttribute("href"))!;
      expect(href).toMatch(/^#[a-z-]+$/);
      expect(await page.locator(href).count()).toBe(1);
    }
    const nameIn = (text: string, name: string) => text.toLowerCase().includes(name.toLowerCase());

    // Components by band: the counts of the figures shown.
    const shown = components.map((c) => c.overall).filter(isOk);
    const bands = ["strength", "borderline", "concern"].map((b) => shown.filter((f) => f.band === b).length);
    const numbers = messages.bands!.replace(/none/g, "0").match(/\d+/g)!.map(Number);
    expect(numbers).toEqual([shown.length, ...bands]);

    // Highest and lowest, with bands; "may not really differ" exactly when Welch's interval includes 0.
    const sorted = components
      .filter((c) => isOk(c.overall))
      .sort((a, b) => (b.overall as Ok).score - (a.overall as Ok).score);
    const hi = sorted[0]!;
    const lo = sorted[sorted.length - 1]!;
    const hiF = hi.overall as Ok;
    const loF = lo.overall as Ok;
    expect(nameIn(messages.highest_lowest!, hi.name)).toBe(true);
    expect(messages.highest_lowest).toContain(`(${hiF.score.toFixed(1)}, ${hiF.band})`);
    expect(nameIn(messages.highest_lowest!, lo.name)).toBe(true);
    expect(messages.highest_lowest).toContain(`(${loF.score.toFixed(1)}, ${loF.band})`);
    expect(messages.highest_lowest!.includes("may not really differ")).toBe(!clearlyDifferent(hiF, loF));

    // The continuum: the computed stage.
    if (current.continuum.status === "ok" && current.continuum.placement.status === "ok") {
      const p = current.continuum.placement;
      expect(messages.continuum).toContain(`stage ${p.current.stage}, ${p.current.name}`);
    }

    // Levels: a clear gap is the largest clear one; otherwise every gap is unclear.
    const levelGaps = components.flatMap((c) => (c.perceptionGap.status === "ok" ? [{ c, g: c.perceptionGap }] : []));
    if (messages.level_gap!.startsWith("No difference between levels is clear")) {
      expect(levelGaps.every((x) => !x.g.clear)).toBe(true);
    } else {
      const largest = levelGaps.filter((x) => x.g.clear).sort((a, b) => b.g.gap - a.g.gap)[0]!;
      expect(nameIn(messages.level_gap!, largest.c.name)).toBe(true);
      expect(messages.level_gap).toContain(largest.g.gap.toFixed(1));
    }

    // Kinds of agency: Welch's interval, widened for every pair of kinds shown (Bonferroni).
    const agencyGaps = components.flatMap((c) => {
      const groups = AGENCY_TYPES.flatMap((t) => {
        const f = c.byAgencyType[t.key];
        return isOk(f) ? [{ type: t, f }] : [];
      }).sort((a, b) => b.f.score - a.f.score);
      if (groups.length < 2) return [];
      const pairs = (groups.length * (groups.length - 1)) / 2;
      const top = groups[0]!;
      const bottom = groups[groups.length - 1]!;
      const confidence = Math.round((1 - 0.05 / pairs) * 10000) / 10000;
      return [
        { c, top, bottom, gap: top.f.score - bottom.f.score, clear: clearlyDifferent(top.f, bottom.f, confidence) },
      ];
    });
    expect(agencyGaps.length).toBeGreaterThan(0);
    if (messages.agency_gap!.startsWith("No difference between kinds of agency is clear")) {
      expect(agencyGaps.every((x) => !x.clear)).toBe(true);
    } else {
      const largest = agencyGaps.filter((x) => x.clear).sort((a, b) => b.gap - a.gap)[0]!;
      expect(nameIn(messages.agency_gap!, largest.c.name)).toBe(true);
      expect(nameIn(messages.agency_gap!, largest.bottom.type.name)).toBe(true);
    }
    // The member agencies' own names never appear.
    for (const text of Object.values(messages)) expect(text).not.toContain("Eastbrook");

    // Families beside professionals: every component named is clearly lower for families.
    if (current.family.status === "ok") {
      const both = current.family.components.flatMap((fc) => {
        const pc = components.find((c) => c.component === fc.component)!;
        return fc.itemCount > 0 && isOk(fc.overall) && isOk(pc.overall)
          ? [{ name: pc.name, fam: fc.overall, pro: pc.overall }]
          : [];
      });
      const lower = both.filter((x) => clearlyDifferent(x.pro, x.fam) && x.fam.score < x.pro.score);
      for (const x of both) {
        const named = nameIn(messages.families!, x.name);
        if (
          named &&
          messages.families!.startsWith("Families rate ") &&
          !messages.families!.startsWith("Families rate no")
        ) {
          expect(lower.map((l) => l.name)).toContain(x.name);
        }
      }
      if (!lower.length) expect(messages.families).toMatch(/do not differ clearly|no component clearly lower/);
    }

    // Change since last year: claimed changes are clear; unsupported ones are never claimed.
    const tested = components.flatMap((c) => {
      const b = before.find((x) => x.component === c.component)!;
      return isOk(c.overall) && isOk(b.overall) ? [{ c, now: c.overall, then: b.overall }] : [];
    });
    const clearChanges = tested.filter((x) => clearlyDifferent(x.now, x.then));
    const unclear = tested.filter((x) => !clearlyDifferent(x.now, x.then) && x.now.score !== x.then.score);
    // The case that must not be claimed: a change the figures do not support.
    expect(unclear.length).toBeGreaterThan(0);
    for (const x of unclear) expect(nameIn(messages.change!, x.c.name)).toBe(false);
    for (const x of clearChanges) expect(nameIn(messages.change!, x.c.name)).toBe(true);
    if (!clearChanges.length) expect(messages.change).toMatch(/^No component changed clearly/);

    // In the change table, an unsupported change reads "No clear change", in the text colour, not red.
    const row = page.getByTestId("comparison-table").locator(`tr[data-component="${unclear[0]!.c.component}"]`);
    expect(await row.getAttribute("data-verdict")).toBe("no_clear_change");
    const cell = row.locator(".change");
    expect(await cell.textContent()).toBe("No clear change");
    const [colour, body] = await Promise.all([
      cell.evaluate((el) => getComputedStyle(el).color),
      page.evaluate(() => getComputedStyle(document.body).color),
    ]);
    expect(colour).toBe(body);

    await expectNoAxeViolations(page, "results page with key messages");

    // Printed, a heading never ends a page alone: short sections and every figure stay whole.
    await page.emulateMedia({ media: "print" });
    const print = await page.evaluate(() => {
      const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
      return {
        change: style("#change").breakInside,
        heading: style("#change-title").breakAfter,
        chart: style('[data-testid="component-scores-chart"]').breakInside,
        caption: style("#component-scores-caption").breakAfter,
      };
    });
    expect(print).toEqual({ change: "avoid", heading: "avoid", chart: "avoid", caption: "avoid" });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("reads on a 375 px phone: whole component names in Figure 1, band labels, stage names and a scroll cue", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const { page, errors } = await newPage(context);
    await signIn(page, app.url, { email: "lead@eastbrook.example", password: TEST_PASSWORD });
    await page.goto(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}/results`);
    const chart = page.locator('[data-testid="component-scores-chart"] svg.recharts-surface');
    await page.locator('[data-testid="component-scores-chart"] .recharts-bar-rectangle').first().waitFor();
    const text = (await chart.locator("text").allTextContents()).join(" ");
    for (const name of ["Concern", "Borderline", "Strength"]) expect(text).toContain(name);
    expect(text).not.toContain("…");
    // Every component's whole name (Recharts splits a wrapped name into lines: compare without spaces).
    const squeezed = text.replace(/\s+/g, "");
    for (const c of COMPONENTS) expect(squeezed).toContain(c.name.replace(/\s+/g, ""));
    // The partner matrix names stages (with a key), and says it scrolls.
    await expect.poll(() => page.locator(".scroll-cue").isVisible()).toBe(true);
    const cells = (await page.getByTestId("partner-matrix").locator("td.matrix-cell").allTextContents()).join(" ");
    expect(cells).toMatch(/Coex|Comm|Coop|Coord|Coal|Integ|c/);
    expect(cells).not.toMatch(/\d → \d/);
    expect(await page.getByRole("list", { name: "Key to the stage names" }).locator("li").count()).toBe(7);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
