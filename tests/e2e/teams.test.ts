import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hashPassword, newId } from "../../app/crypto.server";
import { component } from "../../app/domain/framework";
import type { GroupView, RoundResult } from "../../app/domain/scoring";
import { createAccessInvitation } from "../../app/models/access-invitation.server";
import { createPartnership, listAgencies } from "../../app/models/partnership.server";
import { expectNoAxeViolations, launchBrowser, newPage, signIn, startApp, type RunningApp } from "./harness";
import { scoreGroupRoundAgain, seedGroupRound } from "../support/report-builders";

/**
 * Organisation and team views (issue 18): a partnership with two organisations and teams, one
 * team below the threshold. The lead filters the report to a team with the GET form; the
 * figures equal the scoring module's on the same answers; the small team is hidden, and the
 * organisation minus the other team does not give it away. An organisation lead sees only its
 * own organisation: the whole report and another organisation answer 403 and 404.
 */

const PASSWORD = "a long enough test password";

async function makeUser(app: RunningApp, email: string) {
  const id = newId();
  await app.db
    .insertInto("users")
    .values({
      id,
      email,
      name: email.split("@")[0]!,
      password_hash: await hashPassword(PASSWORD),
      is_admin: 0,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

const viewOf = (result: RoundResult, kind: "organisations" | "teams", key: string): GroupView => {
  if (result.status !== "ok" || !result.groups) throw new Error("no group views");
  return result.groups[kind].find((v) => v.key === key)!;
};
const n = (v: GroupView) => (v.respondents.status === "ok" ? v.respondents.n : null);

describe("the report filtered to an organisation and a team", () => {
  let app: RunningApp;
  let browser: Browser;
  let partnershipId: string;
  let roundId: string;
  let health: string;
  let social: string;
  let teams: Record<string, string>;
  let expected: RoundResult;

  beforeAll(async () => {
    app = await startApp({ seed: false });
    browser = await launchBrowser();
    const leadId = await makeUser(app, "lead@teams.example");
    await makeUser(app, "orglead@teams.example");
    partnershipId = await createPartnership(app.db, {
      name: "Teamford Children's Partnership",
      area: "Teamford",
      localAuthority: "Teamford Council",
      leadUserId: leadId,
      agencies: [
        { name: "Teamford Community Health", type: "health" },
        { name: "Teamford Children's Social Care", type: "social_work" },
      ],
    });
    const agencies = await listAgencies(app.db, partnershipId);
    health = agencies.find((a) => a.agency_type === "health")!.id;
    social = agencies.find((a) => a.agency_type === "social_work")!.id;
    // Health: Health visiting 8, School nursing 3 (below 5), 6 on the organisation's own link.
    // Social care: Front door 7, Assessment 6.
    ({ roundId, teams } = await seedGroupRound(app.db, {
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
    }));
    expected = await scoreGroupRoundAgain(app.db, { partnershipId, roundId });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const signedInPage = async (email: string) => {
    const context = await browser.newContext();
    const { page, errors } = await newPage(context);
    await signIn(page, app.url, { email, password: PASSWORD });
    return { context, page, errors };
  };

  it("filters to a team with the form; figures equal the scoring module's; the small team is hidden", async () => {
    const visiting = viewOf(expected, "teams", teams["Health visiting"]!);
    const nursing = viewOf(expected, "teams", teams["School nursing"]!);
    const organisation = viewOf(expected, "organisations", health);
    expect(n(visiting)).toBe(8);
    expect(nursing.respondents.status).toBe("suppressed");
    // The organisation minus its other shown teams is not a small group: 17 - 8 = 9 (3 + 6).
    expect(n(organisation)).toBe(17);
    expect(n(organisation)! - n(visiting)!).toBeGreaterThanOrEqual(5);

    const { context, page, errors } = await signedInPage("lead@teams.example");
    await page.goto(`${app.url}/partnerships/${partnershipId}/rounds/${roundId}/results`);
    await page.getByLabel("Organisation", { exact: true }).selectOption(health);
    await page.getByLabel("Team", { exact: true }).selectOption(teams["Health visiting"]!);
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/team=/);
    await page.getByRole("heading", { name: /Component scores: Health visiting/ }).waitFor();
    expect(await page.getByTestId("group-respondents").innerText()).toBe("8");
    for (const c of visiting.components) {
      const cell = page.locator(`tr[data-component="${c.component}"] [data-testid="group-score"]`);
      const text = (await cell.innerText()).trim();
      if (c.overall.status === "ok") expect(text, component(c.component).name).toBe(c.overall.score.toFixed(1));
      else expect(text.startsWith("c") || text.startsWith("x")).toBe(true);
    }
    // No whole-partnership figure on a filtered page.
    expect(await page.getByRole("heading", { name: "Who answered" }).count()).toBe(0);
    await expectNoAxeViolations(page, "team report");

    // The small team: hidden, with the reason, and no figure at all.
    await page.getByLabel("Team", { exact: true }).selectOption(teams["School nursing"]!);
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByTestId("group-hidden").waitFor();
    expect(await page.getByTestId("group-hidden").innerText()).toContain("Fewer than 5 respondents");
    expect(await page.getByTestId("group-scores").count()).toBe(0);
    // The organisation, published, minus the one other shown team leaves 9 people, not 3.
    await page.getByLabel("Organisation", { exact: true }).selectOption(health);
    await page.getByLabel("Team", { exact: true }).selectOption("");
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByRole("heading", { name: /Component scores: Teamford Community Health/ }).waitFor();
    expect(await page.getByTestId("group-respondents").innerText()).toBe("17");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("an organisation lead sees its own organisation only: the whole report is 403, another organisation 404", async () => {
    const { token } = await createAccessInvitation(app.db, {
      partnershipId,
      kind: "organisation",
      role: null,
      agencyId: health,
      note: "",
      createdBy: null,
    });
    const { context, page } = await signedInPage("orglead@teams.example");
    await page.goto(`${app.url}/invite/${token}`);
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await page.waitForURL(`${app.url}/partnerships`);
    await page.getByRole("link", { name: "Autumn 2026" }).click();
    await page.getByRole("heading", { name: /Component scores: Teamford Community Health/ }).waitFor();
    // Only its own organisation and its teams are offered.
    const offered = await page.getByLabel("Organisation", { exact: true }).locator("option").allInnerTexts();
    expect(offered).toEqual(["Teamford Community Health"]);
    const results = `${app.url}/partnerships/${partnershipId}/rounds/${roundId}/results`;
    expect((await page.goto(results))!.status()).toBe(403);
    expect((await page.goto(`${results}?org=${social}`))!.status()).toBe(404);
    expect((await page.goto(`${results}?team=${teams["Front door"]}`))!.status()).toBe(404);
    expect((await page.goto(`${app.url}/partnerships/${partnershipId}`))!.status()).toBe(404);
    expect((await page.goto(`${results}?org=${health}&team=${teams["Health visiting"]}`))!.status()).toBe(200);
    await context.close();
  }, 120_000);
});
