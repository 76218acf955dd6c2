/** The action plan's statuses, shared by the server and the page (plain TypeScript, no imports). */
export const ACTION_STATUSES = ["not_started", "in_progress", "done"] as const;
export type ActionStatusKey = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_NAMES: Record<ActionStatusKey, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
};
