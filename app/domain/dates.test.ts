import { describe, expect, it } from "vitest";
import { formatDate, formatDateRange, formatDateTime } from "./dates";

describe("UK dates", () => {
  it("writes an ISO date as day, month name and year", () => {
    expect(formatDate("2027-12-02")).toBe("2 December 2027");
    expect(formatDate("2026-01-31")).toBe("31 January 2026");
  });
  it("keeps the calendar day of a timestamp in UTC", () => {
    expect(formatDate("2027-12-02T23:30:00Z")).toBe("2 December 2027");
    expect(formatDate(new Date(Date.UTC(2028, 1, 29)))).toBe("29 February 2028");
  });
  it("leaves what is not a date visible, and empty as empty", () => {
    expect(formatDate("soon")).toBe("soon");
    expect(formatDate(null)).toBe("");
  });
  it("writes a range with both dates in full", () => {
    expect(formatDateRange("2027-01-05", "2027-02-16")).toBe("5 January 2027 to 16 February 2027");
  });
  it("writes a stored moment as the UK date and the time in UTC", () => {
    expect(formatDateTime("2027-12-02T16:19:05.123Z")).toBe("2 December 2027 16:19");
    expect(formatDateTime("2027-12-02T23:59:59Z", "cy")).toBe("2 Rhagfyr 2027 23:59");
    expect(formatDateTime("later")).toBe("later");
  });
});

describe("UK dates in Welsh", () => {
  it("names the month in Welsh, day month year", () => {
    expect(formatDate("2027-12-02", "cy")).toBe("2 Rhagfyr 2027");
    expect(formatDateRange("2027-01-05", "2027-02-16", "cy")).toBe("5 Ionawr 2027 i 16 Chwefror 2027");
  });
});
