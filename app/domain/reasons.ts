/**
 * The reasons a figure is not shown, as the scoring module writes them into snapshots: English
 * sentences ("Fewer than 5 respondents"). Snapshots are stored and old ones must still render,
 * so the words stay as they are and are mapped to a message key (with its values) only when a
 * report is shown, in the reader's language. A reason not listed here is shown as written.
 */
export interface ReasonMessage {
  /** A key of the `report` namespace. */
  key: string;
  values: Record<string, string>;
}

const REASONS: readonly { pattern: RegExp; key: string; names?: readonly string[] }[] = [
  { pattern: /^Fewer than (\d+) respondents$/, key: "reason.fewer", names: ["threshold"] },
  {
    pattern: /^Hidden so that a figure for fewer than (\d+) respondents cannot be worked out from the total$/,
    key: "reason.secondary",
    names: ["threshold"],
  },
  { pattern: /^Fewer than (\d+) respondents answered every item$/, key: "reason.alphaFewer", names: ["needed"] },
  { pattern: /^No answers$/, key: "reason.noAnswers" },
  { pattern: /^hidden$/, key: "reason.hidden" },
  { pattern: /^No responses in this round$/, key: "reason.noResponses" },
  { pattern: /^Not measured$/, key: "reason.notMeasured" },
  { pattern: /^Needs at least two items$/, key: "reason.twoItems" },
  { pattern: /^Everyone gave the same answers$/, key: "reason.sameAnswers" },
  { pattern: /^No facilitator items$/, key: "reason.noFacilitators" },
  { pattern: /^No barrier items$/, key: "reason.noBarriers" },
  { pattern: /^No items about this level$/, key: "reason.noLevelItems" },
  { pattern: /^The questionnaire has no continuum markers$/, key: "reason.noMarkers" },
  { pattern: /^No marker answers$/, key: "reason.noMarkerAnswers" },
  { pattern: /^Needs both a placement and a target$/, key: "reason.placementAndTarget" },
  { pattern: /^No answers to the continuum questions$/, key: "reason.noContinuumAnswers" },
];

/**
 * The message for a stored reason, or null when it is not a known one.
 *
 * @example
 * reasonMessage("Fewer than 5 respondents") // { key: "reason.fewer", values: { threshold: "5" } }
 */
export function reasonMessage(reason: string): ReasonMessage | null {
  for (const { pattern, key, names = [] } of REASONS) {
    const m = pattern.exec(reason);
    if (m) return { key, values: Object.fromEntries(names.map((name, i) => [name, m[i + 1]!])) };
  }
  return null;
}

/** The reason in the translator's language (`t` of the `report` namespace); unknown ones as written. */
export function reasonText(reason: string, t: (key: string, values?: Record<string, string>) => string): string {
  const message = reasonMessage(reason);
  return message ? t(message.key, message.values) : reason;
}
