import type { Page } from "playwright-core";

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
