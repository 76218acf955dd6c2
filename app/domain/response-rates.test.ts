import { describe, expect, it } from "vitest";
import { LOW_RESPONSE_RATE, responseRate, responseRates } from "./response-rates";

describe("response rates", () => {
  it("divides the shown count by the invited number and flags a low rate", () => {
    // 9 of 60 = 15%: below 20%, low. 30 of 100 = 30%: not low.
    expect(responseRate({ status: "ok", n: 9 }, 60)).toMatchObject({ status: "ok", percent: 15, low: true });
    expect(responseRate({ status: "ok", n: 30 }, 100)).toMatchObject({ status: "ok", percent: 30, low: false });
    // Exactly at the line is not low.
    expect(responseRate({ status: "ok", n: 20 }, 100 / (LOW_RESPONSE_RATE * 5))).toMatchObject({ low: false });
  });

  it("never shows a rate for a hidden count: with the invited number it would give the count back", () => {
    const rate = responseRate({ status: "suppressed", reason: "Fewer than 5 respondents" }, 40);
    expect(rate).toEqual({ status: "hidden", invited: 40 });
    expect(JSON.stringify(rate)).not.toMatch(/percent|responded/);
  });

  it("has no rate without an invited number, and notes more answers than invited", () => {
    expect(responseRate({ status: "ok", n: 9 }, undefined)).toEqual({ status: "unknown" });
    expect(responseRate({ status: "ok", n: 9 }, 0)).toEqual({ status: "unknown" });
    expect(responseRate({ status: "ok", n: 12 }, 10)).toMatchObject({ percent: 120, overInvited: true });
  });

  it("lists only groups with an invited number, and family only with the family questionnaire", () => {
    const counts = { staff: { status: "ok" as const, n: 30 }, family: { status: "ok" as const, n: 5 } };
    const invited = { staff: 100, family: 50, "level:team": 20 };
    expect(responseRates(counts, invited, { family: false }).map((r) => r.key)).toEqual(["staff", "level:team"]);
    const withFamily = responseRates(counts, invited, { family: true });
    expect(withFamily.map((r) => r.key)).toEqual(["staff", "level:team", "family"]);
    // A group with an invited number but no count available shows no rate.
    expect(withFamily.find((r) => r.key === "level:team")!.rate.status).toBe("hidden");
  });
});
