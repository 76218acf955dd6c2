/**
 * The one way the product shows a date: UK style, day month year ("2 December 2027"), as the
 * GOV.UK style guide asks. Dates are stored as ISO strings ("2027-12-02") or timestamps; they are
 * read as calendar dates in UTC so that a date never shifts by a day with the server's time zone.
 */
const ukDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * Formats an ISO date ("2027-12-02"), an ISO timestamp or a Date as "2 December 2027".
 * Anything that is not a date is returned unchanged, so a bad value is visible rather than hidden.
 *
 * @example
 * formatDate("2027-12-02"); // "2 December 2027"
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const date =
    value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return String(value);
  return ukDate.format(date);
}

/**
 * A range of two ISO dates: "2 to 30 December 2027" is not attempted; both dates in full.
 *
 * @example
 * formatDateRange("2027-01-05", "2027-02-16"); // "5 January 2027 to 16 February 2027"
 */
export function formatDateRange(from: string, to: string): string {
  return `${formatDate(from)} to ${formatDate(to)}`;
}
