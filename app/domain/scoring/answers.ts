/**
 * Reading raw answers: an item's answer as a score, a stage answer as 0..5, with "don't know"
 * and unanswered kept apart from every value.
 */
import { DONT_KNOW } from "../instrument";
import type { Polarity } from "../framework";

/*
 * Item scores are held as whole numbers of twelfths of a point (0..1200 = 0..100), so that
 * sums are exact whatever the order of respondents: facilitator 1..5 -> (v-1)*300, i.e.
 * 0, 25, 50, 75, 100; barrier 1..4 reversed -> (4-v)*400, i.e. 100, 66.7, 33.3, 0.
 */
export const TWELFTHS = 12;
export const DK = -1;
export const MISSING = -2;

function wholeNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return null;
}

/**
 * An answer in twelfths of a point, or DK / MISSING. "Don't know" is never a zero: it is its
 * own value, counted and excluded from every mean. Out-of-range or wrongly typed values are
 * treated as unanswered.
 */
export function itemValue(raw: unknown, barrier: boolean): number {
  if (raw === DONT_KNOW) return DK;
  const v = wholeNumber(raw);
  if (v === null) return MISSING;
  if (barrier) return v >= 1 && v <= 4 ? (4 - v) * 400 : MISSING; // 1 "not a barrier" = 100, 4 = 0
  return v >= 1 && v <= 5 ? (v - 1) * 300 : MISSING; // 1 strongly disagree = 0, 5 = 100
}

/** A stage answer 0..5, DK, or MISSING. */
export function stageValue(raw: unknown): number {
  if (raw === DONT_KNOW) return DK;
  const v = wholeNumber(raw);
  return v !== null && v >= 0 && v <= 5 ? v : MISSING;
}

/** Item score on the 0-100 scale for one raw answer, or null for "don't know" / invalid. Exported for the results page's explanations and tests. */
export function itemScore(raw: unknown, polarity: Polarity): number | null {
  const v = itemValue(raw, polarity === "barrier");
  return v >= 0 ? v / TWELFTHS : null;
}
