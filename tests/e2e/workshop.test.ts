import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { makeUser } from "../support/seed-rounds";
import { expectNoAxeViolations, launchBrowser, newPage, signIn, startApp, type RunningApp } from "./harness";

/**
 * A facilitated workshop end to end: a facilitator creates a session, five phones join with
 * the code, rate two components live, one phone reloads mid-vote and keeps its vote, the
 * server restarts mid-session and everyone carries on, the facilitator reveals the ratings,
 * records consensus and an action, ends the session and downloads the summary.
 */
describe("facilitated workshop", () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const ROLES = "Roles, responsibilities and mutual understanding";
  const VISION = "Shared vision, values and goals";
  const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
  // While the server restarts, browsers report the refused connections of EventSource retries.
  const unexpected = (errors: string[]) =>
    errors.filter(
      (e) => !/ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET|ERR_INCOMPLETE_CHUNKED_ENCODING/.test(e),
    );

  it("runs a session from creation to the summary", async () => {
    // A facilitator in the demo partnership, created directly in the database.
    const partnership = await app.db.selectFrom("partnerships").selectAll().executeTakeFirstOrThrow();
    const round = await app.db
      .selectFrom("rounds")
      .selectAll()
      .where("partnership_id", "=", partnership.id)
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    const fran = { email: "fran@northshire.example", password: "facilitate-well-2027" };
    await makeUser(app.db, fran.email, "Fran Facilitator", {
      password: fran.password,
      member: { partnershipId: partnership.id, role: "facilitator" },
    });

    const facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page: projector, errors: projectorErrors } = await newPage(facilitatorContext);
    await signIn(projector, app.url, fran, `/partnerships/${partnership.id}/rounds/${round.id}`);
    await projector.getByRole("link", { name: "Run a workshop" }).click();
    await projector.getByRole("heading", { name: "Run a workshop" }).waitFor();
    await expectNoAxeViolations(projector, "new workshop");

    // Two components, roles first.
    await projector.getByLabel("Name of the workshop").fill("Board away day");
    const boxes = projector.locator('input[name="components"]');
    for (let i = 0; i < (await boxes.count()); i++) {
      const value = await boxes.nth(i).getAttribute("value");
      if (value !== "roles" && value !== "vision") await boxes.nth(i).uncheck();
    }
    await projector.getByLabel(`Order of ${ROLES}`).fill("1");
    await projector.getByLabel(`Order of ${VISION}`).fill("2");
    await projector.getByRole("button", { name: "Create the session" }).click();
    await projector.getByRole("heading", { name: ROLES }).waitFor();
    const code = (await projector.getByTestId("join-code").textContent())!.trim();
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    await expect.poll(() => projector.getByRole("status").filter({ hasText: "Live" }).count()).toBe(1);
    await expectNoAxeViolations(projector, "projector, before anyone joins");

    // Five phones join: the first types the code, the others come by the QR code's link.
    const people: { context: BrowserContext; page: Page; errors: string[] }[] = [];
    const profiles = [
      ["Team", "Health"],
      ["Team", "Social work"],
      ["Organisation", "Education"],
      ["Team", "Police"],
      ["Local authority", "Voluntary sector"],
    ] as const;
    for (const [i, [levelName, agencyName]] of profiles.entries()) {
      const context = await browser.newContext(phone);
      const { page, errors } = await newPage(context);
      if (i === 0) {
        await page.goto(`${app.url}/join`);
        await expectNoAxeViolations(page, "join with a code");
        await page.getByLabel("Workshop code").fill(code.toLowerCase());
        await page.getByRole("button", { name: "Continue" }).click();
        await page.getByRole("heading", { name: "Join the workshop" }).waitFor();
        await page.getByRole("button", { name: "Join the workshop" }).click();
        await page.getByRole("link", { name: "Select the level you mainly work at" }).waitFor();
        await expectNoAxeViolations(page, "join form with errors");
      } else {
        await page.goto(`${app.url}/join/${code}`);
      }
      await page.getByRole("radio", { name: levelName, exact: true }).check();
      await page.getByRole("radio", { name: agencyName, exact: true }).check();
      await page.getByRole("button", { name: "Join the workshop" }).click();
      await page.getByRole("heading", { name: ROLES }).waitFor();
      await page.getByTestId("voting-closed").waitFor();
      people.push({ context, page, errors });
    }
    await expectNoAxeViolations(people[0]!.page, "participant, voting closed");
    await expect.poll(() => projector.getByTestId("participant-count").textContent()).toBe("5");

    // Voting opens: every phone sees it without reloading, and rates.
    const vote = async (page: Page, rating: number) => {
      await page.getByRole("radio", { name: new RegExp(`^${rating} – `) }).check();
      await page.getByRole("button", { name: "Send my rating" }).click();
      await expect.poll(() => page.getByTestId("my-vote").textContent()).toContain(`Your rating: ${rating} –`);
    };
    await projector.getByRole("button", { name: "Open voting" }).click();
    for (const p of people) await p.page.getByRole("button", { name: "Send my rating" }).waitFor();
    await expectNoAxeViolations(people[1]!.page, "participant, voting open");
    // Fits a 375-pixel phone: nothing scrolls sideways.
    expect(await people[1]!.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const first = [2, 3, 3, 4, 4];
    await Promise.all(people.map((p, i) => vote(p.page, first[i]!)));
    // One phone changes its mind; another reloads and still has its vote.
    await vote(people[1]!.page, 4);
    await people[0]!.page.reload();
    await expect.poll(() => people[0]!.page.getByTestId("my-vote").textContent()).toContain("Your rating: 2 –");
    expect(await people[0]!.page.getByRole("radio", { name: /^2 – / }).isChecked()).toBe(true);

    // Hidden until revealed: the projector shows the count only.
    await expect.poll(() => projector.getByTestId("vote-count").textContent()).toBe("5");
    expect(await projector.getByRole("table", { name: /number of people at each rating/ }).count()).toBe(0);
    await projector.getByRole("button", { name: "Close voting" }).click();
    await people[2]!.page.getByTestId("voting-closed").waitFor();
    await projector.getByRole("button", { name: "Reveal ratings" }).click();
    const table = projector.getByRole("table", { name: /number of people at each rating/ });
    await table.waitFor();
    expect(await table.locator("tbody td").allTextContents()).toEqual(["0", "0", "1", "1", "3", "0"]);
    await expect.poll(() => projector.getByRole("img", { name: /Ratings of Roles/ }).count()).toBe(1);
    await expectNoAxeViolations(projector, "projector, ratings revealed");

    // Consensus and an action.
    await projector.getByRole("button", { name: "Record consensus" }).click();
    await projector.getByRole("link", { name: "Choose the score the group agreed" }).waitFor();
    await projector.getByRole("radio", { name: "3 – Mostly in place", exact: true }).check();
    await projector.getByLabel("Notes (optional)").fill("Clear at team level, less so between leaders.");
    await projector.getByRole("button", { name: "Record consensus" }).click();
    await expect
      .poll(() => projector.getByTestId("consensus").textContent())
      .toContain("Agreed score: 3 – Mostly in place");
    await projector.getByLabel("What will be done").fill("Map each agency's statutory duties");
    await projector.getByLabel("Who will do it").fill("Head of early help");
    await projector.getByLabel("Due date (optional)").fill("2027-06-30");
    await projector.getByRole("button", { name: "Add action" }).click();
    await projector.getByRole("button", { name: "Remove action: Map each agency's statutory duties" }).waitFor();

    // The next component reaches every phone without a reload.
    await projector.getByRole("button", { name: "Next component" }).click();
    for (const p of people) await p.page.getByRole("heading", { name: VISION }).waitFor();
    await projector.getByRole("heading", { name: VISION }).waitFor();
    await expect.poll(() => projector.getByRole("button", { name: "Open voting" }).isEnabled()).toBe(true);

    // The server restarts mid-session: state is in the database, and the streams reconnect.
    await app.kill("SIGKILL");
    await app.start();
    await projector.getByRole("button", { name: "Open voting" }).click();
    for (const p of people) await p.page.getByRole("button", { name: "Send my rating" }).waitFor({ timeout: 15_000 });
    const second = [1, 1, 2, 2, 5];
    await Promise.all(people.map((p, i) => vote(p.page, second[i]!)));
    await expect.poll(() => projector.getByTestId("vote-count").textContent(), { timeout: 10_000 }).toBe("5");
    // Ratings are revealed only once voting is closed.
    await projector.getByRole("button", { name: "Close voting" }).click();
    await people[3]!.page.getByTestId("voting-closed").waitFor();
    await projector.getByRole("button", { name: "Reveal ratings" }).click();
    await expect
      .poll(() =>
        projector
          .getByRole("table", { name: /number of people at each rating/ })
          .locator("tbody td")
          .allTextContents(),
      )
      .toEqual(["0", "2", "2", "0", "0", "1"]);
    await projector.getByRole("radio", { name: "2 – Partly in place", exact: true }).check();
    await projector.getByRole("button", { name: "Record consensus" }).click();
    await expect.poll(() => projector.getByTestId("consensus").textContent()).toContain("Agreed score: 2");

    // Voting closed: a late vote is refused with 409; after the end, joins get 410.
    const late = await people[3]!.page.request.post(`${app.url}/join/${code}`, {
      form: { intent: "vote", component: "vision", rating: "0" },
    });
    expect(late.status()).toBe(409);
    await projector.getByRole("button", { name: "End the session" }).click();
    await projector.getByText("This session has ended.").waitFor();
    for (const p of people) await p.page.getByRole("heading", { name: "The workshop has ended" }).waitFor();
    const refused = await people[4]!.page.request.get(`${app.url}/join/${code}`);
    expect(refused.status()).toBe(410);
    expect(await refused.text()).toContain("This workshop has ended");

    // The summary and its exports.
    await projector.getByRole("link", { name: "See the session summary" }).click();
    await projector.getByRole("heading", { name: "Board away day: summary" }).waitFor();
    await expectNoAxeViolations(projector, "summary");
    const base = projector.url().replace(/\/summary$/, "");
    const csv = await (await projector.request.get(`${base}/export.csv`)).text();
    expect(csv).toContain("component,1,roles,");
    expect(csv).toContain("Map each agency's statutory duties,Head of early help,2027-06-30,open");
    const json = await (await projector.request.get(`${base}/export.json`)).json();
    expect(
      json.components.map((c: { key: string; consensus: { score100: number } }) => [c.key, c.consensus.score100]),
    ).toEqual([
      ["roles", 60],
      ["vision", 40],
    ]);

    // The round's results report shows the consensus beside the survey's score.
    await projector.goto(base.replace(/\/workshops\/[^/]+$/, "/results"));
    const consensusRows = await projector.getByTestId("consensus-table").locator("tbody tr").allTextContents();
    expect(consensusRows.some((r) => r.startsWith("Shared vision, values and goals") && r.includes("240"))).toBe(true);
    expect(
      consensusRows.some((r) => r.startsWith("Roles, responsibilities and mutual understanding") && r.includes("360")),
    ).toBe(true);
    await expectNoAxeViolations(projector, "results with consensus");

    // The only 400s are the deliberately empty consensus form and join form.
    const deliberate = (errors: string[]) =>
      unexpected(errors).filter((e, i, all) => !(e.includes("400 (Bad Request)") && all.indexOf(e) === i));
    expect(deliberate(projectorErrors)).toEqual([]);
    expect(deliberate(people[0]!.errors)).toEqual([]);
    for (const p of people.slice(1)) expect(unexpected(p.errors)).toEqual([]);
    for (const p of people) await p.context.close();
    await facilitatorContext.close();
  });
});
