/**
 * Small-number suppression: no figure is shown, exported or served for a group smaller than
 * the round's threshold (DESIGN "Scoring"; README "never show a figure for a group below the
 * round's threshold").
 *
 * The scoring module calls these functions itself while it builds a result, so a caller
 * (results page, commissioner view, CSV export) only ever receives figures that are already
 * safe to publish: there is nothing for a caller to forget.
 *
 * Plain TypeScript, no framework or database imports.
 */
import { DEFAULT_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from "./framework";

/** A figure withheld because its group is too small (primary) or because it would let a hidden one be worked out (secondary). */
export interface Suppressed {
  status: "suppressed";
  reason: string;
}

/** Nothing to report: nobody in the group answered, or the questionnaire has no such items. */
export interface NoData {
  status: "no_data";
  reason: string;
}

/**
 * Every published figure is one of three things: a value (`status: "ok"` with its fields),
 * a suppression marker, or "no data". Never NaN, never a silent 0.
 *
 * @example
 * const fig: Figure<{ score: number }> = { status: "ok", score: 62.5 };
 * if (fig.status === "ok") console.log(fig.score);
 */
export type Figure<T extends object> = ({ status: "ok" } & T) | Suppressed | NoData;

/** A count of respondents. A count of 0 is a real, publishable figure. */
export type CountFigure = { status: "ok"; n: number } | Suppressed;

/**
 * The threshold a round uses. Undefined or null gives the default (5).
 *
 * Rule: a threshold below 3, or one that is not a whole number, **throws** a RangeError. It is
 * never clamped: a misconfigured threshold is a privacy fault, and failing loudly is safer than
 * quietly scoring with a value nobody chose.
 *
 * @example
 * resolveThreshold(undefined) // 5
 * resolveThreshold(10)        // 10
 * resolveThreshold(2)         // throws RangeError
 */
export function resolveThreshold(threshold?: number | null): number {
  if (threshold === undefined || threshold === null) return DEFAULT_SUPPRESSION_THRESHOLD;
  if (!Number.isInteger(threshold)) {
    throw new RangeError(`The suppression threshold must be a whole number (got ${String(threshold)})`);
  }
  if (threshold < MIN_SUPPRESSION_THRESHOLD) {
    throw new RangeError(
      `The suppression threshold must be at least ${MIN_SUPPRESSION_THRESHOLD} (got ${threshold})`,
    );
  }
  return threshold;
}

/** `{ status: "suppressed", reason: "Fewer than 5 respondents" }` */
export function suppressedMarker(threshold: number): Suppressed {
  return { status: "suppressed", reason: `Fewer than ${threshold} respondents` };
}

/** The marker for a figure hidden only to protect another one (secondary suppression). */
export function secondarySuppressedMarker(threshold: number): Suppressed {
  return {
    status: "suppressed",
    reason: `Hidden so that a figure for fewer than ${threshold} respondents cannot be worked out from the total`,
  };
}

export function noData(reason = "No answers"): NoData {
  return { status: "no_data", reason };
}

/**
 * The one gate every figure passes: no_data for an empty group, the suppression marker for a
 * group below the threshold, otherwise the figure. `compute` runs only for a group that may be
 * published, so a hidden figure is never even calculated.
 *
 * @example
 * guardFigure(4, 5, () => ({ score: 80 }))  // { status: "suppressed", reason: "Fewer than 5 respondents" }
 * guardFigure(0, 5, () => ({ score: 80 }))  // { status: "no_data", reason: "No answers" }
 * guardFigure(6, 5, () => ({ score: 80 }))  // { status: "ok", score: 80 }
 */
export function guardFigure<T extends object>(
  n: number,
  threshold: number,
  compute: () => T,
  noDataReason = "No answers",
): Figure<T> {
  if (n <= 0) return noData(noDataReason);
  if (n < threshold) return suppressedMarker(threshold);
  return { status: "ok", ...compute() };
}

/** A count: published as is when 0 or at least the threshold, suppressed when 1..threshold-1. */
export function countFigure(n: number, threshold: number): CountFigure {
  if (n > 0 && n < threshold) return suppressedMarker(threshold);
  return { status: "ok", n };
}

export type BreakdownDecision = "publish" | "primary" | "secondary" | "empty";

/**
 * Which groups of a breakdown may be published, given the total they add up to.
 *
 * Primary suppression hides every group with 1..threshold-1 respondents. Secondary
 * (complementary) suppression then stops a hidden group being worked out by subtraction from
 * the published total (e.g. the component score for all respondents minus the published
 * scores by level): the respondents in hidden groups, together with those in no group at all
 * (`totalN` minus the groups' sum, e.g. level not stated), must number 0 or at least the
 * threshold. If they number 1..threshold-1, the smallest published group (ties: first in
 * `groups` order, which callers keep fixed) is hidden too. That group has at least `threshold`
 * respondents, so one extra group is always enough.
 *
 * When `totalN` itself is below the threshold the total is suppressed and every group is too
 * (each is smaller than the total), so subtraction has nothing to work from.
 *
 * @example
 * // Total 20: team 12, organisation 6, local authority 2 (hidden), national 0.
 * planBreakdown([{key:"team",n:12},{key:"organisation",n:6},{key:"local_authority",n:2},{key:"national",n:0}], 20, 5)
 * // team publish, organisation secondary (smallest published), local_authority primary, national empty
 */
export function planBreakdown(
  groups: readonly { key: string; n: number }[],
  totalN: number,
  threshold: number,
): Map<string, BreakdownDecision> {
  const plan = new Map<string, BreakdownDecision>();
  let hidden = totalN;
  for (const { key, n } of groups) {
    if (n <= 0) plan.set(key, "empty");
    else if (n < threshold) plan.set(key, "primary");
    else {
      plan.set(key, "publish");
      hidden -= n;
    }
  }
  // `hidden` now counts respondents in primary-suppressed groups plus those in no group.
  if (hidden > 0 && hidden < threshold && totalN >= threshold) {
    let smallest: { key: string; n: number } | undefined;
    for (const g of groups) {
      if (plan.get(g.key) === "publish" && (smallest === undefined || g.n < smallest.n)) smallest = g;
    }
    if (smallest) plan.set(smallest.key, "secondary");
  }
  return plan;
}

/**
 * Applies {@link planBreakdown} to figures already guarded one by one: a group marked
 * "secondary" is replaced by the secondary marker. Keys keep the order of `keys`.
 */
export function suppressBreakdown<K extends string, T extends object>(
  keys: readonly K[],
  figures: Readonly<Record<K, Figure<T>>>,
  ns: Readonly<Record<K, number>>,
  totalN: number,
  threshold: number,
): Record<K, Figure<T>> {
  const plan = planBreakdown(
    keys.map((key) => ({ key, n: ns[key] })),
    totalN,
    threshold,
  );
  const out = {} as Record<K, Figure<T>>;
  for (const key of keys) {
    const decision = plan.get(key);
    if (decision === "secondary") out[key] = secondarySuppressedMarker(threshold);
    else if (decision === "primary") out[key] = suppressedMarker(threshold);
    else out[key] = figures[key];
  }
  return out;
}

/**
 * Counts by group (respondents by level, by agency type, by stage chosen), with primary and
 * secondary suppression. With `complement: "group"` (the default) the smallest published group
 * is hidden when needed; with `complement: "total"` the total is hidden instead, for
 * breakdowns whose groups print their own sizes elsewhere (the questionnaire sections).
 */
export function suppressCounts<K extends string>(
  keys: readonly K[],
  counts: Readonly<Record<K, number>>,
  totalN: number,
  threshold: number,
  complement: "group" | "total" = "group",
): { total: CountFigure; groups: Record<K, CountFigure> } {
  const plan = planBreakdown(
    keys.map((key) => ({ key, n: counts[key] })),
    totalN,
    threshold,
  );
  let total = countFigure(totalN, threshold);
  const groups = {} as Record<K, CountFigure>;
  for (const key of keys) {
    const decision = plan.get(key);
    if (decision === "secondary" && complement === "total") {
      groups[key] = { status: "ok", n: counts[key] };
      total = secondarySuppressedMarker(threshold);
    } else if (decision === "secondary") groups[key] = secondarySuppressedMarker(threshold);
    else groups[key] = countFigure(counts[key], threshold);
  }
  return { total, groups };
}

/**
 * One cell of a published table, after the statistics convention used by DfE children's
 * social care statistics: `c` for a confidential (suppressed) figure, `x` where there is no
 * data.
 *
 * @example
 * statisticsCell(component.overall, (f) => f.score) // 62.5, "c" or "x"
 */
export function statisticsCell<T extends object, V>(
  figure: Figure<T>,
  read: (ok: { status: "ok" } & T) => V,
): V | "c" | "x" {
  if (figure.status === "ok") return read(figure);
  return figure.status === "suppressed" ? "c" : "x";
}
