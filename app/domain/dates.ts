import { translator, intlLocale } from "./i18n";
import { DEFAULT_LANG, type Lang } from "./language";

/**
 * The one way the product shows a date: UK style, day month year ("2 December 2027", in Welsh
 * "2 Rhagfyr 2027"), as the GOV.UK style guide asks. Dates are stored as ISO strings
 * ("2027-12-02") or timestamps; they are read as calendar dates in UTC so that a date never
 * shifts by a day with the server's time zone.
 */
const formats = new Map<Lang, Intl.DateTimeFormat>();
function ukDate(lang: Lang): Intl.DateTimeFormat {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lang), {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    formats.set(lang, format);
  }
  return format;
}

/**
 * Welsh month names, written out rather than taken from `Intl`: browsers ship different locale
 * data (Chromium's falls back to English for "cy"), and a page rendered on the server must read
 * the same in the browser.
 */
const WELSH_MONTHS = [
  "Ionawr",
  "Chwefror",
  "Mawrth",
  "Ebrill",
  "Mai",
  "Mehefin",
  "Gorffennaf",
  "Awst",
  "Medi",
  "Hydref",
  "Tachwedd",
  "Rhagfyr",
] as const;

/**
 * Formats an ISO date ("2027-12-02"), an ISO timestamp or a Date as "2 December 2027".
 * Anything that is not a date is returned unchanged, so a bad value is visible rather than hidden.
 *
 * @example
 * formatDate("2027-12-02"); // "2 December 2027"
 * formatDate("2027-12-02", "cy"); // "2 Rhagfyr 2027"
 */
export function formatDate(value: string | Date | null | undefined, lang: Lang = DEFAULT_LANG): string {
  if (value === null || value === undefined || value === "") return "";
  const date =
    value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return String(value);
  if (lang === "cy") return `${date.getUTCDate()} ${WELSH_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return ukDate(lang).format(date);
}

/**
 * A range of two ISO dates: "2 to 30 December 2027" is not attempted; both dates in full.
 *
 * @example
 * formatDateRange("2027-01-05", "2027-02-16"); // "5 January 2027 to 16 February 2027"
 */
export function formatDateRange(from: string, to: string, lang: Lang = DEFAULT_LANG): string {
  return translator(lang)("date.range", { from: formatDate(from, lang), to: formatDate(to, lang) });
}

/**
 * A moment as a UK date and a 24-hour time in UTC, for stored timestamps shown with "UTC" after
 * them (when a snapshot was published).
 *
 * @example
 * formatDateTime("2027-12-02T16:19:05.000Z"); // "2 December 2027 16:19"
 */
export function formatDateTime(value: string, lang: Lang = DEFAULT_LANG): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${formatDate(date, lang)} ${date.toISOString().slice(11, 16)}`;
}

/** A time of day, 24-hour UK style ("14:05"), in the browser's time zone. */
export function formatTime(value: Date, lang: Lang = DEFAULT_LANG): string {
  return value.toLocaleTimeString(intlLocale(lang), { hour: "2-digit", minute: "2-digit" });
}
