import { z } from "zod";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that exists (2027-02-30 does not, though Date.parse takes it). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The one zod field for a date typed as YYYY-MM-DD (a form's date input), with the form's own
 * messages: `format` when it is not written as a date, `real` when no such day exists.
 *
 * @example
 * const Schema = z.object({ closesOn: isoDate({ format: "Enter the closing date as a date, like 2026-12-31", real: "Enter a real closing date" }) });
 */
export function isoDate(messages: { format: string; real: string }, base: z.ZodString = z.string()) {
  return base.regex(ISO_DATE, messages.format).refine(isIsoDate, messages.real);
}
