import type { Page } from "playwright-core";
import { expect } from "vitest";
import { translator } from "../../app/domain/i18n";
import type { Lang } from "../../app/domain/language";
import { expectNoAxeViolations } from "./harness";

/** The names of the questions visible on the current page of a SurveyJS questionnaire. */
export async function visibleQuestionNames(page: Page): Promise<string[]> {
  return page
    .locator(".sd-question[data-name]:visible")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-name")!));
}

/**
 * Answers every visible question on the current page as a person would, by clicking the label
 * of an option: `choose` picks the option's index from the option texts.
 */
export async function answerPage(
  page: Page,
  choose: (name: string, options: string[]) => number | null = defaultChoice,
) {
  const answered: Record<string, string> = {};
  for (const name of await visibleQuestionNames(page)) {
    const question = page.locator(`.sd-question[data-name="${name}"]`);
    const labels = question.locator(".sd-selectbase__label");
    const count = await labels.count();
    if (count > 0) {
      const texts = (await labels.allTextContents()).map((t) => t.trim());
      const index = choose(name, texts);
      if (index === null) continue;
      await labels.nth(index).locator(".sd-item__control-label").click();
      answered[name] = texts[index]!;
      continue;
    }
    const dropdown = question.locator(".sd-dropdown, [role=combobox]").first();
    if (await dropdown.count()) {
      await dropdown.click();
      const option = page.locator(".sv-list__item:visible").first();
      answered[name] = (await option.textContent())?.trim() ?? "";
      await option.click();
    }
  }
  return answered;
}

/** Agree with facilitators, "a minor barrier" for barriers, the first option otherwise. */
export function defaultChoice(_name: string, options: string[]): number {
  const agree = options.findIndex((o) => o === "Agree" || o === "Mostly");
  if (agree >= 0) return agree;
  const minor = options.findIndex((o) => o === "A minor barrier");
  if (minor >= 0) return minor;
  const partly = options.findIndex((o) => o === "Partly");
  if (partly >= 0) return partly;
  return 0;
}

export async function pageTitle(page: Page) {
  return (
    (
      await page
        .locator(".sd-page__title")
        .first()
        .textContent()
        .catch(() => null)
    )?.trim() ?? ""
  );
}

/** Clicks the survey's Next button; returns false when there is none (the last page). */
export async function nextPage(page: Page): Promise<boolean> {
  const next = page.locator(".sd-navigation__next-btn:visible");
  if (!(await next.count())) return false;
  const before = await visibleQuestionNames(page);
  await next.click();
  await page.waitForFunction(
    (prev) =>
      JSON.stringify(
        Array.from(document.querySelectorAll(".sd-question[data-name]"))
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => e.getAttribute("data-name")),
      ) !== prev,
    JSON.stringify(before),
  );
  return true;
}

/** Waits until the page says every answer is saved on the server. */
export async function waitForSaved(page: Page) {
  await page.getByText(/All answers saved at/).waitFor({ timeout: 15_000 });
}

/** From the start page (or straight in, when answers are saved), waits for the first question. */
export async function startQuestionnaire(page: Page) {
  const start = page.getByRole("button", { name: "Start now" });
  await Promise.race([start.waitFor(), page.locator(".sd-question").first().waitFor()]);
  if (await start.isVisible()) await start.click();
  await page.locator(".sd-question").first().waitFor();
}

/** The number of the section on screen, from its progress bar (1 on the first section). */
export async function sectionNumber(page: Page): Promise<number> {
  return Number(await page.locator(".section-progress progress").getAttribute("value"));
}

/** How many sections the questionnaire has, from the labelled progress ("Section 3 of 17: ..."). */
export async function sectionCount(page: Page): Promise<number> {
  const label = (await page.locator(".section-progress-label").textContent()) ?? "";
  return Number(/of (\d+)/.exec(label)?.[1] ?? 0);
}

/** On the last page: "Check your answers", then "Submit answers" on the check-your-answers page. */
export async function checkAndSubmit(page: Page) {
  await page.locator(".sd-navigation__complete-btn:visible").click();
  await page.getByRole("heading", { name: "Check your answers" }).waitFor();
  await page.getByRole("button", { name: "Submit answers" }).first().click();
}

/**
 * Each questionnaire can be completed on a phone with the keyboard alone: Tab to a question,
 * Space to choose, Enter on Start / Next / Check your answers / Submit. After each Next, focus is
 * on the new section's heading and its top is within the viewport; nothing spills sideways
 * (WCAG 1.4.10 at 320 px); axe runs on every page when `axeEveryPage`, else on the first, a
 * middle and the check-your-answers page. `lang`: the language the pages are in (their button
 * names come from the message files); `onPage`, a further check run on each page checked.
 */
export async function completeWithKeyboard(
  page: Page,
  label: string,
  {
    axeEveryPage,
    lang = "en",
    onPage,
  }: { axeEveryPage: boolean; lang?: Lang; onPage?: (name: string) => Promise<void> },
) {
  const t = translator(lang, "respondent");
  const START = t("start.now");
  const CHECK = t("check.title");
  const SUBMIT = t("check.submit");
  const width = page.viewportSize()!.width;
  const checkPage = async (name: string, always = false) => {
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} fits ${width}px`,
    ).toBeLessThanOrEqual(width);
    if (axeEveryPage || always) await expectNoAxeViolations(page, name);
    await onPage?.(name);
  };
  // The start page: Tab to "Start now", Enter.
  await page.getByRole("button", { name: START }).waitFor();
  await checkPage(`${label}, start page`, true);
  for (let i = 0; i < 40 && !(await page.evaluate((name) => document.activeElement?.textContent === name, START)); i++)
    await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.locator(".sd-question").first().waitFor();

  let pagesSeen = 1;
  let headingsChecked = 0;
  await checkPage(`${label}, section 1`, true);
  for (let step = 0; step < 4000; step++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { kind: "none" };
      if (el instanceof HTMLInputElement && el.type === "radio") {
        const question = el.closest(".sd-question");
        const answered = question?.querySelector("input[type=radio]:checked");
        return { kind: "radio", answered: Boolean(answered) };
      }
      if (el.matches(".sd-navigation__next-btn")) return { kind: "next" };
      if (el.matches(".sd-navigation__complete-btn")) return { kind: "check" };
      return { kind: "other" };
    });
    if (focus.kind === "radio" && !focus.answered) await page.keyboard.press("Space");
    if (focus.kind === "next") {
      // One press per section, then wait for the section number to go up by one. Not the label's
      // text: its total changes when an answer brings a section in or out (the partner ratings
      // appear once the respondent's agency is given), and that can land just as Next is pressed.
      const from = await sectionNumber(page);
      await page.keyboard.press("Enter");
      await expect
        .poll(() => sectionNumber(page), { message: `${label}: Next from section ${from}`, timeout: 30_000 })
        .not.toBe(from);
      expect(await sectionNumber(page), `${label}: one section on from ${from}`).toBe(from + 1);
      // Focus on the new section's heading, whose top is on screen.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.tagName), { message: `${label}: focus after Next` })
        .toBe("H1");
      const heading = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const rect = el.getBoundingClientRect();
        return {
          tag: el.tagName,
          text: el.textContent,
          top: rect.top,
          viewport: window.innerHeight,
          section: document.querySelector(".section-progress-label")?.textContent,
        };
      });
      expect(heading.tag, `${label}: focus after Next`).toBe("H1");
      expect(heading.section).toContain(`: ${heading.text}`);
      expect(heading.top).toBeGreaterThanOrEqual(0);
      expect(heading.top).toBeLessThan(heading.viewport);
      headingsChecked++;
      pagesSeen++;
      await checkPage(`${label}, section ${pagesSeen}`, pagesSeen === 3);
    }
    if (focus.kind === "check") {
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: CHECK }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(CHECK);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, `${label}: check-your-answers height`).toBeLessThan(6000);
      await checkPage(`${label}, check your answers`, true);
      // Submit is near the top: the first Tab stops after the heading reach it.
      for (
        let i = 0;
        i < 5 && !(await page.evaluate((name) => document.activeElement?.textContent === name, SUBMIT));
        i++
      )
        await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(SUBMIT);
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/done$/, { timeout: 15_000 });
      await page.getByRole("heading", { name: t("done.title") }).waitFor();
      await checkPage(`${label}, done`, true);
      return { pagesSeen, headingsChecked, height };
    }
  }
  throw new Error(`${label}: could not reach the end with the keyboard`);
}
