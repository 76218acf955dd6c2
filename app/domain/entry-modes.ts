/**
 * How a response came in (issue 24; DESIGN "Modes"): online by the respondent through an
 * invitation link, or entered by a lead or facilitator from a paper form or with the respondent
 * beside them. Entered responses are never linked to the person who entered them.
 */
export const ENTRY_MODES = ["online", "paper", "assisted"] as const;
export type EntryModeKey = (typeof ENTRY_MODES)[number];
/** The modes staff enter. */
export const STAFF_ENTRY_MODES = ["paper", "assisted"] as const;
export type StaffEntryMode = (typeof STAFF_ENTRY_MODES)[number];

export const ENTRY_MODE_NAMES: Record<EntryModeKey, string> = {
  online: "Online",
  paper: "On paper, entered by staff",
  assisted: "Assisted, entered by staff",
};

/** The stored column (null for online) as a mode key; anything unknown counts as online. */
export const entryModeOf = (stored: string | null | undefined): EntryModeKey =>
  stored === "paper" || stored === "assisted" ? stored : "online";
