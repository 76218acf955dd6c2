/**
 * Response rates (issue 24): how many of the people invited in a group answered, where the lead
 * recorded how many were invited. A rate is a figure about a group of people like any other:
 * it is shown only where the group's count itself is shown (a rate and an invited number give
 * the count back), so it passes the same joint suppression as the counts it is made from.
 * Plain TypeScript, no framework or database imports.
 */
import { AGENCY_TYPES, LEVELS } from "./framework";

/** Below this share of the invited, a group's answers may not speak for it. */
export const LOW_RESPONSE_RATE = 0.2;

/** The groups a lead can record invited numbers for: every key is also a count the round shows. */
export const INVITED_GROUPS: readonly { key: string; name: string; family: boolean }[] = [
  { key: "staff", name: "All professionals", family: false },
  ...LEVELS.map((l) => ({ key: `level:${l.key}`, name: l.name, family: false })),
  ...AGENCY_TYPES.map((a) => ({ key: `agency:${a.key}`, name: a.name, family: false })),
  { key: "family", name: "Family voice", family: true },
];
export const INVITED_GROUP_KEYS = INVITED_GROUPS.map((g) => g.key);

/** A count as the caller shows it: a number, or hidden (suppressed, or not available). */
export type RateCount = { status: "ok"; n: number } | { status: "suppressed" | "no_data"; reason?: string };

export type ResponseRate =
  | { status: "ok"; invited: number; responded: number; percent: number; low: boolean; overInvited: boolean }
  /** The count is hidden, so the rate is too. */
  | { status: "hidden"; invited: number }
  /** No invited number recorded. */
  | { status: "unknown" };

/**
 * One group's response rate from its (already suppressed) count and the invited number.
 *
 * @example
 * responseRate({ status: "ok", n: 9 }, 60);          // { status: "ok", percent: 15, low: true, ... }
 * responseRate({ status: "suppressed" }, 40);        // { status: "hidden", invited: 40 }
 * responseRate({ status: "ok", n: 9 }, undefined);   // { status: "unknown" }
 */
export function responseRate(count: RateCount, invited: number | null | undefined): ResponseRate {
  if (invited === null || invited === undefined || !Number.isFinite(invited) || invited <= 0) {
    return { status: "unknown" };
  }
  if (count.status !== "ok") return { status: "hidden", invited };
  const share = count.n / invited;
  return {
    status: "ok",
    invited,
    responded: count.n,
    percent: Math.round(share * 100),
    low: share < LOW_RESPONSE_RATE,
    overInvited: count.n > invited,
  };
}

export interface GroupRate {
  key: string;
  name: string;
  rate: ResponseRate;
}

/**
 * The rates of every group with an invited number, in INVITED_GROUPS order.
 *
 * @example
 * responseRates({ staff: { status: "ok", n: 30 } }, { staff: 100 }, { family: false });
 * // [{ key: "staff", name: "All professionals", rate: { status: "ok", percent: 30, low: false, ... } }]
 */
export function responseRates(
  counts: Readonly<Record<string, RateCount | undefined>>,
  invited: Readonly<Record<string, number | undefined>>,
  options: { family: boolean },
): GroupRate[] {
  return INVITED_GROUPS.filter((g) => (options.family || !g.family) && invited[g.key] !== undefined).map((g) => ({
    key: g.key,
    name: g.name,
    rate: responseRate(counts[g.key] ?? { status: "no_data" }, invited[g.key]),
  }));
}

/** "30%", or why there is no rate, for tables and the commissioner view. */
export function rateText(rate: ResponseRate): string {
  if (rate.status === "ok") return `${rate.percent}%`;
  if (rate.status === "hidden") return "hidden (small group)";
  return "not recorded";
}
