import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export { ROOT, freePort, launchBrowser, newPage, startApp, type RunningApp } from "../support/app-server";

/** axe-core against WCAG 2.2 A and AA: zero violations. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * Signs in through the sign-in page as a person would, then waits for the page it lands on:
 * `redirectTo` when given, else the partnerships list.
 */
export async function signIn(
  page: Page,
  appUrl: string,
  account: { email: string; password: string },
  redirectTo?: string,
) {
  await page.goto(`${appUrl}/sign-in${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`);
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === (redirectTo ?? "/partnerships").split("?")[0]);
}
