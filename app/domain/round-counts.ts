/**
 * The lead's live view of a round: counts only (no scores until a snapshot is published),
 * suppressed jointly (./suppression.ts) so that no count below the threshold can be worked out
 * from the others: submitted, in progress, family voice, and each by level and kind of agency.
 * Plain TypeScript, no framework or database imports.
 */
import { AGENCY_TYPE_KEYS, LEVEL_KEYS, type AgencyTypeKey, type LevelKey } from "./framework";
import type { Completion } from "./completion";
import { ENTRY_MODES, entryModeOf, type EntryModeKey } from "./entry-modes";
import {
  planJointSuppression,
  suppressedMarker,
  secondarySuppressedMarker,
  type CountFigure,
  type PeopleGroup,
} from "./suppression";

/** One row of counts as the database groups them. */
export interface CountRow {
  kind: string;
  status: string;
  respondent_level: string | null;
  agency_type: string | null;
  /** Null (or absent) for online; "paper" or "assisted" for a response entered by staff. */
  entry_mode?: string | null;
  n: number;
  /** The page an unfinished response last saved on (needed for the completion funnel). */
  current_page?: number | null;
}

/** A count as the page shows it: a number, or hidden with the reason. */
export type ShownCount = { shown: true; n: number } | { shown: false; text: string };

export interface LiveCounts {
  submitted: ShownCount;
  inProgress: ShownCount;
  family: ShownCount;
  byLevel: Record<LevelKey, { submitted: ShownCount; inProgress: ShownCount }>;
  byAgency: Record<AgencyTypeKey, { submitted: ShownCount; inProgress: ShownCount }>;
  /**
   * The completion funnel (started, finished, and where unfinished responses stopped), planned
   * jointly with the counts above; present when `funnel` is given.
   */
  completion?: Completion;
  /** Submitted responses (both questionnaires) by how they came in. */
  byMode: Record<EntryModeKey, ShownCount>;
}

/**
 * @example
 * liveCounts([{ kind: "professional", status: "submitted", respondent_level: "team", agency_type: "health", n: 12 }], 5)
 * // submitted 12, team 12, health 12; the other groups 0
 */
export function liveCounts(
  rows: readonly CountRow[],
  threshold: number,
  /** The professional questionnaire's section titles: plans the completion funnel with the counts. */
  funnel?: { sections: readonly string[] },
): LiveCounts {
  // One index per person, so that every count is a group of people.
  const people: {
    kind: string;
    status: string;
    level: string | null;
    agency: string | null;
    page: number;
    mode: string;
  }[] = [];
  for (const r of rows) {
    if (r.kind === "family" && r.status !== "submitted") continue; // not shown
    for (let i = 0; i < r.n; i++)
      people.push({
        kind: r.kind,
        status: r.status,
        level: r.respondent_level,
        agency: r.agency_type,
        page: r.current_page ?? 0,
        mode: entryModeOf(r.entry_mode),
      });
  }
  const groups: PeopleGroup[] = [];
  const add = (key: string, test: (p: (typeof people)[number]) => boolean) =>
    groups.push({ key, members: people.flatMap((p, i) => (test(p) ? [i] : [])) });
  const pro = (status: string) => (p: (typeof people)[number]) => p.kind !== "family" && p.status === status;
  add("submitted", pro("submitted"));
  add("in_progress", pro("in_progress"));
  add("family", (p) => p.kind === "family");
  for (const status of ["submitted", "in_progress"]) {
    for (const l of LEVEL_KEYS) add(`level:${l}:${status}`, (p) => pro(status)(p) && p.level === l);
    for (const a of AGENCY_TYPE_KEYS) add(`agency:${a}:${status}`, (p) => pro(status)(p) && p.agency === a);
  }
  if (funnel) {
    // Started = every professional response; finished is the "submitted" group itself. A
    // response saved on a page past the last section (a shorter form) counts at the last one.
    const last = funnel.sections.length - 1;
    add("started", (p) => p.kind !== "family");
    funnel.sections.forEach((_, i) =>
      add(`stopped:${i}`, (p) => pro("in_progress")(p) && Math.min(Math.max(p.page, 0), last) === i),
    );
  }
  // Entered responses are counted apart, within the same joint plan: a paper count of 2 is
  // hidden, and so is whatever would let it be worked out.
  for (const m of ENTRY_MODES) add(`mode:${m}`, (p) => p.status === "submitted" && p.mode === m);
  const plan = planJointSuppression(people.length, groups, threshold, { populationPublished: false });
  const sizes = new Map(groups.map((g) => [g.key, g.members.length]));
  const shown = (key: string): ShownCount => {
    const d = plan.get(key);
    if (d === "publish" || d === "empty") return { shown: true, n: sizes.get(key) ?? 0 };
    return { shown: false, text: d === "primary" ? `fewer than ${threshold}` : "hidden" };
  };
  const pair = (prefix: string) => ({
    submitted: shown(`${prefix}:submitted`),
    inProgress: shown(`${prefix}:in_progress`),
  });
  const figure = (key: string): CountFigure => {
    const d = plan.get(key);
    if (d === "publish" || d === "empty") return { status: "ok", n: sizes.get(key) ?? 0 };
    return d === "primary" ? suppressedMarker(threshold) : secondarySuppressedMarker(threshold);
  };
  const completion: Completion | undefined = funnel
    ? {
        started: figure("started"),
        finished: figure("submitted"),
        stopped: funnel.sections.map((section, i) => ({ section, count: figure(`stopped:${i}`) })),
      }
    : undefined;
  return {
    ...(completion ? { completion } : {}),
    submitted: shown("submitted"),
    inProgress: shown("in_progress"),
    family: shown("family"),
    byLevel: Object.fromEntries(LEVEL_KEYS.map((l) => [l, pair(`level:${l}`)])) as LiveCounts["byLevel"],
    byAgency: Object.fromEntries(AGENCY_TYPE_KEYS.map((a) => [a, pair(`agency:${a}`)])) as LiveCounts["byAgency"],
    byMode: Object.fromEntries(ENTRY_MODES.map((m) => [m, shown(`mode:${m}`)])) as LiveCounts["byMode"],
  };
}
