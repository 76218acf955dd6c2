/**
 * Answers kept on this device until the server acknowledges them (survey-runner.client.tsx),
 * in a module of their own so the start page can ask about them without loading SurveyJS.
 */

export type Answers = Record<string, unknown>;

/** What this device keeps until the server has acknowledged it: the full answer set, not a diff. */
export type Unsent = { answers: Answers; currentPage: number };

/** Where this device keeps them (also written by the first section's inline script, first-section.tsx). */
export const unsentKey = (token: string) => `unsent-answers:${token}`;

/** Whether this device holds answers the server has not acknowledged yet (the start page skips itself then). */
export function hasUnsentAnswers(token: string): boolean {
  try {
    return window.localStorage.getItem(unsentKey(token)) !== null;
  } catch {
    return false;
  }
}

export function readUnsent(token: string): Unsent | null {
  try {
    const raw = window.localStorage.getItem(unsentKey(token));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Unsent>;
    if (!parsed || typeof parsed.answers !== "object" || parsed.answers === null) return null;
    return { answers: parsed.answers, currentPage: typeof parsed.currentPage === "number" ? parsed.currentPage : 0 };
  } catch {
    return null;
  }
}

export function writeUnsent(token: string, unsent: Unsent | null) {
  try {
    if (unsent) window.localStorage.setItem(unsentKey(token), JSON.stringify(unsent));
    else window.localStorage.removeItem(unsentKey(token));
  } catch {
    /* storage full or disabled: the server copy is what counts */
  }
}
