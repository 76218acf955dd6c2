/** The action plan's statuses, shared by the server and the page (plain TypeScript, no imports). */
export const ACTION_STATUSES = ["not_started", "in_progress", "done"] as const;
export type ActionStatusKey = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_NAMES: Record<ActionStatusKey, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
};

/** The statuses' names in Welsh (awaiting review with the other Welsh; see glossary.ts). */
const ACTION_STATUS_NAMES_CY: Record<ActionStatusKey, string> = {
  not_started: "Heb ddechrau",
  in_progress: "Ar y gweill",
  done: "Wedi'i wneud",
};

/** A status's name in a language ("en" or "cy"). */
export const actionStatusName = (key: ActionStatusKey, lang: "en" | "cy"): string =>
  (lang === "cy" ? ACTION_STATUS_NAMES_CY : ACTION_STATUS_NAMES)[key];
